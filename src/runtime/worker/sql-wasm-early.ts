/**
 * Starts downloading and compiling sql.js's WebAssembly the moment the worker starts.
 *
 * Imported first by the worker entry, so this runs before the bundle evaluates Sequelize:
 * the wasm streams and compiles on the browser's background threads while the worker's
 * JavaScript is still being evaluated, instead of after it. In the isolated runtime frame
 * (./runtime-frame.ts) the worker cannot fetch: its loader compiles the bytes the page
 * sent and leaves them, with the worker's port to the page, on the global read here.
 */
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import { BOOT_GLOBAL, type IsolatedBoot } from './isolated-boot';

/** When the worker's first line ran (its own clock: ms since the worker was created). */
export const workerFirstLineAt = performance.now();

async function compile(): Promise<WebAssembly.Module> {
  const response = fetch(wasmUrl);
  try {
    return await WebAssembly.compileStreaming(response);
  } catch {
    // A host serving .wasm with the wrong content type: compile from the bytes instead.
    return WebAssembly.compile(await (await fetch(wasmUrl)).arrayBuffer());
  }
}

const globals = globalThis as unknown as Record<string, IsolatedBoot | undefined>;
/** Set when the worker was started by the isolated frame's loader; removed from the global before any program runs. */
export const isolatedBoot: IsolatedBoot | undefined = globals[BOOT_GLOBAL];
delete globals[BOOT_GLOBAL];

export const sqlWasmModule: Promise<WebAssembly.Module> = isolatedBoot ? isolatedBoot.wasm : compile();
// Avoid an unhandled rejection before anyone awaits it; the worker reports the failure.
sqlWasmModule.catch(() => undefined);
