import { Fraction } from 'fraction.js';
import type { DiscreteSymmetricDistribution } from './types.ts';
import { buildDiscrete } from './internal/buildDiscrete.ts';
import { resolveScale } from './internal/resolveScale.ts';
import { qFromNumber } from '../algebra/rational.ts';

/** Options of {@link symmetricThreePoint}: `kurtosis` plus at most one of `scale` and `variance`. */
export interface SymmetricThreePointOptions {
  /** Target RAW kurtosis κ ≥ 1 (a number is converted exactly, e.g. 1.8 → 9/5). */
  readonly kurtosis: number | Fraction;
  /** The outer atoms ±b (b > 0 rational); the variance is then b²/κ. */
  readonly scale?: Fraction;
  /** σ² > 0, default 1; b = √(σ²κ) must be rational, otherwise pass `scale`. */
  readonly variance?: number | Fraction;
}

/**
 * Three-point law on {−b, 0, b}: P(±b) = 1/(2κ) each, P(0) = 1 − 1/κ. E[x²] = b²/κ,
 * E[x⁴] = b⁴/κ, so the raw kurtosis E[x⁴]/σ⁴ is exactly κ — every κ ≥ 1 is reached
 * (κ = 1 is Rademacher, with no atom at 0). Throws unless κ ≥ 1, naming `kurtosis`.
 *
 * @example symmetricThreePoint({ kurtosis: q(6), scale: q(1) }).exact.variance.toFraction() // '1/6'
 * @example symmetricThreePoint({ kurtosis: 4 }).atoms.map((a) => a.value.valueOf()) // [-2, 0, 2]
 */
export function symmetricThreePoint(options: SymmetricThreePointOptions): DiscreteSymmetricDistribution {
  const raw = options?.kurtosis;
  let kappa: Fraction;
  if (raw instanceof Fraction) kappa = raw;
  else if (typeof raw === 'number' && Number.isFinite(raw)) kappa = qFromNumber(raw);
  else throw new Error(`symmetricThreePoint: options.kurtosis must be a finite number or Fraction >= 1, got ${String(raw)}`);
  if (kappa.lt(1)) {
    throw new Error(`symmetricThreePoint: options.kurtosis must be >= 1, got ${kappa.toFraction()}`);
  }
  const b = resolveScale('symmetricThreePoint', options.scale, options.variance, kappa);
  const outer = kappa.inverse();
  return buildDiscrete(
    'symmetricThreePoint',
    `three-point(κ=${kappa.toFraction()}, b=${b.toFraction()})`,
    [{ value: b, probability: outer }],
    new Fraction(1).sub(outer),
  );
}
