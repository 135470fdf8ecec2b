import { minDetectableAbsoluteDeviation } from './minDetectableAbsoluteDeviation.ts';
import { checkFinite } from './internal/validate.ts';

const API = 'minDetectableRelativeDeviation';

/** Options of {@link minDetectableRelativeDeviation}. */
export interface MinDetectableRelativeDeviationOptions {
  /** Standard error of the estimate, finite > 0. */
  readonly stderr: number;
  /** t degrees of freedom > 0; `Infinity` for a known stderr (normal reference). */
  readonly df: number;
  /** Theoretical value, finite and ≠ 0. */
  readonly theory: number;
  /** False-alarm probability of the two-sided test, in (0, 1). */
  readonly falseAlarm: number;
  /** Required probability of detection, in (falseAlarm, 1). */
  readonly power: number;
}

/**
 * The smallest |true − theory|/|theory| detected with probability `power` by the two-sided t test
 * at `falseAlarm`: {@link minDetectableAbsoluteDeviation} divided by |theory|.
 *
 * @throws when theory = 0 (use minDetectableAbsoluteDeviation) or any option is invalid, naming the field.
 *
 * @example minDetectableRelativeDeviation({ stderr: 0.04, df: 63, theory: 3, falseAlarm: 0.01, power: 0.8 })
 * // 0.04672…  (δ* = 3.504 noncentrality units of 0.04, over 3)
 */
export function minDetectableRelativeDeviation(options: MinDetectableRelativeDeviationOptions): number {
  const o = options ?? ({} as MinDetectableRelativeDeviationOptions);
  const theory = checkFinite(API, 'theory', o.theory);
  if (theory === 0) throw new Error(`${API}: options.theory must be ≠ 0 (use minDetectableAbsoluteDeviation), got 0`);
  try {
    return minDetectableAbsoluteDeviation(o) / Math.abs(theory);
  } catch (e) {
    throw new Error((e as Error).message.replace('minDetectableAbsoluteDeviation', API));
  }
}
