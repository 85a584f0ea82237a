/**
 * The learning loop in Chromium, on the built site's first lesson: common mistakes get
 * their explanation beside the error (one row per mistake, the same table as the Node
 * test), the SQL tab leads with the learner's own statements, and no exercise's first
 * Check gives its solution away.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { exercises } from '../../src/checks/exercises';
import { MISTAKES } from '../fixtures/mistakes';
import { launchChromium, openPage } from './browser';
import { serveDist, type StaticSite } from './static-server';

const LESSON = '/lessons/basics/has-many-belongs-to/';
const PLAYGROUND = 'basics-seed';

let site: StaticSite;
let browser: Browser;
let page: Page;
let errors: string[];

interface PlaygroundApi extends HTMLElement {
  getCode(): string;
  setCode(code: string): void;
}

const playground = (): Locator => page.locator(`assoclab-playground[data-id="${PLAYGROUND}"]`);
const panel = (name: 'Console' | 'SQL'): Locator => playground().getByRole('tabpanel', { name, exact: true });

/** Sets the program and runs it, waiting for the result to be shown. */
async function runProgram(source: string): Promise<void> {
  await playground().evaluate((element, code) => (element as PlaygroundApi).setCode(code), source);
  const done = playground().evaluate((element) => new Promise<void>((resolve) => element.addEventListener('assoclab:result', () => resolve(), { once: true })));
  await playground().getByRole('button', { name: 'Run', exact: true }).click();
  await done;
}

beforeAll(async () => {
  site = await serveDist();
  browser = await launchChromium();
  ({ page, errors } = await openPage(browser, { viewport: { width: 1366, height: 860 } }));
  await page.goto(site.url + LESSON);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe.each(MISTAKES.map((mistake) => [mistake.name, mistake] as const))('the explainer on %s', (_name, mistake) => {
  it('shows what happened and why beside the error, with its line and a link to read more', async () => {
    await runProgram(mistake.source);
    const box = panel('Console').locator(`.pg-explain[data-mistake="${mistake.id}"]`);
    await expect(box.count()).resolves.toBe(1);
    expect(await box.innerText()).toMatch(mistake.says);
    if (mistake.line) await expect(box.getByRole('button', { name: `line ${mistake.line}`, exact: true }).count()).resolves.toBe(1);
    await expect(box.getByRole('link').getAttribute('href')).resolves.toMatch(/^(\/lessons\/|https:\/\/)/);
    expect(errors).toEqual([]);
  });
});

describe('the SQL tab', () => {
  it("leads with the program's own statements: sync()'s folded under one entry, a count per kind on top", async () => {
    await runProgram(readFileSync(join(import.meta.dirname, '..', '..', 'lessons', '01-basics', '01-has-many-belongs-to', '_blog-program.js'), 'utf8'));
    await playground().getByRole('tab', { name: 'SQL', exact: true }).click();
    const counts = panel('SQL').getByRole('list', { name: 'Statements by kind' });
    expect(await counts.innerText()).toMatch(/3\s+INSERT[\s\S]*1\s+SELECT[\s\S]*\d+\s+in sync\(\)/);
    const group = panel('SQL').locator('details.pg-sql__group');
    await expect(group.count()).resolves.toBe(1);
    await expect(group.evaluate((element) => (element as HTMLDetailsElement).open)).resolves.toBe(false);
    // The first statement in view is the program's first INSERT, not a DROP TABLE.
    const firstShown = panel('SQL').locator('.pg-sql > .pg-sql__item:visible').first();
    expect(await firstShown.innerText()).toMatch(/^\s*line \d+[\s\S]*INSERT\sINTO/);
    await group.locator('summary').click();
    expect(await group.innerText()).toMatch(/DROP\sTABLE\sIF\sEXISTS[\s\S]*CREATE\sTABLE\sIF\sNOT\sEXISTS/);
  });
});

/** The solution's meaningful lines the starter does not have (as in src/checks/curriculum.test.ts). */
function solutionOnlyLines(solution: string, starter: string): string[] {
  const lines = (source: string) =>
    source
      .split('\n')
      .map((line) => line.trim().replace(/;$/, ''))
      .filter((line) => /[A-Za-z]/.test(line) && line.length >= 8 && !line.startsWith('//') && !line.startsWith('*') && !line.startsWith('/*'));
  const inStarter = new Set(lines(starter));
  return lines(solution).filter((line) => !inStarter.has(line));
}

/** The page an exercise is on: its lesson folder without the NN- prefixes. */
const lessonUrl = (lesson: string) => `/lessons/${lesson.replace(/(^|\/)\d+-/g, '$1')}/`;

/** Presses Check and waits for the verdicts; resolves with the exercise's result. */
async function check(id: string): Promise<string> {
  const root = page.locator(`#exercise-${id}`);
  await root.scrollIntoViewIfNeeded();
  await root.getByRole('button', { name: 'Check', exact: true }).click();
  await page.waitForFunction(
    (exerciseId) => {
      const element = document.querySelector<HTMLElement>(`#exercise-${exerciseId}`);
      const button = element?.querySelector('[data-part="check"]');
      return Boolean(element && button && !button.hasAttribute('aria-busy') && (element.dataset.result === 'failed' || element.dataset.result === 'passed'));
    },
    id,
    { timeout: 60_000 },
  );
  return (await root.getAttribute('data-result')) ?? '';
}

describe.each(exercises().map((entry) => [entry.exercise.id, entry] as const))('the exercise %s in Chromium', (id, { exercise, lesson }) => {
  it('fails its starter, with feedback that quotes no line of the solution the starter lacks', async () => {
    if (!page.url().endsWith(lessonUrl(lesson))) await page.goto(site.url + lessonUrl(lesson));
    // Code in the instructions (a target schema, an output) is read whole: no line ends hidden sideways.
    const hidden = await page
      .locator(`#exercise-${id} .ex__instructions pre`)
      .evaluateAll((blocks) => blocks.filter((block) => block.scrollWidth > block.clientWidth + 1).map((block) => block.textContent?.slice(0, 60)));
    expect(hidden).toEqual([]);
    expect(await check(id)).toBe('failed');
    // Checks not judged (the starter stopped first) count as feedback too: their text must not give the answer away either.
    const failed = page
      .locator(`#exercise-${id}`)
      .getByRole('list', { name: 'Checks', exact: true })
      .locator('li[data-state="failed"], li[data-state="unjudged"]');
    expect(await failed.count()).toBeGreaterThan(0);
    const feedback = (await failed.allInnerTexts()).join('\n');
    expect(solutionOnlyLines(exercise.solution, exercise.starter).filter((line) => feedback.includes(line))).toEqual([]);
  });

  it('passes every check with its reference solution', async () => {
    await page.locator(`#exercise-${id} assoclab-playground`).evaluate((element, code) => (element as PlaygroundApi).setCode(code), exercise.solution);
    expect(await check(id)).toBe('passed');
    const checks = page.locator(`#exercise-${id}`).getByRole('list', { name: 'Checks', exact: true }).locator('li');
    await expect(checks.count()).resolves.toBe(exercise.checks.length);
    await expect(page.locator(`#exercise-${id} li[data-state="failed"]`).count()).resolves.toBe(0);
  });
});
