/**
 * The differential suite (issue #9): every program in tests/differential/programs runs with
 * the real Sequelize 6 on the native `sqlite3` package, as `node program.mjs` runs it on a
 * learner's machine, and through the engine (the same worker-thread runtime as `assoclab`
 * and, with the same core, the site). What it printed (stdout and stderr, in order), the
 * error that ended it, and every statement SQLite ran with its bound values and SQLite's
 * error must be the same.
 *
 * The native side is its own small package, tests/differential/reference (pinned sequelize
 * and sqlite3, kept out of the main install): installed here with `npm ci` when it is
 * missing (sqlite3 builds from source, a few minutes). If it cannot be installed the suite
 * fails and says why; it never skips. What is normalised before comparing, and why, is in
 * tests/differential/README.md.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize } from 'node:v8';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderedBindValues } from '../src/runtime/core/sql-log';
import type { RuntimeClient } from '../src/runtime/protocol/client';
import { createNodeRuntimeClient } from '../src/runtime/node/node-client';
import { fromEngine, normalise, normaliseValue, type Observed } from './differential/compare';

const root = fileURLToPath(new URL('..', import.meta.url));
const suite = join(root, 'tests', 'differential');
const reference = join(suite, 'reference');
const programsFolder = join(suite, 'programs');
/** Where the programs are copied to run natively: inside the reference package, so `sequelize` resolves there. */
const scratch = join(reference, '.run');

/** The SQLite each side runs (README.md says which, and why they may differ). */
const PINNED = { engine: '3.54.1', native: '3.52.0' };

interface Program {
  /** Its path under programs/, e.g. 'has-many-belongs-to/create-and-get.js'. */
  name: string;
  source: string;
}

function findPrograms(folder: string): Program[] {
  return readdirSync(folder, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) return findPrograms(path);
      return entry.name.endsWith('.js') ? [{ name: relative(programsFolder, path), source: readFileSync(path, 'utf8') }] : [];
    });
}

const programs = findPrograms(programsFolder);

/** What tests/differential/reference/run-native.mjs writes down. */
interface NativeRecord {
  output: { stream: 'stdout' | 'stderr'; text: string }[];
  statements: { sql: string; params: unknown; error?: string }[];
  error?: { name: string; message: string; unhandled: boolean };
}

// ------------------------------------------------------------------------- normalising

/**
 * Node's own process warnings, which are not Sequelize's: DEP0170, printed by url.parse
 * for 'sqlite::memory:', is dropped; a deprecation loses Node's `(node:PID) ` prefix and
 * the hint line after the first one, which the engine does not print.
 */
function nativeOutput(record: NativeRecord, source: string): Observed['output'] {
  // With no `logging` option Sequelize logs each statement with console.log natively; the
  // engine does not, on purpose (README.md): those lines are left out on both sides' terms.
  const defaultLogging = !/\blogging\s*:/.test(source);
  return record.output.flatMap(({ stream, text }) => {
    if (stream === 'stderr' && /^\(node:\d+\) \[DEP0170\] DeprecationWarning: The URL /.test(text)) return [];
    if (defaultLogging && stream === 'stdout' && /^Executing \([^)]*\): /.test(text)) return [];
    const shown = text
      .replace(/^\(node:\d+\) /, '')
      .replace(/\n\(Use `node --trace-deprecation \.\.\.` to show where the warning was created\)\n$/, '\n')
      .replace(/\n$/, '');
    return [{ stream, text: normalise(shown) }];
  });
}

function fromNative(record: NativeRecord, source: string): Observed {
  return {
    output: nativeOutput(record, source),
    error: record.error ? { ...record.error, message: normalise(record.error.message) } : null,
    sql: record.statements.map(({ sql, params, error }) => ({
      sql: normalise(sql),
      bind: orderedBindValues(params).map(normaliseValue),
      error: error ?? null,
    })),
  };
}

// ------------------------------------------------------------------------- the native side

function installReference(): void {
  const ready = ['node_modules/sequelize/package.json', 'node_modules/sqlite3/package.json'].every((file) => existsSync(join(reference, file)));
  if (!ready) {
    try {
      // sqlite3 has no prebuilt binary to download here: its install script builds it (node-gyp, a few minutes).
      execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: reference, stdio: 'pipe', timeout: 20 * 60_000, encoding: 'utf8' });
    } catch (error) {
      const { stderr = '', message } = error as { stderr?: string; message: string };
      throw new Error(
        `The native reference (tests/differential/reference: sequelize and sqlite3 on Node) could not be installed, ` +
          `so the engine cannot be compared with it. Run \`npm ci\` in that folder to see why (sqlite3 builds from ` +
          `source: it needs python3, make and a C++ compiler).\n${message}\n${stderr.slice(-3000)}`,
      );
    }
  }
  try {
    execFileSync(process.execPath, ['-e', "require('sqlite3')"], { cwd: reference, stdio: 'pipe' });
  } catch (error) {
    throw new Error(`The native reference is installed but its sqlite3 binding does not load: ${(error as Error).message}`);
  }
}

function runNative(program: Program): Promise<NativeRecord> {
  const base = program.name.replace(/\.js$/, '').replace(/[/\\]/g, '__');
  const file = join(scratch, `${base}.mjs`);
  const resultFile = join(scratch, `${base}.result`);
  writeFileSync(file, program.source);
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['run-native.mjs', file, resultFile],
      { cwd: reference, timeout: 60_000, env: { ...process.env, NODE_OPTIONS: '', FORCE_COLOR: '0' } },
      (error, _stdout, stderr) => {
        // Exit code 1 is a program that failed (its error is in the record); anything else is not a result.
        if (error && error.code !== 1) {
          reject(new Error(`${program.name} did not finish natively (exit ${String(error.code ?? error.signal)}): ${stderr}`));
          return;
        }
        try {
          resolve(deserialize(readFileSync(resultFile)) as NativeRecord);
        } catch (readError) {
          reject(new Error(`${program.name}: no native result (${(readError as Error).message}): ${stderr}`));
        }
      },
    );
  });
}

/** Runs the programs natively, `parallel` at a time, in order; each test awaits its own. */
function runAllNative(list: Program[], parallel = 2): Map<string, Promise<NativeRecord>> {
  const queue = [...list];
  const settlers = new Map<string, { resolve(record: NativeRecord): void; reject(error: unknown): void }>();
  const results = new Map(
    list.map((program) => {
      const promise = new Promise<NativeRecord>((resolve, reject) => settlers.set(program.name, { resolve, reject }));
      // Awaited by its test later: a failure before then is not an unhandled rejection.
      promise.catch(() => undefined);
      return [program.name, promise] as const;
    }),
  );
  const worker = async () => {
    for (let program = queue.shift(); program; program = queue.shift()) {
      const settle = settlers.get(program.name)!;
      await runNative(program).then(settle.resolve, settle.reject);
    }
  };
  for (let i = 0; i < parallel; i++) void worker();
  return results;
}

// ------------------------------------------------------------------------- the suite

let client: RuntimeClient;
let native: Map<string, Promise<NativeRecord>>;

beforeAll(() => {
  installReference();
  const engineSequelize = (createRequire(join(root, 'package.json'))('sequelize/package.json') as { version: string }).version;
  const nativeSequelize = (JSON.parse(readFileSync(join(reference, 'node_modules', 'sequelize', 'package.json'), 'utf8')) as { version: string }).version;
  if (engineSequelize !== nativeSequelize) {
    throw new Error(
      `The native reference runs sequelize ${nativeSequelize} and the engine ${engineSequelize}: pin the same version in tests/differential/reference/package.json.`,
    );
  }
  // The engine as `assoclab` runs it: the worker thread built from the current sources.
  execFileSync(process.execPath, ['scripts/build-if-changed.mjs', 'cli'], { cwd: root, stdio: 'pipe' });
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  native = runAllNative(programs);
  client = createNodeRuntimeClient();
}, 25 * 60_000);

afterAll(() => {
  client?.dispose();
  rmSync(scratch, { recursive: true, force: true });
});

describe('the differential suite', () => {
  it('has programs on every topic', () => {
    const topics = new Set(programs.map((program) => program.name.split(/[/\\]/)[0]));
    expect(programs.length).toBeGreaterThanOrEqual(40);
    expect([...topics].sort()).toEqual(
      [
        'accessors',
        'aliases',
        'belongs-to-many',
        'cascades',
        'connection',
        'eager-loading',
        'errors',
        'foreign-keys',
        'has-many-belongs-to',
        'has-one',
        'logging',
        'printing',
        'raw-queries',
        'scopes',
        'transactions',
        'warnings',
      ].sort(),
    );
  });

  it('compares the SQLite versions README.md names', async () => {
    const probe: Program = {
      name: 'sqlite-version.js',
      source:
        "import { Sequelize } from 'sequelize';\nconst s = new Sequelize('sqlite::memory:', { logging: false });\nconsole.log((await s.query('SELECT sqlite_version() AS v', { plain: true })).v);\n",
    };
    const engine = await client.run(probe.source);
    const nativeRecord = await runNative(probe);
    expect({ engine: engine.console[0]?.text, native: nativeRecord.output.find((entry) => entry.stream === 'stdout')?.text.trim() }).toEqual(PINNED);
  });
});

describe.each(programs.map((program) => [program.name, program] as const))('%s', (_name, program) => {
  it('prints, fails and sends SQL as with Sequelize on native sqlite3', async () => {
    const engine = fromEngine(await client.run(program.source));
    const expected = fromNative(await native.get(program.name)!, program.source);
    expect(engine).toEqual(expected);
  });
});
