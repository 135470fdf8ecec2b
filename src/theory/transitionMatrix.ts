import type { Field } from '../algebra/field.ts';
import type { Matrix } from './matrix.ts';

export interface TransitionParameters<T> {
  /** Negative slope a of the leaky ReLU. */
  readonly slope: T;
  /** w_l: the width of layer l, i.e. the fan-in of W^(l+1). */
  readonly width: number;
  /** κ_w: raw kurtosis of the weight distribution (≥ 1). */
  readonly weightKurtosis: T;
  /** σ_x²: the variance preserved by He initialisation. */
  readonly variance: T;
}

/**
 * Proposition 3's transition matrix A^(l), acting on k^(l) = [κ_l, c_l, 1]ᵀ:
 *
 *   [ 2(a⁴+1)κ_w / (w(a²+1)²)    3(w−1)/(w σ⁴)   3(w−1)/w ]
 *   [ 2(a⁴+1)σ⁴ / (w(a²+1)²)     (w−1)/w          −σ⁴/w    ]
 *   [ 0                           0                1        ]
 *
 * @example transitionMatrix(numberField, { slope: 0, width: 2, weightKurtosis: 3, variance: 1 })
 * // [[3, 1.5, 1.5], [1, 0.5, -0.5], [0, 0, 1]]
 */
export function transitionMatrix<T>(F: Field<T>, p: TransitionParameters<T>): Matrix<T> {
  const w = F.of(p.width);
  const a2 = F.mul(p.slope, p.slope);
  const a4p1 = F.add(F.mul(a2, a2), F.of(1));
  const a2p1 = F.add(a2, F.of(1));
  const s4 = F.mul(p.variance, p.variance);
  // g = 2(a⁴+1) / (w (a²+1)²): the common factor of the first column.
  const g = F.div(F.mul(F.of(2), a4p1), F.mul(w, F.mul(a2p1, a2p1)));
  const wm1OverW = F.div(F.of(p.width - 1), w);
  const zero = F.of(0);
  return [
    [F.mul(g, p.weightKurtosis), F.div(F.mul(F.of(3), wm1OverW), s4), F.mul(F.of(3), wm1OverW)],
    [F.mul(g, s4), wm1OverW, F.neg(F.div(s4, w))],
    [zero, zero, F.of(1)],
  ];
}
