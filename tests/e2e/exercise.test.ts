/**
 * Auto-graded exercises in the built site, in Chromium: Check with the starter fails with
 * messages, Hint reveals a hint, Show solution shows a diff without touching the learner's
 * code, the solution passes every check, and the outline marks the exercise solved with the
 * solution (also after a reload). Needs a build (`ASSOCLAB_DIST=/tmp/exdist` to test another
 * one). Help in view, progress and the "solved with the solution" state in depth:
 * learning-loop.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium, openPage } from './browser';
import { serveDist, type StaticSite } from './static-server';

const LESSON_URL = '/lessons/basics/has-many-belongs-to/';
const EXERCISE = 'link-posts-to-author';
const CHECK_TIMEOUT = 60_000;

interface PlaygroundApi extends HTMLElement {
  getCode(): string;
  setCode(code: string): void;
}

let site: StaticSite;
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  site = await serveDist();
  browser = await launchChromium();
  ({ page, errors } = await openPage(browser, { viewport: { width: 1280, height: 800 } }));
  await page.goto(site.url + LESSON_URL);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const exercise = (): Locator => page.locator(`#exercise-${EXERCISE}`);
const checks = (): Locator => exercise().getByRole('list', { name: 'Checks', exact: true });

function getCode(): Promise<string> {
  return page.evaluate((id) => {
    const playground = document.querySelector<PlaygroundApi>(`#exercise-${id} assoclab-playground`);
    if (!playground) throw new Error('no playground');
    return playground.getCode();
  }, EXERCISE);
}

const setCode = (code: string): Promise<void> =>
  page.evaluate(({ id, text }) => document.querySelector<PlaygroundApi>(`#exercise-${id} assoclab-playground`)!.setCode(text), { id: EXERCISE, text: code });

async function waitForVerdicts(): Promise<void> {
  await exercise().getByRole('button', { name: 'Check', exact: true }).waitFor();
  await page.waitForFunction(
    (id) => {
      const root = document.querySelector<HTMLElement>(`#exercise-${id}`);
      const button = root?.querySelector('[data-part="check"]');
      return Boolean(root && button && !button.hasAttribute('aria-busy') && (root.dataset.result === 'passed' || root.dataset.result === 'failed'));
    },
    EXERCISE,
    { timeout: CHECK_TIMEOUT },
  );
}

describe('an auto-graded exercise', () => {
  it('renders with its title, instructions and every check not run yet', async () => {
    await expect(exercise().getByRole('heading', { name: 'Link posts to their author' }).isVisible()).resolves.toBe(true);
    const items = checks().getByRole('listitem');
    await expect(items.count()).resolves.toBe(6);
    await expect(items.first().textContent()).resolves.toMatch(/Not run/);
  });

  it('Check with the starter program shows failing checks with messages', async () => {
    const button = exercise().getByRole('button', { name: 'Check', exact: true });
    await button.click();
    // Busy while checking, and a second click does nothing.
    await expect(button.getAttribute('aria-busy')).resolves.toBe('true');
    await expect(exercise().locator('[data-part="status"]').textContent()).resolves.toMatch(/Checking…/);
    await button.click({ force: true });
    await waitForVerdicts();

    const failed = checks().locator('li[data-state="failed"]');
    expect(await failed.count()).toBeGreaterThan(0);
    const first = failed.first();
    await expect(first.textContent()).resolves.toMatch(/Failed/);
    const message = (await first.locator('.ex-check__message').textContent()) ?? '';
    expect(message.trim().length).toBeGreaterThan(10);
    await expect(exercise().locator('[data-part="status"]').textContent()).resolves.toMatch(/checks? fail/);
    await expect(exercise().getAttribute('data-state')).resolves.toBe('todo');
    // What the checked program printed is in the Console, as after Run.
    const console = exercise().getByRole('tabpanel', { name: 'Console', exact: true });
    // Drawn in tasks of its own after the verdicts: wait for it as a learner would.
    await expect.poll(() => console.innerText(), { timeout: 20_000 }).toContain('??? wrote: Hello');
  }, 90_000);

  it('Hint reveals one hint at a time', async () => {
    const hint = exercise().getByRole('button', { name: 'Hint', exact: true });
    await hint.click();
    await expect(exercise().getByText('Hint 1 of 3').isVisible()).resolves.toBe(true);
    await expect(exercise().getByText('Hint 2 of 3').isVisible()).resolves.toBe(false);
    await hint.click();
    await hint.click();
    await expect(exercise().getByText('Hint 3 of 3').isVisible()).resolves.toBe(true);
    await expect(hint.isDisabled()).resolves.toBe(true);
    await expect(exercise().getByText('All 3 hints are shown.').isVisible()).resolves.toBe(true);
  });

  it('Show solution shows a read-only diff and leaves the learner’s code alone', async () => {
    const before = await getCode();
    const show = exercise().getByRole('button', { name: 'Show solution', exact: true });
    await show.click();
    await page.waitForFunction((id) => document.querySelector<HTMLElement>(`#exercise-${id}`)?.dataset.diff === 'ready', EXERCISE, { timeout: 30_000 });
    const diffBox = await exercise().locator('[data-part="diff"]').boundingBox();
    expect(diffBox?.height ?? 0).toBeGreaterThan(200);
    await expect(exercise().locator('[data-part="diff"] .monaco-diff-editor').count()).resolves.toBeGreaterThan(0);
    await expect(exercise().locator('[data-part="diff"] .editor.original').isVisible()).resolves.toBe(true);
    await expect(show.getAttribute('aria-expanded')).resolves.toBe('true');
    await expect(getCode()).resolves.toBe(before);

    await exercise().getByRole('button', { name: 'Hide solution', exact: true }).click();
    await expect(exercise().locator('[data-part="solution-panel"]').isHidden()).resolves.toBe(true);
    await expect(getCode()).resolves.toBe(before);
  }, 60_000);

  it('"Use this solution" asks first and does nothing when declined', async () => {
    const before = await getCode();
    await exercise().getByRole('button', { name: 'Show solution', exact: true }).click();
    page.once('dialog', (dialog) => void dialog.dismiss());
    await exercise().getByRole('button', { name: 'Use this solution', exact: true }).click();
    await expect(getCode()).resolves.toBe(before);
  });

  it('a program stopped by a common mistake gets its explanation under the error, with where to read more', async () => {
    const before = await getCode();
    const missingAwait = [
      "import { Sequelize, DataTypes } from 'sequelize';",
      "const sequelize = new Sequelize('sqlite::memory:', { logging: false });",
      "const User = sequelize.define('User', { name: DataTypes.STRING });",
      "const Post = sequelize.define('Post', { title: DataTypes.STRING });",
      "User.hasMany(Post, { foreignKey: 'userId' });",
      "Post.belongsTo(User, { foreignKey: 'userId' });",
      'await sequelize.sync();',
      "const ann = await User.create({ name: 'Ann' });",
      'const posts = ann.getPosts();',
      'posts.forEach((post) => console.log(post.title));',
    ].join('\n');
    await setCode(missingAwait);
    await exercise().getByRole('button', { name: 'Check', exact: true }).click();
    await waitForVerdicts();
    const box = exercise().locator('[data-part="run-error"]');
    await expect(box.textContent()).resolves.toContain('Your program stopped with an error on line 10');
    const why = box.locator('[data-part="run-error-why"]');
    await why.waitFor();
    await expect(why.textContent()).resolves.toMatch(/^A promise used as a value \(a missing await\)\. .*posts.*Read more: /);
    await expect(why.getByRole('link').getAttribute('href')).resolves.toMatch(/^\/lessons\/basics\/has-many-belongs-to\/#/);
    await setCode(before);
  }, 90_000);

  it('the correct solution passes every check and marks the exercise solved with the solution', async () => {
    page.once('dialog', (dialog) => void dialog.accept());
    await exercise().getByRole('button', { name: 'Use this solution', exact: true }).click();
    const solution = await page.evaluate((id) => {
      const data = document.querySelector(`#exercise-${id} script[type="application/json"]`)?.textContent ?? '{}';
      return (JSON.parse(data) as { exercise: { solution: string } }).exercise.solution;
    }, EXERCISE);
    await expect(getCode()).resolves.toBe(solution);
    // The verdicts on screen are the last Check's, of another program: they say so until the next Check.
    await expect(exercise().getAttribute('data-verdicts')).resolves.toBe('outdated');
    await expect(checks().evaluate((list) => getComputedStyle(list).borderTopStyle)).resolves.toBe('dashed');

    await exercise().getByRole('button', { name: 'Check', exact: true }).click();
    await waitForVerdicts();
    const items = checks().getByRole('listitem');
    const states = await items.evaluateAll((nodes) => nodes.map((node) => (node as HTMLElement).dataset.state));
    expect(states).toEqual(Array(6).fill('passed'));
    await expect(exercise().getByText('All checks pass, with the solution.').isVisible()).resolves.toBe(true);
    await expect(exercise().getAttribute('data-state')).resolves.toBe('solved-with-solution');
    await expect(getCode()).resolves.toBe(solution);
  }, 90_000);

  it('the outline marks the exercise solved with the solution, also after a reload', async () => {
    await page.goto(site.url + '/lessons/');
    const item = page.locator(`[data-exercise="${EXERCISE}"]`);
    await expect(item.getAttribute('data-state')).resolves.toBe('solved-with-solution');
    await expect(item.textContent()).resolves.toMatch(/Solved with the solution/);
    await expect(page.locator('[data-exercise="write-posts-of"]').getAttribute('data-state')).resolves.toBe('todo');

    await page.reload();
    await expect(item.getAttribute('data-state')).resolves.toBe('solved-with-solution');

    await page.goto(site.url + LESSON_URL);
    await expect(exercise().getAttribute('data-state')).resolves.toBe('solved-with-solution');
    await expect(exercise().locator('[data-part="badge"]').textContent()).resolves.toMatch(/Solved with the solution/);
    // The learner's code (the solution they pasted) was kept.
    await expect(getCode()).resolves.toMatch(/Post\.belongsTo\(User/);
  });

  it('checks a stopped program cannot answer are "Not judged", apart from the failed ones, also after a reload', async () => {
    // eager-load-posts, on the same page: its join and query checks read SQL a program that throws first never sends.
    const id = 'eager-load-posts';
    const root = page.locator(`#exercise-${id}`);
    await root.locator('assoclab-playground').evaluate((element) => {
      const playground = element as PlaygroundApi;
      playground.setCode(`throw new Error('Stopped on purpose.');\n${playground.getCode()}`);
    });
    await root.scrollIntoViewIfNeeded();
    await root.getByRole('button', { name: 'Check', exact: true }).click();
    await page.waitForFunction((exerciseId) => document.querySelector<HTMLElement>(`#exercise-${exerciseId}`)?.dataset.result === 'failed', id, {
      timeout: CHECK_TIMEOUT,
    });
    const states = () =>
      root
        .getByRole('list', { name: 'Checks', exact: true })
        .getByRole('listitem')
        .evaluateAll((nodes) => nodes.map((node) => [(node as HTMLElement).dataset.check, (node as HTMLElement).dataset.state]));
    const expected = [
      ['same-output', 'failed'],
      ['join', 'unjudged'],
      ['no-n-plus-one', 'unjudged'],
      ['one-select', 'unjudged'],
    ];
    await expect(states()).resolves.toEqual(expected);
    const unjudged = root.locator('li[data-state="unjudged"]').first();
    await expect(unjudged.locator('.ex-check__state').innerText()).resolves.toMatch(/^Not judged/);
    await expect(unjudged.locator('.ex-check__message').innerText()).resolves.toMatch(/^Not judged: the program stopped at line 1 with Error/);
    await expect(root.locator('[data-part="status"]').textContent()).resolves.toMatch(
      /0 of 4 checks pass; 1 check fails\. 3 checks are not judged until the program runs to its end\./,
    );
    await page.reload();
    await expect.poll(states, { timeout: 10_000 }).toEqual(expected);
  }, 90_000);

  it('no uncaught page errors (the diff and every further editor start cleanly)', () => {
    expect(errors).toEqual([]);
  });
});

describe('on a phone', () => {
  it('Check brings the verdicts into view: they sit a screen below the Check button', async () => {
    const phone = await openPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    try {
      await phone.page.goto(site.url + LESSON_URL);
      const root = phone.page.locator(`#exercise-${EXERCISE}`);
      const check = root.getByRole('button', { name: 'Check', exact: true });
      await check.scrollIntoViewIfNeeded();
      const section = root.getByRole('region', { name: 'Checks' });
      const below = await section.evaluate((element) => element.getBoundingClientRect().top - innerHeight);
      // The layout this test is about: the checks start below the screen when Check is in view.
      expect(below).toBeGreaterThan(0);
      await check.click();
      await phone.page.waitForFunction(
        (id) => ['passed', 'failed'].includes(document.querySelector<HTMLElement>(`#exercise-${id}`)?.dataset.result ?? ''),
        EXERCISE,
        {
          timeout: CHECK_TIMEOUT,
        },
      );
      await phone.page.waitForFunction(
        (id) => {
          const top = document.querySelector(`#exercise-${id} section.ex__checks`)?.getBoundingClientRect().top ?? Infinity;
          return top >= 0 && top < innerHeight / 2;
        },
        EXERCISE,
        { timeout: 5_000 },
      );
      expect(phone.errors).toEqual([]);
    } finally {
      await phone.page.context().close();
    }
  });
});
