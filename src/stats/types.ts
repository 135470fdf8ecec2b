/**
 * Records of the statistical assertions. Plain data only (numbers, strings, arrays, null): they go
 * into JSON reports as they are. A value that does not exist (no stderr, an unavailable diagnostic)
 * is `null`, never NaN or ±Infinity, which JSON cannot hold.
 */

/** Outcome of a consistency check, decided in this order: out-of-reach, then rejected, else consistent. */
export type ConsistencyDecision = 'consistent' | 'rejected' | 'out-of-reach';

/** The record returned by {@link assertEstimateConsistent}; see its TSDoc for each rule. */
export interface ConsistencyRecord {
  readonly check: 'estimate-consistent';
  /** The Monte Carlo estimate (null when the data gave none). */
  readonly estimate: number | null;
  /** Its standard error (null when not a finite positive number). */
  readonly stderr: number | null;
  /** Degrees of freedom of the t reference; null when the reference is normal (df = ∞) or missing. */
  readonly df: number | null;
  /** 'student-t' (estimated stderr with df), 'normal' (df = ∞, known stderr), null when df is missing. */
  readonly reference: 'student-t' | 'normal' | null;
  /** The theoretical value under test. */
  readonly theory: number;
  /** estimate − theory. */
  readonly delta: number | null;
  /** t = (estimate − theory)/stderr. */
  readonly statistic: number | null;
  /** Two-sided p-value P(|T| ≥ |t|) under the reference law. */
  readonly pValue: number | null;
  /** Stated false-alarm (type I error) probability of this one check. */
  readonly falseAlarm: number;
  /** c with P(|T| > c) = falseAlarm. */
  readonly criticalValue: number | null;
  /** The (1 − falseAlarm) confidence interval estimate ± c·stderr. */
  readonly interval: readonly [number, number] | null;
  /** The relative deviation the power refers to (null when an absolute deviation was given). */
  readonly relativeDeviation: number | null;
  /** The absolute deviation the power refers to: |theory|·relativeDeviation or the one given. */
  readonly absoluteDeviation: number;
  /** P(reject) if the true value were theory ± absoluteDeviation (shifted-t approximation). */
  readonly power: number | null;
  /** Required power; below it the check is out of reach. */
  readonly minPower: number;
  /** Smallest relative deviation detected with probability minPower (null when theory = 0). */
  readonly detectableRelativeDeviation: number | null;
  /** Smallest absolute deviation detected with probability minPower. */
  readonly detectableAbsoluteDeviation: number | null;
  /** Sample skewness of the batch estimates, as given (diagnostic). */
  readonly batchSkewness: number | null;
  /** The reach bound on |batchSkewness|, null when none was set. */
  readonly maxBatchSkewness: number | null;
  /** Delta-method stderr, as given (diagnostic cross-check of `stderr`). */
  readonly deltaStderr: number | null;
  readonly decision: ConsistencyDecision;
  /** One sentence (or several joined by '; ') saying why. */
  readonly reason: string;
}

/** The record returned by {@link auditFalseAlarmRate}. */
export interface FalseAlarmAudit {
  readonly check: 'false-alarm-rate';
  /** Number of independent runs N. */
  readonly runs: number;
  /** Number of runs that rejected. */
  readonly rejections: number;
  /** rejections / runs. */
  readonly observedRate: number;
  /** The stated per-run false-alarm probability. */
  readonly stated: number;
  /** Confidence level of the bounds (e.g. 0.99). */
  readonly confidence: number;
  /** Two-sided Clopper–Pearson interval for the true rate at `confidence` (α/2 in each tail). */
  readonly interval: readonly [number, number];
  /** One-sided Clopper–Pearson lower bound at `confidence` (0 when rejections = 0). */
  readonly lowerBound: number;
  /** One-sided Clopper–Pearson upper bound at `confidence` (1 when rejections = runs). */
  readonly upperBound: number;
  /** One-sided exact binomial p-value P(X ≥ rejections) for X ~ Binomial(runs, stated). */
  readonly pValue: number;
  /** True when the observed rate is not significantly ABOVE the stated one: lowerBound ≤ stated. */
  readonly consistent: boolean;
}
