/**
 * Sequelize's abstract connection manager imports semver to compare server versions, a
 * path the SQLite dialect never takes. This keeps the calls working without the ~20 KB
 * library: versions are compared numerically, part by part.
 */
function parts(version: string): number[] {
  return String(version).replace(/^[^\d]*/, '').split(/[.+-]/).slice(0, 3).map((part) => Number.parseInt(part, 10) || 0);
}

function compare(a: string, b: string): number {
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) {
    const difference = (x[i] ?? 0) - (y[i] ?? 0);
    if (difference) return Math.sign(difference);
  }
  return 0;
}

export const valid = (version: string): string | null => (/^\d+\.\d+\.\d+/.test(String(version)) ? String(version) : null);
export const coerce = (version: string): { version: string } | null => {
  const match = /(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(String(version));
  return match ? { version: `${match[1]}.${match[2] ?? 0}.${match[3] ?? 0}` } : null;
};
export const lt = (a: string, b: string): boolean => compare(a, b) < 0;
export const gt = (a: string, b: string): boolean => compare(a, b) > 0;
export const gte = (a: string, b: string): boolean => compare(a, b) >= 0;
export const lte = (a: string, b: string): boolean => compare(a, b) <= 0;

export default { valid, coerce, lt, gt, gte, lte };
