import type { ConsistencyDecision } from './types.ts';
import { criticalValue } from './internal/reference.ts';

/** One estimate as `src/montecarlo` gives it (only the fields the test needs). */
export interface EstimateLike {
  readonly estimate: number | null;
  readonly stderr: number | null;
  readonly df: number | null;
  readonly batchSkewness?: number | null;
}

/** The record of {@link assertIncrease}: plain data for JSON reports. */
export interface IncreaseRecord {
  readonly check: 'estimate-increases';
  /** The earlier value (e.g. κ_{l−1}) and the later one (κ_l), with their (1 − falseAlarm/2) intervals. */
  readonly before: { readonly estimate: number | null; readonly stderr: number | null; readonly interval: readonly [number, number] | null };
  readonly after: { readonly estimate: number | null; readonly stderr: number | null; readonly interval: readonly [number, number] | null };
  /** after − before. */
  readonly delta: number | null;
  /** Probability of declaring an increase (or a decrease) that is not there: ≤ the sum of the two intervals' non-coverage. */
  readonly falseAlarm: number;
  /** 'consistent': increase shown (intervals disjoint, after above); 'rejected': decrease shown; 'out-of-reach': neither. */
  readonly decision: ConsistencyDecision;
  readonly reason: string;
  /** `assertIncreaseWithPower` only: power against its stated increase, and the required power. */
  readonly power?: number | null;
  readonly minPower?: number;
}

/**
 * One-sided comparison of two estimates that may be dependent (two layers of the same networks):
 * each gets a (1 − falseAlarm/2) t interval; an increase is declared when after's interval lies
 * entirely above before's, a decrease when entirely below. If the true values were equal (or
 * ordered the other way), one of the two intervals must miss its value for that to happen, so the
 * false-alarm probability is ≤ falseAlarm whatever the dependence (union bound). Estimates with
 * |batch skewness| > maxBatchSkewness are out of reach (their t intervals are not trusted).
 *
 * @example assertIncrease({ before: { estimate: 3, stderr: 0.01, df: 63 }, after: { estimate: 4.8, stderr: 0.02, df: 63 }, falseAlarm: 1e-8 }).decision // 'consistent'
 */
export function assertIncrease(options: {
  readonly before: EstimateLike;
  readonly after: EstimateLike;
  readonly falseAlarm: number;
  readonly maxBatchSkewness?: number;
}): IncreaseRecord {
  const { before, after, falseAlarm } = options;
  if (!(falseAlarm > 0 && falseAlarm < 1)) throw new Error(`assertIncrease: options.falseAlarm must be in (0, 1), got ${falseAlarm}`);
  const interval = (e: EstimateLike): readonly [number, number] | null => {
    if (e.estimate === null || e.stderr === null || e.df === null || !(e.stderr > 0)) return null;
    const c = criticalValue(falseAlarm / 2, e.df);
    return [e.estimate - c * e.stderr, e.estimate + c * e.stderr];
  };
  const b = interval(before);
  const a = interval(after);
  const delta = before.estimate !== null && after.estimate !== null ? after.estimate - before.estimate : null;
  const base = {
    check: 'estimate-increases' as const,
    before: { estimate: before.estimate, stderr: before.stderr, interval: b },
    after: { estimate: after.estimate, stderr: after.stderr, interval: a },
    delta,
    falseAlarm,
  };
  const max = options.maxBatchSkewness;
  const skewed = [before, after].some((e) => max !== undefined && (e.batchSkewness === null || e.batchSkewness === undefined || Math.abs(e.batchSkewness) > max));
  if (a === null || b === null) return { ...base, decision: 'out-of-reach', reason: 'an estimate or its standard error is missing' };
  if (skewed) return { ...base, decision: 'out-of-reach', reason: `|batch skewness| above ${max}: t intervals not trusted` };
  if (a[0] > b[1]) return { ...base, decision: 'consistent', reason: `increase shown: after's interval [${a[0]}, ${a[1]}] lies above before's [${b[0]}, ${b[1]}]` };
  if (a[1] < b[0]) return { ...base, decision: 'rejected', reason: `decrease shown: after's interval [${a[0]}, ${a[1]}] lies below before's [${b[0]}, ${b[1]}]` };
  return { ...base, decision: 'out-of-reach', reason: 'the intervals overlap: no ordering shown at this n' };
}
