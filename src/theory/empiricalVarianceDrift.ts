import { logChiSquareMean } from './logChiSquareMean.ts';
import type { RandomInitialiserName } from './initialiserVarianceFactor.ts';

/** E[log u²] for u uniform with variance 1 (u ∼ U[−√3, √3]): log 3 − 2. */
const UNIFORM_LOG_SQUARE_MEAN = Math.log(3) - 2;

/** Weight variance of one Linear w → w of the suite's i.i.d. initialisers at slope a. */
function iidVariance(name: RandomInitialiserName, slope: number, width: number): number {
  if (name.startsWith('he-')) return 2 / (width * (1 + slope * slope));
  return 1 / width; // glorot 2/(w + w), lecun 1/w
}

/**
 * The exact drift δ = lim_{L→∞} (1/L)·log S_L² (almost surely, strong law of large numbers) of the
 * empirical variance S_L² of one unit of a constant-width network over a fixed data set (in
 * general position), where a closed form exists; `null` elsewhere. S² vanishes a.s. when δ < 0
 * and explodes a.s. when δ > 0; δ ≤ log f always (Jensen: E log S² ≤ log E S²), f the theoretical
 * variance factor of `initialiserVarianceFactor`. The closed forms:
 * - GSM (even w, any a): z' = (1 + a)·M z exactly with M ∈ ℝ^{w/2 × w/2} Gaussian of variance 2/w,
 *   so by rotational invariance S_L² = (1 + a)^{2L}·Π_l (2/w)χ²_{w/2, l} × (first layer): δ =
 *   2 log|1 + a| + log(2/w) + E log χ²_{w/2} (−∞ at a = −1: the output is identically 0).
 * - a = 1, i.i.d. normal weights of variance v (He-normal, Glorot, LeCun): a linear Gaussian
 *   network, δ = log v + E log χ²_w. Orthogonal at a = 1 (gain 1): δ = 0 (row norms preserved).
 * - width 1 (a ≠ 0): |φ_a(z)| = |z|·(1 or |a|) with a fair, independent sign each layer, so
 *   δ = E log(v w²) + log|a| (normal: log v + E log χ²_1; uniform: log v + log 3 − 2; Rademacher and
 *   orthogonal (w = ±gain): log v); a = 0: −∞ (the unit dies with probability 1/2 per layer).
 *
 * @example empiricalVarianceDrift('gsm', 0.2, 4) // −0.2126… (< 0 although f = 1.44 > 1)
 * @example empiricalVarianceDrift('orthogonal', 1, 4) // 0
 * @example empiricalVarianceDrift('he-uniform', 0, 4) // null (no closed form)
 */
export function empiricalVarianceDrift(name: RandomInitialiserName, slope: number, width: number): number | null {
  if (name === 'gsm') {
    if (slope === -1) return -Infinity;
    return 2 * Math.log(Math.abs(1 + slope)) + Math.log(2 / width) + logChiSquareMean(width / 2);
  }
  if (width === 1) {
    if (slope === 0) return -Infinity;
    const v = name === 'orthogonal' ? 2 / (1 + slope * slope) : iidVariance(name, slope, 1);
    const logSquare = name === 'he-uniform' ? UNIFORM_LOG_SQUARE_MEAN : name === 'he-bernoulli' || name === 'orthogonal' ? 0 : logChiSquareMean(1);
    return Math.log(v) + logSquare + Math.log(Math.abs(slope));
  }
  if (slope === 1) {
    if (name === 'orthogonal') return 0;
    if (name === 'he-normal' || name === 'glorot-normal' || name === 'lecun-normal') return Math.log(iidVariance(name, slope, width)) + logChiSquareMean(width);
  }
  return null;
}
