/**
 * How long each runaway program (tests/fixtures/runaway-programs.ts) takes to be stopped,
 * with the default budgets (5 s, 512 MB), and how long the next run then takes: in Node
 * (the CLI's worker-thread client) and in Chromium (a fresh lesson page each, clicking Run,
 * Chromium's own heap limit). Each figure says how the program was stopped: by its guard
 * (the worker lives on), by the watchdog or the heap limit (the worker, or in Chromium the
 * runtime frame's process, is replaced).
 */
import type { Browser } from 'playwright-core';
import type { RunError } from '../src/schemas/run-result';
import { createNodeRuntimeClient } from '../src/runtime/node/node-client';
import { RUNAWAY_PROGRAMS } from '../tests/fixtures/runaway-programs';
import { openPlaygroundPage, runInPlayground } from '../tests/e2e/page-session';
import type { StaticSite } from '../tests/e2e/static-server';
import { ms } from './measure';

type Add = (group: string, name: string, value: string) => void;

const LESSON_PATH = '/lessons/basics/has-many-belongs-to/';
const PLAYGROUND = 'basics-seed';
const NEXT = "console.log('next');\n";

/** "timeout (guard)", "memory (worker replaced)": how it was stopped, in a few words. */
function how(error: RunError | undefined): string {
  if (!error) return 'not stopped';
  const replaced = / The runtime was restarted/.test(error.message) ? ', worker replaced' : '';
  return error.kind === 'runtime' ? `${error.name}` : `${error.kind}${replaced}`;
}

export async function measureRunawaysInNode(add: Add): Promise<void> {
  const group = 'Runaway programs, Node (worker thread, default budgets)';
  process.stdout.write(`\n${group}\n`);
  for (const program of RUNAWAY_PROGRAMS) {
    const client = createNodeRuntimeClient();
    try {
      await client.ready();
      let started = performance.now();
      const stopped = await client.run(program.source);
      const stoppedMs = performance.now() - started;
      started = performance.now();
      const next = await client.run(NEXT);
      const nextMs = performance.now() - started;
      const nextOk = next.console[0]?.text === 'next';
      add(group, program.name, `stopped after ${ms(stoppedMs)} (${how(stopped.error)}); next run ${ms(nextMs)}${nextOk ? '' : ' FAILED'}`);
    } finally {
      client.dispose();
    }
  }
}

export async function measureRunawaysInChromium(browser: Browser, site: StaticSite, add: Add): Promise<void> {
  const group = 'Runaway programs, Chromium (lesson page, default budgets)';
  process.stdout.write(`\n${group}\n`);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    for (const program of RUNAWAY_PROGRAMS) {
      const session = await openPlaygroundPage(context, `${site.url}${LESSON_PATH}`, PLAYGROUND);
      try {
        // Timed from a ready runtime, as a learner who has run something before.
        await runInPlayground(session, PLAYGROUND, NEXT);
        const stopped = await runInPlayground(session, PLAYGROUND, program.source);
        const next = await runInPlayground(session, PLAYGROUND, NEXT);
        const crashed = session.pageCrashed ? ' PAGE CRASHED' : session.anyCrash ? ', runtime process ended' : '';
        const nextOk = next.result.printed[0] === 'next';
        add(group, program.name, `stopped after ${ms(stopped.ms)} (${how(stopped.result.error)}${crashed}); next Run ${ms(next.ms)}${nextOk ? '' : ' FAILED'}`);
      } finally {
        await session.page.close();
      }
    }
  } finally {
    await context.close();
  }
}
