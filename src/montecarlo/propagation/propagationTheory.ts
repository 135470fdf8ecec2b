import { numberField } from '../../algebra/field.ts';
import { matVec } from '../../theory/matrix.ts';
import { transitionMatrix } from '../../theory/transitionMatrix.ts';

/** Proposition 1's variance and Proposition 3's κ_l and raw c_l for one layer. */
export interface LayerTheory {
  readonly variance: number;
  readonly kappa: number;
  /** c_l = Cov[y_i², y_j²], raw (not divided by σ⁴). */
  readonly c: number;
}

export interface PropagationTheoryOptions {
  /** (w_0, …, w_d): input width then each layer's width. */
  readonly widths: readonly number[];
  readonly slope: number;
  readonly weightKurtosis: number;
  /** σ² of the input entries, preserved at every layer (Proposition 1). */
  readonly inputVariance: number;
  /** κ_0 of the input entries. */
  readonly inputKurtosis: number;
  /** c_0 = Cov[x_i², x_j²]; 0 for i.i.d. entries (the default). */
  readonly c0?: number;
  /**
   * Multiplies one coefficient A^(l)[row][col] of every transition matrix by `factor`: a wrong
   * recursion, to show that the Monte Carlo tests reject it (their teeth). Absent: Proposition 3.
   */
  readonly perturb?: { readonly row: 0 | 1; readonly col: 0 | 1 | 2; readonly factor: number };
}

/**
 * The theoretical per-layer statistics the Monte Carlo is tested against, layer 0 being the
 * input: variance σ² at every layer, and (κ_l, c_l) from k^(l+1) = A^(l) k^(l) with A^(l) built
 * from w_l, the fan-in of layer l + 1.
 *
 * @example propagationTheory({ widths: [4, 4], slope: 0, weightKurtosis: 3, inputVariance: 1, inputKurtosis: 3 })
 * // [{ variance: 1, kappa: 3, c: 0 }, { variance: 1, kappa: 6.75, c: 1.25 }]
 */
export function propagationTheory(options: PropagationTheoryOptions): LayerTheory[] {
  const { widths, slope, weightKurtosis, inputVariance, inputKurtosis, perturb } = options;
  let k = [inputKurtosis, options.c0 ?? 0, 1];
  const layers: LayerTheory[] = [{ variance: inputVariance, kappa: k[0]!, c: k[1]! }];
  for (const width of widths.slice(0, -1)) {
    const A = transitionMatrix(numberField, { slope, width, weightKurtosis, variance: inputVariance });
    if (perturb !== undefined) A[perturb.row]![perturb.col]! *= perturb.factor;
    k = matVec(numberField, A, k);
    layers.push({ variance: inputVariance, kappa: k[0]!, c: k[1]! });
  }
  return layers;
}
