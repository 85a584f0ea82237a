/**
 * Drives a lesson page through its own DevTools session rather than Playwright's page API,
 * for the runaway tests and the benchmark: Playwright reports the crash of an out-of-process
 * iframe as a crash of the page and then refuses to drive it (playwright-core's
 * FrameSession listens for Inspector.targetCrashed on every frame's session). The isolated
 * runtime frame is such an iframe: when a program takes its process down, Playwright says
 * "Page crashed" while the page runs on. The page's own session reports only the page's
 * renderer.
 */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import type { RunResult } from '../../src/schemas/run-result';

export interface PageSession {
  page: Page;
  cdp: CDPSession;
  /** Playwright's 'crash' events: the page's or any of its out-of-process frames'. */
  anyCrash: number;
  /** The page's own renderer crashed. */
  pageCrashed: boolean;
  errors: string[];
}

/** Opens `url` in a new page of `context` and reaches for the playground `id` (which loads its editor and starts the runtime). */
export async function openPlaygroundPage(context: BrowserContext, url: string, id: string): Promise<PageSession> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const session: PageSession = { page, cdp, anyCrash: 0, pageCrashed: false, errors: [] };
  page.on('crash', () => session.anyCrash++);
  page.on('pageerror', (error) => session.errors.push(error.message));
  cdp.on('Inspector.targetCrashed', () => (session.pageCrashed = true));
  await page.goto(url);
  const playground = page.locator(`assoclab-playground[data-id="${id}"]`);
  await playground.scrollIntoViewIfNeeded();
  await playground.locator('[data-part="editor"]').hover();
  return session;
}

/** Evaluates `fn(arg)` in the page through its DevTools session, awaiting a promise it returns. */
export async function inPage<T, A>(session: PageSession, fn: (arg: A) => T | Promise<T>, arg: A): Promise<T> {
  const reply = await session.cdp.send('Runtime.evaluate', {
    expression: `(${fn.toString()})(${JSON.stringify(arg)})`,
    awaitPromise: true,
    returnByValue: true,
  });
  if (reply.exceptionDetails) throw new Error(reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text);
  return reply.result.value as T;
}

export interface ShownRun {
  result: Pick<RunResult, 'ok' | 'error'> & { printed: string[] };
  /** The Console panel's text and the status line, as the learner reads them. */
  consolePanel: string;
  status: string;
  /** From the click on Run to the result shown (ms). */
  ms: number;
}

/** Puts `code` in the playground, sets its time budget (data-budget) or its default, clicks Run and waits for the result shown. */
export function runInPlayground(session: PageSession, id: string, code: string, budgetMs?: number): Promise<ShownRun> {
  return inPage(
    session,
    async ({ id, code, budgetMs }) => {
      const element = document.querySelector(`assoclab-playground[data-id="${id}"]`) as HTMLElement & { setCode(code: string): void };
      if (budgetMs) element.dataset.budget = String(budgetMs);
      else delete element.dataset.budget;
      element.setCode(code);
      const shown = new Promise<RunResult>((resolve) =>
        element.addEventListener('assoclab:result', (event) => resolve((event as CustomEvent<RunResult>).detail), { once: true }),
      );
      const started = performance.now();
      element.querySelector<HTMLButtonElement>('[data-part="run"]')!.click();
      const result = await shown;
      return {
        result: { ok: result.ok, error: result.error, printed: result.console.map((entry) => entry.text) },
        consolePanel: element.querySelector<HTMLElement>('[data-part="panel-console"]')!.innerText,
        status: element.querySelector<HTMLElement>('[data-part="status-text"]')!.textContent ?? '',
        ms: performance.now() - started,
      };
    },
    { id, code, budgetMs },
  );
}

/** Resolves once the playground's editor is in place. */
export function editorReady(session: PageSession, id: string): Promise<void> {
  return inPage(
    session,
    (id) =>
      new Promise<void>((resolve) => {
        const ready = () => document.querySelector(`assoclab-playground[data-id="${id}"][data-editor="ready"]`) !== null;
        if (ready()) return resolve();
        const timer = setInterval(() => ready() && (clearInterval(timer), resolve()), 50);
      }),
    id,
  );
}
