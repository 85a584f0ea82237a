/**
 * Runaway programs in Chromium, on the built site's first lesson, each on a fresh page:
 * every one is stopped with a message that says why, the page never crashes, the learner's
 * code is kept, and the next Run prints its output.
 *
 * Chromium is started with V8's heap limit lowered to 256 MB (every isolate: the page, its
 * workers, the runtime frame's worker), so that a program exhausting the heap does so in
 * seconds rather than after the default 4 GB; what happens at the limit is the same: the
 * engine ends the process the heap belongs to.
 *
 * The page is driven through its own DevTools session (./page-session.ts): Playwright
 * reports the crash of the isolated runtime frame's process as "Page crashed" and stops
 * driving the page, which runs on. The page's own session reports only the page's
 * renderer: that is the crash these tests rule out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { RUNAWAY_PROGRAMS, STOP_MESSAGES, type RunawayProgram } from '../fixtures/runaway-programs';
import { launchChromium } from './browser';
import { editorReady, inPage, openPlaygroundPage, runInPlayground, type PageSession } from './page-session';
import { serveDist, type StaticSite } from './static-server';

const LESSON = '/lessons/basics/has-many-belongs-to/';
const PLAYGROUND = 'basics-seed';
const HEAP_LIMIT_MB = 256;
/**
 * Each program's time budget here (the playground's data-budget): short where only time
 * stops it, so the file does not wait 5 s per program; long for the heap exhauster, so it
 * is the engine's limit that ends it.
 */
const BUDGET_MS: Record<string, number> = {
  'sync-loop': 1_000,
  'async-loop': 1_000,
  array: 60_000,
  'typed-arrays': 3_000,
  'sql-cte': 1_000,
  'bulk-create': 1_500,
};

let site: StaticSite;
let browser: Browser;
/** One browser profile (its HTTP cache warm after the first page); a fresh page for each program. */
let context: BrowserContext;

beforeAll(async () => {
  site = await serveDist();
  browser = await launchChromium([`--js-flags=--max-old-space-size=${HEAP_LIMIT_MB}`]);
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** The program as the editor holds it, and as saved for the next visit. */
function keptCode(lesson: PageSession): Promise<{ editor: string; monaco: string | undefined; saved: string | null }> {
  return inPage(
    lesson,
    (id) => {
      const element = document.querySelector(`assoclab-playground[data-id="${id}"]`) as HTMLElement & { getCode(): string };
      const monaco = (element as unknown as { monaco?: { editor: { getModels(): { getValue(): string; uri: { path: string } }[] } } }).monaco;
      const model = monaco?.editor.getModels().find((candidate) => candidate.uri.path.includes(id));
      return { editor: element.getCode(), monaco: model?.getValue(), saved: localStorage.getItem(`assoclab:code:${id}`) };
    },
    PLAYGROUND,
  );
}

const timings: string[] = [];

describe.each(RUNAWAY_PROGRAMS.map((program) => [program.name, program] as const))('%s', (_name, program: RunawayProgram) => {
  it('is stopped with a message that says why; the page does not crash, the code is kept, the next Run works', async () => {
    const lesson = await openPlaygroundPage(context, site.url + LESSON, PLAYGROUND);
    try {
      const stopped = await runInPlayground(lesson, PLAYGROUND, program.source, BUDGET_MS[program.id]);
      const { error } = stopped.result;
      expect(error, `${program.id}: ${JSON.stringify(stopped.result)}`).toBeDefined();
      if (program.stops.includes('error')) {
        expect(error).toMatchObject({ kind: 'runtime', ...program.error });
      } else {
        expect(program.stops).toContain(error!.kind);
        expect(error!.message).toMatch(STOP_MESSAGES[error!.kind as 'timeout' | 'memory']);
      }
      // The message is shown where the learner looks: the Console panel, and the status line.
      expect(stopped.consolePanel).toContain(error!.message);
      if (error!.kind === 'timeout') expect(stopped.status).toMatch(/Stopped: it ran too long|Loading the SQLite runtime/);
      if (error!.kind === 'memory') expect(stopped.status).toMatch(/Stopped: it used too much memory|Loading the SQLite runtime/);

      // The learner's program is still there, in the editor and saved.
      await editorReady(lesson, PLAYGROUND);
      const kept = await keptCode(lesson);
      expect(kept.editor).toBe(program.source);
      expect(kept.monaco).toBe(program.source);
      expect(kept.saved).toBe(program.source);

      // The next Run works.
      const next = await runInPlayground(lesson, PLAYGROUND, "console.log('after the stop');\n");
      expect(next.result.printed).toEqual(['after the stop']);
      expect(next.consolePanel).toContain('after the stop');
      // Well within a second on an idle machine (the benchmark measures it); this bound only catches a Run that waits for something it should not.
      expect(next.ms).toBeLessThan(10_000);
      timings.push(`${program.id}: stopped (${error!.kind}) after ${Math.round(stopped.ms)} ms, next Run ${Math.round(next.ms)} ms`);

      // No crash: of anything at all, unless the program could take the runtime's own process
      // down; then of the page's renderer (see the file's comment).
      expect(lesson.pageCrashed).toBe(false);
      if (!program.mayCrashTheRuntime) expect(lesson.anyCrash).toBe(0);
      expect(lesson.errors).toEqual([]);

      if (program.id === 'array') {
        // With a 60 s budget only the heap limit can have stopped it: it took the runtime
        // frame's process down (Playwright saw that as a "page" crash), not the page's, and
        // the next Run found the runtime in a new frame.
        expect(error!.kind).toBe('memory');
        expect(error!.message).toMatch(/The runtime was restarted; your code is untouched\.$/);
        expect(lesson.anyCrash).toBeGreaterThan(0);
        await expect(inPage(lesson, () => document.querySelectorAll('iframe[sandbox="allow-scripts"]').length, null)).resolves.toBe(1);
      }
    } finally {
      await lesson.page.close();
    }
  });
});

afterAll(() => {
  if (timings.length) process.stdout.write(`\nRunaway programs in Chromium:\n  ${timings.join('\n  ')}\n`);
});
