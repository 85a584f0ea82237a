/** There is no file system in a browser tab: every database lives in memory. */
function unavailable(name: string): never {
  throw new Error(`fs.${name}() is not available in this playground: databases live in memory.`);
}

export const mkdirSync = () => unavailable('mkdirSync');
export const readFileSync = () => unavailable('readFileSync');
export const writeFileSync = () => unavailable('writeFileSync');
export const existsSync = () => false;
export const promises = {};

export default { mkdirSync, readFileSync, writeFileSync, existsSync, promises };
