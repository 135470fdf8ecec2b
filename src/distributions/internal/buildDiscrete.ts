import { Fraction } from 'fraction.js';
import { uniformBigInt } from 'pure-rand/distribution/uniformBigInt';
import type { Atom, DiscreteSymmetricDistribution } from '../types.ts';
import { qPow } from '../../algebra/rational.ts';

/** A positive atom v > 0 carrying total probability p for the pair ±v (p/2 each). */
export interface PositiveAtom {
  readonly value: Fraction;
  readonly probability: Fraction;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/**
 * Builds the exact symmetric distribution with atoms ±v (p/2 each) and 0 (p0), after validating
 * (messages name `api`): values > 0 and distinct, probabilities > 0, p0 ≥ 0, Σp + p0 = 1 exactly,
 * some positive atom. Sampling is exact: one uniform BigInt below the common denominator.
 */
export function buildDiscrete(
  api: string,
  name: string,
  positiveAtoms: readonly PositiveAtom[],
  zeroProbability: Fraction,
): DiscreteSymmetricDistribution {
  if (!Array.isArray(positiveAtoms) || positiveAtoms.length === 0) {
    throw new Error(`${api}: options.positiveAtoms must be a non-empty array, got ${String(positiveAtoms)}`);
  }
  const seen = new Set<string>();
  positiveAtoms.forEach((a, i) => {
    if (!(a?.value instanceof Fraction) || !a.value.gt(0)) {
      throw new Error(`${api}: options.positiveAtoms[${i}].value must be a Fraction > 0, got ${String(a?.value)}`);
    }
    if (!(a.probability instanceof Fraction) || !a.probability.gt(0)) {
      throw new Error(
        `${api}: options.positiveAtoms[${i}].probability must be a Fraction > 0, got ${String(a.probability)}`,
      );
    }
    const key = a.value.toFraction();
    if (seen.has(key)) throw new Error(`${api}: options.positiveAtoms[${i}].value duplicates ${key}`);
    seen.add(key);
  });
  if (!(zeroProbability instanceof Fraction) || zeroProbability.lt(0)) {
    throw new Error(`${api}: options.zeroProbability must be a Fraction >= 0, got ${String(zeroProbability)}`);
  }
  let total = zeroProbability;
  for (const a of positiveAtoms) total = total.add(a.probability);
  if (!total.equals(1)) {
    throw new Error(`${api}: probabilities must sum to exactly 1, got ${total.toFraction()}`);
  }

  const sorted = [...positiveAtoms].sort((a, b) => a.value.compare(b.value));
  const half = new Fraction(1, 2);
  const atoms: Atom[] = [
    ...[...sorted].reverse().map((a) => ({ value: a.value.neg(), probability: a.probability.mul(half) })),
    ...(zeroProbability.gt(0) ? [{ value: new Fraction(0), probability: zeroProbability }] : []),
    ...sorted.map((a) => ({ value: a.value, probability: a.probability.mul(half) })),
  ];

  const moment = (k: number): Fraction => {
    let m = new Fraction(0);
    for (const a of atoms) m = m.add(a.probability.mul(qPow(a.value, k)));
    return m;
  };
  const halfLine = (k: number): Fraction => {
    let m = new Fraction(0);
    for (const a of atoms) if (a.value.gt(0)) m = m.add(a.probability.mul(qPow(a.value, k)));
    return m;
  };
  const variance = moment(2);
  const fourthMoment = moment(4);
  const kurtosis = fourthMoment.div(variance.mul(variance));

  // Exact sampler: integer weights over the common denominator D, one uniform draw in [0, D).
  let denominator = 1n;
  for (const a of atoms) denominator = (denominator / gcd(denominator, a.probability.d)) * a.probability.d;
  const cumulative: bigint[] = [];
  let acc = 0n;
  for (const a of atoms) {
    acc += (a.probability.n * denominator) / a.probability.d;
    cumulative.push(acc);
  }
  const values = atoms.map((a) => a.value.valueOf());

  const halfLine2 = halfLine(2);
  const halfLine4 = halfLine(4);
  return {
    name,
    atoms,
    exact: { variance, fourthMoment, kurtosis },
    variance: variance.valueOf(),
    fourthMoment: fourthMoment.valueOf(),
    kurtosis: kurtosis.valueOf(),
    exactHalfLineMoment: (k) => (k === 2 ? halfLine2 : halfLine4),
    halfLineMoment: (k) => (k === 2 ? halfLine2 : halfLine4).valueOf(),
    sample: (rng) => {
      const u = uniformBigInt(rng, 0n, denominator - 1n);
      let i = 0;
      while (u >= cumulative[i]!) i++;
      return values[i]!;
    },
  };
}

/** Readable atom list, e.g. '±1:1/2, ±3/2:1/4, 0:1/4' (pair masses). */
export function describeAtoms(positiveAtoms: readonly PositiveAtom[], zeroProbability: Fraction): string {
  const parts = [...positiveAtoms]
    .sort((a, b) => a.value.compare(b.value))
    .map((a) => `±${a.value.toFraction()}:${a.probability.toFraction()}`);
  if (zeroProbability.gt(0)) parts.push(`0:${zeroProbability.toFraction()}`);
  return parts.join(', ');
}
