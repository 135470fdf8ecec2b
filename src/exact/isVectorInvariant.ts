import type { Fraction } from 'fraction.js';
import { mergeAtoms, type VectorDistribution } from './vectorDistribution.ts';

const lawKey = (d: VectorDistribution) =>
  mergeAtoms(d)
    .atoms.map((a) => `${a.x.map((v) => v.toFraction()).join(',')}:${a.p.toFraction()}`)
    .sort()
    .join(';');

/**
 * Exactly: the vector x has the same law as map(x) — e.g. a coordinate permutation
 * (exchangeability), x → −x (central symmetry), or flipping the sign of one coordinate.
 *
 * @example isVectorInvariant(iidVector(rademacher(), 3), (x) => [x[1], x[0], x[2]]) // true
 */
export function isVectorInvariant(d: VectorDistribution, map: (x: readonly Fraction[]) => readonly Fraction[]): boolean {
  return lawKey(d) === lawKey({ atoms: d.atoms.map((a) => ({ x: map(a.x), p: a.p })) });
}
