import { detectableShift } from './internal/reference.ts';
import { checkDegreesOfFreedom, checkOpenProbability, checkPositiveFinite } from './internal/validate.ts';

const API = 'minDetectableAbsoluteDeviation';

/** Options of {@link minDetectableAbsoluteDeviation}. */
export interface MinDetectableAbsoluteDeviationOptions {
  /** Standard error of the estimate, finite > 0. */
  readonly stderr: number;
  /** t degrees of freedom > 0; `Infinity` for a known stderr (normal reference). */
  readonly df: number;
  /** False-alarm probability of the two-sided test, in (0, 1). */
  readonly falseAlarm: number;
  /** Required probability of detection, in (falseAlarm, 1). */
  readonly power: number;
}

/**
 * The smallest |true − theory| that the two-sided t test at `falseAlarm` detects with probability
 * `power`: δ*·stderr, δ* the noncentrality at which the shifted-t power P(|t_df + δ| > c) reaches
 * `power` (exact for df = ∞). Use it for a theory value of 0, where a relative deviation means nothing.
 *
 * @example minDetectableAbsoluteDeviation({ stderr: 0.01, df: Infinity, falseAlarm: 0.05, power: 0.8 })
 * // 0.02801… (= 0.01·(1.95996 + 0.84162) up to the far tail's 1e-6)
 */
export function minDetectableAbsoluteDeviation(options: MinDetectableAbsoluteDeviationOptions): number {
  const o = options ?? ({} as MinDetectableAbsoluteDeviationOptions);
  const stderr = checkPositiveFinite(API, 'stderr', o.stderr);
  const df = checkDegreesOfFreedom(API, 'df', o.df);
  const falseAlarm = checkOpenProbability(API, 'falseAlarm', o.falseAlarm);
  const power = checkOpenProbability(API, 'power', o.power);
  if (power <= falseAlarm) {
    throw new Error(`${API}: options.power must exceed options.falseAlarm (${falseAlarm}), got ${power}`);
  }
  return detectableShift(falseAlarm, power, df) * stderr;
}
