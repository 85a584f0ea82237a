/**
 * The playground on the built site's first lesson, in Chromium: running the lesson's
 * program, the Console / SQL / Tables panels, saved edits, Reset, errors at their line,
 * the watchdog, and the keyboard. Build first: `npx astro build`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openPage } from './browser';
import { serveDist, type StaticSite } from './static-server';

const LESSON = '/lessons/basics/has-many-belongs-to/';
const SEED = readFileSync(join(import.meta.dirname, '..', '..', 'lessons', '01-basics', '01-has-many-belongs-to', '_blog-program.js'), 'utf8').replace(
  /\n$/,
  '',
);
const SEED_ID = 'basics-seed';
/** The seed's `user.getPosts()` line (1-based). */
const GET_POSTS_LINE = SEED.split('\n').findIndex((line) => line.includes('getPosts(')) + 1;

let site: StaticSite;
let browser: Browser;
let page: Page;
let errors: string[];

const playground = () => page.locator(`assoclab-playground[data-id="${SEED_ID}"]`);
const run = () => playground().getByRole('button', { name: 'Run', exact: true });
const tab = (name: 'Console' | 'SQL' | 'Tables') => playground().getByRole('tab', { name, exact: true });
const panel = (name: 'Console' | 'SQL' | 'Tables') => playground().getByRole('tabpanel', { name, exact: true });

async function openLesson(): Promise<void> {
  await page.goto(site.url + LESSON);
  await playground().scrollIntoViewIfNeeded();
  // The editor loads when the learner reaches for the playground.
  await playground().locator('[data-part="editor"]').hover();
  await page.waitForSelector(`assoclab-playground[data-id="${SEED_ID}"][data-editor="ready"]`, { timeout: 30_000 });
}

/** Replaces the program through the element's API (as the exercise UI does). */
async function setCode(code: string): Promise<void> {
  await playground().evaluate((element, value) => (element as HTMLElementTagNameMap['assoclab-playground']).setCode(value), code);
}

async function getCode(): Promise<string> {
  return playground().evaluate((element) => (element as HTMLElementTagNameMap['assoclab-playground']).getCode());
}

/** Clicks Run and waits for the run's result to be shown. */
async function clickRunAndWait(timeout = 30_000): Promise<void> {
  const done = playground().evaluate((element) => new Promise<void>((resolve) => element.addEventListener('assoclab:result', () => resolve(), { once: true })));
  await run().click();
  await Promise.race([done, page.waitForTimeout(timeout).then(() => Promise.reject(new Error('No result within the time limit')))]);
}

beforeAll(async () => {
  site = await serveDist();
  browser = await launchChromium();
  ({ page, errors } = await openPage(browser, { viewport: { width: 1280, height: 800 } }));
  await openLesson();
  // Start from the lesson's program even if an earlier run of this file left an edit.
  await page.evaluate((key) => localStorage.removeItem(key), `assoclab:code:${SEED_ID}`);
  await page.reload();
  await openLesson();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('loading', () => {
  it('sends neither Monaco nor the runtime until the learner reaches for the playground; Run works before the editor', async () => {
    const fresh = await openPage(browser, { viewport: { width: 1280, height: 800 } });
    try {
      const requested: string[] = [];
      fresh.page.on('request', (request) => requested.push(new URL(request.url()).pathname));
      await fresh.page.goto(site.url + LESSON, { waitUntil: 'load' });
      const seed = fresh.page.locator(`assoclab-playground[data-id="${SEED_ID}"]`);
      await seed.scrollIntoViewIfNeeded();
      await fresh.page.waitForTimeout(800);
      const heavy = () => requested.filter((path) => /monaco|browser-worker|\.wasm$/.test(path));
      expect(heavy()).toEqual([]);
      await expect(seed.getAttribute('data-editor')).resolves.toBeNull();

      // A run started before the editor exists (as the exercise UI may) shows its error;
      // the marker lands in the editor once it arrives.
      const result = await seed.evaluate(async (element) => {
        const playgroundElement = element as HTMLElementTagNameMap['assoclab-playground'];
        playgroundElement.setCode("console.log('ok');\nconst x = ;\n");
        return playgroundElement.run();
      });
      expect(result.error?.location?.line).toBe(2);
      await expect(seed.getByRole('tabpanel', { name: 'Console' }).innerText()).resolves.toContain('SyntaxError');
      expect(heavy().some((path) => path.includes('monaco'))).toBe(false);

      await seed.locator('[data-part="editor"]').hover();
      await fresh.page.waitForSelector(`assoclab-playground[data-id="${SEED_ID}"][data-editor="ready"]`, { timeout: 30_000 });
      await fresh.page.waitForSelector('.monaco-editor .squiggly-error', { timeout: 10_000 });
      expect(fresh.errors).toEqual([]);
    } finally {
      await fresh.page.context().close();
    }
  });
});

describe("TypeScript's language service", () => {
  /**
   * A fresh page whose TypeScript playground's editor was loaded from the keyboard (focus on
   * Run), the pointer nowhere near the code; `service()` lists its requests for the
   * service's worker. The test closes `page`'s context.
   */
  async function typedPlaygroundByKeyboard() {
    const fresh = await openPage(browser, { viewport: { width: 1280, height: 800 } });
    const requested: string[] = [];
    fresh.page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await fresh.page.goto(site.url + LESSON);
    const typed = fresh.page.locator('assoclab-playground[data-id="basics-typed"]');
    await typed.scrollIntoViewIfNeeded();
    await typed.getByRole('button', { name: 'Run', exact: true }).focus();
    await fresh.page.waitForSelector('assoclab-playground[data-id="basics-typed"][data-editor="ready"]', { timeout: 30_000 });
    return { ...fresh, typed, service: () => requested.filter((path) => /ts\.worker/.test(path)) };
  }

  it('starts only when the learner reaches into the code: a hover over a word shows its type', async () => {
    const { page: fresh, errors: freshErrors, typed, service } = await typedPlaygroundByKeyboard();
    try {
      await fresh.waitForTimeout(1_500);
      expect(service()).toEqual([]);

      // Resting the pointer on `getPosts` asks for its type: the service starts and answers.
      const word = await typed.evaluate((element) => {
        const { editor } = (element as unknown as { monaco: typeof import('monaco-editor') }).monaco;
        const code = editor.getEditors().find((candidate) => candidate.getModel()?.uri.path.includes('basics-typed'))!;
        const found = code.getModel()!.findMatches('getPosts', false, false, true, null, false)[0]!;
        const position = { lineNumber: found.range.startLineNumber, column: found.range.startColumn + 3 };
        code.revealPositionInCenter(position);
        const at = code.getScrolledVisiblePosition(position)!;
        const box = code.getDomNode()!.getBoundingClientRect();
        return { x: box.left + at.left, y: box.top + at.top + at.height / 2 };
      });
      await fresh.mouse.move(word.x - 40, word.y);
      await fresh.mouse.move(word.x, word.y, { steps: 5 });
      await expect
        .poll(() => fresh.locator('.monaco-hover').allInnerTexts(), { timeout: 30_000 })
        .toContainEqual(expect.stringContaining('HasManyGetAssociationsMixin<Post>'));
      expect(service()).toHaveLength(1);
      expect(freshErrors).toEqual([]);
    } finally {
      await fresh.context().close();
    }
  });

  it('starts by itself once the page has been quiet a while after the editor loaded, for a learner who reads first', async () => {
    const { page: fresh, errors: freshErrors, typed, service } = await typedPlaygroundByKeyboard();
    try {
      // A Run keeps it waiting; some seconds after the Run, nothing else happening, it starts.
      await typed.getByRole('button', { name: 'Run', exact: true }).click();
      await fresh.waitForTimeout(2_000);
      expect(service()).toEqual([]);
      await expect.poll(service, { timeout: 15_000 }).toHaveLength(1);
      expect(freshErrors).toEqual([]);
    } finally {
      await fresh.context().close();
    }
  });
});

describe('the lesson playground', () => {
  it('server-renders the program and swaps in an editor labelled "Code editor"', async () => {
    expect(await getCode()).toBe(SEED);
    await expect(playground().getByRole('textbox', { name: 'Code editor' }).count()).resolves.toBe(1);
    await expect(
      playground()
        .getByText(/Ctrl\s*\+\s*M/)
        .count(),
    ).resolves.toBeGreaterThan(0);
  });

  it("runs the user's seed program unchanged, printing what it promises", async () => {
    const seed = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'sample-program.js'), 'utf8');
    await setCode(seed);
    await clickRunAndWait();
    expect(await panel('Console').innerText()).toMatch(/^Alice wrote: Hello\nAlice wrote: World$/m);
    await setCode(SEED);
  });

  it('runs the lesson program and shows its output in Console', async () => {
    await clickRunAndWait();
    await expect(tab('Console').getAttribute('aria-selected')).resolves.toBe('true');
    const text = await panel('Console').innerText();
    expect(text).toContain('Alice wrote: Hello');
    expect(text).toContain('Alice wrote: World');
    expect(errors).toEqual([]);
  });

  it('shows the SELECT sent by getPosts() in SQL, and its line button highlights that line', async () => {
    await tab('SQL').click();
    const select = panel('SQL')
      .locator('.pg-sql__item')
      .filter({ hasText: /SELECT/ })
      .filter({ hasText: /FROM\s+`Posts`/ })
      .filter({ hasText: /userId/ });
    await expect(select.count()).resolves.toBeGreaterThan(0);
    // Formatted (in the formatter's worker): each clause on a line of its own.
    await expect(select.first().locator('.pg-sql__code').innerText()).resolves.toMatch(/^SELECT\n[\s\S]*\nFROM\n/);
    const lineButton = select.first().getByRole('button', { name: `line ${GET_POSTS_LINE}` });
    await lineButton.click();
    await expect(lineButton.getAttribute('aria-pressed')).resolves.toBe('true');
    await page.waitForSelector('.monaco-editor .assoclab-line-highlight');
    const active = await playground().locator('.monaco-editor .line-numbers.active-line-number').first().innerText();
    expect(Number(active)).toBe(GET_POSTS_LINE);
  });

  it('moves between the result tabs with the arrow keys', async () => {
    await tab('SQL').focus();
    await page.keyboard.press('ArrowRight');
    await expect(tab('Tables').getAttribute('aria-selected')).resolves.toBe('true');
    await expect(page.evaluate(() => document.activeElement?.textContent?.trim().startsWith('Tables'))).resolves.toBe(true);
    await page.keyboard.press('Home');
    await expect(tab('Console').getAttribute('aria-selected')).resolves.toBe('true');
  });

  it('shows the Users and Posts tables with their rows and keys', async () => {
    await tab('Tables').click();
    const tables = panel('Tables');
    const users = tables.getByRole('region', { name: /^Table Users$/ });
    const posts = tables.getByRole('region', { name: /^Table Posts$/ });
    expect(await users.innerText()).toContain('Alice');
    const postsText = await posts.innerText();
    expect(postsText).toContain('Hello');
    expect(postsText).toContain('World');
    expect(postsText).toMatch(/FK → Users\.id/);
    expect(postsText).toMatch(/ON DELETE/);
  });

  it('keeps an edit across a reload, and Reset restores the lesson program after a confirm', async () => {
    await playground().locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n// my edit');
    await expect.poll(() => page.evaluate((key) => localStorage.getItem(key), `assoclab:code:${SEED_ID}`), { timeout: 5_000 }).toContain('// my edit');
    await page.reload();
    await openLesson();
    expect(await getCode()).toContain('// my edit');
    // The editor shows it too (it renders only the lines in view: go to the end first).
    await playground().locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('Control+End');
    await expect.poll(() => playground().locator('.monaco-editor .view-lines').innerText()).toMatch(/my\s+edit/);

    let dialog = '';
    page.once('dialog', (prompt) => {
      dialog = prompt.type();
      void prompt.accept();
    });
    await playground().getByRole('button', { name: 'Reset', exact: true }).click();
    expect(dialog).toBe('confirm');
    expect(await getCode()).toBe(SEED);
    await expect(page.evaluate((key) => localStorage.getItem(key), `assoclab:code:${SEED_ID}`)).resolves.toBeNull();
  });

  it('shows a syntax error at its line: a marker in the editor and the message in Console', async () => {
    await setCode("import { Sequelize } from 'sequelize';\n\nconst broken = ;\nconsole.log(broken);\n");
    await clickRunAndWait();
    const consoleText = await panel('Console').innerText();
    expect(consoleText).toContain('SyntaxError');
    // The error's own line button, then the explanation's ("JavaScript could not read the program").
    await expect(panel('Console').locator('.pg-error').getByRole('button', { name: 'line 3' }).count()).resolves.toBe(1);
    await expect(panel('Console').locator('.pg-explain[data-mistake="syntax-error"]').count()).resolves.toBe(1);
    await page.waitForSelector('.monaco-editor .squiggly-error');
  });

  it('stops an endless loop with "Stopped after", keeps the code, and the next Run works', async () => {
    const loop = "console.log('before');\nwhile (true) {}\n";
    await setCode(loop);
    // The playground's data-budget, shortened: the test waits for the watchdog, not for 5 s.
    await playground().evaluate((element: HTMLElement) => (element.dataset.budget = '1000'));
    await clickRunAndWait(20_000);
    await playground().evaluate((element: HTMLElement) => delete element.dataset.budget);
    const stopped = await panel('Console').innerText();
    expect(stopped).toContain('Stopped after 1 s');
    expect(stopped).toContain('before');
    expect(await getCode()).toBe(loop);
    await setCode("console.log('after the loop');\n");
    await clickRunAndWait();
    expect(await panel('Console').innerText()).toContain('after the loop');
  });

  it('shows a slow run’s output as it is printed, then its result', async () => {
    await setCode("console.log('first tick');\nawait new Promise((resolve) => setTimeout(resolve, 2500));\nconsole.log('second tick');\n");
    const finished = clickRunAndWait();
    // While the program still waits on its timer, what it printed is already there.
    await expect
      .poll(async () => ({ state: await playground().getAttribute('data-state'), text: await panel('Console').innerText() }), { timeout: 2_000 })
      .toEqual({ state: 'running', text: expect.stringContaining('first tick') });
    expect(await panel('Console').innerText()).toContain('Still running');
    expect(await panel('Console').innerText()).not.toContain('second tick');
    await finished;
    const text = await panel('Console').innerText();
    expect(text).toContain('first tick');
    expect(text).toContain('second tick');
    expect(text).not.toContain('Still running');
  });

  it('runs with Ctrl+Enter from the editor', async () => {
    await setCode("console.log('shortcut', 6 * 7);\n");
    const done = playground().evaluate(
      (element) =>
        new Promise<string>((resolve) =>
          (element as HTMLElementTagNameMap['assoclab-playground']).addEventListener(
            'assoclab:result',
            (event) => resolve(event.detail.console.map((entry) => entry.text).join('\n')),
            { once: true },
          ),
        ),
    );
    await playground().locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('Control+Enter');
    expect(await done).toContain('shortcut 42');
    expect(await panel('Console').innerText()).toContain('shortcut 42');
  });

  it('exposes run() resolving with the RunResult', async () => {
    await setCode("console.log('from the api');\n");
    const result = await playground().evaluate((element) => (element as HTMLElementTagNameMap['assoclab-playground']).run());
    expect(result.ok).toBe(true);
    expect(result.console.map((entry) => entry.text)).toContain('from the api');
    expect(errors).toEqual([]);
  });

  it("completes Sequelize's API from its own type definitions", async () => {
    await setCode("import { Sequelize, DataTypes } from 'sequelize';\nconst sequelize = new Sequelize('sqlite::memory:');\n");
    await playground().locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('Control+End');
    const rows = page.locator('.suggest-widget .monaco-list-row');
    /** Types `typed`, then asks for suggestions until they include `expected` (the typings load in the background). */
    const suggests = async (typed: string, expected: string) => {
      await page.keyboard.type(typed);
      await expect
        .poll(
          async () => {
            if ((await page.locator('.suggest-widget.visible').count()) === 0) await page.keyboard.press('Control+Space');
            await page.waitForTimeout(300);
            return (await rows.allInnerTexts()).join('\n');
          },
          { timeout: 30_000 },
        )
        .toContain(expected);
      await page.keyboard.press('Escape');
    };
    await suggests('\nsequelize.def', 'define');
    // Finish the statement, or the next line would continue it (`sequelize.def\nDataTypes`).
    await page.keyboard.type("ine('User', {});");
    await suggests('\nDataTypes.', 'BIGINT');
  });

  it('runs a TypeScript playground whose declared accessors type-check and complete', async () => {
    const typed = page.locator('assoclab-playground[data-id="basics-typed"]');
    await typed.scrollIntoViewIfNeeded();
    await typed.locator('[data-part="editor"]').hover();
    await page.waitForSelector('assoclab-playground[data-id="basics-typed"][data-editor="ready"]', { timeout: 30_000 });
    await expect(typed.locator('.pg__lang').innerText()).resolves.toBe('TypeScript');
    const original = await typed.evaluate((element) => (element as HTMLElementTagNameMap['assoclab-playground']).getCode());
    /** Error markers TypeScript has put on the playground's program. */
    const typeErrors = () =>
      typed.evaluate((element) => {
        const monaco = (element as unknown as { monaco?: typeof import('monaco-editor') }).monaco;
        return (monaco?.editor.getModelMarkers({}) ?? [])
          .filter((marker) => marker.severity === monaco!.MarkerSeverity.Error && marker.resource.path.includes('basics-typed'))
          .map((marker) => `${marker.startLineNumber}: ${marker.message}`);
      });

    // The declared accessor completes; a misspelt one is a type error at its line.
    await typed.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\nalice.getPo');
    await expect
      .poll(
        async () => {
          if ((await typed.locator('.suggest-widget.visible').count()) === 0) await page.keyboard.press('Control+Space');
          await page.waitForTimeout(300);
          return (await typed.locator('.suggest-widget .monaco-list-row').allInnerTexts()).join('\n');
        },
        { timeout: 30_000 },
      )
      .toContain('getPosts');
    await page.keyboard.press('Escape');
    await page.keyboard.type('stz();');
    const lastLine = original.split('\n').length + 1;
    await expect.poll(typeErrors, { timeout: 30_000 }).toEqual([expect.stringMatching(new RegExp(`^${lastLine}: Property 'getPostz' does not exist`))]);

    // The lesson's program itself has none, and runs.
    await typed.evaluate((element, code) => (element as HTMLElementTagNameMap['assoclab-playground']).setCode(code), original);
    await expect.poll(typeErrors, { timeout: 30_000 }).toEqual([]);
    const result = await typed.evaluate((element) => (element as HTMLElementTagNameMap['assoclab-playground']).run());
    expect(result.error).toBeUndefined();
    expect(result.console.map((entry) => entry.text)).toEqual(["[ 'Hello', 'World' ]", 'Hello was written by Alice']);
    // A second editor on the page starts as cleanly as the first.
    expect(errors).toEqual([]);
  });

  it('does not trap Tab: it moves focus out of the editor', async () => {
    await playground().locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('Tab');
    const inEditor = await page.evaluate(() => Boolean(document.activeElement?.closest('.monaco-editor')));
    expect(inEditor).toBe(false);
  });
});
