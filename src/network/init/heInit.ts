import type { SymmetricDistribution } from '../../distributions/types.ts';
import type { RandomLayerShape, WeightMatrix } from './types.ts';
import { scaledIid } from './internal/scaledIid.ts';
import { checkOptions, checkSlope } from './internal/validate.ts';
import { testMutant } from '../../testing/testMutant.ts';

/** Options of {@link heInit}. */
export interface HeInitOptions extends RandomLayerShape {
  /**
   * Law of the entries before rescaling, any zero-mean symmetric distribution: only its shape
   * matters (its own variance is divided out, its kurtosis is kept). The authors use `normal()`,
   * `uniform()` and "Bernoulli" = `rademacher()`.
   */
  readonly distribution: SymmetricDistribution;
  /** Negative slope a of the leaky ReLU φ_a, finite; default 0 (ReLU, the authors' setting). */
  readonly slope?: number;
}

/**
 * He initialisation (He et al. 2015; the paper's Proposition 1): entries i.i.d. from
 * `distribution`, rescaled to variance exactly 2/(fan_in·(1 + a²)) — std √(2/fan_in) at a = 0,
 * which the authors use for every Linear, the first (raw input) and the last included. The raw
 * kurtosis of the entries is the distribution's own (normal 3, uniform 9/5, Rademacher 1).
 * Entries are drawn in row-major order, one `distribution.sample(rng)` each.
 *
 * @example heInit({ fanIn: 8, fanOut: 2, distribution: rademacher(), rng: xoroshiro128plus(1) }).data
 * // 16 entries, each exactly ±0.5 (= ±√(2/8))
 * @throws Error naming `heInit` and the field: fanIn/fanOut not integers ≥ 1, slope not finite,
 *   distribution without a finite positive variance, rng not a generator.
 */
export function heInit(options: HeInitOptions): WeightMatrix {
  checkOptions('heInit', options);
  const a = checkSlope('heInit', options.slope ?? 0);
  // The mutation tests' 1% error (src/testing/testMutant.ts); 0 unless VV_TEST_MUTANT names it.
  const mutant = testMutant('he-variance-a2-plus-1.01') ? 0.01 : 0;
  return scaledIid('heInit', options, (fanIn) => 2 / (fanIn * (1 + a * a + mutant)));
}
