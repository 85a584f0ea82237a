#!/usr/bin/env node
// The CLI runs from dist-cli, which bundles the exercises: rebuild it first when the course or the code
// changed since it was built (a hash check of a few ms when nothing did), so a new exercise folder is
// listed and graded at once.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const build = spawnSync(process.execPath, ['scripts/build-if-changed.mjs', 'cli', '--quiet'], { cwd: root, stdio: ['ignore', 2, 2] });
if (build.status !== 0) {
  console.error('assoclab could not be built: see the messages above (`npm run build:cli` in the project folder builds it).');
  process.exit(2);
}
// A reader that stops early (`assoclab grade ... | head -1`) closes the pipe: that ends the
// output, it is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}
await import('../dist-cli/assoclab.mjs');
