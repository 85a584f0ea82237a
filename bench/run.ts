/**
 * `npm run bench`: the speed and size figures of Associations Lab, as medians over
 * repeated runs, in Node (worker thread) and in Chromium (the runtime worker and a lesson
 * page of the built site). Prints a table and writes bench/results/latest.json.
 * `-- --grade` measures only the grader's throughput (./grade.ts), `-- --check` only
 * Check on a lesson page, `-- --runaway` only how fast runaway programs are stopped.
 *
 * The runtime figures come from bench workers: the production worker plus the bench's own
 * requests (memory, raw sql.js replay; bench/bench-requests.ts), which the site's worker
 * does not carry. In Node that is dist-cli/bench-worker.mjs; in Chromium a small page and
 * worker built with the site's worker plugins into dist-bench/ (bench/browser/build.mjs).
 */
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import type { RunResult } from '../src/schemas/run-result';
import type { RuntimeClient } from '../src/runtime/protocol/client';
import { createNodeRuntimeClient, workerThreadFactory } from '../src/runtime/node/node-client';
import { createNodeHost } from '../src/runtime/node/node-host';
import { runProgram } from '../src/runtime/core/execute';
import { benchChannel, type BenchWorker, type ReplayStatements, type RuntimeStats } from './bench-requests';
import { CHROMIUM_FLAGS, chromiumPath, launchChromium, networkQuiet } from '../tests/e2e/browser';
import { serveDist, type StaticSite } from '../tests/e2e/static-server';
import { kb, mb, median, ms, repeat, type Figure } from './measure';
import { measureRunawaysInChromium, measureRunawaysInNode } from './runaway';
import { measureCheckInChromium } from './check';
import { measureGrading } from './grade';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const distBench = join(root, 'dist-bench');
const seed = readFileSync(join(root, 'tests', 'fixtures', 'sample-program.js'), 'utf8');
const LESSON_PATH = '/lessons/basics/has-many-belongs-to/';
const WARM_RUNS = 30;
const LEAK_RUNS = 1000;
const figures: Figure[] = [];

function add(group: string, name: string, value: string, target?: string, met?: boolean): void {
  figures.push({ group, name, value, ...(target ? { target } : {}), ...(met === undefined ? {} : { met }) });
  process.stdout.write(`  ${name}: ${value}${target ? `  (target ${target}: ${met ? 'met' : 'NOT met'})` : ''}\n`);
}

const statements = (result: RunResult): ReplayStatements => result.sql.map(({ sql, bind }) => ({ sql, bind }));

/** What every host reports: startup, first and warm runs, the raw sql.js floor, memory. */
interface Host {
  newRuntime(): Promise<{ readyMs: number; client: HostClient; close(): Promise<void> }>;
}
interface HostClient {
  run(source: string): Promise<{ result: RunResult; ms: number }>;
  replay(list: ReturnType<typeof statements>): Promise<number>;
  stats(): Promise<RuntimeStats>;
}

async function measureHost(group: string, host: Host, targets: { warm?: number; ready?: number }): Promise<void> {
  process.stdout.write(`\n${group}\n`);
  const readies: number[] = [];
  const firsts: number[] = [];
  for (let i = 0; i < 5; i++) {
    const runtime = await host.newRuntime();
    readies.push(runtime.readyMs);
    const first = await runtime.client.run(seed);
    if (first.result.error) throw new Error(`The seed program failed in ${group}: ${first.result.error.message}`);
    firsts.push(first.ms);
    await runtime.close();
  }
  const readyMedian = median(readies);
  add(
    group,
    'worker created -> ready (median of 5)',
    ms(readyMedian),
    targets.ready ? `<= ${targets.ready} ms` : undefined,
    targets.ready ? readyMedian <= targets.ready : undefined,
  );
  add(group, 'seed program, first run (median of 5)', ms(median(firsts)));

  const runtime = await host.newRuntime();
  const { client } = runtime;
  for (let i = 0; i < 10; i++) await client.run(seed);
  const inWorker: RunResult['timings'][] = [];
  const warm = await repeat(WARM_RUNS, async () => {
    const { result, ms: elapsed } = await client.run(seed);
    inWorker.push(result.timings);
    return elapsed;
  });
  const warmMedian = median(warm);
  add(
    group,
    `seed program, warm run (median of ${WARM_RUNS})`,
    ms(warmMedian),
    targets.warm ? `<= ${targets.warm} ms` : undefined,
    targets.warm ? warmMedian <= targets.warm : undefined,
  );
  // Where a warm run's time goes: the rest of the round trip is messaging and copying the result.
  const part = (key: keyof RunResult['timings']) => ms(median(inWorker.map((timings) => timings[key])));
  add(
    group,
    '  of which inside the worker: prepare / execute / inspect',
    `${part('prepareMs')} / ${part('executeMs')} / ${part('inspectMs')} (total ${part('totalMs')})`,
  );
  const last = (await client.run(seed)).result;
  const floor = await repeat(WARM_RUNS, () => client.replay(statements(last)));
  add(group, `same ${last.sql.length} statements on raw sql.js (floor, median)`, ms(median(floor)));

  const before = await client.stats();
  for (let i = 0; i < LEAK_RUNS; i++) await client.run(seed);
  const after = await client.stats();
  const wasmGrowth = before.wasmMemoryBytes !== null && after.wasmMemoryBytes !== null ? after.wasmMemoryBytes - before.wasmMemoryBytes : null;
  add(
    group,
    `wasm memory before -> after ${LEAK_RUNS} runs`,
    `${mb(before.wasmMemoryBytes)} -> ${mb(after.wasmMemoryBytes)}`,
    'no growth',
    wasmGrowth === null ? undefined : wasmGrowth <= 0,
  );
  add(group, `JS heap before -> after ${LEAK_RUNS} runs`, `${mb(before.jsHeapBytes)} -> ${mb(after.jsHeapBytes)}`);
  await runtime.close();
}

function nodeHost(): Host {
  return {
    async newRuntime() {
      const started = performance.now();
      const threads = workerThreadFactory({ workerFile: join(root, 'dist-cli', 'bench-worker.mjs') });
      const channel = benchChannel(() => threads() as unknown as BenchWorker);
      const client: RuntimeClient = createNodeRuntimeClient({ createWorker: channel.createWorker });
      await client.ready();
      const readyMs = performance.now() - started;
      return {
        readyMs,
        client: {
          async run(source) {
            const t = performance.now();
            const result = await client.run(source);
            return { result, ms: performance.now() - t };
          },
          replay: (list) => channel.replay(list),
          stats: () => channel.stats(),
        },
        close: async () => client.dispose(),
      };
    },
  };
}

type RuntimeWindow = {
  assoclabBench: { client: RuntimeClient; stats(): Promise<RuntimeStats>; replay(list: ReplayStatements): Promise<number> };
};

/** The bench page in dist-bench/: the one runtime client over the bench's browser worker. */
function chromiumHost(browser: Browser, site: StaticSite): Host {
  return {
    async newRuntime() {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${site.url}/index.html`);
      await page.waitForFunction(() => 'assoclabBench' in window);
      // Measured inside the page: from `new Worker` to the worker's ready message.
      const readyMs = await page.evaluate(async () => {
        const started = performance.now();
        await (window as unknown as RuntimeWindow).assoclabBench.client.ready();
        return performance.now() - started;
      });
      const inPage = <T>(fn: (arg: never) => Promise<T>, arg?: unknown) => page.evaluate(fn as never, arg as never) as Promise<T>;
      return {
        readyMs,
        client: {
          run: (source) =>
            inPage(async (text: string) => {
              const started = performance.now();
              const result = await (window as unknown as RuntimeWindow).assoclabBench.client.run(text);
              return { result, ms: performance.now() - started };
            }, source),
          replay: (list) => inPage((items: ReturnType<typeof statements>) => (window as unknown as RuntimeWindow).assoclabBench.replay(items), list),
          stats: () => inPage(() => (window as unknown as RuntimeWindow).assoclabBench.stats()),
        },
        close: () => context.close(),
      };
    },
  };
}

function gzipSize(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

function bundleSizes(): void {
  process.stdout.write('\nSizes (gzip -9 of the built files)\n');
  const assets = join(dist, '_astro');
  const files = readdirSync(assets);
  const worker = files.find((file) => file.startsWith('browser-worker') && file.endsWith('.js'));
  const wasm = files.find((file) => file.endsWith('.wasm'));
  const express = files.find((file) => file.startsWith('express-browser') && file.endsWith('.js'));
  if (worker) {
    const size = gzipSize(join(assets, worker));
    add('Sizes', 'runtime worker bundle (Sequelize + core), without wasm', kb(size), '<= 250 KB', size <= 250 * 1024);
  }
  if (wasm) add('Sizes', 'sql-wasm.wasm', kb(gzipSize(join(assets, wasm))));
  if (express) add('Sizes', 'Express chunk (loaded only by programs that import it)', kb(gzipSize(join(assets, express))));
  const diagram = files.find((file) => file.startsWith('diagram-view') && file.endsWith('.js'));
  if (!diagram) throw new Error('No diagram-view chunk in dist/_astro: the Diagram tab is no longer a chunk of its own.');
  const size = gzipSize(join(assets, diagram));
  add('Sizes', 'Diagram chunk (dagre and the drawing; loaded when the Diagram tab is first opened)', kb(size), '<= 150 KB', size <= 150 * 1024);
}

/**
 * What recording the change log costs (RunResult.changes: triggers report every changed
 * row): the seed program's warm run in-process in Node with and without it, interleaved.
 */
async function changeLogCost(): Promise<void> {
  process.stdout.write('\nChange log (Node, in-process, the execution core alone)\n');
  const host = await createNodeHost();
  for (let i = 0; i < 10; i++) await runProgram(seed, host);
  const withLog: number[] = [];
  const withoutLog: number[] = [];
  let rows = 0;
  for (let i = 0; i < WARM_RUNS; i++) {
    const recorded = await runProgram(seed, host);
    withLog.push(recorded.timings.totalMs);
    rows = recorded.changes?.steps.reduce((sum, step) => sum + step.rows.length, 0) ?? 0;
    withoutLog.push((await runProgram(seed, host, { recordChanges: false })).timings.totalMs);
  }
  const cost = median(withLog) - median(withoutLog);
  add(
    'Change log',
    `seed program, warm run with / without the change log (median of ${WARM_RUNS}, ${rows} rows recorded)`,
    `${ms(median(withLog))} / ${ms(median(withoutLog))}`,
  );
  add('Change log', 'cost of recording the changes, per warm seed run', ms(cost));
}

/**
 * The bench's own requests (stats, replay) must stay out of the site: the production worker
 * bundle may not name them as message types, while the bench's worker, built from the same
 * runtime, must (so the check is known to find them).
 */
function benchRequestsOnlyInBench(): void {
  const requestTypes = /["'`](bench-stats|bench-replay|stats|replay)["'`]/g;
  const found = (file: string) => [...new Set([...readFileSync(file, 'utf8').matchAll(requestTypes)].map((match) => match[1]))];
  const inDir = (dir: string, prefix: string) => readdirSync(dir).find((file) => file.startsWith(prefix) && file.endsWith('.js'));
  const production = inDir(join(dist, '_astro'), 'browser-worker');
  const bench = inDir(join(distBench, 'assets'), 'bench-worker');
  if (!production || !bench) throw new Error('The production or the bench worker bundle is missing: build the site and the bench first.');
  const inProduction = found(join(dist, '_astro', production));
  const inBench = found(join(distBench, 'assets', bench));
  if (inBench.length === 0) throw new Error(`The bench-only check finds no bench request types in ${bench}: the check itself is broken.`);
  add(
    'Sizes',
    `bench-only request types in ${production} (the bench worker has ${inBench.join(', ')})`,
    inProduction.length ? inProduction.join(', ') : 'none',
    'none',
    inProduction.length === 0,
  );
}

/** What the page fetched from the built site, by path: its kind and its gzip size. */
function recordSent(page: Page): Map<string, { type: string; gzip: number }> {
  const sent = new Map<string, { type: string; gzip: number }>();
  page.on('response', (response) => {
    const url = new URL(response.url());
    const file = join(dist, decodeURIComponent(url.pathname));
    if (!existsSync(file) || !/\.(m?js|wasm|css|html)$/.test(file)) return;
    sent.set(url.pathname, {
      type: file.endsWith('.wasm') ? 'wasm' : file.endsWith('.css') ? 'css' : file.endsWith('.html') ? 'html' : 'js',
      gzip: gzipSize(file),
    });
  });
  return sent;
}

const NON_EXPRESS_LESSON = '/lessons/basics/has-one/';

/**
 * A lesson whose programs do not import Express (issue #13): what it sends once its first
 * playground ran, and whether the Express chunk came with it (it must not: the worker
 * imports Express only for a program that imports it).
 */
async function nonExpressLesson(browser: Browser, site: StaticSite): Promise<void> {
  const group = `Lesson without Express (${NON_EXPRESS_LESSON})`;
  process.stdout.write(`\n${group}\n`);
  const totals: number[] = [];
  const js: number[] = [];
  let withExpress = 0;
  for (let i = 0; i < 3; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const sent = recordSent(page);
    await page.goto(`${site.url}${NON_EXPRESS_LESSON}`, { waitUntil: 'load' });
    const playground = page.locator('assoclab-playground').first();
    const result = playground.evaluate(
      (element) => new Promise<void>((resolve) => element.addEventListener('assoclab:result', () => resolve(), { once: true })),
    );
    await playground.getByRole('button', { name: 'Run', exact: true }).click();
    await result;
    await networkQuiet(page, 3_000, 30_000);
    const entries = [...sent.entries()];
    totals.push(entries.reduce((sum, [, entry]) => sum + entry.gzip, 0));
    js.push(entries.filter(([, entry]) => entry.type === 'js').reduce((sum, [, entry]) => sum + entry.gzip, 0));
    if (entries.some(([path]) => /express-browser/.test(path))) withExpress++;
    await context.close();
  }
  add(group, 'total sent once its first playground ran (gzip, wasm and the editor included; median of 3)', kb(median(totals)));
  add(group, 'of which JavaScript (gzip)', kb(median(js)));
  add(group, 'pages (of 3) that fetched the Express chunk', String(withExpress), '0', withExpress === 0);
}

async function lessonPage(browser: Browser, site: StaticSite): Promise<void> {
  process.stdout.write(`\nLesson page ${LESSON_PATH} (built site served locally)\n`);
  const beforeEditor: number[] = [];
  const total: number[] = [];
  const prose: number[] = [];
  const firstOutput: number[] = [];
  let diagramWithoutTab = 0;
  let diagramWhenOpened = false;
  for (let i = 0; i < 5; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page: Page = await context.newPage();
    const sent = recordSent(page);
    const navigationStart = Date.now();
    await page.goto(`${site.url}${LESSON_PATH}`, { waitUntil: 'load' });
    await page.locator('h1').first().waitFor({ state: 'visible' });
    const paint = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null);
    prose.push(paint ?? Date.now() - navigationStart);
    await page.waitForTimeout(300);
    beforeEditor.push([...sent.values()].filter((entry) => entry.type === 'js').reduce((sum, entry) => sum + entry.gzip, 0));
    const run = page.getByRole('button', { name: 'Run', exact: true }).first();
    await run.click();
    await page.getByText('Alice wrote: Hello').first().waitFor({ state: 'visible', timeout: 30_000 });
    firstOutput.push(Date.now() - navigationStart);
    // What the run and the editor it started still fetch (the wasm, Monaco, then its
    // TypeScript worker a while later): waitForLoadState('networkidle') does not wait for
    // them once the page was idle before the click (a slow or loaded machine), so wait for
    // 3 s without a request instead.
    await networkQuiet(page, 3_000, 30_000);
    total.push([...sent.values()].reduce((sum, entry) => sum + entry.gzip, 0));
    if ([...sent.keys()].some((path) => /diagram-view/.test(path))) diagramWithoutTab++;
    if (i === 0) {
      // The check can see the chunk: opening the Diagram tab does fetch it.
      const fetched = page
        .waitForRequest((request) => /diagram-view/.test(request.url()), { timeout: 30_000 })
        .then(
          () => true,
          () => false,
        );
      await page.getByRole('tab', { name: 'Diagram', exact: true }).first().click();
      diagramWhenOpened = await fetched;
    }
    await context.close();
  }
  const js = median(beforeEditor);
  add('Lesson page', 'JavaScript sent before the editor is needed (gzip)', kb(js), '<= 40 KB', js <= 40 * 1024);
  add('Lesson page', 'total sent once the playground ran (gzip, wasm included)', kb(median(total)));
  add('Lesson page', 'navigation -> prose visible (first contentful paint)', ms(median(prose)));
  const output = median(firstOutput);
  add('Lesson page', 'navigation -> first Run output (clicking Run at load)', ms(output), '<= 2000 ms', output <= 2000);
  if (!diagramWhenOpened) throw new Error('Opening the Diagram tab fetched no diagram-view chunk: the check below would see nothing.');
  add(
    'Lesson page',
    'pages (of 5) that loaded the Diagram chunk with its tab never opened (opening it does load it)',
    String(diagramWithoutTab),
    '0',
    diagramWithoutTab === 0,
  );
}

/** Lighthouse's performance score for the lesson page (its default mobile profile). */
async function lighthouseScore(site: StaticSite): Promise<void> {
  const [{ default: lighthouse }, chromeLauncher] = await Promise.all([import('lighthouse'), import('chrome-launcher')]);
  const scores: number[] = [];
  for (let i = 0; i < 3; i++) {
    const chrome = await chromeLauncher.launch({ chromePath: chromiumPath(), chromeFlags: CHROMIUM_FLAGS });
    try {
      const result = await lighthouse(`${site.url}${LESSON_PATH}`, { port: chrome.port, onlyCategories: ['performance'], logLevel: 'error', output: 'json' });
      scores.push(Math.round((result?.lhr.categories.performance?.score ?? 0) * 100));
    } finally {
      await chrome.kill();
    }
  }
  const score = median(scores);
  add('Lesson page', `Lighthouse performance score (median of 3: ${scores.join(', ')})`, String(score), '>= 95', score >= 95);
}

/** `npm run bench -- --check`: only how fast Check answers on a lesson page (bench/check.ts). */
async function checkOnly(): Promise<void> {
  if (!existsSync(join(dist, 'index.html'))) execSync('npm run build', { cwd: root, stdio: 'inherit' });
  const site = await serveDist(dist);
  const browser = await launchChromium();
  try {
    await measureCheckInChromium(browser, site, add);
  } finally {
    await browser.close();
    await site.close();
  }
}

/** `npm run bench -- --runaway`: only how long runaway programs take to be stopped (bench/runaway.ts). */
async function runawayOnly(): Promise<void> {
  if (!existsSync(join(dist, 'index.html'))) execSync('npm run build', { cwd: root, stdio: 'inherit' });
  await measureRunawaysInNode(add);
  const site = await serveDist(dist);
  const browser = await launchChromium();
  try {
    await measureRunawaysInChromium(browser, site, add);
  } finally {
    await browser.close();
    await site.close();
  }
  mkdirSync(join(root, 'bench', 'results'), { recursive: true });
  writeFileSync(join(root, 'bench', 'results', 'runaway.json'), JSON.stringify({ at: new Date().toISOString(), figures }, null, 2));
  process.stdout.write('\nWritten to bench/results/runaway.json\n');
}

/** `npm run bench -- --bytes`: only the sizes and what a lesson without Express sends. */
async function bytesOnly(): Promise<void> {
  if (!existsSync(join(dist, 'index.html'))) execSync('npm run build', { cwd: root, stdio: 'inherit' });
  bundleSizes();
  const site = await serveDist(dist);
  const browser = await launchChromium();
  try {
    await nonExpressLesson(browser, site);
  } finally {
    await browser.close();
    await site.close();
  }
}

/** `npm run bench -- --grade`: only the grader's throughput (bench/grade.ts). */
async function gradeOnly(): Promise<void> {
  await measureGrading(add);
  mkdirSync(join(root, 'bench', 'results'), { recursive: true });
  writeFileSync(join(root, 'bench', 'results', 'grade.json'), JSON.stringify({ at: new Date().toISOString(), figures }, null, 2));
  process.stdout.write('\nWritten to bench/results/grade.json\n');
}

async function main(): Promise<void> {
  if (process.argv.includes('--grade')) return gradeOnly();
  if (process.argv.includes('--runaway')) return runawayOnly();
  if (process.argv.includes('--bytes')) return bytesOnly();
  if (process.argv.includes('--check')) return checkOnly();
  if (!existsSync(join(dist, 'index.html'))) {
    process.stdout.write('Building the site first (npm run build)…\n');
    execSync('npm run build', { cwd: root, stdio: 'inherit' });
  }
  process.stdout.write('Building the bench page and worker (bench/browser/build.mjs)…\n');
  execSync('node bench/browser/build.mjs', { cwd: root, stdio: 'inherit' });
  await measureHost('Node (worker thread)', nodeHost(), {});
  await changeLogCost();
  const site = await serveDist(dist);
  const benchSite = await serveDist(distBench);
  const browser = await launchChromium();
  try {
    await measureHost('Chromium (the site runtime worker)', chromiumHost(browser, benchSite), { warm: 10, ready: 250 });
    bundleSizes();
    benchRequestsOnlyInBench();
    await lessonPage(browser, site);
    await nonExpressLesson(browser, site);
    await measureCheckInChromium(browser, site, add);
    await lighthouseScore(site);
    await measureRunawaysInNode(add);
    await measureRunawaysInChromium(browser, site, add);
  } finally {
    await browser.close();
    await site.close();
    await benchSite.close();
  }
  await measureGrading(add);
  mkdirSync(join(root, 'bench', 'results'), { recursive: true });
  writeFileSync(join(root, 'bench', 'results', 'latest.json'), JSON.stringify({ at: new Date().toISOString(), figures }, null, 2));
  process.stdout.write('\nWritten to bench/results/latest.json\n');
}

await main();
