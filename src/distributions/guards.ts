import { Fraction } from 'fraction.js';
import type {
  ContinuousSymmetricDistribution,
  DiscreteSymmetricDistribution,
  SymmetricDistribution,
} from './types.ts';

/**
 * Whether `d` carries exact rational atoms and moments (a {@link DiscreteSymmetricDistribution}).
 *
 * @example isDiscreteSymmetric(rademacher()) // true;  isDiscreteSymmetric(normal()) // false
 */
export function isDiscreteSymmetric(d: SymmetricDistribution): d is DiscreteSymmetricDistribution {
  const c = d as Partial<DiscreteSymmetricDistribution>;
  return Array.isArray(c.atoms) && c.exact !== undefined && c.exact.kurtosis instanceof Fraction;
}

/**
 * Whether `d` has a density (a {@link ContinuousSymmetricDistribution}).
 *
 * @example isContinuousSymmetric(laplace()) // true;  isContinuousSymmetric(rademacher()) // false
 */
export function isContinuousSymmetric(d: SymmetricDistribution): d is ContinuousSymmetricDistribution {
  return typeof (d as Partial<ContinuousSymmetricDistribution>).density === 'function';
}
