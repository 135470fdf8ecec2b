import type { Field } from '../algebra/field.ts';
import { residualLinearStep, type RawMoments } from './residualLinearStep.ts';

export interface PropagateResidualLinearParameters<T> {
  readonly width: number;
  /** Number of blocks L. */
  readonly depth: number;
  /** α² of every block (resolve depth-dependent scales with `branchScaleValue` first). */
  readonly alphaSquared: T;
  readonly weightVariance: T;
  readonly weightKurtosis: T;
  /** The input's raw moments. */
  readonly input: RawMoments<T>;
}

/** Per layer: σ² = m2, κ = m4/m2², c = m22 − m2² (raw) and u = m22/m2² = c/σ⁴ + 1. */
export interface ResidualLayerStatistics<T> {
  readonly variance: T;
  readonly kappa: T;
  readonly c: T;
  readonly u: T;
}

/**
 * `residualLinearStep` over L blocks; returns L + 1 layers, the input first.
 *
 * @example propagateResidualLinear(numberField, { width: 2, depth: 1, alphaSquared: 1, weightVariance: 0.5, weightKurtosis: 3, input: { m2: 1, m4: 3, m22: 1 } })[1].kappa
 * // 5.25 (= 21/2²)
 */
export function propagateResidualLinear<T>(F: Field<T>, p: PropagateResidualLinearParameters<T>): ResidualLayerStatistics<T>[] {
  const stats = (m: RawMoments<T>): ResidualLayerStatistics<T> => {
    const s4 = F.mul(m.m2, m.m2);
    return { variance: m.m2, kappa: F.div(m.m4, s4), c: F.sub(m.m22, s4), u: F.div(m.m22, s4) };
  };
  let m = p.input;
  const out = [stats(m)];
  for (let l = 0; l < p.depth; l++) {
    m = residualLinearStep(F, m, { width: p.width, alphaSquared: p.alphaSquared, weightVariance: p.weightVariance, weightKurtosis: p.weightKurtosis });
    out.push(stats(m));
  }
  return out;
}
