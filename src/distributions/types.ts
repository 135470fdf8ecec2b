import type { Fraction } from 'fraction.js';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

export type { RandomGenerator };

/**
 * A zero-mean distribution on ℝ that is symmetric about 0 (x and −x have the same law), with
 * finite fourth moment and its moments known in closed form.
 *
 * Conventions:
 * - `kurtosis` is RAW kurtosis E[x^4]/σ^4 (normal = 3, Rademacher = 1), never excess kurtosis.
 * - `sample` uses pure-rand 8's MUTABLE idiom: it draws from `rng` and advances it in place, like
 *   pure-rand's own `uniformFloat64(rng)`. Pass a fresh `xoroshiro128plus(seed)` for
 *   reproducibility, `rng.clone()` to keep a generator untouched, or wrap with pure-rand's `purify`
 *   for the pure `[value, nextRng]` style.
 *
 * @example normal({ variance: 2 }).fourthMoment // 12  (= 3σ⁴), kurtosis 3
 */
export interface SymmetricDistribution {
  /** Readable, e.g. 'normal(σ²=2)', 'student-t(ν=5, σ²=1)', 'mixture(1/2·…, 1/2·…)'. */
  readonly name: string;
  /** E[x²] (the mean is 0). */
  readonly variance: number;
  /** E[x⁴]. */
  readonly fourthMoment: number;
  /** Raw kurtosis E[x⁴]/σ⁴ (normal = 3), not excess kurtosis. */
  readonly kurtosis: number;
  /**
   * E[x^k · 1{x>0}] for k = 2 or 4, computed on the positive half-line itself (a closed-form
   * half-line integral of the density, or a sum over the positive atoms), NOT as half of the full
   * moment, so that tests can use it to check symmetry.
   */
  halfLineMoment(k: 2 | 4): number;
  /**
   * A mixture that is neither exact nor wholly continuous keeps its parts (weights as numbers),
   * so that half-line expectations can be computed component by component (`halfLineExpectation`).
   */
  readonly parts?: readonly { readonly weight: number; readonly component: SymmetricDistribution }[];
  /** Draws one sample, advancing `rng` in place (pure-rand mutable idiom, see above). */
  sample(rng: RandomGenerator): number;
}

/**
 * A symmetric distribution with a density (used by quadrature cross-checks).
 *
 * @example laplace({ variance: 2 }).density(0) // 0.5  (= 1/(2b) with b = 1)
 */
export interface ContinuousSymmetricDistribution extends SymmetricDistribution {
  /** Lebesgue density at x. */
  density(x: number): number;
  /** Positive abscissae where the density is not smooth (quadrature splits there). */
  readonly breakpoints?: readonly number[];
  /** When set, the density vanishes for |x| > support (e.g. a uniform's edge): no tail to integrate. */
  readonly support?: number;
}

/** One atom of a finite distribution: value and exact probability. */
export interface Atom {
  readonly value: Fraction;
  readonly probability: Fraction;
}

/**
 * A finite symmetric distribution with exact rational atoms and moments.
 *
 * `atoms` lists the full support in increasing order: every negative atom, the atom at 0 if it has
 * positive probability, every positive atom; probabilities are > 0 and sum to exactly 1.
 * `exact.kurtosis` is RAW kurtosis E[x⁴]/σ⁴.
 *
 * @example rademacher().exact.kurtosis.toFraction() // '1'
 */
export interface DiscreteSymmetricDistribution extends SymmetricDistribution {
  readonly atoms: readonly Atom[];
  readonly exact: {
    readonly variance: Fraction;
    readonly fourthMoment: Fraction;
    readonly kurtosis: Fraction;
  };
  /** Exact E[x^k · 1{x>0}], summed over the positive atoms only. */
  exactHalfLineMoment(k: 2 | 4): Fraction;
}
