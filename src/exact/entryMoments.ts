import { Fraction } from 'fraction.js';
import { vectorExpectation, type VectorDistribution } from './vectorDistribution.ts';

export interface EntryMoments {
  /** E[x_i] for each entry. */
  readonly mean: Fraction[];
  /** E[x_i²]. */
  readonly second: Fraction[];
  /** E[x_i⁴]. */
  readonly fourth: Fraction[];
  /** E[x_i x_j] for i < j, in row-major order of pairs. */
  readonly cross: Fraction[];
  /** E[x_i² x_j²] for i < j. */
  readonly crossSquares: Fraction[];
}

/**
 * Exact per-entry and pairwise moments of a finite vector law — everything the He random vector
 * definition and Proposition 3 speak of.
 *
 * @example entryMoments(d).second[0] // E[x_1²]
 */
export function entryMoments(d: VectorDistribution): EntryMoments {
  const w = d.atoms[0]!.x.length;
  const idx = [...Array(w).keys()];
  const E = (f: (x: readonly Fraction[]) => Fraction) => vectorExpectation(d, f);
  const pairs: [number, number][] = [];
  for (let i = 0; i < w; i++) for (let j = i + 1; j < w; j++) pairs.push([i, j]);
  return {
    mean: idx.map((i) => E((x) => x[i]!)),
    second: idx.map((i) => E((x) => x[i]!.pow(2))),
    fourth: idx.map((i) => E((x) => x[i]!.pow(4))),
    cross: pairs.map(([i, j]) => E((x) => x[i]!.mul(x[j]!))),
    crossSquares: pairs.map(([i, j]) => E((x) => x[i]!.pow(2).mul(x[j]!.pow(2)))),
  };
}
