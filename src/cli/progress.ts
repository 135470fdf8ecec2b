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

/** "42 s", "3.5 min", "5.2 h", "12 days". */
export function duration(seconds: number): string {
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 5400) return `${Number((seconds / 60).toPrecision(2))} min`;
  if (seconds < 48 * 3600) return `${Number((seconds / 3600).toPrecision(2))} h`;
  return `${Math.round(seconds / 86400)} days`;
}

/**
 * Progress of a long job on `stream`: a cli-progress bar with ETA when the stream is a terminal,
 * otherwise a plain line at every further 10%, and at least every 30 s while work goes on (logs
 * and CI stay readable, and a long run is never silent for minutes). While nothing finishes — one
 * task of a paper-scale Figure 3b runs for up to half an hour — a timer adds a line every
 * `heartbeatMs` (default 60 s) ending "still running", as long as this thread is free to run it
 * (figure runs compute in worker threads); `stop()` ends it. After the first update, a
 * run projected to take over a minute says how long ("all 1e11 networks need ≈ 9.3 days").
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
  /** Not a terminal: a "still running" line after this long without one, in ms (default 60,000; 0: none). */
  readonly heartbeatMs?: number;
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
  let projected = false;
  let current = 0;
  const line = (done: number, t: number, tail = ''): void =>
    void stream.write(`${label}: ${done}/${total} ${unit} (${Math.round((100 * done) / total)}%), ${((t - started) / 1000).toFixed(1)} s${tail}\n`);
  const heartbeatMs = options.heartbeatMs ?? 60_000;
  const timer =
    heartbeatMs > 0
      ? setInterval(() => {
          const t = now();
          if (current >= total || t - last < heartbeatMs) return;
          last = t;
          line(current, t, ', still running');
        }, Math.max(1, Math.floor(heartbeatMs / 6)))
      : null;
  // Never keeps the process alive on its own.
  timer?.unref();
  return {
    update(done: number) {
      current = done;
      if (!projected && done > 0 && done < total) {
        // After the first unit of work: the projected run time, when it is long enough to matter.
        projected = true;
        const seconds = (now() - started) / 1000;
        const all = (seconds * total) / done;
        if (all > 60) stream.write(`${label}: the first ${done} ${unit} took ${seconds.toFixed(1)} s; all ${total} ${unit} need ≈ ${duration(all)}\n`);
      }
      const tenth = Math.floor((10 * done) / total);
      const t = now();
      if (tenth < nextTenth && t - last < 30_000) return;
      if (tenth >= nextTenth) nextTenth = tenth + 1;
      last = t;
      line(done, t);
    },
    stop() {
      if (timer !== null) clearInterval(timer);
    },
  };
}
