import { numberField } from '../algebra/field.ts';
import { matVec } from './matrix.ts';
import { transitionMatrix } from './transitionMatrix.ts';

/**
 * Theorem 1 made quantitative: the first depth d ≥ 1 at which κ_d exceeds `threshold` under
 * Proposition 3's recursion, with widths `widthAt(l)` for l = 0, 1, …; `null` if not reached by `maxDepth`.
 *
 * @example depthToExceed({ widthAt: () => 10, slope: 0, weightKurtosis: 3, variance: 1, kappa0: 3, c0: 0, threshold: 10, maxDepth: 1000 }) // 3
 */
export function depthToExceed(p: {
  widthAt: (layer: number) => number;
  slope: number;
  weightKurtosis: number;
  variance: number;
  kappa0: number;
  c0: number;
  threshold: number;
  maxDepth: number;
}): number | null {
  let k = [p.kappa0, p.c0, 1];
  for (let d = 1; d <= p.maxDepth; d++) {
    const A = transitionMatrix(numberField, { slope: p.slope, width: p.widthAt(d - 1), weightKurtosis: p.weightKurtosis, variance: p.variance });
    k = matVec(numberField, A, k);
    if (k[0]! > p.threshold) return d;
  }
  return null;
}
