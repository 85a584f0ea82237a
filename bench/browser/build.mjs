/**
 * Builds the benchmark's browser page and worker (./index.html, ./bench-worker.ts) into
 * dist-bench/, with the same worker plugins as the site (astro.config.mjs), so the bench's
 * worker is the production runtime plus the bench's own requests, and the site never
 * carries them.
 */
import { build } from 'vite';
import { fileURLToPath } from 'node:url';
import { browserRuntime } from '../../scripts/vite-browser-runtime.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));

await build({
  root: here,
  configFile: false,
  logLevel: 'warn',
  base: './',
  worker: { format: 'es', plugins: () => [browserRuntime()] },
  build: { outDir: fileURLToPath(new URL('../../dist-bench', import.meta.url)), emptyOutDir: true, chunkSizeWarningLimit: 4096 },
});
