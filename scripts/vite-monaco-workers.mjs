/**
 * Vite plugin: Monaco's two workers (the editor worker and the TypeScript language
 * service, ~7 MB of the TypeScript compiler) are bundled by esbuild once per Monaco
 * version and cached in node_modules/.cache, instead of by Rollup on every build.
 *
 * Why: they are third-party code that never changes between our builds, and Rollup spent
 * most of the site's build time parsing and minifying the TypeScript compiler. The page
 * still gets a hashed module-worker file per worker, and `import X from
 * 'monaco-editor/…/ts.worker?worker'` still gives a constructor, so callers are unchanged.
 * Monaco's own fallback, `new Worker(new URL('ts.worker.js', import.meta.url))` in its
 * TypeScript worker manager, is pointed at the same file: left alone, Vite would bundle the
 * compiler a second time for a line that never runs (we set MonacoEnvironment.getWorker).
 */
import { build as esbuild } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('..', import.meta.url));
const PREFIX = '\0prebuilt-monaco-worker:';
const TS_WORKER_MANAGER = /[\\/]monaco-editor[\\/]esm[\\/]vs[\\/]languages[\\/]features[\\/]typescript[\\/]workerManager\.js$/;
const TS_FALLBACK = `new Worker(new URL('ts.worker.js', import.meta.url), { type: "module" })`;
const WORKERS = {
  'monaco-editor/editor/editor.worker?worker': { name: 'editor.worker', entry: 'monaco-editor/editor/editor.worker' },
  'monaco-editor/language/typescript/ts.worker?worker': { name: 'ts.worker', entry: 'monaco-editor/language/typescript/ts.worker' },
};

function cacheDir() {
  // monaco-editor's exports map hides its package.json: read it from the folder.
  const monaco = JSON.parse(readFileSync(join(root, 'node_modules', 'monaco-editor', 'package.json'), 'utf8')).version;
  const bundler = require('esbuild/package.json').version;
  return join(root, 'node_modules', '.cache', 'assoclab-monaco-workers', `monaco-${monaco}-esbuild-${bundler}`);
}

/** Bundles one worker (minified ES module) unless this Monaco version's copy is cached; returns its path. */
async function prebuilt(worker) {
  const dir = cacheDir();
  const file = join(dir, `${worker.name}.js`);
  if (existsSync(file)) return file;
  mkdirSync(dir, { recursive: true });
  // Written beside, then renamed: a build stopped half-way never leaves a truncated cache.
  const partial = `${file}.${process.pid}.partial`;
  await esbuild({
    absWorkingDir: root,
    entryPoints: [worker.entry],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    outfile: partial,
    logLevel: 'warning',
  });
  renameSync(partial, file);
  return file;
}

/** @returns {import('vite').Plugin} */
export function prebuiltMonacoWorkers() {
  let serve = false;
  return {
    name: 'assoclab-prebuilt-monaco-workers',
    enforce: 'pre',
    configResolved(config) {
      serve = config.command === 'serve';
    },
    transform(code, id) {
      if (!TS_WORKER_MANAGER.test(id)) return null;
      if (!code.includes(TS_FALLBACK)) {
        this.error(`Monaco's TypeScript worker manager changed: ${TS_FALLBACK} not found in ${id}; update scripts/vite-monaco-workers.mjs`);
      }
      return `import AssoclabTsWorker from ${JSON.stringify(PREFIX + 'ts.worker')};\n${code.replace(TS_FALLBACK, 'new AssoclabTsWorker()')}`;
    },
    resolveId(source) {
      if (source.startsWith(PREFIX)) return source;
      // The resolved id drops the `?worker` query, so Vite's own worker plugin leaves it to us.
      return source in WORKERS ? PREFIX + WORKERS[source].name : null;
    },
    async load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const worker = Object.values(WORKERS).find((candidate) => candidate.name === id.slice(PREFIX.length));
      const file = await prebuilt(worker);
      const url = serve
        ? JSON.stringify(`/@fs/${file.replace(/\\/g, '/').replace(/^\//, '')}`)
        : `import.meta.ROLLUP_FILE_URL_${this.emitFile({ type: 'asset', name: `${worker.name}.js`, source: readFileSync(file) })}`;
      return `export default function MonacoWorker(options) {
  return new Worker(${url}, { type: 'module', name: options?.name ?? ${JSON.stringify(worker.name)} });
}`;
    },
  };
}
