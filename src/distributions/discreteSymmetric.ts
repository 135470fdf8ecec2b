import { Fraction } from 'fraction.js';
import type { DiscreteSymmetricDistribution } from './types.ts';
import { buildDiscrete, describeAtoms, type PositiveAtom } from './internal/buildDiscrete.ts';

/** Options of {@link discreteSymmetric}. */
export interface DiscreteSymmetricOptions {
  /** Distinct values v > 0, each with total probability p > 0 for the pair ±v (p/2 each). */
  readonly positiveAtoms: readonly PositiveAtom[];
  /** Probability of the atom at 0, default 0. Σp + zeroProbability must be exactly 1. */
  readonly zeroProbability?: Fraction;
}

/**
 * General finite symmetric law: symmetrizes each positive atom v (mass p) into ±v with p/2 each,
 * plus an optional atom at 0. Exact moments: E[x²] = Σ p v², E[x⁴] = Σ p v⁴, raw kurtosis
 * E[x⁴]/E[x²]². Throws (naming the field) unless the values are distinct and > 0, the
 * probabilities > 0 and everything sums to exactly 1.
 *
 * @example discreteSymmetric({ positiveAtoms: [{ value: q(1), probability: q(1, 2) }], zeroProbability: q(1, 2) }).exact.kurtosis.toFraction() // '2'
 */
export function discreteSymmetric(options: DiscreteSymmetricOptions): DiscreteSymmetricDistribution {
  const zero = options?.zeroProbability ?? new Fraction(0);
  const positive = options?.positiveAtoms;
  const label = Array.isArray(positive) && zero instanceof Fraction ? safeDescribe(positive, zero) : '?';
  return buildDiscrete('discreteSymmetric', `discrete(${label})`, positive, zero);
}

function safeDescribe(positive: readonly PositiveAtom[], zero: Fraction): string {
  try {
    return describeAtoms(positive, zero);
  } catch {
    return '?';
  }
}
