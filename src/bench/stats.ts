/** Median, min and max of repeated measurements of one quantity (e.g. networks/s over ≥ 5 runs). */
export interface RunSummary {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  /** Number of measured runs (the warm-up excluded). */
  readonly runs: number;
  /** Every measured value, in run order. */
  readonly values: readonly number[];
}

/**
 * Summarises measured runs: the median (mean of the two middle values for an even count), min and max.
 *
 * @example summarise([3, 1, 2]) // { median: 2, min: 1, max: 3, runs: 3, values: [3, 1, 2] }
 * @throws Error when `values` is empty or holds a non-finite number.
 */
export function summarise(values: readonly number[]): RunSummary {
  if (values.length === 0) throw new Error('summarise: no runs');
  for (const v of values) if (!Number.isFinite(v)) throw new Error(`summarise: non-finite value ${String(v)}`);
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, runs: values.length, values: [...values] };
}

/** Converts a summary of seconds per unit into units per second (min and max swap). */
export function invertSummary(s: RunSummary): RunSummary {
  return { median: 1 / s.median, min: 1 / s.max, max: 1 / s.min, runs: s.runs, values: s.values.map((v) => 1 / v) };
}

/**
 * Times `run` after `warmup` untimed calls: returns `runs` values of `units / seconds` where
 * `run` returns the number of units it did (or the seconds are measured around it).
 */
export function timeRuns(options: { readonly runs: number; readonly warmup?: number; readonly run: () => number; readonly onRun?: (i: number, value: number) => void }): RunSummary {
  const { runs, run } = options;
  for (let i = 0; i < (options.warmup ?? 1); i++) run();
  const values: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const units = run();
    const seconds = (performance.now() - t0) / 1000;
    values.push(units / seconds);
    options.onRun?.(i, units / seconds);
  }
  return summarise(values);
}
