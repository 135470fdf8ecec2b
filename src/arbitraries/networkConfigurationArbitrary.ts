import fc from 'fast-check';
import { widthSequenceArbitrary } from './widthSequenceArbitrary.ts';

/** A random network for a Monte Carlo check: widths (input first), slope and weight law by name. */
export interface NetworkConfiguration {
  /** (w_0, …, w_d): input width then each layer's width. */
  readonly widths: readonly number[];
  readonly slope: number;
  /** A `distributionByName` name. */
  readonly weights: string;
}

/** Constraints of {@link networkConfigurationArbitrary}; every field has a default. */
export interface NetworkConfigurationConstraints {
  /** Smallest width (default 6). */
  readonly minWidth?: number;
  /** Largest width (default 16). */
  readonly maxWidth?: number;
  /** Largest depth d (default 3); the smallest is 1. */
  readonly maxDepth?: number;
  /** Weight laws to choose from (default normal, uniform, rademacher, laplace). */
  readonly weights?: readonly string[];
  /** Largest |a| of the generated slopes (default 0.5); a = 0 (ReLU) is generated often. */
  readonly maxAbsSlope?: number;
  /**
   * Slopes generated often besides the two-decimal ones (default [0]); e.g. [0, −1, 1] so that the
   * boundary a = ±1 (where Lemma 4's A₋ degenerates) is reached, not left to a 1-in-600 chance.
   */
  readonly slopeConstants?: readonly number[];
  /**
   * When given, weight laws also include `three-point:K` with a generated two-decimal kurtosis
   * K ∈ [min, max] (min ≥ 1): kurtoses between and beyond the named laws' 1, 1.8, 3, 6.
   */
  readonly weightKurtosisRange?: { readonly min: number; readonly max: number };
}

/**
 * Networks for Monte Carlo checks: widths varying from layer to layer in [minWidth, maxWidth],
 * depth 1…maxDepth, slope 0 or a two-decimal value in [−maxAbsSlope, maxAbsSlope], weight law from
 * the list. Ranges default to those where the tests have power at 10⁵ draws (the kurtosis of
 * narrow deep layers has 8th moments too large for any affordable n — see README).
 *
 * @example fc.sample(networkConfigurationArbitrary(), { seed: 1, numRuns: 1 })[0]
 * // e.g. { widths: [9, 14, 7], slope: -0.31, weights: 'uniform' }
 * @throws Error naming the constraint when minWidth < 1, maxWidth < minWidth, maxDepth < 1, weights or
 *   slopeConstants is empty, or weightKurtosisRange is not 1 ≤ min ≤ max < ∞.
 */
export function networkConfigurationArbitrary(constraints: NetworkConfigurationConstraints = {}): fc.Arbitrary<NetworkConfiguration> {
  const minWidth = constraints.minWidth ?? 6;
  const maxWidth = constraints.maxWidth ?? 16;
  const maxDepth = constraints.maxDepth ?? 3;
  const weights = constraints.weights ?? ['normal', 'uniform', 'rademacher', 'laplace'];
  const maxAbsSlope = constraints.maxAbsSlope ?? 0.5;
  const api = 'networkConfigurationArbitrary';
  if (!Number.isInteger(minWidth) || minWidth < 1) throw new Error(`${api}: constraints.minWidth must be an integer >= 1, got ${minWidth}`);
  if (!Number.isInteger(maxWidth) || maxWidth < minWidth) throw new Error(`${api}: constraints.maxWidth must be an integer >= minWidth, got ${maxWidth}`);
  if (!Number.isInteger(maxDepth) || maxDepth < 1) throw new Error(`${api}: constraints.maxDepth must be an integer >= 1, got ${maxDepth}`);
  if (weights.length === 0) throw new Error(`${api}: constraints.weights must not be empty`);
  if (!(maxAbsSlope >= 0)) throw new Error(`${api}: constraints.maxAbsSlope must be >= 0, got ${maxAbsSlope}`);
  const slopeConstants = constraints.slopeConstants ?? [0];
  if (slopeConstants.length === 0 || !slopeConstants.every(Number.isFinite)) throw new Error(`${api}: constraints.slopeConstants must be a non-empty list of finite numbers`);
  const range = constraints.weightKurtosisRange;
  if (range !== undefined && !(range.min >= 1 && range.max >= range.min && Number.isFinite(range.max))) {
    throw new Error(`${api}: constraints.weightKurtosisRange must have 1 <= min <= max < Infinity, got [${range.min}, ${range.max}]`);
  }
  const hundredths = Math.round(100 * maxAbsSlope);
  const named = fc.constantFrom(...weights);
  const weightArb =
    range === undefined
      ? named
      : fc.oneof(named, fc.integer({ min: Math.ceil(100 * range.min), max: Math.floor(100 * range.max) }).map((k) => `three-point:${k / 100}`));
  return fc.record({
    widths: widthSequenceArbitrary({ min: minWidth, max: maxWidth, minLength: 2, maxLength: maxDepth + 1 }),
    slope: fc.oneof(fc.constantFrom(...slopeConstants), fc.integer({ min: -hundredths, max: hundredths }).map((k) => k / 100)),
    weights: weightArb,
  });
}
