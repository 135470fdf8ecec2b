/**
 * Every tolerance of this folder's tests, in one place, each with its reason. The seeds are
 * fixed; the float checks are deterministic, and the one statistical check (the sampled inputs'
 * moments) states its false-alarm rate. Exact checks (reproducibility, one-rounding rescaling,
 * tensor counts, the GQ of metaInit's first step against gradientQuotient) need none.
 */

/** Unit roundoff of float32, 2⁻²⁴ ≈ 5.96e-8. */
export const U32 = 2 ** -24;

/**
 * Relative error allowed on each float32 entry of g = ∇L and Hg (tfjs) against float64
 * (reference64), for the tiny fixtures (≤ 4 Linears, fan-in ≤ 4, batch ≤ 5): every entry is a sum
 * of at most batch·Π fan-ins ≈ 5·4·4·3 = 240 products of float32-rounded factors, each product
 * carrying ≤ ~12 roundings (forward, softmax, backward, then the same again for Hg), so
 * γ ≈ 12·u₃₂ per product; 2¹⁰·u₃₂ ≈ 6.1e-5 leaves a margin of ~80 over 12·u₃₂ for the growth of
 * cancelling sums relative to their terms. The GQ tolerance propagates this through each quotient
 * term with its own condition number (see `gradientQuotientBound`).
 */
export const ENTRY_RELATIVE_ERROR = 2 ** 10 * U32;

/**
 * First-order error bound of GQ = (1/N) Σ_i |(g_i − p_i)/(g_i + ε s_i) − 1| when every g_i and
 * p_i = (Hg)_i carries a relative error ≤ ρ (the reference's exact values g, p are given):
 * |Δt_i| ≤ ρ·[(|g_i| + |p_i|)/|g_i + ε s_i| + |g_i − p_i|·|g_i|/(g_i + ε s_i)²].
 * Terms with g_i = p_i = 0 exactly (dead units: exact zeros in both precisions) contribute 0.
 *
 * @example gradientQuotientBound(Float64Array.of(1), Float64Array.of(0.5), 0, 1e-3) // 2e-3 (≈ (1.5 + 0.5)·1e-3)
 */
export function gradientQuotientBound(g: Float64Array, p: Float64Array, eps: number, rho: number): number {
  let sum = 0;
  for (let i = 0; i < g.length; i++) {
    const denominator = Math.abs(g[i]! + eps * (g[i]! >= 0 ? 1 : -1));
    sum += rho * ((Math.abs(g[i]!) + Math.abs(p[i]!)) / denominator + (Math.abs(g[i]! - p[i]!) * Math.abs(g[i]!)) / (denominator * denominator));
  }
  return sum / g.length;
}

/**
 * Central differences in float64 of the reference GQ along a matrix's scale, step h = 1e-5:
 * truncation h²·|GQ‴|/6 and rounding ≈ u₆₄·|GQ|/h ≈ 1e-16·10/1e-5 = 1e-10, both below 1e-8
 * relative for the fixtures (no ReLU or |·| kink lies within a relative 1e-5 of the fixture's
 * values: scaling a matrix only rescales the later pre-activations, up to the small biases).
 */
export const FINITE_DIFFERENCE_STEP = 1e-5;

/**
 * Worst condition κ = max_i (|g_i| + |(Hg)_i|)/|g_i + ε s_i| of the quotient terms (exact zeros
 * g_i = (Hg)_i = 0 excluded: they are exact in both precisions). A relative error ρ on the entries
 * moves a term by ≲ ρ·κ·(1 + term), and the derivative of a term (third order) by about ρ·κ times
 * the derivative, so the float32 dGQ/ds_j (tfjs) is compared with the float64 reference at
 * ENTRY_RELATIVE_ERROR·κ·max_j |dGQ/ds_j|. Measured: Δ ≤ 3e-6 of the largest derivative with
 * κ ≈ 54–86 for the fixtures (tolerance ≈ 3e-3–5e-3 of it, a margin of > 1000).
 *
 * @example quotientCondition(Float64Array.of(1, 0), Float64Array.of(0.5, 0)) // ≈ 1.5
 */
export function quotientCondition(g: Float64Array, hg: Float64Array, eps = 1e-5): number {
  let worst = 0;
  for (let i = 0; i < g.length; i++) {
    if (g[i] === 0 && hg[i] === 0) continue;
    worst = Math.max(worst, (Math.abs(g[i]!) + Math.abs(hg[i]!)) / Math.abs(g[i]! + eps * (g[i]! >= 0 ? 1 : -1)));
  }
  return worst;
}

/** Fixtures must have κ below this, so that the derivative tolerance (≈ 6e-5·κ relative) stays ≤ 1e-2. */
export const MAX_CONDITION = 160;

/**
 * float32 evaluation of O(1) hand-worked examples (a closed form, a derivative by hand): a few
 * dozen roundings at most, each ≤ u₃₂, so 16·u₃₂ = 2⁻²⁰ ≈ 9.5e-7 relative (to max(1, |value|)).
 */
export const FEW_ROUNDINGS_RELATIVE = 2 ** -20;

/**
 * The float64 reference against its own central differences (reference64.test.ts), O(1) values:
 * gradient with h = 1e-6 → h² + u₆₄/h ≈ 1e-10 error, allowed 1e-8; Hg by differencing the exact
 * gradient with h = 1e-5 → ≈ 1e-10…1e-9, allowed 1e-7; the closed form, ≈ 10 roundings of O(1)
 * values, allowed 1e-14.
 */
export const REFERENCE_GRADIENT_ABSOLUTE = 1e-8;
export const REFERENCE_HESSIAN_ABSOLUTE = 1e-7;
export const REFERENCE_CLOSED_FORM_ABSOLUTE = 1e-14;

/**
 * Moment checks of the sampled inputs (sampleBatch.test.ts): |mean| and |variance − 1| within 6
 * standard errors — two-sided false-alarm rate ≈ 2e-9 each for a correct sampler (normal
 * approximation, n = 20000), with the seed fixed; still detects a 5% error in scale (variance
 * off by 0.1 = 10 SE).
 */
export const MOMENT_STANDARD_ERRORS = 6;
