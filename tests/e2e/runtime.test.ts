/**
 * The execution core in real Chromium, through the built (minified) worker: the same
 * programs as the Node tests, plus what only a browser shows (the page stays responsive).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createNodeRuntimeClient } from '../../src/runtime/node/node-client';
import type { RunResult } from '../../src/schemas/run-result';
import { fromEngine } from '../differential/compare';
import { launchChromium, openPage } from './browser';
import { serveDist, type StaticSite } from './static-server';

const seed = readFileSync(new URL('../fixtures/sample-program.js', import.meta.url), 'utf8');
let site: StaticSite;
let browser: Browser;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  site = await serveDist();
  browser = await launchChromium();
  ({ page, errors: pageErrors } = await openPage(browser));
  await page.goto(`${site.url}/diagnostics/`);
  await page.waitForFunction(() => 'assoclabRuntime' in window);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

function run(source: string, options: { timeBudgetMs?: number; language?: 'javascript' | 'typescript' } = {}): Promise<RunResult> {
  return page.evaluate(
    ([text, opts]) => (window as unknown as { assoclabRuntime: { run(s: string, o: object): Promise<RunResult> } }).assoclabRuntime.run(text, opts),
    [source, options] as const,
  );
}

const texts = (result: RunResult) => result.console.map((entry) => entry.text);

describe('the runtime worker in Chromium', () => {
  it('runs the seed program unchanged (Express included)', async () => {
    const result = await run(seed);
    expect(result.error).toBeUndefined();
    expect(texts(result)).toEqual(['Alice wrote: Hello', 'Alice wrote: World']);
    const select = result.sql.find((statement) => statement.sql.includes('FROM `Posts` AS `Post`'));
    expect(select?.source?.line).toBe(19);
  });

  it('returns bulkCreate ids from the minified bundle', async () => {
    const result = await run(
      "import { Sequelize, DataTypes } from 'sequelize';\nconst s = new Sequelize('sqlite::memory:');\nconst T = s.define('T', { n: DataTypes.INTEGER });\nawait s.sync();\nconst rows = await T.bulkCreate([{ n: 1 }, { n: 2 }, { n: 3 }]);\nconsole.log(rows.map((r) => r.id));\n",
    );
    expect(texts(result)).toEqual(['[ 1, 2, 3 ]']);
  });

  it('raises Sequelize error classes for constraint violations', async () => {
    const result = await run(
      "import { Sequelize, DataTypes, ForeignKeyConstraintError } from 'sequelize';\nconst s = new Sequelize('sqlite::memory:');\nconst U = s.define('U', {});\nconst P = s.define('P', {});\nP.belongsTo(U);\nawait s.sync();\ntry { await P.create({ UId: 9 }); } catch (e) { console.log(e instanceof ForeignKeyConstraintError, e.name); }\n",
    );
    expect(texts(result)).toEqual(['true SequelizeForeignKeyConstraintError']);
  });

  it('reports a syntax error and a runtime error at the learner line', async () => {
    expect((await run('const ok = 1;\nconst broken = ;\n')).error).toMatchObject({ kind: 'syntax', location: { line: 2 } });
    expect((await run('const ok = 1;\n\nundefined.x;\n')).error).toMatchObject({ kind: 'runtime', name: 'TypeError', location: { line: 3 } });
  });

  it('reports thrown strings, unhandled rejections and process.exit clearly', async () => {
    expect((await run("throw 'nope';\n")).error).toMatchObject({ kind: 'thrown-value' });
    expect((await run("(async () => { throw new Error('late'); })();\n")).error).toMatchObject({ kind: 'unhandled-rejection', location: { line: 1 } });
    const exited = await run("console.log('a');\nprocess.exit(2);\n");
    expect(exited.error).toMatchObject({ kind: 'exit', location: { line: 2 } });
    expect(texts(exited)).toEqual(['a']);
  });

  it('stops an endless loop, keeps the page responsive, and runs the next program', async () => {
    const started = Date.now();
    const stuck = page.evaluate(() =>
      (window as unknown as { assoclabRuntime: { run(s: string, o: object): Promise<RunResult> } }).assoclabRuntime.run(
        "console.log('spinning');\nwhile (true) {}\n",
        { timeBudgetMs: 1000 },
      ),
    );
    // The main thread answers while the worker spins.
    expect(await page.evaluate(() => 6 * 7)).toBe(42);
    const result = await stuck;
    expect(result.error?.kind).toBe('timeout');
    expect(result.error?.message).toContain('Stopped after 1 s');
    expect(texts(result)).toEqual(['spinning']);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(texts(await run("console.log('next');\n"))).toEqual(['next']);
  });

  it('caps 10 MB of output and says what was cut', async () => {
    const result = await run("const chunk = 'y'.repeat(10_000);\nfor (let i = 0; i < 1000; i++) console.log(chunk);\n");
    expect(result.truncated?.droppedChars).toBeGreaterThan(9_000_000);
    expect(result.console.length).toBeLessThan(100);
  });

  it('passes its own self-test from the page', async () => {
    await page.getByRole('button', { name: 'Run the self-test' }).click();
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 30_000 }).toMatch(/All checks passed/);
    expect(pageErrors).toEqual([]);
  });
});

/**
 * The differential suite holds the engine in Node to native sqlite3; these hold the engine in
 * Chromium to the engine in Node, on the programs where the browser host differs: its printer
 * (node-inspect-extracted), its macrotasks (a MessageChannel) and its url shim.
 */
describe('the runtime worker in Chromium prints, interleaves and warns as in Node', () => {
  const programs = [
    'printing/values.js',
    'printing/console-methods.js',
    'printing/errors.js',
    'transactions/started-together.js',
    'transactions/settle-order.js',
    'warnings/public-class-fields.js',
    'warnings/finder-options-and-defaults.js',
    'connection/url-and-config.js',
    'raw-queries/bind-types.js',
    'errors/foreign-key-error.js',
  ];

  let node: ReturnType<typeof createNodeRuntimeClient>;
  beforeAll(() => {
    node = createNodeRuntimeClient();
  });
  afterAll(() => node?.dispose());

  it.each(programs)('%s', async (name) => {
    const source = readFileSync(new URL(`../differential/programs/${name}`, import.meta.url), 'utf8');
    expect(fromEngine(await run(source))).toEqual(fromEngine(await node.run(source)));
  });
});
