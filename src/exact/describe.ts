import type { Fraction } from 'fraction.js';
import { qToString } from '../algebra/rational.ts';
import type { ScalarAtoms, VectorDistribution } from './vectorDistribution.ts';

/**
 * Readable form of a finite law for counterexamples: `{-1: 1/2, 1: 1/2}`.
 *
 * @example describeDiscrete({ atoms: [{ value: q(-1), probability: q(1, 2) }, { value: q(1), probability: q(1, 2) }] }) // '{-1: 1/2, 1: 1/2}'
 */
export function describeDiscrete(d: { atoms: ScalarAtoms }): string {
  return `{${d.atoms.map((a) => `${qToString(a.value)}: ${qToString(a.probability)}`).join(', ')}}`;
}

/** Readable form of a finite joint law of (x, y): `P(1,1) = 2/5, …`. */
export function describeJoint(d: { atoms: readonly { x: Fraction; y: Fraction; p: Fraction }[] }): string {
  return d.atoms.map((a) => `P(${qToString(a.x)}, ${qToString(a.y)}) = ${qToString(a.p)}`).join(', ');
}

/** Readable form of a finite vector law. */
export function describeVector(d: VectorDistribution): string {
  return d.atoms.map((a) => `P(${a.x.map(qToString).join(', ')}) = ${qToString(a.p)}`).join(', ');
}
