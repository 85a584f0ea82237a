/**
 * Finds the WebAssembly memory sql.js allocates, so the runtime can report how much it
 * holds (sql.js memory is never garbage-collected: a leak shows here first). sql.js does
 * not expose it, so the instantiation is observed once, while sql.js loads.
 */
type Instantiate = typeof WebAssembly.instantiate;

export async function loadWatchingWasmMemory<T>(load: () => Promise<T>): Promise<{ loaded: T; memoryBytes: () => number | null }> {
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
    return { loaded, memoryBytes: () => memory?.buffer.byteLength ?? null };
  } finally {
    wasm.instantiate = instantiate;
    if (instantiateStreaming) wasm.instantiateStreaming = instantiateStreaming;
  }
}
