import { Fraction } from 'fraction.js';
import type { DiscreteSymmetricDistribution } from './types.ts';
import { buildDiscrete } from './internal/buildDiscrete.ts';
import { resolveScale } from './internal/resolveScale.ts';

/** Options of {@link rademacher}: give at most one of `scale` and `variance`. */
export interface RademacherOptions {
  /** The atoms are ±scale (scale > 0 rational); the variance is then scale². */
  readonly scale?: Fraction;
  /**
   * σ² > 0, default 1; must be the square of a rational (1, 4, 9/4, …) because the atoms
   * ±√σ² are exact rationals — otherwise pass `scale`.
   */
  readonly variance?: number | Fraction;
}

/**
 * Rademacher law: ±b with probability 1/2 each (b = scale, or √variance). E[x²] = b², E[x⁴] = b⁴,
 * raw kurtosis exactly 1 (the smallest possible). Throws when both options are given, or when
 * `variance` is not the square of a rational.
 *
 * @example rademacher({ variance: 4 }).atoms.map((a) => a.value.valueOf()) // [-2, 2]
 * @example rademacher({ scale: q(1, 2) }).exact.fourthMoment.toFraction() // '1/16'
 */
export function rademacher(options: RademacherOptions = {}): DiscreteSymmetricDistribution {
  const scale = resolveScale('rademacher', options.scale, options.variance, new Fraction(1));
  return buildDiscrete(
    'rademacher',
    `rademacher(±${scale.toFraction()})`,
    [{ value: scale, probability: new Fraction(1) }],
    new Fraction(0),
  );
}
