/** A one-line progress bar on a terminal's stderr, redrawn in place. */

/** Shown only for runs at least this long (in files), so short runs print nothing extra. */
export const PROGRESS_MIN_FILES = 40;

/** The bar's interface; `NO_PROGRESS` does nothing. */
export interface Progress {
  update(done: number): void;
  done(): void;
}

/** A progress object that draws nothing. */
export const NO_PROGRESS: Progress = { update() {}, done() {} };

/** A bar for `total` files written to `stream` (a TTY). */
export function createProgress(stream: NodeJS.WriteStream, total: number): Progress {
  const draw = (done: number): void => {
    const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - 30));
    const filled = Math.round((done / total) * width);
    stream.write(`\r${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${done}/${total} files`);
  };
  draw(0);
  return {
    update: draw,
    done() {
      stream.write('\r\u001b[K');
    },
  };
}
