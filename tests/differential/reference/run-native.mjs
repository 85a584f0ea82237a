/**
 * Runs one program with the real Sequelize 6 on the native `sqlite3` package, as a learner
 * runs it with `node program.mjs`, and writes down what it did (v8-serialized, to the
 * file named by the second argument) for tests/differential.test.ts:
 *
 * - `output`: everything written to stdout and stderr, one entry per write, in order;
 * - `statements`: every statement Sequelize's queries handed to sqlite3 (its run() and
 *   all() called with parameters and a callback, as Sequelize's sqlite Query does), in the
 *   order sqlite3 received them, with the raw parameters and the error SQLite answered;
 * - `error`: what ended the program (a top-level throw, an uncaught exception or an
 *   unhandled rejection, where Node would print it and exit with code 1).
 *
 *   node run-native.mjs <program.mjs> <result-file>
 *
 * The program must sit in this folder (so `import 'sequelize'` resolves here).
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serialize } from 'node:v8';

const [programFile, resultFile] = process.argv.slice(2);
if (!programFile || !resultFile) throw new Error('usage: node run-native.mjs <program.mjs> <result-file>');

const require = createRequire(import.meta.url);
const sqlite3 = require('sqlite3');

/** @type {{ stream: 'stdout' | 'stderr', text: string }[]} */
const output = [];
/** @type {{ sql: string, params: unknown, error?: string }[]} */
const statements = [];
/** @type {{ name: string, message: string, unhandled: boolean } | undefined} */
let error;

for (const stream of ['stdout', 'stderr']) {
  process[stream].write = (chunk, encoding, callback) => {
    output.push({ stream, text: typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8') });
    const done = typeof encoding === 'function' ? encoding : callback;
    if (typeof done === 'function') queueMicrotask(() => done());
    return true;
  };
}

for (const method of ['run', 'all']) {
  const original = sqlite3.Database.prototype[method];
  sqlite3.Database.prototype[method] = function (...args) {
    const [sql, params, callback] = args;
    if (args.length !== 3 || typeof params === 'function' || typeof callback !== 'function') return original.apply(this, args);
    const entry = { sql, params };
    statements.push(entry);
    return original.call(this, sql, params, function (err, ...results) {
      if (err) entry.error = err.message;
      return callback.call(this, err, ...results);
    });
  };
}

let written = false;
function writeResult() {
  if (written) return;
  written = true;
  writeFileSync(resultFile, serialize({ output, statements, error }));
}

function fail(thrown, unhandled) {
  error ??=
    thrown instanceof Error ? { name: thrown.name, message: thrown.message, unhandled } : { name: 'Uncaught', message: String(thrown), unhandled, value: true };
  // Node prints the error and exits with code 1 at once: nothing after it runs.
  process.exit(1);
}

process.on('exit', writeResult);
process.on('uncaughtException', (thrown) => fail(thrown, false));
process.on('unhandledRejection', (reason) => fail(reason, true));

try {
  await import(pathToFileURL(resolve(programFile)).href);
} catch (thrown) {
  fail(thrown, false);
}
