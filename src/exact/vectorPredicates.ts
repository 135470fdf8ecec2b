import { Fraction } from 'fraction.js';
import { entryMoments } from './entryMoments.ts';
import { mergeAtoms, type VectorDistribution } from './vectorDistribution.ts';

const lawKey = (atoms: { x: readonly Fraction[]; p: Fraction }[]) =>
  mergeAtoms({ atoms })
    .atoms.map((a) => `${a.x.map((v) => v.toFraction()).join(',')}:${a.p.toFraction()}`)
    .sort()
    .join(';');

/** Law of the sub-vector of the given coordinates, each multiplied by the given sign. */
const projected = (d: VectorDistribution, coords: number[], signs: number[]) =>
  d.atoms.map((a) => ({ x: coords.map((c, k) => a.x[c]!.mul(signs[k]!)), p: a.p }));

/**
 * Definition 1 (He random vector), decided exactly: every entry has mean zero and a law symmetric
 * about it, entries are pairwise uncorrelated and share one variance.
 *
 * @example isHeRandomVector(pairToVector(lemma2Counterexample())) // true
 */
export function isHeRandomVector(d: VectorDistribution): boolean {
  const m = entryMoments(d);
  const w = m.mean.length;
  const symmetric = [...Array(w).keys()].every((i) => lawKey(projected(d, [i], [1])) === lawKey(projected(d, [i], [-1])));
  return (
    m.mean.every((v) => v.equals(0)) &&
    symmetric &&
    m.cross.every((v) => v.equals(0)) &&
    m.second.every((v) => v.equals(m.second[0]!))
  );
}

/** Every pair (x_i, x_j), i ≠ j, has the law of (−x_i, x_j): the hypothesis corrected Lemma 2 needs. */
export function hasSignFlipSymmetricPairs(d: VectorDistribution): boolean {
  const w = d.atoms[0]!.x.length;
  for (let i = 0; i < w; i++)
    for (let j = 0; j < w; j++)
      if (i !== j && lawKey(projected(d, [i, j], [1, 1])) !== lawKey(projected(d, [i, j], [-1, 1]))) return false;
  return true;
}

/** Cov[x_i², x_j²] is the same for every pair i < j (Proposition 3's standing assumption). */
export function hasEqualSquareCovariances(d: VectorDistribution): boolean {
  const m = entryMoments(d);
  const c = m.crossSquares.map((e) => e.sub(m.second[0]!.pow(2)));
  return c.every((v) => v.equals(c[0] ?? new Fraction(0)));
}
