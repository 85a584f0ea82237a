/**
 * Builds the Node side of Associations Lab with esbuild: the `assoclab` CLI and the
 * runtime worker thread it starts. npm packages stay external (resolved from
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
