/**
 * `npm run screenshots`: pictures of the built site in Chromium (desktop and phone, light
 * and dark) for looking at, written to screenshots/ (not committed). With --readme it
 * also writes docs/screenshot.png, the README's picture: a lesson after a Run.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../tests/e2e/browser';
import { serveDist, type StaticSite } from '../tests/e2e/static-server';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'screenshots');
const LESSON = '/lessons/basics/has-many-belongs-to/';
const VIEWPORTS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;
const THEMES = ['light', 'dark'] as const;

type Shot = { name: string; path: string; prepare?: (page: Page) => Promise<void>; fullPage?: boolean };

async function runSeed(page: Page): Promise<void> {
  const playground = page.locator('assoclab-playground').first();
  await playground.scrollIntoViewIfNeeded();
  await playground.locator('[data-part="editor"]').hover();
  await page.waitForSelector('assoclab-playground[data-editor="ready"]', { timeout: 30_000 });
  await playground.getByRole('button', { name: 'Run', exact: true }).click();
  await playground.getByText('Alice wrote: Hello').first().waitFor({ timeout: 30_000 });
}

async function checkStarter(page: Page): Promise<void> {
  const exercise = page.locator('assoclab-exercise').first();
  await exercise.scrollIntoViewIfNeeded();
  await exercise.locator('[data-part="editor"]').hover();
  await exercise.getByRole('button', { name: 'Check', exact: true }).click();
  await page.waitForFunction(
    () => {
      const state = document.querySelector<HTMLElement>('assoclab-exercise')?.dataset.result;
      return state === 'passed' || state === 'failed';
    },
    undefined,
    { timeout: 30_000 },
  );
  await exercise.getByRole('button', { name: 'Hint', exact: true }).click();
  await exercise.scrollIntoViewIfNeeded();
}

async function showSolution(page: Page): Promise<void> {
  const exercise = page.locator('assoclab-exercise').first();
  await exercise.getByRole('button', { name: 'Show solution', exact: true }).click();
  await exercise.locator('[data-part="diff"] .monaco-diff-editor').waitFor({ timeout: 30_000 });
  await exercise.locator('[data-part="solution-panel"]').scrollIntoViewIfNeeded();
}

const SHOTS: Shot[] = [
  { name: 'home', path: '/', fullPage: true },
  { name: 'outline', path: '/lessons/', fullPage: true },
  { name: 'lesson-top', path: LESSON },
  { name: 'lesson-run', path: LESSON, prepare: runSeed },
  { name: 'exercise', path: LESSON, prepare: checkStarter },
  { name: 'solution', path: LESSON, prepare: showSolution },
  { name: '404', path: '/no/such/page/' },
];

async function shoot(browser: Browser, site: StaticSite, readme: boolean): Promise<void> {
  mkdirSync(out, { recursive: true });
  for (const [device, viewport] of Object.entries(VIEWPORTS)) {
    for (const colorScheme of THEMES) {
      for (const shot of SHOTS) {
        const context = await browser.newContext({ viewport, colorScheme, deviceScaleFactor: device === 'phone' ? 2 : 1 });
        const page = await context.newPage();
        await page.goto(site.url + shot.path, { waitUntil: 'networkidle' });
        await shot.prepare?.(page);
        await page.waitForTimeout(300);
        const file = join(out, `${shot.name}-${device}-${colorScheme}.png`);
        await page.screenshot({ path: file, fullPage: shot.fullPage ?? false });
        process.stdout.write(`${file}\n`);
        if (readme && shot.name === 'lesson-run' && device === 'desktop' && colorScheme === 'light') {
          await page.screenshot({ path: join(root, 'docs', 'screenshot.png') });
          process.stdout.write('docs/screenshot.png\n');
        }
        await context.close();
      }
    }
  }
}

const site = await serveDist(join(root, 'dist'));
const browser = await launchChromium();
try {
  await shoot(browser, site, process.argv.includes('--readme'));
} finally {
  await browser.close();
  await site.close();
}
