/**
 * The built site in Chromium: navigation, 404, theme, search, and axe in both themes.
 * Needs `npx astro build && npx pagefind --site dist` (npm test builds first).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { seriousViolations } from './axe';
import { launchChromium, networkQuiet, openPage } from './browser';
import { distDir, serveDist, type StaticSite } from './static-server';
import { readdirSync } from 'node:fs';
import { sep } from 'node:path';
import { encodeAssignment } from '../../src/schemas/assignment';

const LESSON_URL = '/lessons/basics/has-many-belongs-to/';
const LESSON_TITLE = 'hasMany and belongsTo';
/** A learner's assignment page with an assignment in its link (one exercise the site does not have, to show that state too). */
const ASSIGNMENT_URL = `/assignment/#a=${encodeAssignment({
  format: 'assoclab-assignment',
  version: 1,
  id: 'axe-check1',
  title: 'Week 3',
  due: '2026-12-24',
  exercises: [
    { id: 'link-posts-to-author', points: 10 },
    { id: 'no-such-exercise', points: 5 },
  ],
})}`;

let site: StaticSite;
let browser: Browser;

beforeAll(async () => {
  site = await serveDist();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function open(path: string, colorScheme: 'light' | 'dark' = 'light'): Promise<{ page: Page; errors: string[] }> {
  const opened = await openPage(browser, { colorScheme, viewport: { width: 1280, height: 800 } });
  await opened.page.goto(site.url + path);
  return opened;
}

describe('the built site', () => {
  it('home page has a start link that reaches the first lesson', async () => {
    const { page, errors } = await open('/');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(/Sequelize associations/);
    await page.getByRole('link', { name: /start the course/i }).click();
    // The course opens with "Why associations" (lessons/01-basics/00-why-associations).
    await page.waitForURL('**/lessons/basics/why-associations/');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/associations/i);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('the outline lists the lesson and shows it done after a visit', async () => {
    const { page, errors } = await open('/lessons/');
    const link = page.getByRole('link', { name: new RegExp(LESSON_TITLE) });
    expect(await link.getAttribute('href')).toBe(LESSON_URL);
    const item = page.locator(`[data-lesson="basics/has-many-belongs-to"]`);
    expect(await item.getAttribute('data-state')).toBe('todo');
    expect(await item.locator('.status-text').first().textContent()).toBe('Not started');
    await link.click();
    await page.waitForURL(`**${LESSON_URL}`);
    await page.goto(`${site.url}/lessons/`);
    const exercises = (await item.getAttribute('data-exercises'))?.split(' ').filter(Boolean) ?? [];
    expect(await item.getAttribute('data-state')).toBe(exercises.length > 0 ? 'started' : 'done');
    // The exercise UI marks exercises done (progress.ts); the outline updates live.
    for (const id of exercises) {
      const exercise = item.locator(`[data-exercise="${id}"]`);
      expect(await exercise.locator('.status-text').textContent()).toBe('Not solved yet');
      // Progress from before the per-exercise records (a date under exercise-done:) still counts.
      await page.evaluate((exerciseId) => {
        localStorage.setItem(`assoclab:exercise-done:${exerciseId}`, new Date().toISOString());
        window.dispatchEvent(new CustomEvent('assoclab:progress', { detail: { kind: 'exercise', id: exerciseId } }));
      }, id);
      expect(await exercise.locator('.status-text').textContent()).toBe('Solved');
    }
    expect(await item.getAttribute('data-state')).toBe('done');
    expect(await item.locator('.status-text').first().textContent()).toBe('Done');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('the lesson page has its prose, the playground and lesson navigation', async () => {
    const { page, errors } = await open(LESSON_URL);
    expect(await page.locator('[data-pagefind-body]').textContent()).toContain('getPosts()');
    expect(await page.locator('.lesson-body .playground').count()).toBeGreaterThan(0);
    const pager = page.getByRole('navigation', { name: 'Lessons' });
    expect(await pager.getByRole('link').count()).toBeGreaterThanOrEqual(1);
    await page.getByRole('navigation', { name: 'Breadcrumbs' }).getByRole('link', { name: 'Outline' }).click();
    await page.waitForURL('**/lessons/');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Course outline');
    // Static code blocks are highlighted at build time, in both themes.
    await page.goto(site.url + LESSON_URL);
    const code = page.locator('.lesson-body pre.astro-code').first();
    expect(await code.getAttribute('style')).toContain('--shiki-dark');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('answers an unknown URL with the 404 page', async () => {
    const { page } = await open('/');
    const response = await page.goto(`${site.url}/no/such/page/`);
    expect(response?.status()).toBe(404);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found');
    expect(
      await page
        .getByRole('link', { name: /course outline/i })
        .first()
        .getAttribute('href'),
    ).toBe('/lessons/');
    await page.context().close();
  });

  it('the theme toggle switches data-theme, tells the page, and persists across reloads', async () => {
    const { page, errors } = await open('/', 'light');
    const html = page.locator('html');
    expect(await html.getAttribute('data-theme')).toBe('light');
    const toggle = page.getByRole('button', { name: /theme/i });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await page.evaluate(() => {
      window.addEventListener('assoclab:themechange', (event) => {
        (window as unknown as { seenTheme: unknown }).seenTheme = (event as CustomEvent<{ theme: string }>).detail.theme;
      });
    });
    await toggle.click();
    expect(await html.getAttribute('data-theme')).toBe('dark');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await page.evaluate(() => (window as unknown as { seenTheme: unknown }).seenTheme)).toBe('dark');
    await page.reload();
    expect(await html.getAttribute('data-theme')).toBe('dark');
    await page.goto(site.url + LESSON_URL);
    expect(await html.getAttribute('data-theme')).toBe('dark');
    await page.getByRole('button', { name: /theme/i }).click();
    await page.reload();
    expect(await html.getAttribute('data-theme')).toBe('light');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('follows the system dark preference before any choice', async () => {
    const { page } = await open('/', 'dark');
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    await page.context().close();
  });

  it('search finds the first lesson by a word from its prose, and opens the section that matched', async () => {
    const { page, errors } = await open('/');
    const box = page.getByRole('searchbox', { name: 'Search lessons' });
    await box.click();
    await box.fill('TypeScript'); // only this lesson has a TypeScript section
    const result = page.locator('#site-search-results').getByRole('link', { name: new RegExp(LESSON_TITLE) });
    await result.waitFor({ timeout: 10_000 });
    expect(await result.getAttribute('href')).toContain(LESSON_URL);
    expect(await page.getByRole('status').textContent()).toMatch(/1 lesson matches/);
    await box.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toContain(LESSON_URL);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === LESSON_URL && url.hash.length > 1);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('loads Pagefind only when search is used', async () => {
    const { page } = await open('/');
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.reload();
    await page.waitForLoadState('networkidle');
    expect(requests.filter((url) => url.includes('/pagefind/'))).toEqual([]);
    const loaded = page.waitForRequest((request) => request.url().includes('/pagefind/pagefind.js'), { timeout: 10_000 });
    await page.getByRole('searchbox', { name: 'Search lessons' }).focus();
    await loaded;
    await page.context().close();
  });

  it('every page fits a 390 px and a 320 px phone: nothing makes the page itself scroll sideways (wide tables and code scroll in place)', async () => {
    const pages = readdirSync(distDir(), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('index.html') && !file.startsWith('_'))
      .map(
        (file) =>
          `/${file
            .replace(/index\.html$/, '')
            .split(sep)
            .join('/')}`,
      );
    expect(pages.length).toBeGreaterThan(15);
    const tooWide: string[] = [];
    // 320 px: the header's brand, Outline link and theme toggle no longer fit one row there.
    for (const phone of [390, 320]) {
      const { page } = await openPage(browser, { viewport: { width: phone, height: 844 }, isMobile: true, hasTouch: true });
      for (const path of pages) {
        await page.goto(site.url + path);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > phone) tooWide.push(`${path} at ${phone} px: ${width} px wide`);
      }
      await page.context().close();
    }
    expect(tooWide).toEqual([]);
  }, 120_000);

  it('on a slow device that paints the header before the parser reaches its end, nothing in the header moves', async () => {
    // With the CPU slowed down 8×, Chromium paints the page while the parser is still in the
    // header. A header laid out as a flex row moved its search box 60 px when the theme toggle arrived.
    const moved: string[] = [];
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 390, height: 844 },
    ]) {
      const { page } = await openPage(browser, { viewport });
      await page.addInitScript(() => {
        const moves: string[] = [];
        (window as unknown as { __headerMoves: string[] }).__headerMoves = moves;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { sources?: { node?: Node | null }[] })[]) {
            for (const source of entry.sources ?? []) {
              if (source.node instanceof Element && source.node.closest('.site-header'))
                moves.push(`${source.node.localName}.${source.node.getAttribute('class')}`);
            }
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 });
      for (const path of ['/', LESSON_URL]) {
        await page.goto(site.url + path, { waitUntil: 'load' });
        const moves = await page.evaluate(() => (window as unknown as { __headerMoves: string[] }).__headerMoves);
        moved.push(...moves.map((name) => `${viewport.width} px ${path}: ${name}`));
      }
      await page.context().close();
    }
    expect(moved).toEqual([]);
  }, 120_000);

  describe.each(['light', 'dark'] as const)('axe in the %s theme', (colorScheme) => {
    it.each([
      ['home', '/'],
      ['outline', '/lessons/'],
      ['404', '/no/such/page/'],
      ['for instructors', '/instructors/'],
      ['Assign', '/assign/'],
      ['assignment', ASSIGNMENT_URL],
      ['broken assignment link', '/assignment/#a=abc'],
      ['assignments guide', '/instructors/assignments/'],
      ['grading guide', '/instructors/grading/'],
      ['writing exercises guide', '/instructors/writing-exercises/'],
    ])('finds no serious or critical violations on the %s page', async (_name, path) => {
      const { page } = await open(path, colorScheme);
      expect(await page.locator('html').getAttribute('data-theme')).toBe(colorScheme);
      await page.waitForLoadState('networkidle');
      expect(await seriousViolations(page)).toBe('');
      await page.context().close();
    });
  });

  it('axe finds none on a lesson page with its editor, then in use (SQL and Tables results, failed checks, a hint, the solution diff), light then dark', async () => {
    // One page through both themes: the theme toggle restyles everything in place (the editors too),
    // so the expensive part (editors, a run, a Check, the diff) is done once.
    const { page } = await open(LESSON_URL, 'light');
    const playground = page.locator('assoclab-playground').first();
    // Bring in the lazy parts (the editor), so the page is checked as a learner sees it.
    await playground.locator('[data-part="editor"]').hover();
    await page.waitForSelector('assoclab-playground[data-editor="ready"]', { timeout: 30_000 });
    await networkQuiet(page);
    expect(await seriousViolations(page)).toBe('');

    const ran = playground.evaluate((element) => new Promise<void>((resolve) => element.addEventListener('assoclab:result', () => resolve(), { once: true })));
    await playground.getByRole('button', { name: 'Run', exact: true }).click();
    await ran;
    await playground.getByRole('tab', { name: 'SQL', exact: true }).click();

    const exercise = page.locator('assoclab-exercise').first();
    await exercise.locator('[data-part="editor"]').hover();
    await exercise.getByRole('button', { name: 'Check', exact: true }).click();
    await exercise.locator('li[data-state="failed"]').first().waitFor({ timeout: 60_000 });
    await exercise.getByRole('button', { name: 'Hint', exact: true }).click();
    await exercise.getByRole('button', { name: 'Show solution', exact: true }).click();
    await exercise.locator('[data-part="diff"] .monaco-diff-editor').waitFor({ timeout: 30_000 });
    await networkQuiet(page);

    for (const theme of ['light', 'dark'] as const) {
      if (theme === 'dark') await page.getByRole('button', { name: /theme/i }).click();
      expect(await page.locator('html').getAttribute('data-theme')).toBe(theme);
      await playground.getByRole('tab', { name: 'SQL', exact: true }).click();
      expect(await seriousViolations(page), `${theme} theme, SQL tab`).toBe('');
      await playground.getByRole('tab', { name: 'Tables', exact: true }).click();
      expect(await seriousViolations(page), `${theme} theme, Tables tab`).toBe('');
    }
    await page.context().close();
  }, 120_000);
});
