/**
 * Builds the Node side of Associations Lab with esbuild: the `assoclab` CLI, the runtime
 * worker thread it starts, and the benchmark (with its own worker thread). npm packages stay external (resolved from
 * node_modules); our TypeScript is bundled.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

await build({
  absWorkingDir: root,
  entryPoints: {
    assoclab: 'src/grader/cli.ts',
    'runtime-worker': 'src/runtime/node/worker-thread.ts',
    bench: 'bench/run.ts',
    'bench-worker': 'bench/node-worker.ts',
    screenshots: 'scripts/screenshots.ts',
  },
  outdir: 'dist-cli',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
