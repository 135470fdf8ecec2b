import cliProgress from 'cli-progress';

/** A stream progress can be written to (`process.stderr`, or a test's collector). */
export interface ProgressStream {
  write(chunk: string): unknown;
  readonly isTTY?: boolean;
}

export interface Progress {
  /** Reports `done` of the total units finished. */
  update(done: number): void;
  /** Ends the display (a final line on a terminal). */
  stop(): void;
}

/**
 * Progress of a long job on `stream`: a cli-progress bar with ETA when the stream is a terminal,
 * otherwise a plain line at every further 10%, and at least every 30 s while work goes on (logs
 * and CI stay readable, and a long run is never silent for minutes).
 *
 * @example const p = createProgress({ label: 'montecarlo', total: 1000, unit: 'draws', stream: process.stderr }); p.update(500); p.stop();
 */
export function createProgress(options: {
  readonly label: string;
  readonly total: number;
  readonly unit: string;
  readonly stream: ProgressStream;
  /** Clock in ms (tests); default Date.now. */
  readonly now?: () => number;
}): Progress {
  const { label, total, unit, stream } = options;
  const now = options.now ?? Date.now;
  if (stream.isTTY === true) {
    const bar = new cliProgress.SingleBar(
      { format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit} | ETA {eta_formatted}`, stream: stream as NodeJS.WritableStream, hideCursor: true, clearOnComplete: false },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0);
    return { update: (done) => bar.update(done), stop: () => bar.stop() };
  }
  let nextTenth = 1;
  const started = now();
  let last = started;
  return {
    update(done: number) {
      const tenth = Math.floor((10 * done) / total);
      const t = now();
      if (tenth < nextTenth && t - last < 30_000) return;
      if (tenth >= nextTenth) nextTenth = tenth + 1;
      last = t;
      const seconds = (t - started) / 1000;
      stream.write(`${label}: ${done}/${total} ${unit} (${Math.round((100 * done) / total)}%), ${seconds.toFixed(1)} s\n`);
    },
    stop() {},
  };
}
