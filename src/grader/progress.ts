/**
 * The progress bar of a folder's grading, on stderr when it is a terminal (nothing
 * otherwise: a CI log or a pipe gets no carriage returns). Redrawn at most ten times a
 * second, and cleared at the end.
 */
export interface Progress {
  update(done: number, total: number): void;
  done(): void;
}

const WIDTH = 30;

export function progressBar(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return { update() {}, done() {} };
  const started = performance.now();
  let drawnAt = 0;
  let shown = false;
  const draw = (done: number, total: number) => {
    const filled = total ? Math.round((done / total) * WIDTH) : WIDTH;
    const seconds = Math.round((performance.now() - started) / 1000);
    stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${done}/${total} programs graded, ${seconds} s`);
    shown = true;
  };
  return {
    update(done, total) {
      const now = performance.now();
      if (done < total && now - drawnAt < 100) return;
      drawnAt = now;
      draw(done, total);
    },
    done() {
      if (shown) stream.write('\r\x1b[2K');
    },
  };
}
