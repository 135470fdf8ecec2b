import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import type { FalseAlarmAudit } from './types.ts';
import { binomialUpperTail } from './internal/binomialTail.ts';
import { checkInteger, checkOpenProbability } from './internal/validate.ts';

const API = 'auditFalseAlarmRate';

/** Options of {@link auditFalseAlarmRate}. */
export interface AuditFalseAlarmRateOptions {
  /** Number of independent runs N, integer ≥ 1. */
  readonly runs: number;
  /** Number of runs that rejected, integer in [0, runs]. */
  readonly rejections: number;
  /** Stated per-run false-alarm probability, in (0, 1). */
  readonly stated: number;
  /** Confidence level of the bounds, in (0, 1), default 0.99. */
  readonly confidence?: number;
}

/** Clopper–Pearson lower bound with tail probability a: Beta(a; k, n − k + 1) quantile, 0 if k = 0. */
function lower(k: number, n: number, a: number): number {
  return k === 0 ? 0 : betaQuantile(a, k, n - k + 1);
}

/** Clopper–Pearson upper bound with tail probability a: Beta(1 − a; k + 1, n − k) quantile, 1 if k = n. */
function upper(k: number, n: number, a: number): number {
  return k === n ? 1 : betaQuantile(1 - a, k + 1, n - k);
}

/**
 * Audits a stated false-alarm rate from a calibration ("vary seed") experiment: N runs of a check
 * whose null hypothesis is true, k of them rejected. Clopper–Pearson (exact binomial) bounds, from
 * the beta–binomial identity P(X ≥ k | p) = I_p(k, n − k + 1):
 * lower = Beta⁻¹(α; k, n−k+1), upper = Beta⁻¹(1−α; k+1, n−k), with α = 1 − confidence for the
 * one-sided bounds and α/2 each side for `interval`. The stated rate is `consistent` unless the
 * observed rate is significantly ABOVE it (one-sided, level 1 − confidence): lowerBound ≤ stated,
 * equivalently P(X ≥ k | stated) > 1 − confidence (reported as `pValue`). A check that rejects
 * LESS often than stated is conservative, not wrong, so it is not flagged.
 *
 * @example auditFalseAlarmRate({ runs: 100, rejections: 0, stated: 0.05, confidence: 0.95 }).upperBound
 * // 0.029513…  (= 1 − 0.05^{1/100})
 */
export function auditFalseAlarmRate(options: AuditFalseAlarmRateOptions): FalseAlarmAudit {
  const o = options ?? ({} as AuditFalseAlarmRateOptions);
  const runs = checkInteger(API, 'runs', o.runs, 1);
  const rejections = checkInteger(API, 'rejections', o.rejections, 0);
  if (rejections > runs) throw new Error(`${API}: options.rejections must be <= options.runs (${runs}), got ${rejections}`);
  const stated = checkOpenProbability(API, 'stated', o.stated);
  const confidence = checkOpenProbability(API, 'confidence', o.confidence ?? 0.99);
  const alpha = 1 - confidence;
  const lowerBound = lower(rejections, runs, alpha);
  return {
    check: 'false-alarm-rate',
    runs,
    rejections,
    observedRate: rejections / runs,
    stated,
    confidence,
    interval: [lower(rejections, runs, alpha / 2), upper(rejections, runs, alpha / 2)],
    lowerBound,
    upperBound: upper(rejections, runs, alpha),
    pValue: binomialUpperTail(rejections, runs, stated),
    consistent: lowerBound <= stated,
  };
}
