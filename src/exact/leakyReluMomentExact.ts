import { Fraction } from 'fraction.js';
import { rationalField } from '../algebra/field.ts';
import { leakyRelu } from '../theory/leakyRelu.ts';
import type { ScalarAtoms } from './vectorDistribution.ts';

/**
 * E[φ_a(x)^k] for a finitely supported x, computed atom by atom — no symmetry used — so that
 * it is an independent check of Lemmas 1 and 6.
 *
 * @example leakyReluMomentExact(rademacherAtoms, { slope: q(0), power: 2 }) // 1/2
 */
export function leakyReluMomentExact(atoms: ScalarAtoms, p: { slope: Fraction; power: number }): Fraction {
  return atoms.reduce(
    (acc, a) => acc.add(a.probability.mul(leakyRelu(rationalField, a.value, p.slope).pow(p.power))),
    new Fraction(0),
  );
}

/** E[x^k · 1{x > 0}] for a finitely supported x (the half-line moment of the lemmas' proofs). */
export function positiveHalfMomentExact(atoms: ScalarAtoms, power: number): Fraction {
  return atoms.reduce((acc, a) => (a.value.compare(0) > 0 ? acc.add(a.probability.mul(a.value.pow(power))) : acc), new Fraction(0));
}

/** E[x^k] for a finitely supported x. */
export function momentExact(atoms: ScalarAtoms, power: number): Fraction {
  return atoms.reduce((acc, a) => acc.add(a.probability.mul(a.value.pow(power))), new Fraction(0));
}
