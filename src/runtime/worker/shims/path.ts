/** POSIX path helpers for the few places Sequelize touches paths (file storage). */
export const sep = '/';

export function normalize(path: string): string {
  const absolute = path.startsWith('/');
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (!part || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  const joined = parts.join('/');
  return absolute ? `/${joined}` : joined || '.';
}

export const join = (...parts: string[]): string => normalize(parts.filter(Boolean).join('/'));
export const resolve = (...parts: string[]): string => normalize(`/${parts.join('/')}`);
export const dirname = (path: string): string => {
  const index = path.lastIndexOf('/');
  return index <= 0 ? (index === 0 ? '/' : '.') : path.slice(0, index);
};
export const basename = (path: string, ext?: string): string => {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return ext && base.endsWith(ext) ? base.slice(0, -ext.length) : base;
};
export const extname = (path: string): string => {
  const base = basename(path);
  const index = base.lastIndexOf('.');
  return index > 0 ? base.slice(index) : '';
};
export const isAbsolute = (path: string): boolean => path.startsWith('/');
export const posix = { sep, normalize, join, resolve, dirname, basename, extname, isAbsolute };

export default { ...posix, posix };
