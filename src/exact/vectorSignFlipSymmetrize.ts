import { Fraction } from 'fraction.js';
import { mergeAtoms, type VectorDistribution } from './vectorDistribution.ts';

/**
 * The law of x with the chosen coordinates multiplied by independent fair signs, repeated points
 * merged: afterwards x =ᵈ x with coordinate i negated, for each chosen i. Keeps a He random vector
 * a He random vector, and every Cov[x_i², x_j²].
 *
 * @example vectorSignFlipSymmetrize({ atoms: [{ x: [q(1), q(2)], p: q(1) }] }, [0, 1]).atoms.length // 4, each 1/4
 */
export function vectorSignFlipSymmetrize(d: VectorDistribution, coordinates: readonly number[]): VectorDistribution {
  let atoms = d.atoms.map((a) => ({ x: [...a.x], p: a.p }));
  const half = new Fraction(1, 2);
  for (const i of coordinates)
    atoms = atoms.flatMap((a) => [
      { x: a.x, p: a.p.mul(half) },
      { x: a.x.map((v, m) => (m === i ? v.neg() : v)), p: a.p.mul(half) },
    ]);
  return mergeAtoms({ atoms });
}
