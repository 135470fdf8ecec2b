import { assertIncrease, type EstimateLike, type IncreaseRecord } from './assertIncrease.ts';
import { criticalValue } from './internal/reference.ts';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';

/** Options of {@link assertIncreaseWithPower}. */
export interface AssertIncreaseWithPowerOptions {
  readonly before: EstimateLike;
  /** The later estimate; or a fixed value with no error (stderr 0) when comparing an estimate with an exact one. */
  readonly after: EstimateLike;
  readonly falseAlarm: number;
  /**
   * The increase the power refers to: `relativeIncrease` × |before| (default 10%: orderings of
   * kurtoses are claims about gaps of that size; 5% would need ≈ 4× the samples at deep layers).
   */
  readonly relativeIncrease?: number;
  /** Below this power the test is out of reach (default 0.8), decided before the intervals are compared. */
  readonly minPower?: number;
  readonly maxBatchSkewness?: number;
}

/**
 * `assertIncrease` (disjoint (1 − α/2) t intervals, false alarm ≤ α whatever the dependence) with
 * a stated power: the probability of showing an increase of D = relativeIncrease·|before| when
 * it is there, approximated by Φ((D − c·(s_b + s_a))/(s_b + s_a)) with c the intervals' critical
 * value and s the standard errors (s_b + s_a bounds the difference's sd under any dependence, so
 * this under-states the power of independent estimates). Below `minPower` the test is
 * 'out-of-reach' before the intervals are looked at. An estimate with stderr 0 is an exact
 * value (interval of width 0), for comparisons with a recursion's value.
 *
 * @example assertIncreaseWithPower({ before: { estimate: 3, stderr: 0.01, df: 63 }, after: { estimate: 3.3, stderr: 0.01, df: 63 }, falseAlarm: 1e-8 }).decision // 'consistent'
 */
export function assertIncreaseWithPower(o: AssertIncreaseWithPowerOptions): IncreaseRecord {
  const exact = (e: EstimateLike): EstimateLike => (e.stderr === 0 && e.estimate !== null ? { ...e, stderr: Number.MIN_VALUE, df: e.df ?? 1e9, batchSkewness: 0 } : e);
  const before = exact(o.before);
  const after = exact(o.after);
  const base = assertIncrease({ before, after, falseAlarm: o.falseAlarm, ...(o.maxBatchSkewness !== undefined ? { maxBatchSkewness: o.maxBatchSkewness } : {}) });
  const minPower = o.minPower ?? 0.8;
  const rel = o.relativeIncrease ?? 0.1;
  const sb = before.stderr ?? null;
  const sa = after.stderr ?? null;
  if (sb === null || sa === null || before.estimate === null || before.df === null || after.df === null) return { ...base, power: null, minPower };
  const s = sb + sa;
  const c = Math.max(criticalValue(o.falseAlarm / 2, before.df), criticalValue(o.falseAlarm / 2, after.df));
  const D = rel * Math.abs(before.estimate);
  const power = s > 0 ? normalCdf((D - c * s) / s, 0, 1) : 1;
  if (base.decision !== 'out-of-reach' && power < minPower) {
    return { ...base, power, minPower, decision: 'out-of-reach', reason: `power ${power.toPrecision(3)} < ${minPower} against an increase of ${rel * 100}% (${D.toPrecision(3)}): not decided (${base.reason})` };
  }
  return { ...base, power, minPower };
}
