/**
 * Long renders (a run's SQL log: each statement formatted and coloured) give the page a turn
 * every slice, so that no task on the main thread runs long and a click or a keystroke is
 * answered meanwhile. `await breathe()` between pieces of work: it resolves at once while the
 * slice lasts, and after a macrotask when it is over.
 */
/** Resolves in a later task: what follows runs after the page had a turn (input, a frame). */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export function createBreather(sliceMs = 40): () => Promise<void> {
  let sliceStart = performance.now();
  return async () => {
    if (performance.now() - sliceStart < sliceMs) return;
    await nextTask();
    sliceStart = performance.now();
  };
}

/**
 * Runs `work` when the page is idle (no input, no frame due), or after `timeoutMs` at the
 * latest; Safari has no requestIdleCallback, so there it waits a short timer.
 */
export function whenIdle(timeoutMs = 2_000): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: timeoutMs });
    else setTimeout(resolve, 200);
  });
}
