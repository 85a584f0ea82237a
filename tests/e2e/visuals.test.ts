/**
 * Seeing the database, in Chromium on the built site: the Diagram tab (loaded when first
 * opened, redrawn on every run, in both themes, on a phone), the tables right after a
 * statement (a cascade's removed rows marked), the Tables stepper, and the N+1 group in
 * SQL. Screenshots go to test-results/visuals/. Build first: `node scripts/build-if-changed.mjs site`.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium, openPage } from './browser';
import { serveDist, type StaticSite } from './static-server';

const LESSON = '/lessons/basics/has-many-belongs-to/';
const lessonDir = join(import.meta.dirname, '..', '..', 'lessons', '01-basics', '01-has-many-belongs-to');
const SEED = readFileSync(join(lessonDir, '_blog-program.js'), 'utf8');
const CASCADE = readFileSync(join(lessonDir, '_cascade-program.js'), 'utf8');
/** The cascade program's line (1-based) holding `text`. */
const cascadeLine = (text: string) => CASCADE.split('\n').findIndex((line) => line.includes(text)) + 1;
const SOLUTION = readFileSync(join(lessonDir, '_exercises', 'eager-load-posts', 'solution.js'), 'utf8');
const SHOTS = join(import.meta.dirname, '..', '..', 'test-results', 'visuals');
const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let site: StaticSite;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  site = await serveDist();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

type Theme = 'light' | 'dark';

/** A fresh page on the lesson, in a theme, with no saved edits. */
async function lesson(options: { theme?: Theme; width?: number; height?: number } = {}): Promise<{ page: Page; errors: string[]; requested: string[] }> {
  const opened = await openPage(browser, { colorScheme: options.theme ?? 'light', viewport: { width: options.width ?? 1280, height: options.height ?? 900 } });
  const requested: string[] = [];
  opened.page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await opened.page.goto(site.url + LESSON);
  await opened.page.evaluate(() => localStorage.clear());
  return { ...opened, requested };
}

const playground = (page: Page, id: string) => page.locator(`assoclab-playground[data-id="${id}"]`);
const tab = (pg: Locator, name: string) => pg.getByRole('tab', { name, exact: true });
const panel = (pg: Locator, name: string) => pg.getByRole('tabpanel', { name, exact: true });

/** Runs the playground's program (replaced by `code` when given) and waits for its result. */
async function run(pg: Locator, code?: string): Promise<void> {
  await pg.scrollIntoViewIfNeeded();
  await pg.evaluate(async (element, source) => {
    const playgroundElement = element as HTMLElementTagNameMap['assoclab-playground'];
    if (source !== undefined) playgroundElement.setCode(source);
    const done = new Promise<void>((resolve) => element.addEventListener('assoclab:result', () => resolve(), { once: true }));
    element.querySelector<HTMLButtonElement>('[data-part="run"]')!.click();
    await done;
  }, code);
}

async function setTheme(page: Page, theme: Theme): Promise<void> {
  if ((await page.locator('html').getAttribute('data-theme')) !== theme) await page.getByRole('button', { name: /theme/i }).click();
  expect(await page.locator('html').getAttribute('data-theme')).toBe(theme);
}

async function seriousViolations(page: Page): Promise<string> {
  await page.addScriptTag({ path: AXE_PATH });
  const violations = await page.evaluate(async () => {
    const { axe } = window as unknown as {
      axe: {
        run(
          context: unknown,
          options: unknown,
        ): Promise<{ violations: Array<{ id: string; impact?: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }>;
      };
    };
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact ?? null, help: v.help, targets: v.nodes.map((n) => JSON.stringify(n.target)) }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.targets.slice(0, 8).join('\n    ')}`)
    .join('\n');
}

describe('the Diagram tab', () => {
  it('loads its code only when opened, then draws User and Post with a hasMany edge and says it in words', async () => {
    const { page, errors, requested } = await lesson();
    const seed = playground(page, 'basics-seed');
    await run(seed);
    const diagramChunk = () => requested.filter((path) => /diagram-view/.test(path));
    await page.waitForTimeout(300);
    expect(diagramChunk()).toEqual([]);

    await tab(seed, 'Diagram').click();
    const diagram = panel(seed, 'Diagram');
    await diagram.locator('svg').waitFor();
    expect(diagramChunk().length).toBeGreaterThan(0);
    // One box per model, with its columns; userId is Post's foreign key.
    await expect(diagram.locator('[data-entity]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-entity')).sort())).resolves.toEqual([
      'Post',
      'User',
    ]);
    const post = diagram.locator('[data-entity="Post"]');
    await expect(post.locator('.pg-er__column').allTextContents()).resolves.toEqual(expect.arrayContaining(['id', 'title', 'content', 'userId']));
    await expect(post.locator('.pg-er__column--fk').allTextContents()).resolves.toEqual(['userId']);
    // One edge per association, each labelled with its type and alias.
    await expect(diagram.locator('path[data-relation="User hasMany Post"]').count()).resolves.toBe(1);
    await expect(diagram.locator('path[data-relation="Post belongsTo User"]').count()).resolves.toBe(1);
    await expect(diagram.locator('[data-relation="User hasMany Post"] text').allTextContents()).resolves.toEqual(['hasMany', 'as Posts · userId']);
    // The edge's label sits between the two boxes.
    const [userBox, postBox, label] = await Promise.all([
      diagram.locator('[data-entity="User"] rect').first().boundingBox(),
      post.locator('rect').first().boundingBox(),
      diagram.locator('g[data-relation="User hasMany Post"]').boundingBox(),
    ]);
    const between = (value: number, a: number, b: number) => value >= Math.min(a, b) && value <= Math.max(a, b);
    expect(between(label!.x + label!.width / 2, userBox!.x, postBox!.x + postBox!.width)).toBe(true);
    // The text alternative.
    await expect(diagram.getByRole('list', { name: 'Associations in words' }).innerText()).resolves.toContain('User hasMany Post as Posts, foreign key userId');
    await expect(diagram.getByRole('img').getAttribute('aria-labelledby')).resolves.toBeTruthy();
    expect(errors).toEqual([]);

    for (const theme of ['light', 'dark'] as const) {
      await setTheme(page, theme);
      await seed.screenshot({ path: join(SHOTS, `diagram-${theme}.png`) });
    }
    await page.context().close();
  });

  it('follows every run, zooms with named buttons, and is reached with the arrow keys', async () => {
    const { page } = await lesson();
    const seed = playground(page, 'basics-seed');
    await run(seed);
    await tab(seed, 'Tables').focus();
    await page.keyboard.press('ArrowRight');
    await expect(tab(seed, 'Diagram').getAttribute('aria-selected')).resolves.toBe('true');
    const diagram = panel(seed, 'Diagram');
    await diagram.locator('[data-entity="User"]').waitFor();

    await run(
      seed,
      SEED.replace(
        "Post.belongsTo(User, { foreignKey: 'userId' });",
        "Post.belongsTo(User, { foreignKey: 'userId' });\nconst Tag = sequelize.define('Tag', { label: DataTypes.STRING });\nPost.belongsToMany(Tag, { through: 'PostTags' });",
      ),
    );
    await diagram.locator('[data-entity="Tag"]').waitFor();
    await expect(diagram.locator('[data-entity="PostTags"]').count()).resolves.toBe(1);
    await expect(diagram.locator('path[data-relation="Post belongsToMany Tag"]').count()).resolves.toBe(2); // through the join table
    await expect(diagram.getByRole('list', { name: 'Associations in words' }).innerText()).resolves.toContain(
      'Post belongsToMany Tag as Tags through PostTags, foreign key PostId, other key TagId',
    );

    const svg = diagram.locator('svg');
    const width = async () => Number(await svg.getAttribute('width'));
    const before = await width();
    await diagram.getByRole('button', { name: 'Zoom in' }).click();
    await diagram.getByRole('button', { name: 'Zoom in' }).click();
    const zoomed = await width();
    expect(zoomed).toBeGreaterThan(before);
    await diagram.getByRole('button', { name: 'Zoom out' }).click();
    expect(await width()).toBeLessThan(zoomed);
    await expect(diagram.locator('.pg-er__zoom').innerText()).resolves.toMatch(/^\d+%$/);
    await diagram.getByRole('button', { name: 'Fit to width' }).click();
    const viewport = await diagram.getByRole('region', { name: 'Diagram, scrollable' }).boundingBox();
    expect(await width()).toBeLessThanOrEqual(Math.ceil(viewport!.width));
    await page.context().close();
  });

  it('fits a phone: laid out top to bottom, scrolling inside its panel, never the page', async () => {
    const { page, errors } = await lesson({ width: 375, height: 740 });
    const seed = playground(page, 'basics-seed');
    await run(seed);
    await tab(seed, 'Diagram').click();
    const diagram = panel(seed, 'Diagram');
    await diagram.locator('[data-entity="Post"]').waitFor();
    const [user, post] = await Promise.all([
      diagram.locator('[data-entity="User"] rect').first().boundingBox(),
      diagram.locator('[data-entity="Post"] rect').first().boundingBox(),
    ]);
    expect(Math.abs(user!.y - post!.y)).toBeGreaterThan(50); // one above the other
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(375);
    await seed.screenshot({ path: join(SHOTS, 'diagram-phone.png') });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('tables at every step', () => {
  it('selecting the DELETE of a cascade shows the child rows highlighted as removed, and the SET NULL row as changed', async () => {
    // Tall enough for the playground beside the prose to show the statement and its tables together.
    const { page, errors } = await lesson({ height: 1400 });
    const cascade = playground(page, 'basics-cascade');
    await run(cascade);
    await tab(cascade, 'SQL').click();
    const sql = panel(cascade, 'SQL');
    const destroy = sql.locator('.pg-sql__item').filter({ hasText: /DELETE\s+FROM\s+`Users`/ });
    await expect(destroy.count()).resolves.toBe(1);
    await expect(destroy.locator('.pg-sql__changes').innerText()).resolves.toBe('1 row removed from Users, 2 from Posts; 1 row changed in Comments.');
    const after = destroy.getByRole('button', { name: /^Tables after #\d+$/ });
    await expect(after.getAttribute('aria-expanded')).resolves.toBe('false');
    await after.click();
    await expect(after.getAttribute('aria-expanded')).resolves.toBe('true');
    const number = (await after.innerText()).replace('Tables after ', '');

    const posts = destroy.getByRole('region', { name: `Posts after statement ${number}` });
    const rows = posts.locator('tbody tr');
    await expect(
      rows.evaluateAll((trs) => trs.map((tr) => [tr.querySelectorAll('td')[2]?.textContent, tr.getAttribute('data-change') ?? 'same'])),
    ).resolves.toEqual([
      ['Tea', 'removed'],
      ['Coffee', 'removed'],
      ['Water', 'same'],
    ]);
    // Removed rows read as removed, not only as a colour.
    await expect(rows.first().innerText()).resolves.toMatch(/removed/);
    await expect(posts.innerText()).resolves.toContain('through Posts.userId, ON DELETE CASCADE');
    const comment = destroy.getByRole('region', { name: `Comments after statement ${number}` }).locator('tbody tr');
    await expect(comment.getAttribute('data-change')).resolves.toBe('changed');
    await expect(comment.locator('.pg-step__cell--changed').innerText()).resolves.toMatch(/^was\s*1\s*→\s*now\s*NULL$/);
    expect(errors).toEqual([]);

    // The section beside the playground, and the statement with the tables after it in the panel's view.
    for (const theme of ['light', 'dark'] as const) {
      await setTheme(page, theme);
      await page.getByRole('heading', { name: /When a user is deleted/ }).evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
      await destroy.evaluate((item) => {
        const scroller = item.closest('.pg__panel')!;
        scroller.scrollTop += item.getBoundingClientRect().top - scroller.getBoundingClientRect().top - 8;
      });
      await page.screenshot({ path: join(SHOTS, `cascade-delete-${theme}.png`) });
    }
    await page.context().close();
  });

  it('the Tables tab steps through the run: Previous / Next, a list of statements, Changes only; SQL opens it at a statement', async () => {
    const { page } = await lesson();
    const cascade = playground(page, 'basics-cascade');
    await run(cascade);
    await tab(cascade, 'Tables').click();
    const tables = panel(cascade, 'Tables');
    const status = tables.locator('.pg-steps__status');
    await expect(status.innerText()).resolves.toMatch(/end of the run/);
    // At the end, the tables as the run left them: one post.
    await expect(tables.getByRole('region', { name: 'Table Posts' }).locator('tbody tr').count()).resolves.toBe(1);
    const next = tables.getByRole('button', { name: 'Next statement' });
    const previous = tables.getByRole('button', { name: 'Previous statement' });
    await expect(next.isDisabled()).resolves.toBe(true);

    // Back through the queries after the DELETE (two SELECTs), to the DELETE itself.
    await previous.click();
    await previous.click();
    await expect(status.innerText()).resolves.toBe(`After #20 SELECT Posts, line ${cascadeLine('await Post.findAll()')}: no rows changed.`);
    await previous.click();
    await expect(status.innerText()).resolves.toBe(
      `After #19 DELETE Users, line ${cascadeLine('ana.destroy()')}: 1 row removed from Users, 2 from Posts; 1 row changed in Comments.`,
    );
    const posts = tables.getByRole('region', { name: 'Table Posts' });
    await expect(posts.locator('tbody tr[data-change="removed"]').count()).resolves.toBe(2);
    await expect(posts.locator('tbody tr').count()).resolves.toBe(3);

    await tables.getByLabel('Changes only').check();
    await expect(posts.locator('tbody tr').count()).resolves.toBe(2);
    await expect(tables.getByRole('region', { name: 'Table Users' }).locator('tbody tr').innerText()).resolves.toContain('Ana');

    // One step back: the posts are all there, and the step before it added Nice! (the comment).
    await previous.click();
    await expect(status.innerText()).resolves.toBe(`After #18 INSERT Comments, line ${cascadeLine('Comment.create(')}: 1 row added to Comments.`);
    await expect(tables.getByRole('region', { name: 'Table Comments' }).locator('tbody tr[data-change="added"]').innerText()).resolves.toContain('Nice!');

    // The statement list, by keyboard.
    const picker = tables.getByLabel('Show the tables');
    await picker.selectOption({ label: await picker.locator('option').nth(1).innerText() });
    await expect(previous.isDisabled()).resolves.toBe(true);
    await expect(status.innerText()).resolves.toMatch(/^After #1 DROP TABLE/);

    // From the SQL panel, straight to a statement's step.
    await tab(cascade, 'SQL').click();
    const destroy = panel(cascade, 'SQL')
      .locator('.pg-sql__item')
      .filter({ hasText: /DELETE\s+FROM\s+`Users`/ });
    await destroy.getByRole('button', { name: /^Tables after/ }).click();
    await destroy.getByRole('button', { name: 'Step through in Tables' }).click();
    await expect(tab(cascade, 'Tables').getAttribute('aria-selected')).resolves.toBe('true');
    await expect(status.innerText()).resolves.toMatch(/^After #19 DELETE Users, line \d+:/);
    await page.context().close();
  });
});

describe('query insight', () => {
  it('groups the exercise’s lazy-loading loop as a likely N+1, with its count, line and the lesson section; the include solution has none', async () => {
    const { page, errors } = await lesson();
    const exercise = playground(page, 'exercise-eager-load-posts');
    await run(exercise);
    await tab(exercise, 'SQL').click();
    const sql = panel(exercise, 'SQL');
    const notice = sql.getByRole('region', { name: 'Likely N+1 queries' });
    await expect(notice.innerText()).resolves.toMatch(/^Likely N\+1:\s*SELECT \.\.\. FROM Posts WHERE userId = \? ORDER BY id ASC\s*×3,\s*line 30\s/);
    await expect(notice.getByRole('link').getAttribute('href')).resolves.toBe('/lessons/basics/has-many-belongs-to/#loading-related-rows-together-include');
    const group = sql.locator('details[data-n-plus-one]');
    await expect(group.locator('summary').innerText()).resolves.toMatch(/×3, line 30: likely N\+1/);
    await expect(group.locator('.pg-sql__item').count()).resolves.toBe(3);
    // The count per kind still counts each statement.
    await expect(sql.getByRole('list', { name: 'Statements by kind' }).innerText()).resolves.toMatch(/4\s+SELECT/);
    await exercise.screenshot({ path: join(SHOTS, 'n-plus-one.png') });

    await run(exercise, SOLUTION);
    await expect(sql.getByRole('region', { name: 'Likely N+1 queries' }).count()).resolves.toBe(0);
    await expect(sql.locator('details[data-n-plus-one]').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('accessibility', () => {
  it('axe finds no serious or critical violations with the Diagram open, a statement’s tables shown, an N+1 group and the stepper in use, light and dark', async () => {
    const { page } = await lesson();
    const cascade = playground(page, 'basics-cascade');
    await run(cascade);
    await tab(cascade, 'SQL').click();
    const destroy = panel(cascade, 'SQL')
      .locator('.pg-sql__item')
      .filter({ hasText: /DELETE\s+FROM\s+`Users`/ });
    await destroy.getByRole('button', { name: /^Tables after/ }).click();
    const exercise = playground(page, 'exercise-eager-load-posts');
    await run(exercise);
    await tab(exercise, 'SQL').click();
    await exercise.locator('details[data-n-plus-one] summary').click();
    const seed = playground(page, 'basics-seed');
    await run(seed);
    await tab(seed, 'Tables').click();
    await panel(seed, 'Tables').getByRole('button', { name: 'Previous statement' }).click();
    await panel(seed, 'Tables').getByLabel('Changes only').check();
    const include = playground(page, 'basics-include');
    await run(include);
    await tab(include, 'Diagram').click();
    await panel(include, 'Diagram').locator('svg').waitFor();
    for (const theme of ['light', 'dark'] as const) {
      await setTheme(page, theme);
      expect(await seriousViolations(page), `${theme} theme`).toBe('');
    }
    await page.context().close();
  }, 240_000);
});
