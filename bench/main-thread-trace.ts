/**
 * The page's main thread during some work, from a Chromium trace: its longest task, in wall
 * time (what the Long Tasks API reports and a learner feels) and in the CPU time the thread
 * had during it. On a machine with few cores, a task that does 30 ms of work can last 100
 * ms while workers hold the cores: the two figures tell the page's own work from the wait.
 */
import type { Page } from 'playwright-core';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { frames?: Array<{ processId: number; isOutermostMainFrame?: boolean }> } };
}

export interface LongestTask {
  wallMs: number;
  cpuMs: number;
}

/** Runs `work` under a trace; returns its value and the page's longest main-thread task meanwhile (0 ms if none). */
export async function traceMainThread<T>(page: Page, work: () => Promise<T>): Promise<{ value: T; longest: LongestTask }> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  // The protocol's types call trace events string maps; they are the objects described above.
  cdp.on('Tracing.dataCollected', (chunk) => events.push(...(chunk.value as unknown as TraceEvent[])));
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { categories: 'disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  let value: T;
  try {
    value = await work();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
  }
  const frames = events.find((event) => event.name === 'TracingStartedInBrowser')?.args?.data?.frames ?? [];
  const pagePid = frames.find((frame) => frame.isOutermostMainFrame)?.processId;
  const main = events.find((event) => event.name === 'thread_name' && event.pid === pagePid && event.args?.name === 'CrRendererMain');
  if (!main) throw new Error("The trace has no main thread for the page's process.");
  let longest: LongestTask = { wallMs: 0, cpuMs: 0 };
  for (const event of events) {
    if (event.name !== 'RunTask' || event.ph !== 'X' || event.pid !== main.pid || event.tid !== main.tid) continue;
    const wallMs = (event.dur ?? 0) / 1000;
    if (wallMs > longest.wallMs) longest = { wallMs, cpuMs: (event.tdur ?? 0) / 1000 };
  }
  return { value, longest };
}
