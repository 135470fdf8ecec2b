import { Fraction } from 'fraction.js';
import type { ScalarAtoms, VectorDistribution } from './vectorDistribution.ts';

/**
 * The law of a vector of `width` i.i.d. entries with the given finite law (a He random vector).
 *
 * @example iidVector(rademacher(), 2).atoms.length // 4, each with probability 1/4
 */
export function iidVector(x: { atoms: ScalarAtoms }, width: number): VectorDistribution {
  let atoms: { x: Fraction[]; p: Fraction }[] = [{ x: [], p: new Fraction(1) }];
  for (let i = 0; i < width; i++) atoms = atoms.flatMap((a) => x.atoms.map((b) => ({ x: [...a.x, b.value], p: a.p.mul(b.probability) })));
  return { atoms };
}
