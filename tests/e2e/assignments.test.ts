/**
 * Assignments without a server, in Chromium against the built site (issue #14): an
 * instructor makes an assignment on the Assign page (filters, picks by mouse and keyboard,
 * points, title, due date; the form kept across a reload), copies the learner's link and
 * downloads assignment.json; a learner opens the link in a fresh browser profile, gives their
 * name once, solves one of the two exercises on its lesson page, comes back by the lesson's
 * banner, sees it solved, and downloads their submission; the grader CLI then scores the
 * submission with assignment.json. Also: missing and damaged links, problems shown beside
 * their fields, axe on both pages, nothing wider than a phone.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { parseAssignment, parseSubmission, type Assignment } from '../../src/schemas/assignment';
import { readAssignmentHash } from '../../src/components/assign/link';
import { seriousViolations } from './axe';
import { launchChromium } from './browser';
import { serveDist, type StaticSite } from './static-server';

const SOLVED = 'link-posts-to-author';
const UNTOUCHED = 'give-users-a-profile';
const TITLE = 'Week 3: hasMany, hasOne — “Ünïcode” too';
const LEARNER = 'Ada Lovelace';
const CHECK_TIMEOUT = 60_000;
const root = join(import.meta.dirname, '..', '..');

let site: StaticSite;
let browser: Browser;
let work: string;
/** What the browser part made, for the grading part. */
const made: { assignmentFile?: string; submissions?: string; assignment?: Assignment } = {};

beforeAll(async () => {
  site = await serveDist();
  browser = await launchChromium();
  work = mkdtempSync(join(tmpdir(), 'assoclab-assignments-'));
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

async function newPage(options: Parameters<Browser['newContext']>[0] = {}): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}

async function download(page: Page, click: () => Promise<void>, folder: string): Promise<{ name: string; path: string; data: unknown }> {
  const [file] = (await Promise.all([page.waitForEvent('download'), click()])) as [Download, void];
  const name = file.suggestedFilename();
  const path = join(folder, name);
  await file.saveAs(path);
  return { name, path, data: JSON.parse(readFileSync(path, 'utf8')) as unknown };
}

/** `YYYY-MM-DD`, `days` from today where the test runs (the browser's clock and zone are the machine's). */
function localDate(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

const visiblePicks = (page: Page) =>
  page.locator('.pick[data-exercise]:visible').evaluateAll((rows) =>
    rows.map((row) => ({
      id: (row as HTMLElement).dataset.exercise,
      topic: (row as HTMLElement).dataset.topic,
      difficulty: (row as HTMLElement).dataset.difficulty,
    })),
  );

describe('an assignment from Assign to a graded submission', () => {
  it('the instructor makes it; the learner opens the link, solves one exercise, and downloads a submission that passes the schema', async () => {
    /* The instructor */
    const instructor = await newPage({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = instructor.page;
    await page.goto(`${site.url}/assign/`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Assign exercises');
    const total = await page.locator('.pick[data-exercise]').count();
    expect(total).toBeGreaterThanOrEqual(20);

    // Nothing yet: Copy link says what is missing, beside each field, and focuses the first.
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect(page.locator('#assign-title-error').textContent()).resolves.toBe('Give the assignment a title.');
    await expect(page.locator('#exercises-error').textContent()).resolves.toBe('Pick at least one exercise.');
    await expect(page.locator('#assign-title').getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('assign-title');
    await expect(page.locator('[data-part="ready"]').isHidden()).resolves.toBe(true);
    expect(await seriousViolations(page), 'axe with the problems shown').toBe('');

    await page.getByLabel('Title', { exact: true }).fill(TITLE);
    await expect(page.locator('#assign-title-error').isHidden()).resolves.toBe(true);
    await page.getByLabel('Due date (optional)').fill(localDate(7));

    // Filters: by difficulty, then by topic as well.
    await page.getByLabel('Difficulty', { exact: true }).selectOption('1');
    const easy = await visiblePicks(page);
    expect(easy.length).toBeGreaterThan(1);
    expect(easy.length).toBeLessThan(total);
    expect(easy.every((row) => row.difficulty === '1')).toBe(true);
    await expect(page.locator('[data-part="shown"]').textContent()).resolves.toBe(`Showing ${easy.length} of ${total} exercises`);
    await page.getByLabel('Topic', { exact: true }).selectOption('has-one');
    expect(await visiblePicks(page)).toEqual([{ id: UNTOUCHED, topic: 'has-one', difficulty: '1' }]);

    // Picked with the keyboard; its points, typed.
    await page.locator(`#pick-${UNTOUCHED}`).focus();
    await page.keyboard.press('Space');
    await expect(page.locator(`#pick-${UNTOUCHED}`).isChecked()).resolves.toBe(true);
    const points = page.locator(`#points-${UNTOUCHED}`);
    await points.fill('0');
    await expect(page.locator(`#points-${UNTOUCHED}-error`).textContent()).resolves.toMatch(/must be a whole number from 1 to 1000/);
    await points.fill('5');
    await expect(page.locator(`#points-${UNTOUCHED}-error`).isHidden()).resolves.toBe(true);

    await page.getByLabel('Topic', { exact: true }).selectOption('');
    await page.getByLabel('Link posts to their author', { exact: true }).check();
    await expect(page.locator('[data-part="summary"]').textContent()).resolves.toBe('2 exercises, 15 points in all');

    // The form is kept while editing: a reload brings it back, with the same id.
    const id = await page.locator('[data-part="id"]').textContent();
    const link = await page.getByLabel('Link for learners').inputValue();
    await page.reload();
    await expect(page.getByLabel('Title', { exact: true }).inputValue()).resolves.toBe(TITLE);
    await expect(page.locator('[data-part="id"]').textContent()).resolves.toBe(id);
    await expect(page.getByLabel('Link for learners').inputValue()).resolves.toBe(link);
    expect(id).toMatch(/^[A-Za-z0-9_-]{10}$/);
    expect(link.startsWith(`${site.url}/assignment/#a=`)).toBe(true);

    await page.getByRole('button', { name: 'Copy link' }).click();
    // The copy is asynchronous (the clipboard answers later): wait for the status it sets.
    await expect.poll(() => page.locator('[data-part="status"]').textContent(), { timeout: 5_000 }).toMatch(/^Link copied/);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

    mkdirSync(join(work, 'submissions'));
    const file = await download(page, () => page.getByRole('button', { name: 'Download assignment.json' }).click(), work);
    expect(file.name).toBe('assignment.json');
    const assignment = parseAssignment(file.data);
    expect(assignment).toEqual({
      format: 'assoclab-assignment',
      version: 1,
      id,
      title: TITLE,
      due: localDate(7),
      // Course order: the hasMany lesson comes before the hasOne lesson.
      exercises: [
        { id: SOLVED, points: 10 },
        { id: UNTOUCHED, points: 5 },
      ],
    });
    expect(readAssignmentHash(new URL(link).hash)).toMatchObject({ kind: 'ok', assignment });
    made.assignmentFile = file.path;
    made.assignment = assignment;
    expect(instructor.errors).toEqual([]);
    await instructor.context.close();

    /* The learner, in another browser profile */
    const learner = await newPage();
    const page2 = learner.page;
    await page2.goto(link);
    await expect(page2.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(TITLE);
    await expect(page2.locator('[data-part="due"]').textContent()).resolves.toMatch(/^Due .+ \(in 7 days\)\.$/);
    await expect(page2.locator('[data-part="totals"]').textContent()).resolves.toBe('2 exercises · 15 points · 0 of 2 solved');
    const states = () =>
      page2
        .locator('.assigned__item')
        .evaluateAll((items) => items.map((item) => [(item as HTMLElement).dataset.exercise, item.querySelector('.assigned__state')?.textContent]));
    expect(await states()).toEqual([
      [SOLVED, 'Not started'],
      [UNTOUCHED, 'Not started'],
    ]);

    // Download before giving a name: the name is asked for, beside its field.
    await page2.getByRole('button', { name: 'Download submission' }).click();
    await expect(page2.locator('#learner-name-error').isVisible()).resolves.toBe(true);
    expect(await page2.evaluate(() => document.activeElement?.id)).toBe('learner-name');
    expect(await seriousViolations(page2), 'axe with the name asked').toBe('');
    await page2.getByLabel('Name, as your instructor knows you').fill(LEARNER);
    await page2.getByRole('button', { name: 'Save' }).click();
    await expect(page2.locator('[data-part="name-shown"]').textContent()).resolves.toMatch(`Handing in as ${LEARNER}.`);

    // To the exercise on its lesson page; it says which assignment it belongs to.
    await page2.getByRole('link', { name: 'Link posts to their author' }).click();
    await page2.waitForURL((url) => url.pathname === '/lessons/basics/has-many-belongs-to/' && url.hash === `#exercise-${SOLVED}`);
    const exercise = page2.locator(`#exercise-${SOLVED}`);
    await expect(exercise.locator('.ex-assignment').textContent()).resolves.toContain(`Part of the assignment “${TITLE}”`);
    await expect(page2.locator(`#exercise-eager-load-posts .ex-assignment`).count()).resolves.toBe(0);

    // Solved: the solution's program, typed into the editor, and Check.
    const solution = await exercise
      .locator('script[type="application/json"]')
      .evaluate((script) => (JSON.parse(script.textContent ?? '{}') as { exercise: { solution: string } }).exercise.solution);
    await exercise
      .locator('assoclab-playground')
      .evaluate((element, code) => (element as HTMLElement & { setCode(code: string): void }).setCode(code), solution);
    await exercise.getByRole('button', { name: 'Check', exact: true }).click();
    await page2.waitForFunction(
      (root) => root instanceof HTMLElement && root.dataset.verdicts === 'fresh' && !root.querySelector('[data-part="check"]')?.hasAttribute('aria-busy'),
      await exercise.elementHandle(),
      { timeout: CHECK_TIMEOUT },
    );
    await expect(exercise.getAttribute('data-result')).resolves.toBe('passed');
    await expect.poll(() => page2.evaluate((id) => localStorage.getItem(`assoclab:code:exercise-${id}`), SOLVED)).toBe(solution);

    // Back by the banner: solved; the name is not asked again, even after a reload.
    await exercise.getByRole('link', { name: 'Back to the assignment' }).click();
    await page2.waitForURL((url) => url.pathname === '/assignment/');
    await page2.reload();
    expect(await states()).toEqual([
      [SOLVED, 'Solved'],
      [UNTOUCHED, 'Not started'],
    ]);
    await expect(page2.locator('[data-part="totals"]').textContent()).resolves.toBe('2 exercises · 15 points · 1 of 2 solved');
    await expect(page2.locator('[data-part="name-form"]').isHidden()).resolves.toBe(true);
    await expect(page2.locator('[data-part="omitted"]').textContent()).resolves.toContain('“Give every user a profile”');

    const submission = await download(page2, () => page2.getByRole('button', { name: 'Download submission' }).click(), join(work, 'submissions'));
    expect(submission.name).toBe(`submission-ada-lovelace-${id}.json`);
    const parsed = parseSubmission(submission.data, submission.name);
    expect(parsed).toMatchObject({ format: 'assoclab-submission', version: 1, learner: { name: LEARNER }, assignment });
    expect(parsed.programs).toEqual({ [SOLVED]: solution });
    expect(Object.keys(submission.data as object).sort()).toEqual(['assignment', 'format', 'learner', 'programs', 'submittedAt', 'version']);
    expect(Math.abs(Date.parse(parsed.submittedAt) - Date.now())).toBeLessThan(5 * 60_000);
    await expect(page2.locator('[data-part="status"]').textContent()).resolves.toBe(`Downloaded ${submission.name}. Send it to your instructor.`);
    made.submissions = join(work, 'submissions');
    expect(learner.errors).toEqual([]);
    await learner.context.close();
  }, 180_000);

  it('grades the submission with the CLI and assignment.json: full points for the solved exercise, none for the other', () => {
    // Never skipped: without the browser part's files this fails too, saying why.
    if (!made.assignmentFile || !made.submissions || !made.assignment)
      throw new Error('The browser part above did not make assignment.json and the submission.');
    const out = join(work, 'out');
    const run = spawnSync(process.execPath, ['bin/assoclab.mjs', 'grade', '--assignment', made.assignmentFile, made.submissions, '--out', out, '--json'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 240_000,
    });
    expect(run.status, `assoclab grade --assignment failed:\n${run.stderr}\n${run.stdout}`).toBe(0);
    const report = JSON.parse(run.stdout) as {
      maxPoints: number;
      learners: {
        name: string;
        file: string;
        total: number;
        exercises: Record<string, { points: number; max: number; status: string; passed: number; total: number }>;
      }[];
    };
    expect(report.maxPoints).toBe(15);
    expect(report.learners).toHaveLength(1);
    const [ada] = report.learners;
    expect(ada?.name).toBe(LEARNER);
    expect(ada?.exercises[SOLVED]).toMatchObject({ points: 10, max: 10, status: 'pass' });
    expect(ada?.exercises[SOLVED]?.passed).toBe(ada?.exercises[SOLVED]?.total);
    expect(ada?.exercises[UNTOUCHED]).toMatchObject({ points: 0, max: 5 });
    expect(ada?.total).toBe(10);

    const [header, ...rows] = readFileSync(join(out, 'gradebook.csv'), 'utf8').trim().split(/\r?\n/);
    expect(header).toBe(`learner,${SOLVED},${UNTOUCHED},total,max`);
    expect(rows).toEqual([`${LEARNER},10,0,10,15`]);
  }, 300_000);
});

describe('the learner page without an assignment', () => {
  it.each([
    ['no assignment in it', '/assignment/', /has none in it/],
    ['a cut link', '/assignment/#a=eyJmb3JtYXQiOiJhc3NvY2xhYi1hc3NpZ25tZW50Iiwid', /damaged/],
  ])('says so for a link with %s', async (_name, path, says) => {
    const { context, page, errors } = await newPage();
    await page.goto(site.url + path);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('This assignment link does not work');
    await expect(page.locator('[data-part="problem-text"]').textContent()).resolves.toMatch(says);
    await expect(page.locator('[data-part="body"]').isHidden()).resolves.toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('on a phone', () => {
  it.each(['/assign/', `/assignment/#a=`])('%s is no wider than the screen', async (path) => {
    const { context, page } = await newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, colorScheme: 'dark' });
    const target =
      path === '/assign/'
        ? path
        : `${path}${Buffer.from(
            JSON.stringify({
              format: 'assoclab-assignment',
              version: 1,
              id: 'phone-test',
              title: 'A rather long assignment title that has to wrap on a phone',
              due: localDate(-2),
              exercises: [
                { id: SOLVED, points: 10 },
                { id: 'no-such-exercise', points: 3 },
              ],
            }),
          ).toString('base64url')}`;
    await page.goto(site.url + target);
    if (path === '/assign/') await page.locator(`#pick-${SOLVED}`).check();
    else await expect(page.locator('[data-part="due"]').textContent()).resolves.toMatch(/^Past due: it was due .+ \(2 days ago\)\.$/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await context.close();
  });
});
