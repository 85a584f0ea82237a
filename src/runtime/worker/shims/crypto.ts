/**
 * Node's `crypto`, as much as Express uses: SHA-1 hashes for ETags (so the browser sends
 * the same ETag as Node) and random bytes. SHA-1 comes from @noble/hashes (audited, and
 * only its sha1 is bundled); the Web Crypto API cannot stand in because Express hashes
 * synchronously.
 */
import { Buffer } from 'buffer';
import { sha1 } from '@noble/hashes/legacy.js';

class Hash {
  private readonly hash = sha1.create();
  constructor(algorithm: string) {
    if (algorithm.toLowerCase() !== 'sha1') throw new Error(`crypto.createHash('${algorithm}') is not available in this playground.`);
  }
  update(data: string | Uint8Array, encoding?: string): this {
    this.hash.update(typeof data === 'string' ? Buffer.from(data, (encoding as BufferEncoding) ?? 'utf8') : data);
    return this;
  }
  digest(encoding?: string): string | Buffer {
    const digest = Buffer.from(this.hash.digest());
    return encoding ? digest.toString(encoding as BufferEncoding) : digest;
  }
}

export const createHash = (algorithm: string) => new Hash(algorithm);
export const randomBytes = (size: number) => Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(size)));
export const randomUUID = () => globalThis.crypto.randomUUID();

export default { createHash, randomBytes, randomUUID };
