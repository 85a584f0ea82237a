/**
 * Builds the Node side of Associations Lab with Vite (as the site is built, so
 * `import.meta.glob` finds the exercise folders the same way): the `assoclab` CLI, the
 * runtime worker thread it starts, the grader's sandbox (a member process and its worker
 * thread), the benchmark (with its own worker thread) and the screenshot tool. npm packages
 * stay external (resolved from node_modules); our TypeScript is bundled.
 */
import { build } from 'vite';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

await build({
  root,
  configFile: false,
  logLevel: 'warn',
  // The CLI is not a site: no public/ folder to copy.
  publicDir: false,
  build: {
    ssr: true,
    target: 'node20',
    outDir: 'dist-cli',
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    // Stack traces and the bench read better with names kept; size does not matter here.
    reportCompressedSize: false,
    rollupOptions: {
      input: {
        assoclab: 'src/grader/cli.ts',
        'runtime-worker': 'src/runtime/node/worker-thread.ts',
        // The grader's sandbox: a member process (under Node's permission model) and its worker thread.
        'sandbox-member': 'src/grader/sandbox/member.ts',
        'sandbox-worker': 'src/grader/sandbox/worker.ts',
        bench: 'bench/run.ts',
        'bench-worker': 'bench/node-worker.ts',
        screenshots: 'scripts/screenshots.ts',
      },
      // Chunks sit beside the entries: the CLI finds runtime-worker.mjs next to its own code.
      output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' },
    },
  },
});
