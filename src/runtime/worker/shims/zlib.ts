/** Node's `zlib`: compressed request bodies are not supported in the playground. */
function unsupported(): never {
  throw new Error('Compressed request bodies are not supported in this playground.');
}
export const createGunzip = unsupported;
export const createInflate = unsupported;
export const createBrotliDecompress = unsupported;
export default { createGunzip, createInflate, createBrotliDecompress };
