import type { ConsistencyRecord } from './types.ts';
import {
  criticalValue as criticalValueOf,
  detectableShift,
  referenceCdf,
  shiftedPower,
} from './internal/reference.ts';
import {
  checkFinite,
  checkOpenProbability,
  checkPositiveFinite,
  finiteOrNull,
} from './internal/validate.ts';

const API = 'assertEstimateConsistent';

/** Reach rules applied before the test is looked at. */
export interface ReachOptions {
  /**
   * Largest |batchSkewness| (skewness G₁ of the B batch pseudo-values) at which the t reference is
   * still trusted, > 0; no rule when absent. It screens out heavy tails, but it is computed from
   * the same data as the estimate, so what it bounds is P(in reach AND rejected | theory true),
   * not the false-alarm rate among in-reach runs. Measured for κ̂ (B = 64, w = 4, 95% intervals,
   * 1000–4000 seeds; m = entries per batch), as P(in reach) and P(in reach ∧ rejected):
   *
   *   data                         m      bound 1.0        bound 1.5        no bound
   *   N(0,1) iid                   80     0.32 / 0.019     0.57 / 0.028     1 / 0.039
   *   N(0,1) iid                   400    0.81 / 0.041     0.95 / 0.047     1 / 0.050
   *   t, ν = 9 (8th moment finite) 1600   0.09 / 0.029     0.26 / 0.065     1 / 0.093
   *   t, ν = 5 (8th moment ∞)      1600   0.00 / 0         0.01 / 0.014     1 / 0.49
   *
   * Sound data need m large enough that 14.7/√m (κ̂'s batch skewness for normal entries) is well
   * below the bound, or the check is often out of reach; heavy tails with few extreme draws yield
   * low skewness AND an underestimate, which is why the conditional rate is poor. For a bound that
   * does not see the tested data, decide reach on an independent pilot run.
   */
  readonly maxBatchSkewness?: number;
}

/** Options of {@link assertEstimateConsistent}. Data-derived fields may be null (then out of reach). */
export interface AssertEstimateConsistentOptions {
  /** The estimate (data): null or non-finite → out of reach. */
  readonly estimate: number | null;
  /** Its standard error (data): null, non-finite or ≤ 0 → out of reach. */
  readonly stderr: number | null;
  /** t degrees of freedom (data): > 0, `Infinity` for a known stderr (normal); null or ≤ 0 → out of reach. */
  readonly df: number | null;
  /** Theoretical value, finite. */
  readonly theory: number;
  /** False-alarm probability of this check, in (0, 1) (after any Bonferroni split). */
  readonly falseAlarm: number;
  /**
   * Relative deviation |true − theory|/|theory| the power refers to; > 0, default 0.05 unless
   * `absoluteDeviation` is given. Meaningless (an error) when theory = 0.
   */
  readonly relativeDeviation?: number;
  /** Absolute deviation |true − theory| the power refers to, > 0; exclusive with `relativeDeviation`. */
  readonly absoluteDeviation?: number;
  /** Required power in (0, 1), default 0.8. */
  readonly minPower?: number;
  /** Sample skewness of the batch estimates (data; needed when `reach.maxBatchSkewness` is set). */
  readonly batchSkewness?: number | null;
  /** Delta-method stderr (data): echoed in the record as a diagnostic, not used by the decision. */
  readonly deltaStderr?: number | null;
  readonly reach?: ReachOptions;
}

/**
 * Two-sided t test of H₀: true value = theory, reported with its design: the stated false-alarm
 * probability, the power against a stated deviation, and the smallest deviation it detects.
 * An `Estimate` of src/montecarlo (estimate, stderr, df, deltaStderr, batchSkewness) can be spread
 * into the options as it is.
 *
 * Conventions. t = (estimate − theory)/stderr, referred to Student-t(df) (the batch-means
 * stderr has B − 1 df) or to N(0, 1) when df = ∞. Rejection iff |t| > c, c = F⁻¹(1 − falseAlarm/2),
 * so under H₀ the check fails with probability falseAlarm. Power is P(reject) when the true value
 * is theory ± D (D = |theory|·relativeDeviation or absoluteDeviation) under the SHIFTED-t
 * approximation T ≈ t_df + D/stderr with the estimated stderr plugged in: exact when df = ∞;
 * against the exact noncentral t it overstates power by ≤ 0.002 at df = 63 and falseAlarm ≥ 0.01,
 * by 0.005 at falseAlarm = 0.001 (0.025 at df = 15); the table is in internal/reference.ts.
 *
 * Decision, in this order, BEFORE the statistic is looked at:
 * 1. 'out-of-reach' if the estimate, stderr or df is unusable, if |batchSkewness| exceeds
 *    `reach.maxBatchSkewness` (or is unavailable while that rule is set), or if power < minPower.
 *    An underpowered check must not be reported as consistent (it could not have seen the
 *    deviation), and with non-normal batch estimates neither its acceptance nor its rejection has
 *    the stated error rates; so neither outcome is reported.
 * 2. 'rejected' if |t| > c.
 * 3. 'consistent' otherwise.
 *
 * @throws when a design option is invalid (theory, falseAlarm, deviations, minPower, reach),
 *   naming the field; theory = 0 without `absoluteDeviation` is such an error.
 *
 * @example
 * assertEstimateConsistent({ estimate: 3.02, stderr: 0.04, df: 63, theory: 3, falseAlarm: 0.01 })
 * // { statistic: 0.5, criticalValue: 2.6561…, pValue: 0.6188…, power: 0.8609…,
 * //   detectableRelativeDeviation: 0.0467…, decision: 'consistent', … }
 */
export function assertEstimateConsistent(options: AssertEstimateConsistentOptions): ConsistencyRecord {
  const o = options ?? ({} as AssertEstimateConsistentOptions);
  const theory = checkFinite(API, 'theory', o.theory);
  const falseAlarm = checkOpenProbability(API, 'falseAlarm', o.falseAlarm);
  const minPower = checkOpenProbability(API, 'minPower', o.minPower ?? 0.8);
  if (o.relativeDeviation !== undefined && o.absoluteDeviation !== undefined) {
    throw new Error(`${API}: options.relativeDeviation and options.absoluteDeviation are exclusive; give one`);
  }
  let relativeDeviation: number | null = null;
  let absoluteDeviation: number;
  if (o.absoluteDeviation !== undefined) {
    absoluteDeviation = checkPositiveFinite(API, 'absoluteDeviation', o.absoluteDeviation);
  } else {
    if (theory === 0) {
      throw new Error(`${API}: options.relativeDeviation is meaningless for theory = 0; give options.absoluteDeviation`);
    }
    relativeDeviation = checkPositiveFinite(API, 'relativeDeviation', o.relativeDeviation ?? 0.05);
    absoluteDeviation = Math.abs(theory) * relativeDeviation;
  }
  let maxBatchSkewness: number | null = null;
  if (o.reach?.maxBatchSkewness !== undefined) {
    maxBatchSkewness = checkPositiveFinite(API, 'reach.maxBatchSkewness', o.reach.maxBatchSkewness);
    if (o.batchSkewness === undefined) {
      throw new Error(`${API}: options.batchSkewness is required when options.reach.maxBatchSkewness is set (pass null if unavailable)`);
    }
  }

  const estimate = finiteOrNull(o.estimate);
  const stderr = typeof o.stderr === 'number' && Number.isFinite(o.stderr) && o.stderr > 0 ? o.stderr : null;
  const dfIn = typeof o.df === 'number' && o.df > 0 ? o.df : null; // NaN fails `> 0`
  const batchSkewness = finiteOrNull(o.batchSkewness);
  const reasons: string[] = [];
  if (estimate === null) reasons.push(`estimate is not a finite number (got ${String(o.estimate)})`);
  if (stderr === null) reasons.push(`stderr is not a finite number > 0 (got ${String(o.stderr)})`);
  if (dfIn === null) reasons.push(`df is not a number > 0 (got ${String(o.df)})`);

  const critical = dfIn === null ? null : criticalValueOf(falseAlarm, dfIn);
  let power: number | null = null;
  let detectableAbsoluteDeviation: number | null = null;
  if (stderr !== null && dfIn !== null) {
    power = shiftedPower(absoluteDeviation / stderr, falseAlarm, dfIn);
    detectableAbsoluteDeviation = detectableShift(falseAlarm, minPower, dfIn) * stderr;
    if (power < minPower) {
      reasons.push(
        `power ${power.toPrecision(3)} < minPower ${minPower} against a deviation of ${absoluteDeviation.toPrecision(3)}` +
          ` (detects ${detectableAbsoluteDeviation.toPrecision(3)} at that power)`,
      );
    }
  }
  if (maxBatchSkewness !== null) {
    if (batchSkewness === null) reasons.push('batch skewness unavailable while reach.maxBatchSkewness is set');
    else if (Math.abs(batchSkewness) > maxBatchSkewness) {
      reasons.push(`|batch skewness| ${Math.abs(batchSkewness).toPrecision(3)} > ${maxBatchSkewness}: batch estimates not normal enough for a t test`);
    }
  }

  const delta = estimate === null ? null : estimate - theory;
  const statistic = delta !== null && stderr !== null ? delta / stderr : null;
  const pValue = statistic !== null && dfIn !== null ? 2 * referenceCdf(-Math.abs(statistic), dfIn) : null;
  const interval: readonly [number, number] | null =
    estimate !== null && stderr !== null && critical !== null
      ? [estimate - critical * stderr, estimate + critical * stderr]
      : null;

  let decision: ConsistencyRecord['decision'];
  let reason: string;
  if (reasons.length > 0) {
    decision = 'out-of-reach';
    reason = reasons.join('; ');
  } else if (Math.abs(statistic as number) > (critical as number)) {
    decision = 'rejected';
    reason = `|t| = ${Math.abs(statistic as number).toPrecision(4)} > ${(critical as number).toPrecision(4)}: theory outside the ${(1 - falseAlarm) * 100}% interval`;
  } else {
    decision = 'consistent';
    reason = `|t| = ${Math.abs(statistic as number).toPrecision(4)} ≤ ${(critical as number).toPrecision(4)} with power ${(power as number).toPrecision(3)} ≥ ${minPower}`;
  }

  return {
    check: 'estimate-consistent',
    estimate,
    stderr,
    df: dfIn === null || dfIn === Infinity ? null : dfIn,
    reference: dfIn === null ? null : dfIn === Infinity ? 'normal' : 'student-t',
    theory,
    delta,
    statistic,
    pValue,
    falseAlarm,
    criticalValue: critical,
    interval,
    relativeDeviation,
    absoluteDeviation,
    power,
    minPower,
    detectableRelativeDeviation:
      detectableAbsoluteDeviation === null || theory === 0 ? null : detectableAbsoluteDeviation / Math.abs(theory),
    detectableAbsoluteDeviation,
    batchSkewness,
    maxBatchSkewness,
    deltaStderr: finiteOrNull(o.deltaStderr),
    decision,
    reason,
  };
}
