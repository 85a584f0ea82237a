#!/usr/bin/env node
// The CLI is built into dist-cli by `npm run build:cli` (run on `npm install` by the prepare script).
import('../dist-cli/assoclab.mjs').catch((error) => {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist-cli')) {
    console.error('assoclab is not built yet: run `npm run build:cli` in the project folder.');
    process.exit(2);
  }
  throw error;
});
