/**
 * Finds the WebAssembly memory sql.js allocates, so the runtime can report how much it
 * holds (sql.js memory is never garbage-collected: a leak shows here first), and caps it.
 * sql.js does not expose it, so the instantiation is observed once, while sql.js loads.
 *
 * The cap: SQLite's own heap limit (PRAGMA hard_heap_limit) does nothing in sql.js's build,
 * which counts no memory. Emscripten grows the memory with `memory.grow()` when SQLite's
 * malloc needs more (its page cache, sorts, temporary b-trees; the database itself is a
 * file of Emscripten's in-memory file system, capped by `PRAGMA max_page_count`, see
 * ../core/execute.ts); refused, malloc returns null and SQLite fails the statement
 * cleanly with SQLITE_NOMEM ("out of memory"), where the memory would otherwise grow to 2 GB.
 */
type Instantiate = typeof WebAssembly.instantiate;

export interface WatchedWasm<T> {
  loaded: T;
  /** Bytes the memory holds now. */
  memoryBytes: () => number | null;
}

const PAGE = 65_536;

/** Each capped memory's cap. sql.js's Node build is loaded once per process: a second host caps the same memory. */
const caps = new WeakMap<WebAssembly.Memory, { capBytes: number }>();

function capMemory(memory: WebAssembly.Memory, capBytes: number): void {
  const known = caps.get(memory);
  if (known) {
    known.capBytes = capBytes;
    return;
  }
  const cap = { capBytes };
  caps.set(memory, cap);
  const grow = memory.grow.bind(memory);
  Object.defineProperty(memory, 'grow', {
    value: (pages: number) => {
      if (memory.buffer.byteLength + pages * PAGE > cap.capBytes) throw new RangeError('sql.js memory is over the memory budget');
      return grow(pages);
    },
  });
}

export async function loadWatchingWasmMemory<T>(load: () => Promise<T>, capBytes = Infinity): Promise<WatchedWasm<T>> {
  let memory: WebAssembly.Memory | undefined;
  const remember = (instance: WebAssembly.Instance) => {
    for (const value of Object.values(instance.exports)) if (value instanceof WebAssembly.Memory) memory = value;
  };
  const wasm = WebAssembly as unknown as { instantiate: Instantiate; instantiateStreaming?: typeof WebAssembly.instantiateStreaming };
  const instantiate = wasm.instantiate;
  const instantiateStreaming = wasm.instantiateStreaming;
  wasm.instantiate = (async (...args: Parameters<Instantiate>) => {
    const result = (await (instantiate as (...a: unknown[]) => Promise<unknown>)(...args)) as WebAssembly.WebAssemblyInstantiatedSource | WebAssembly.Instance;
    remember('instance' in result ? result.instance : result);
    return result;
  }) as Instantiate;
  if (instantiateStreaming) {
    wasm.instantiateStreaming = async (...args) => {
      const result = await instantiateStreaming(...args);
      remember(result.instance);
      return result;
    };
  }
  try {
    const loaded = await load();
    const found = memory;
    if (found && Number.isFinite(capBytes)) capMemory(found, capBytes);
    return { loaded, memoryBytes: () => memory?.buffer.byteLength ?? null };
  } finally {
    wasm.instantiate = instantiate;
    if (instantiateStreaming) wasm.instantiateStreaming = instantiateStreaming;
  }
}
