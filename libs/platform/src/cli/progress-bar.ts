/** `[######........]  40%  stream 4,000 / 10,000  2,000/s` */
export function progressBar(done: number, total: number, startedAt: number, what: string): string {
  const width = 30;
  const share = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(share * width);
  const rate = Math.round(done / Math.max((Date.now() - startedAt) / 1000, 0.001));
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}%  ${what} ${done.toLocaleString('en-GB')} / ${total.toLocaleString('en-GB')}  ${rate.toLocaleString('en-GB')}/s`;
}

export interface ProgressReporter {
  update(done: number, total: number): void;
  /** Ends the redrawn line on a terminal. */
  end(): void;
}

/** A progress bar on stderr for the ops commands: redrawn in place on a terminal, a line a second when piped to a log. */
export function progressOnStderr(what: string): ProgressReporter {
  const startedAt = Date.now();
  const tty = process.stderr.isTTY;
  let lastDrawn = 0;
  let drawn = false;
  return {
    update(done, total) {
      drawn = true;
      if (tty) process.stderr.write(`\r${progressBar(done, total, startedAt, what)}`);
      else if (Date.now() - lastDrawn > 1000 || done === total) {
        lastDrawn = Date.now();
        process.stderr.write(`${progressBar(done, total, startedAt, what)}\n`);
      }
    },
    end() {
      if (tty && drawn) process.stderr.write('\n');
    },
  };
}
