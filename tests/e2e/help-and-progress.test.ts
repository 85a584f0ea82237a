/**
 * The learning loop around the exercises, in Chromium against the built site (issue #10):
 * - help in view: Hint and Show solution leave what they reveal in view, next to where the
 *   learner was, with focus on it, at 1366x860 and on a 390x844 phone;
 * - "Use this solution" then Check is "solved with the solution", distinct from solved, in
 *   the exercise, the outline and the home page; Reset then solving it counts as solved;
 * - progress: the last verdicts come back after a reload, the outline and the home page count
 *   solved exercises, "Continue where you left off", a completed course;
 * - search opens the matching section, finds "N+1", and `/` focuses it (not while typing);
 * - polish: association accessors first in the completion list, highlighted code before the
 *   editor with no layout shift when it loads, touch tips on touch screens, titles that fit.
 * Each test starts from an empty browser profile (a new context).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { seriousViolations } from './axe';
import { launchChromium, openPage } from './browser';
import { distDir, serveDist, type StaticSite } from './static-server';

const LESSON_URL = '/lessons/basics/has-many-belongs-to/';
/** The built course, as the home page carries it: its first lesson and how many exercises it has. */
const COURSE = (() => {
  const html = readFileSync(join(distDir(), 'index.html'), 'utf8');
  const json = /<script type="application\/json" id="course-map">([^<]*)<\/script>/.exec(html)?.[1] ?? '{"lessons":[]}';
  const map = JSON.parse(json) as { lessons: { url: string; exercises: unknown[] }[] };
  return { firstUrl: map.lessons[0]?.url ?? '', exercises: map.lessons.reduce((sum, lesson) => sum + lesson.exercises.length, 0) };
})();
const TOTAL = COURSE.exercises;
const LINK = 'link-posts-to-author';
const POSTS_OF = 'write-posts-of';
const CHECK_TIMEOUT = 60_000;

const DEVICES = {
  desktop: { viewport: { width: 1366, height: 860 } },
  phone: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 },
} satisfies Record<string, BrowserContextOptions>;

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

/** A fresh profile on a page; layout shifts are recorded from the first paint (window.__shifts, with their time). */
async function open(path: string, options: BrowserContextOptions = DEVICES.desktop): Promise<{ page: Page; errors: string[] }> {
  const opened = await openPage(browser, options);
  await opened.page.addInitScript(() => {
    const shifts: { value: number; at: number; sources: string[] }[] = [];
    (window as unknown as { __shifts: typeof shifts }).__shifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: { node?: Node | null }[] })[]) {
        if (entry.hadRecentInput) continue;
        shifts.push({
          value: entry.value,
          at: entry.startTime,
          sources: (entry.sources ?? []).map((source) => (source.node instanceof Element ? source.node.className : String(source.node?.nodeName))),
        });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await opened.page.goto(site.url + path);
  return opened;
}

/**
 * The layout shifts since the page was parsed (its scripts ran then). Shifts while the parser
 * was still adding the page (a slow machine can paint half a page) are not the scripts' doing.
 */
async function layoutShifts(page: Page): Promise<{ value: number; sources: string[] }[]> {
  return page.evaluate(() => {
    const parsed = (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.domInteractive ?? 0;
    return (window as unknown as { __shifts: { value: number; at: number; sources: string[] }[] }).__shifts
      .filter((shift) => shift.at >= parsed)
      .map(({ value, sources }) => ({ value, sources }));
  });
}

/**
 * Where the home page's hero puts its parts. Progress fills in the labels and the progress line,
 * and must not move a thing: compared between learners, not timed (a layout-shift record on a
 * slow machine also holds shifts of the page being parsed, painted after the parser finished).
 */
function heroLayout(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const parts = ['[data-progress-primary]', '.hero__actions .button--ghost', '[data-progress-line]', '.hero__facts', '.hero__code', '.features'];
    return Object.fromEntries(
      parts.map((selector) => {
        const box = document.querySelector(selector)?.getBoundingClientRect();
        return [selector, box ? `${box.x},${box.y} ${box.width}×${box.height}` : 'missing'];
      }),
    );
  });
}

const exerciseOf = (page: Page, id: string): Locator => page.locator(`#exercise-${id}`);

/** True when the element is wholly in the viewport, below the sticky site header when there is one. */
function wholeInView(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => {
    const rect = element.getBoundingClientRect();
    const header = document.querySelector('.site-header');
    const top = header && getComputedStyle(header).position === 'sticky' ? Math.max(0, header.getBoundingClientRect().bottom) : 0;
    return rect.height > 0 && rect.top >= top - 1 && rect.bottom <= window.innerHeight + 1;
  });
}

async function playgroundCall<T>(exercise: Locator, call: 'getCode' | { setCode: string }): Promise<T> {
  return exercise.locator('assoclab-playground').evaluate((element, request) => {
    const playground = element as HTMLElementTagNameMap['assoclab-playground'];
    if (request === 'getCode') return playground.getCode() as unknown;
    playground.setCode(request.setCode);
    return undefined;
  }, call) as Promise<T>;
}

function solutionOf(exercise: Locator): Promise<string> {
  return exercise
    .locator('script[type="application/json"]')
    .evaluate((script) => (JSON.parse(script.textContent ?? '{}') as { exercise: { solution: string } }).exercise.solution);
}

/** Presses Check and waits for the verdicts of this Check (not restored ones). */
async function check(exercise: Locator): Promise<'passed' | 'failed'> {
  await exercise.getByRole('button', { name: 'Check', exact: true }).click();
  await exercise
    .page()
    .waitForFunction(
      (root) => root instanceof HTMLElement && root.dataset.verdicts === 'fresh' && !root.querySelector('[data-part="check"]')?.hasAttribute('aria-busy'),
      await exercise.elementHandle(),
      { timeout: CHECK_TIMEOUT },
    );
  return (await exercise.getAttribute('data-result')) as 'passed' | 'failed';
}

async function useSolution(exercise: Locator): Promise<void> {
  await exercise.getByRole('button', { name: 'Show solution', exact: true }).click();
  exercise.page().once('dialog', (dialog) => void dialog.accept());
  await exercise.getByRole('button', { name: 'Use this solution', exact: true }).click();
  await expect.poll(() => playgroundCall<string>(exercise, 'getCode')).toBe(await solutionOf(exercise));
}

describe.each(Object.entries(DEVICES))('help in view on a %s', (_device, options) => {
  it('Hint opens the hint next to the Hint button, in view and focused; the next one too', async () => {
    const { page, errors } = await open(LESSON_URL, options);
    const exercise = exerciseOf(page, LINK);
    // The learner is at the program.
    await exercise.locator('[data-part="editor"]').evaluate((editor) => editor.scrollIntoView({ block: 'center' }));
    const hint = exercise.getByRole('button', { name: 'Hint', exact: true });
    for (const [index, label] of ['Hint 1 of 3', 'Hint 2 of 3'].entries()) {
      await hint.click();
      const item = exercise.locator('[data-part="hint-item"]').nth(index);
      await expect.poll(() => item.isVisible()).toBe(true);
      await expect(item.textContent()).resolves.toContain(label);
      await expect.poll(() => wholeInView(item), { timeout: 5_000 }).toBe(true);
      expect(await wholeInView(hint), 'the Hint button stays in view').toBe(true);
      expect(await item.evaluate((element) => element === document.activeElement)).toBe(true);
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('Show solution brings its heading, buttons and the whole comparison into view, with focus on it', async () => {
    const { page, errors } = await open(LESSON_URL, options);
    const exercise = exerciseOf(page, LINK);
    await exercise.locator('[data-part="editor"]').evaluate((editor) => editor.scrollIntoView({ block: 'center' }));
    await exercise.getByRole('button', { name: 'Show solution', exact: true }).click();
    const panel = exercise.locator('[data-part="solution-panel"]');
    const heading = panel.getByRole('heading', { name: 'Solution' });
    await expect.poll(() => heading.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.waitForFunction((id) => document.querySelector<HTMLElement>(`#exercise-${id}`)?.dataset.diff === 'ready', LINK, { timeout: 30_000 });
    for (const [name, part] of [
      ['heading', heading],
      ['Use this solution', panel.getByRole('button', { name: 'Use this solution' })],
      ['the comparison', panel.locator('[data-part="diff"]')],
    ] as const) {
      await expect.poll(() => wholeInView(part), { message: `${name} in view`, timeout: 5_000 }).toBe(true);
    }
    expect(await panel.locator('.monaco-diff-editor').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);
});

describe('solved, and solved with the solution', () => {
  it('"Use this solution" then Check is solved with the solution, in the exercise, the outline and the home page; Reset and a program of one’s own make it solved', async () => {
    const { page, errors } = await open(LESSON_URL);
    const exercise = exerciseOf(page, LINK);
    await useSolution(exercise);
    await expect(exercise.locator('[data-part="status"]').textContent()).resolves.toMatch(/counts as solved with the solution/);
    expect(await check(exercise)).toBe('passed');
    await expect(exercise.getAttribute('data-state')).resolves.toBe('solved-with-solution');
    await expect(exercise.locator('[data-part="badge"]').innerText()).resolves.toBe('Solved with the solution');
    await expect(exercise.getByText('All checks pass, with the solution.').isVisible()).resolves.toBe(true);

    await page.goto(site.url + '/lessons/');
    const item = page.locator(`[data-exercise="${LINK}"]`);
    await expect(item.getAttribute('data-state')).resolves.toBe('solved-with-solution');
    await expect(item.locator('.status-text').textContent()).resolves.toBe('Solved with the solution');
    await expect(item.locator('.exercise-item__note').isVisible()).resolves.toBe(true);
    await expect(page.locator('[data-progress-summary]').textContent()).resolves.toBe(`1 of ${TOTAL} exercises solved (1 with the solution).`);

    await page.goto(site.url + '/');
    await expect(page.locator('[data-progress-line] [data-part="tally"]').textContent()).resolves.toBe(`1 of ${TOTAL} exercises solved (1 with the solution).`);

    // Reset brings back the starter; the learner then writes the program (here: the solution's text, typed in).
    await page.goto(site.url + LESSON_URL);
    // The learner's pointer reaches the playground before it presses Reset, which starts the
    // runtime's frame; a confirm opened while that frame was being made could be closed by
    // Chromium before it was answered (seen in 1 of 3 runs of this file).
    await exercise.locator('[data-part="editor"]').hover();
    await expect.poll(() => exercise.locator('assoclab-playground').getAttribute('data-runtime'), { timeout: CHECK_TIMEOUT }).toBe('ready');
    const confirmed = page.waitForEvent('dialog').then((dialog) => dialog.accept());
    await exercise.getByRole('button', { name: 'Reset', exact: true }).click();
    await confirmed;
    await expect.poll(() => playgroundCall<string>(exercise, 'getCode')).not.toBe(await solutionOf(exercise));
    await playgroundCall(exercise, { setCode: await solutionOf(exercise) });
    expect(await check(exercise)).toBe('passed');
    await expect(exercise.getAttribute('data-state')).resolves.toBe('solved');
    await expect(exercise.locator('[data-part="badge"]').innerText()).resolves.toBe('Solved');
    await expect(exercise.getByText('All checks pass. Exercise solved!').isVisible()).resolves.toBe(true);
    await page.goto(site.url + '/lessons/');
    await expect(item.getAttribute('data-state')).resolves.toBe('solved');
    await expect(item.locator('.exercise-item__note').isVisible()).resolves.toBe(false);
    await expect(page.locator('[data-progress-summary]').textContent()).resolves.toBe(`1 of ${TOTAL} exercises solved.`);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);
});

describe('progress that means something', () => {
  it('after a reload, a solved exercise shows its passing checks and a failed Check its verdicts, said to be from then, and whether the program changed since', async () => {
    const { page, errors } = await open(LESSON_URL);
    const link = exerciseOf(page, LINK);
    await useSolution(link);
    expect(await check(link)).toBe('passed');
    const postsOf = exerciseOf(page, POSTS_OF);
    expect(await check(postsOf)).toBe('failed');
    const failedBefore = await postsOf.locator('li[data-state="failed"] .ex-check__message').allTextContents();
    expect(failedBefore.length).toBeGreaterThan(0);

    await page.reload();
    await expect(link.locator('li[data-check]').evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.state))).resolves.toEqual(
      Array(6).fill('passed'),
    );
    await expect(link.getAttribute('data-verdicts')).resolves.toBe('restored');
    await expect(link.locator('[data-part="tally"]').textContent()).resolves.toBe('6 of 6 passed');
    await expect(link.locator('[data-part="status"]').textContent()).resolves.toMatch(
      /^Your last Check, today at .+: all 6 checks passed\. You solved it with the solution\.$/,
    );
    await expect(postsOf.locator('li[data-state="failed"] .ex-check__message').allTextContents()).resolves.toEqual(failedBefore);
    await expect(postsOf.locator('[data-part="status"]').textContent()).resolves.toMatch(/^Your last Check, today at .+: \d of \d checks passed\.$/);

    // An edit after the Check: the restored verdicts say so.
    await playgroundCall(postsOf, { setCode: `${await playgroundCall<string>(postsOf, 'getCode')}\n// my next try\n` });
    await page.reload();
    await expect
      .poll(() => postsOf.locator('[data-part="status"]').textContent())
      .toMatch(/You have edited your program since: press Check to test it again\.$/);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('the home page starts, continues where the learner left off, and knows a completed course; nothing moves when it does', async () => {
    const { page, errors } = await open('/');
    const primary = page.locator('[data-progress-primary]');
    const tally = page.locator('[data-progress-line] [data-part="tally"]');
    const next = page.locator('[data-progress-line] [data-part="next"]');
    await expect(page.getByRole('link', { name: 'Start the course' }).getAttribute('href')).resolves.toBe(COURSE.firstUrl);
    await expect(page.getByRole('link', { name: /continue|review/i }).count()).resolves.toBe(0);
    const newLearnersHero = await heroLayout(page);

    // Read the lesson, then work on the second exercise (a Check).
    await page.goto(site.url + LESSON_URL);
    expect(await check(exerciseOf(page, POSTS_OF))).toBe('failed');
    await page.goto(site.url + '/');
    await expect(page.getByRole('link', { name: 'Continue where you left off' }).getAttribute('href')).resolves.toBe(`${LESSON_URL}#exercise-${POSTS_OF}`);
    await expect(tally.textContent()).resolves.toBe(`0 of ${TOTAL} exercises solved.`);
    await expect(next.textContent()).resolves.toBe('Next: Write postsOf(user), in hasMany and belongsTo');
    expect(await heroLayout(page)).toEqual(newLearnersHero);

    // Following it lands on the exercise.
    await primary.click();
    await page.waitForURL(`**${LESSON_URL}#exercise-${POSTS_OF}`);
    expect(await exerciseOf(page, POSTS_OF).evaluate((element) => element.getBoundingClientRect().top < window.innerHeight)).toBe(true);

    // Every exercise solved (one with the solution), the lesson read: the course is complete.
    await page.goto(site.url + '/');
    await page.evaluate(() => {
      const map = JSON.parse(document.getElementById('course-map')?.textContent ?? '{"lessons":[]}') as {
        lessons: { slug: string; exercises: { id: string }[] }[];
      };
      const at = new Date().toISOString();
      map.lessons.forEach((lesson, index) => {
        localStorage.setItem(`assoclab:visited:${lesson.slug}`, at);
        lesson.exercises.forEach((exercise, position) => {
          const status = index === 0 && position === 0 ? 'solved-with-solution' : 'solved';
          localStorage.setItem(`assoclab:exercise:${exercise.id}`, JSON.stringify({ status, solvedAt: at }));
        });
      });
    });
    await page.goto(site.url + '/');
    await expect(page.getByRole('link', { name: /start the course|continue where/i }).count()).resolves.toBe(0);
    await expect(page.getByRole('link', { name: 'Review the course' }).getAttribute('href')).resolves.toBe(COURSE.firstUrl);
    await expect(tally.textContent()).resolves.toBe(`Course complete: ${TOTAL} of ${TOTAL} exercises solved (1 with the solution).`);
    expect(await heroLayout(page)).toEqual(newLearnersHero);
    await page.goto(site.url + '/lessons/');
    await expect(page.locator('[data-progress-summary]').textContent()).resolves.toBe(
      `Course complete: ${TOTAL} of ${TOTAL} exercises solved (1 with the solution).`,
    );
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it.each(['light', 'dark'] as const)('axe finds no serious violation on the home page and the outline with progress (%s theme)', async (colorScheme) => {
    const { page } = await open('/', { ...DEVICES.desktop, colorScheme });
    await page.evaluate(() => {
      localStorage.setItem('assoclab:visited:basics/has-many-belongs-to', new Date().toISOString());
      localStorage.setItem('assoclab:exercise:link-posts-to-author', JSON.stringify({ status: 'solved-with-solution' }));
      localStorage.setItem('assoclab:exercise:write-posts-of', JSON.stringify({ status: 'solved' }));
      localStorage.setItem('assoclab:last', JSON.stringify({ lesson: 'basics/has-many-belongs-to', exercise: 'write-posts-of' }));
    });
    for (const path of ['/', '/lessons/']) {
      await page.goto(site.url + path, { waitUntil: 'networkidle' });
      expect(await seriousViolations(page), path).toBe('');
    }
    await page.context().close();
  });
});

describe('search', () => {
  it('finds "N+1" and opens the section that matched', async () => {
    const { page, errors } = await open('/');
    const box = page.getByRole('searchbox', { name: 'Search lessons' });
    await box.fill('N+1');
    const results = page.locator('#site-search-results');
    const first = results.locator('.site-search__result').first();
    await first.waitFor({ timeout: 10_000 });
    await expect(results.locator('mark').first().textContent()).resolves.toMatch(/N\+1/);
    // A lesson's section: its URL with the anchor of the heading (or exercise) that matched.
    const href = (await first.getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/lessons\/[\w-]+\/[\w-]+\/#[\w-]+$/);
    const [path = ''] = href.split('#');
    await first.click();
    await page.waitForURL((url) => url.pathname === path && url.hash === href.slice(href.indexOf('#')));
    // The section's heading is where the page is.
    const target = page.locator(href.slice(href.indexOf('#')));
    await expect(target.evaluate((element) => element.getBoundingClientRect().top)).resolves.toBeLessThan(200);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('"/" focuses search, but not while the learner types in a field or the editor', async () => {
    const { page } = await open(LESSON_URL);
    const box = page.getByRole('searchbox', { name: 'Search lessons' });
    await page.locator('h1').click();
    await page.keyboard.press('/');
    await expect(box.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
    await expect(box.inputValue()).resolves.toBe('');
    await page.keyboard.type('include');
    await expect(box.inputValue()).resolves.toBe('include');

    // In the editor, "/" is a character of the program.
    const playground = page.locator('assoclab-playground').first();
    await playground.locator('[data-part="editor"]').hover();
    await page.waitForSelector('assoclab-playground[data-editor="ready"]', { timeout: 30_000 });
    await playground.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('End');
    await page.keyboard.type('// done');
    expect(await playground.evaluate((element) => (element as HTMLElementTagNameMap['assoclab-playground']).getCode())).toContain('// done');
    await expect(box.evaluate((element) => element === document.activeElement)).resolves.toBe(false);
    await page.context().close();
  }, 60_000);
});

describe('polish', () => {
  it('after `alice.` the completion list opens on the accessors the associations added, each saying which', async () => {
    const { page, errors } = await open(LESSON_URL);
    const typed = page.locator('assoclab-playground[data-id="basics-typed"]');
    await typed.scrollIntoViewIfNeeded();
    await typed.locator('[data-part="editor"]').hover();
    await page.waitForSelector('assoclab-playground[data-id="basics-typed"][data-editor="ready"]', { timeout: 30_000 });
    await typed.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('alice.');
    const rows = typed.locator('.suggest-widget .monaco-list-row');
    // The TypeScript service starts and reads Sequelize's typings first.
    await expect.poll(async () => (await rows.count()) > 3 && (await rows.first().textContent())?.includes('.hasMany('), { timeout: 30_000 }).toBe(true);
    const labels = await rows.evaluateAll((items) =>
      items.sort((a, b) => Number(a.getAttribute('data-index')) - Number(b.getAttribute('data-index'))).map((item) => item.getAttribute('aria-label') ?? ''),
    );
    expect(labels.slice(0, 2)).toEqual([
      expect.stringMatching(/^createPost, User\.hasMany\(Post\), /),
      expect.stringMatching(/^getPosts, User\.hasMany\(Post\), /),
    ]);
    expect(labels.slice(2).some((label) => /hasMany|belongsTo/.test(label))).toBe(false);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 90_000);

  describe.each(Object.entries(DEVICES))('on a %s', (device, options) => {
    it('the code is highlighted in the editor’s colours before it loads, and nothing moves when it does', async () => {
      const { page, errors } = await open(LESSON_URL, options);
      const playground = exerciseOf(page, LINK).locator('assoclab-playground');
      await playground.evaluate((element) => element.scrollIntoView({ block: 'start' }));
      await page.waitForTimeout(300);
      const staticColour = (cls: string) =>
        playground
          .locator(`.pg__static .tok-${cls}`)
          .first()
          .evaluate((element) => getComputedStyle(element).color);
      const keyword = await staticColour('k');
      const string = await staticColour('s');
      expect(new Set([keyword, string, await staticColour('c'), await staticColour('t')]).size).toBe(4);
      const before = (await layoutShifts(page)).length;

      // The learner reaches for it: Monaco replaces the static code.
      // (On the phone by focus, not a tap: a shift just after a tap would not count as one.)
      if (device === 'phone') await playground.locator('.pg__static').focus();
      else await playground.locator('[data-part="editor"]').hover();
      await page.waitForSelector(`#exercise-${LINK} assoclab-playground[data-editor="ready"]`, { timeout: 30_000 });
      await page.waitForFunction(() => document.querySelector('.monaco-editor .view-lines .mtk1') !== null);
      await page.waitForTimeout(1_000);
      expect((await layoutShifts(page)).slice(before)).toEqual([]);

      // The same words in the same colours in Monaco.
      const monacoColour = (text: string) =>
        playground.locator('.view-lines span span').evaluateAll((spans, word) => {
          const span = spans.find((candidate) => candidate.textContent === word);
          return span ? getComputedStyle(span).color : 'none';
        }, text);
      expect(await monacoColour('const')).toBe(keyword);
      expect(await monacoColour("'sequelize'")).toBe(string);
      expect(errors).toEqual([]);
      await page.context().close();
    }, 60_000);

    it(`${device === 'phone' ? 'touch' : 'keyboard'} tips, and a title that fits`, async () => {
      const { page } = await open(LESSON_URL, options);
      const playground = exerciseOf(page, LINK).locator('assoclab-playground');
      await playground.scrollIntoViewIfNeeded();
      const keys = playground.locator('.pg__hint-keys');
      const touch = playground.locator('.pg__hint-touch');
      await expect(keys.isVisible()).resolves.toBe(device === 'desktop');
      await expect(touch.isVisible()).resolves.toBe(device === 'phone');
      const title = playground.locator('.pg__title');
      await expect(title.textContent()).resolves.toBe('Your program');
      await expect(title.evaluate((element) => element.scrollWidth <= element.clientWidth)).resolves.toBe(true);
      await page.context().close();
    });
  });
});
