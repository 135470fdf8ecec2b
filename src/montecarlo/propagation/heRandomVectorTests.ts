import { assertEstimateConsistent } from '../../stats/assertEstimateConsistent.ts';
import type { ConsistencyRecord } from '../../stats/types.ts';
import type { SignMomentSummary } from '../createSignMomentAccumulator.ts';
import { PROPAGATION_DEFAULTS } from './propagationMonteCarlo.ts';

/** Which defining properties of a He random vector (Definition 1) to test. */
export interface HeRandomVectorTestOptions {
  readonly summary: SignMomentSummary;
  /** The theoretical variance σ² of every entry. */
  readonly variance: number;
  /** False-alarm probability of each test. */
  readonly falseAlarm: number;
  /** Also E[y_i] = 0 and E[y_i³] = 0 (zero mean, symmetric). */
  readonly odd?: boolean;
  /** Test each entry's E[y_i²] = σ² separately (equal variances) instead of the pooled one. */
  readonly perEntry?: boolean;
  readonly relativeDeviation?: number;
}

/**
 * The number of tests {@link heRandomVectorTests} makes for a width and options.
 *
 * @example heRandomVectorTestCount(4, { odd: true, perEntry: true }) // 7 = 4 variances + cross + mean + third
 */
export function heRandomVectorTestCount(width: number, options: { readonly odd?: boolean; readonly perEntry?: boolean }): number {
  return (options.perEntry ? width : 1) + (width >= 2 ? 1 : 0) + (options.odd ? 2 : 0);
}

/**
 * Tests that a layer's entries look like a He random vector: variance σ² (pooled or per entry,
 * power against a relative deviation), uncorrelated entries E[y_i y_j] = 0 (power against a
 * deviation of relativeDeviation·σ², i.e. a correlation of 5%), and optionally zero mean
 * (deviation relativeDeviation·σ) and zero third moment (relativeDeviation·σ³).
 *
 * @example heRandomVectorTests({ summary, variance: 1, falseAlarm: 1e-8 }).map((t) => t.quantity) // ['variance σ²', 'E[y_i y_j], i ≠ j']
 */
export function heRandomVectorTests(options: HeRandomVectorTestOptions): { quantity: string; assertion: ConsistencyRecord }[] {
  const { summary: s, variance, falseAlarm } = options;
  const r = options.relativeDeviation ?? PROPAGATION_DEFAULTS.relativeDeviation;
  const design = { falseAlarm, minPower: PROPAGATION_DEFAULTS.minPower, reach: { maxBatchSkewness: PROPAGATION_DEFAULTS.maxBatchSkewness } };
  const sd = Math.sqrt(variance);
  const out: { quantity: string; assertion: ConsistencyRecord }[] = [];
  if (options.perEntry) {
    s.perEntrySecondMoment.forEach((e, i) => out.push({ quantity: `E[y_${i + 1}²] (entry ${i + 1}'s variance)`, assertion: assertEstimateConsistent({ ...e, theory: variance, relativeDeviation: r, ...design }) }));
  } else {
    out.push({ quantity: 'variance σ²', assertion: assertEstimateConsistent({ ...s.secondMoment, theory: variance, relativeDeviation: r, ...design }) });
  }
  if (s.crossMoment !== null) {
    out.push({ quantity: 'E[y_i y_j], i ≠ j (uncorrelated)', assertion: assertEstimateConsistent({ ...s.crossMoment, theory: 0, absoluteDeviation: r * variance, ...design }) });
  }
  if (options.odd) {
    out.push({ quantity: 'E[y_i] (zero mean)', assertion: assertEstimateConsistent({ ...s.mean, theory: 0, absoluteDeviation: r * sd, ...design }) });
    out.push({ quantity: 'E[y_i³] (symmetric)', assertion: assertEstimateConsistent({ ...s.thirdMoment, theory: 0, absoluteDeviation: r * sd * variance, ...design }) });
  }
  return out;
}
