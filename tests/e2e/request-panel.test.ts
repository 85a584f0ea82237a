/**
 * The Request panel, in Chromium against the built site: the lesson's Express program runs
 * and keeps listening, a request typed in "Path" and sent with "Send" shows its JSON, the
 * SQL it caused appears under it in the SQL tab, recent requests go again, a throwing route
 * shows Express's 500 and its line, and a program without Express never downloads it.
 * Build first: `node scripts/build-if-changed.mjs site`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openPage } from './browser';
import { seriousViolations } from './axe';
import { serveDist, type StaticSite } from './static-server';

const LESSON = '/lessons/basics/has-many-belongs-to/';
const ROUTE_ID = 'basics-posts-route';

let site: StaticSite;
let browser: Browser;
let page: Page;
let errors: string[];

const playground = (id = ROUTE_ID) => page.locator(`assoclab-playground[data-id="${id}"]`);
const path = () => playground().getByLabel('Path', { exact: true });
const send = () => playground().getByRole('button', { name: 'Send', exact: true });
const status = () => playground().locator('[data-part="response-status"]');
const body = () => playground().locator('[data-part="response-body"]');

/** Runs a playground and waits for its result. */
async function run(id = ROUTE_ID): Promise<void> {
  const done = playground(id).evaluate(
    (element) => new Promise<void>((resolve) => element.addEventListener('assoclab:result', () => resolve(), { once: true })),
  );
  await playground(id).getByRole('button', { name: 'Run', exact: true }).click();
  await done;
}

beforeAll(async () => {
  site = await serveDist();
  browser = await launchChromium();
  ({ page, errors } = await openPage(browser, { viewport: { width: 1280, height: 800 } }));
  await page.goto(site.url + LESSON);
  await page.evaluate((key) => localStorage.removeItem(key), `assoclab:code:${ROUTE_ID}`);
  await page.reload();
  await playground().scrollIntoViewIfNeeded();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('the Request panel', () => {
  it('is not there before the program runs, and appears, saying the app listens, once it does', async () => {
    await expect(path().isVisible()).resolves.toBe(false);
    await run();
    await path().waitFor({ state: 'visible' });
    expect((await playground().getByRole('status').textContent())?.trim()).toBe('Listening on port 3000');
    // The lesson's preset fills the form, and is offered to send.
    await expect(path().inputValue()).resolves.toBe('/users/1/posts');
    await expect(playground().getByRole('button', { name: 'Send GET /users/1/posts' }).isVisible()).resolves.toBe(true);
  });

  it('sends the path typed in "Path" with "Send", and shows the status, the JSON and the time', async () => {
    await path().fill('/users/1/posts');
    await send().click();
    await body().waitFor();
    await expect(status().textContent()).resolves.toBe('200 OK');
    expect(JSON.parse((await body().textContent()) ?? '')).toEqual([
      { id: 1, title: 'Hello' },
      { id: 2, title: 'World' },
    ]);
    await expect(playground().locator('.pg-req__time').textContent()).resolves.toMatch(/^\d+ ms$/);
  });

  it('lists the SQL that request caused under it in the SQL tab', async () => {
    await playground().getByRole('button', { name: '2 SQL statements' }).click();
    const block = playground().getByRole('tabpanel', { name: 'SQL' }).getByRole('region', { name: 'SQL of GET /users/1/posts' });
    await block.waitFor();
    await expect(block.getByRole('heading').textContent()).resolves.toBe('GET /users/1/posts → 200 OK');
    // Formatted over several lines, spaces as the colouriser's no-break spaces: compared with single spaces.
    const statements = (await block.locator('.pg-sql__item:not(.pg-sql__item--internal) .pg-sql__code').allTextContents()).map((sql) =>
      sql.replace(/\s+/g, ' '),
    );
    expect(statements).toHaveLength(2);
    expect(statements[1]).toMatch(/FROM ?`Posts` AS `Post` ?WHERE ?`Post`\.`userId` = 1;$/);
  });

  it('sends with Enter from the keyboard, and answers a missing parent with the route’s 404', async () => {
    await path().focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('/users/2/posts');
    await page.keyboard.press('Enter');
    await playground().getByText('404 Not Found', { exact: true }).waitFor();
    expect(JSON.parse((await body().textContent()) ?? '')).toEqual({ error: 'No user 2' });
  });

  it('sends a recent request again with one press', async () => {
    await playground().getByRole('button', { name: 'Send GET /users/1/posts' }).click();
    await playground().getByText('200 OK', { exact: true }).waitFor();
    await expect(path().inputValue()).resolves.toBe('/users/1/posts');
  });

  it('gives every control a name: no serious accessibility violation with the panel open', async () => {
    await playground().getByText('Headers and JSON body').click();
    await expect(playground().getByLabel('Headers').isVisible()).resolves.toBe(true);
    await expect(playground().getByLabel('JSON body').isVisible()).resolves.toBe(true);
    await expect(playground().getByLabel('Method').isVisible()).resolves.toBe(true);
    expect(await seriousViolations(page)).toBe('');
  });

  it('marks a route that queries once per row as a likely N+1 under its request', async () => {
    const program = readFileSync(fileURLToPath(new URL('../fixtures/n-plus-one-route.js', import.meta.url)), 'utf8');
    await playground().evaluate((element, code) => (element as HTMLElementTagNameMap['assoclab-playground']).setCode(code), program);
    await run();
    await path().fill('/posts');
    await send().click();
    await body().waitFor();
    await playground().getByRole('button', { name: '4 SQL statements' }).click();
    const block = playground().getByRole('region', { name: 'SQL of GET /posts' });
    await expect(block.getByRole('region', { name: 'Likely N+1 queries' }).textContent()).resolves.toMatch(/Likely N\+1: .*×3, line 18/);
  });

  it('shows Express’s 500 for a throwing route and the error at its line', async () => {
    const program = [
      "import express from 'express';",
      'const app = express();',
      "app.get('/boom', () => {",
      "  throw new Error('the route broke');",
      '});',
      'app.listen(3000);',
    ].join('\n');
    await playground().evaluate((element, code) => (element as HTMLElementTagNameMap['assoclab-playground']).setCode(code), program);
    await run();
    await path().fill('/boom');
    await send().click();
    await playground().getByText('500 Internal Server Error', { exact: true }).waitFor();
    const error = playground().locator('.pg-req__result .pg-error');
    await expect(error.locator('.pg-error__message').textContent()).resolves.toBe('the route broke');
    await expect(error.getByRole('button', { name: 'line 4' }).isVisible()).resolves.toBe(true);
    // Express's error page reads as what it says; its HTML is there on request.
    const result = playground().locator('.pg-req__result');
    // The site's bundle runs Express as in production (Vite sets NODE_ENV), so its page names the status, not the error.
    await expect(result.locator('[data-part="error-page-text"]').textContent()).resolves.toBe('Internal Server Error');
    const html = result.getByLabel('Response body (HTML)');
    await expect(html.isVisible()).resolves.toBe(false);
    await result.getByText('The page’s HTML, as sent').click();
    await expect(html.textContent()).resolves.toMatch(/^<!DOCTYPE html>/);
  });

  it('says no response was sent when a route never answers, after the budget', async () => {
    const program = ["import express from 'express';", 'const app = express();', "app.get('/quiet', (req, res) => {});", 'app.listen(3000);'].join('\n');
    await playground().evaluate((element, code) => (element as HTMLElementTagNameMap['assoclab-playground']).setCode(code), program);
    await run();
    await path().fill('/quiet');
    await send().click();
    await playground().getByText('No response', { exact: true }).waitFor({ timeout: 15_000 });
    await expect(playground().locator('.pg-req__result .pg-error__message').textContent()).resolves.toMatch(/^Stopped after 5 s: no response was sent\./);
  });

  it('goes away when the program no longer listens', async () => {
    await playground().evaluate((element) => (element as HTMLElementTagNameMap['assoclab-playground']).setCode("console.log('no app');"));
    await run();
    await expect(path().isVisible()).resolves.toBe(false);
    expect(errors).toEqual([]);
  });
});

describe('an exercise graded by requests to the learner’s app', () => {
  const EXERCISE = 'serve-a-users-posts';
  const exercise = () => page.locator(`#exercise-${EXERCISE}`);
  const verdict = async (): Promise<string | undefined> => {
    await exercise().getByRole('button', { name: 'Check', exact: true }).click();
    await page.waitForFunction(
      (id) => {
        const root = document.querySelector<HTMLElement>(`#exercise-${id}`);
        const button = root?.querySelector('[data-part="check"]');
        return Boolean(root && button && !button.hasAttribute('aria-busy') && (root.dataset.result === 'passed' || root.dataset.result === 'failed'));
      },
      EXERCISE,
      { timeout: 60_000 },
    );
    return exercise().evaluate((element) => (element as HTMLElement).dataset.result);
  };

  it('offers the requests its instructions ask for, preset in its Request panel, and stays inside its card', async () => {
    await exercise().scrollIntoViewIfNeeded();
    const pg = exercise().locator('assoclab-playground');
    const done = pg.evaluate((element) => new Promise<void>((resolve) => element.addEventListener('assoclab:result', () => resolve(), { once: true })));
    await exercise().getByRole('button', { name: 'Run', exact: true }).click();
    await done;
    await expect(pg.getByLabel('Path', { exact: true }).inputValue()).resolves.toBe('/users/1/posts');
    await pg.getByRole('button', { name: 'Send GET /users/99/posts', exact: true }).click();
    await pg.locator('[data-part="response-status"]').waitFor();
    await expect(pg.locator('[data-part="response-status"]').textContent()).resolves.toBe('200 OK');
    // The response scrolls inside the playground: nothing of the panel shows below the playground's own edge.
    const [panel, card] = await Promise.all([pg.locator('.pg-req').boundingBox(), pg.boundingBox()]);
    const visibleBottom = await pg.evaluate((element) => element.getBoundingClientRect().top + element.clientHeight);
    expect(panel!.y).toBeLessThan(card!.y + card!.height);
    expect(await pg.evaluate((element) => getComputedStyle(element).overflowY)).toBe('auto');
    expect(visibleBottom).toBeLessThanOrEqual(card!.y + card!.height + 1);
  }, 60_000);

  it('fails the starter, saying which request answered what, and passes the solution', async () => {
    await exercise().scrollIntoViewIfNeeded();
    await expect(verdict()).resolves.toBe('failed');
    const messages = await exercise().locator('li[data-state="failed"] .ex-check__message').allTextContents();
    expect(messages.map((message) => message.trim())).toEqual([
      expect.stringMatching(/^GET \/users\/:id\/posts answered with the wrong JSON for data your program did not create\./),
      expect.stringMatching(/^GET \/users\/987654\/posts answered 200 where the reference app answers 404/),
    ]);
    const solution = await page.evaluate((id) => {
      const data = document.querySelector(`#exercise-${id} script[type="application/json"]`)?.textContent ?? '{}';
      return (JSON.parse(data) as { exercise: { solution: string } }).exercise.solution;
    }, EXERCISE);
    await exercise()
      .locator('assoclab-playground')
      .evaluate((element, code) => (element as HTMLElementTagNameMap['assoclab-playground']).setCode(code), solution);
    await expect(verdict()).resolves.toBe('passed');
  }, 120_000);
});

describe('loading Express', () => {
  it('is done only for a program that imports it', async () => {
    const fresh = await openPage(browser, { viewport: { width: 1280, height: 800 } });
    try {
      const chunks: string[] = [];
      fresh.page.on('request', (request) => chunks.push(new URL(request.url()).pathname));
      await fresh.page.goto(site.url + LESSON);
      const cascade = fresh.page.locator('assoclab-playground[data-id="basics-cascade"]');
      await cascade.scrollIntoViewIfNeeded();
      const done = cascade.evaluate((element) => new Promise<void>((resolve) => element.addEventListener('assoclab:result', () => resolve(), { once: true })));
      await cascade.getByRole('button', { name: 'Run', exact: true }).click();
      await done;
      expect(chunks.some((chunk) => chunk.includes('browser-worker'))).toBe(true);
      expect(chunks.filter((chunk) => chunk.includes('express'))).toEqual([]);
      const route = fresh.page.locator(`assoclab-playground[data-id="${ROUTE_ID}"]`);
      await route.scrollIntoViewIfNeeded();
      const listening = route.evaluate(
        (element) => new Promise<void>((resolve) => element.addEventListener('assoclab:result', () => resolve(), { once: true })),
      );
      await route.getByRole('button', { name: 'Run', exact: true }).click();
      await listening;
      expect(chunks.filter((chunk) => chunk.includes('express'))).toHaveLength(1);
    } finally {
      await fresh.page.context().close();
    }
  });
});
