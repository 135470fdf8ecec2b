import { neumaierAdd, neumaierValue } from '../montecarlo/internal/neumaier.ts';
import type { InputStatistics } from './inputStatisticsTypes.ts';

/** Options of {@link inputStatisticsFromNorms}. */
export interface InputStatisticsFromNormsOptions {
  /** Raw kurtosis κ_w ≥ 1 of the first layer's weights (normal 3, uniform 1.8, Rademacher 1). */
  readonly weightKurtosis: number;
  /** Variance v > 0 of each weight; default He's 2/d (slope 0, d = options.fanIn). */
  readonly weightVariance?: number;
  /** Fan-in d, integer ≥ 1. */
  readonly fanIn: number;
}

function check(field: string, ok: boolean, value: unknown): void {
  if (!ok) throw new Error(`inputStatisticsFromNorms: ${field} is invalid, got ${String(value)}`);
}

/**
 * σ², κ0, c0 of z = W x from the per-image ‖x‖² and Σx_j⁴, exactly (no sampling).
 *
 * Derivation. W has i.i.d. symmetric entries of variance v and raw kurtosis κ_w, independent of x
 * (uniform over the N images). Given x, z_i = Σ_j W_ij x_j is a sum of independent zero-mean terms:
 *   E[z_i² | x] = v‖x‖²;
 *   E[z_i⁴ | x] = Σ_j E W⁴ x_j⁴ + 3 Σ_{j≠k} v² x_j² x_k² = v²((κ_w − 3) Σ_j x_j⁴ + 3‖x‖⁴);
 *   E[z_i² z_k² | x] = v²‖x‖⁴ for i ≠ k (rows independent given x).
 * Averaging over images (tower rule):
 *   σ² = v E‖x‖²,  κ0 = E[(κ_w − 3)Σx_j⁴ + 3‖x‖⁴] / (E‖x‖²)²,
 *   c0 = v²(E‖x‖⁴ − (E‖x‖²)²) = v² Var_x(‖x‖²),  c0/σ⁴ = Var(‖x‖²)/(E‖x‖²)² = E‖x‖⁴/(E‖x‖²)² − 1.
 * So c0 ≥ 0 with equality iff all images have the same norm, and for normal weights
 * κ0 = 3(1 + c0/σ⁴) exactly. Means over images are Neumaier-compensated; Var(‖x‖²) is two-pass.
 *
 * @throws Error naming the field when weightKurtosis < 1, weightVariance ≤ 0, fanIn not an
 *   integer ≥ 1, or the arrays are empty, of different lengths or not finite and ≥ 0.
 * @example inputStatisticsFromNorms({ norm2: Float64Array.of(1, 3), sum4: Float64Array.of(1, 5) }, { weightKurtosis: 1, fanIn: 2 })
 * // σ² = 2 (v = 1, E‖x‖² = 2), κ0 = ((1−3)·3 + 3·5)/4 = 2.25, c0 = 5 − 4 = 1, c0/σ⁴ = 0.25
 */
export function inputStatisticsFromNorms(
  norms: { readonly norm2: Float64Array; readonly sum4: Float64Array },
  options: InputStatisticsFromNormsOptions,
): InputStatistics {
  const { weightKurtosis: kw, fanIn } = options;
  check('options.weightKurtosis (>= 1)', typeof kw === 'number' && kw >= 1 && Number.isFinite(kw), kw);
  check('options.fanIn (integer >= 1)', Number.isInteger(fanIn) && fanIn >= 1, fanIn);
  const v = options.weightVariance ?? 2 / fanIn;
  check('options.weightVariance (> 0)', typeof v === 'number' && v > 0 && Number.isFinite(v), v);
  const n = norms.norm2.length;
  check('norms.norm2 (non-empty)', n > 0, n);
  check('norms.sum4 (same length as norm2)', norms.sum4.length === n, norms.sum4.length);
  const acc = new Float64Array(12);
  for (let i = 0; i < n; i++) {
    const a = norms.norm2[i]!;
    const q = norms.sum4[i]!;
    if (!(a >= 0 && q >= 0 && Number.isFinite(a) && Number.isFinite(q))) check(`norms at image ${i} (finite, >= 0)`, false, `${a}, ${q}`);
    neumaierAdd(acc, 0, a);
    neumaierAdd(acc, 2, q);
  }
  const m1 = neumaierValue(acc, 0) / n;
  const q4 = neumaierValue(acc, 2) / n;
  for (let i = 0; i < n; i++) {
    const a = norms.norm2[i]!;
    const d = a - m1;
    neumaierAdd(acc, 4, d * d);
    neumaierAdd(acc, 6, a * a * a);
    neumaierAdd(acc, 8, a * a * a * a);
  }
  const varN2 = neumaierValue(acc, 4) / n;
  const m2 = varN2 + m1 * m1;
  const m3 = neumaierValue(acc, 6) / n;
  const m4 = neumaierValue(acc, 8) / n;
  const c0Normalized = varN2 / (m1 * m1);
  return {
    images: n,
    fanIn,
    weightVariance: v,
    weightKurtosis: kw,
    sigma2: v * m1,
    kappa0: ((kw - 3) * q4 + 3 * m2) / (m1 * m1),
    c0: v * v * varN2,
    c0Normalized,
    moments: { norm2: [m1, m2, m3, m4], sum4: q4, norm2Variance: varN2 },
  };
}
