/** The cap on sql.js's memory: growth past it is refused as Emscripten expects (a thrown RangeError). */
import { describe, expect, it } from 'vitest';
import { loadWatchingWasmMemory } from './wasm-memory';

/** `(module (memory (export "m") 1))`: one 64 KiB page. */
const MODULE = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x05, 0x03, 0x01, 0x00, 0x01, 0x07, 0x05, 0x01, 0x01, 0x6d, 0x02, 0x00]);

describe('loadWatchingWasmMemory', () => {
  it('finds the memory, and refuses to grow it past the cap', async () => {
    const { loaded, memoryBytes } = await loadWatchingWasmMemory(() => WebAssembly.instantiate(MODULE), 4 * 65_536);
    const memory = loaded.instance.exports.m as WebAssembly.Memory;
    expect(memoryBytes()).toBe(65_536);
    expect(memory.grow(3)).toBe(1);
    expect(memoryBytes()).toBe(4 * 65_536);
    expect(() => memory.grow(1)).toThrow(RangeError);
    expect(memoryBytes()).toBe(4 * 65_536);
  });
});
