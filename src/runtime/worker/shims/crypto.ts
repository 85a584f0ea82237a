/**
 * Node's `crypto`, as much as Express uses: SHA-1 hashes for ETags (so the browser sends
 * the same ETag as Node) and random bytes.
 */
import { Buffer } from 'buffer';

function sha1(bytes: Uint8Array): Uint8Array {
  const length = bytes.length;
  const words = new Uint32Array((((length + 8) >> 6) + 1) * 16);
  for (let i = 0; i < length; i++) words[i >> 2]! |= bytes[i]! << (24 - (i % 4) * 8);
  words[length >> 2]! |= 0x80 << (24 - (length % 4) * 8);
  words[words.length - 1] = length * 8;
  let [a, b, c, d, e] = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
  const w = new Uint32Array(80);
  const rotate = (x: number, n: number) => (x << n) | (x >>> (32 - n));
  for (let block = 0; block < words.length; block += 16) {
    for (let t = 0; t < 80; t++) w[t] = t < 16 ? words[block + t]! : rotate(w[t - 3]! ^ w[t - 8]! ^ w[t - 14]! ^ w[t - 16]!, 1);
    let [x, y, z, u, v] = [a, b, c, d, e];
    for (let t = 0; t < 80; t++) {
      const f = t < 20 ? (y & z) | (~y & u) : t < 40 ? y ^ z ^ u : t < 60 ? (y & z) | (y & u) | (z & u) : y ^ z ^ u;
      const k = t < 20 ? 0x5a827999 : t < 40 ? 0x6ed9eba1 : t < 60 ? 0x8f1bbcdc : 0xca62c1d6;
      const next = (rotate(x, 5) + f + v + k + w[t]!) | 0;
      [v, u, z, y, x] = [u, z, rotate(y, 30), x, next];
    }
    [a, b, c, d, e] = [(a + x) | 0, (b + y) | 0, (c + z) | 0, (d + u) | 0, (e + v) | 0];
  }
  const out = new Uint8Array(20);
  new DataView(out.buffer).setUint32(0, a);
  new DataView(out.buffer).setUint32(4, b);
  new DataView(out.buffer).setUint32(8, c);
  new DataView(out.buffer).setUint32(12, d);
  new DataView(out.buffer).setUint32(16, e);
  return out;
}

class Hash {
  private readonly chunks: Uint8Array[] = [];
  constructor(algorithm: string) {
    if (algorithm.toLowerCase() !== 'sha1') throw new Error(`crypto.createHash('${algorithm}') is not available in this playground.`);
  }
  update(data: string | Uint8Array, encoding?: string): this {
    this.chunks.push(typeof data === 'string' ? Buffer.from(data, (encoding as BufferEncoding) ?? 'utf8') : data);
    return this;
  }
  digest(encoding?: string): string | Buffer {
    const digest = Buffer.from(sha1(Buffer.concat(this.chunks)));
    return encoding ? digest.toString(encoding as BufferEncoding) : digest;
  }
}

export const createHash = (algorithm: string) => new Hash(algorithm);
export const randomBytes = (size: number) => Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(size)));
export const randomUUID = () => globalThis.crypto.randomUUID();

export default { createHash, randomBytes, randomUUID };
