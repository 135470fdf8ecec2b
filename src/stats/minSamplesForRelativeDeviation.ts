import { detectableShift } from './internal/reference.ts';
import {
  checkDegreesOfFreedom,
  checkFinite,
  checkInteger,
  checkOpenProbability,
  checkPositiveFinite,
} from './internal/validate.ts';

const API = 'minSamplesForRelativeDeviation';

/** Options of {@link minSamplesForRelativeDeviation}. */
export interface MinSamplesForRelativeDeviationOptions {
  /** Standard error measured in a pilot run, finite > 0. */
  readonly pilotStderr: number;
  /** Number of samples (draws) of that pilot run, integer ≥ 1. */
  readonly pilotSamples: number;
  /** Theoretical value, finite and ≠ 0. */
  readonly theory: number;
  /** False-alarm probability of the two-sided test, in (0, 1). */
  readonly falseAlarm: number;
  /** Required probability of detection, in (falseAlarm, 1). */
  readonly power: number;
  /** Relative deviation |true − theory|/|theory| to detect, finite > 0. */
  readonly relativeDeviation: number;
  /**
   * t degrees of freedom of the planned test, > 0, default `Infinity` (normal). With batch means
   * the df is B − 1 whatever n, so pass it: the normal default slightly understates n.
   */
  readonly df?: number;
}

/**
 * The number of samples n at which the two-sided t test at `falseAlarm` detects a relative
 * deviation with probability `power`, assuming stderr ∝ 1/√n from a pilot:
 * n = ⌈pilotSamples·(pilotStderr·δ* / (|theory|·relativeDeviation))²⌉, δ* the noncentrality that
 * reaches `power` (see minDetectableAbsoluteDeviation). The 1/√n law needs a finite variance of the
 * per-sample contributions (for a kurtosis estimate: finite 8th moments), and the pilot stderr is
 * itself noisy, so treat n as a plan, not a guarantee; the check's own power is recomputed at run time.
 *
 * @example minSamplesForRelativeDeviation({ pilotStderr: 0.1, pilotSamples: 1000, theory: 3,
 *   falseAlarm: 0.05, power: 0.8, relativeDeviation: 0.05 })
 * // 3489  (target stderr 0.15/2.80158 = 0.053541; 1000·(0.1/0.053541)² = 3488.4)
 */
export function minSamplesForRelativeDeviation(options: MinSamplesForRelativeDeviationOptions): number {
  const o = options ?? ({} as MinSamplesForRelativeDeviationOptions);
  const pilotStderr = checkPositiveFinite(API, 'pilotStderr', o.pilotStderr);
  const pilotSamples = checkInteger(API, 'pilotSamples', o.pilotSamples, 1);
  const theory = checkFinite(API, 'theory', o.theory);
  if (theory === 0) throw new Error(`${API}: options.theory must be ≠ 0 (a relative deviation of 0 means nothing), got 0`);
  const falseAlarm = checkOpenProbability(API, 'falseAlarm', o.falseAlarm);
  const power = checkOpenProbability(API, 'power', o.power);
  if (power <= falseAlarm) throw new Error(`${API}: options.power must exceed options.falseAlarm (${falseAlarm}), got ${power}`);
  const relativeDeviation = checkPositiveFinite(API, 'relativeDeviation', o.relativeDeviation);
  const df = checkDegreesOfFreedom(API, 'df', o.df ?? Infinity);
  const targetStderr = (Math.abs(theory) * relativeDeviation) / detectableShift(falseAlarm, power, df);
  const ratio = pilotStderr / targetStderr;
  return Math.max(1, Math.ceil(pilotSamples * ratio * ratio));
}
