/**
 * Every tolerance and error rate used by this folder's tests, in one place, each with its reason.
 * Exact checks (Rademacher entries, GSM mirroring, ZerO, identity, Hadamard) need none.
 */

/**
 * False-alarm probability of ONE Monte Carlo assertion (two-sided, normal approximation):
 * z = Φ⁻¹(1 − α/2) = 4.8916 for α = 1e-6, used with n ≥ 10⁴ only (see `checkMeanSquare`). The
 * folder makes fewer than 100 such assertions, so by Bonferroni the chance that a correct
 * implementation fails any of them, for a fresh seed, is below 1e-4. The seeds are fixed, so a run is deterministic; α says how unlucky a seed must be.
 */
export const FALSE_ALARM = 1e-6;

/**
 * False-alarm rate of ONE sample-kurtosis assertion, with Chebyshev's bound SE/√α = 31.6·SE (valid
 * for any law of k̂ with that variance; k̂ is too skewed for the normal quantile, see
 * `checkKurtosis`). Still decisive: at 200×3072 normal entries SE = √(24/614400) = 0.0063, so the
 * bound is 0.20, while the laws the paper compares differ in kurtosis by ≥ 0.8 (Rademacher 1,
 * uniform 1.8, normal 3, Laplace 6). Fewer than 30 such assertions: family-wise ≤ 3e-2 by
 * Bonferroni, a loose guarantee (Chebyshev's bound is far from tight for these laws).
 */
export const KURTOSIS_FALSE_ALARM = 1e-3;

/**
 * Orthogonality of float32 initialisers, |(W Wᵀ − gain²I)_ij| ≤ 1e-5 (the brief's tolerance).
 * Derivation of the expected error: each stored entry is w(1 + δ), |δ| ≤ u₃₂ = 2⁻²⁴; the Gram
 * entry Σ_k w_ik w_jk computed in float64 from them is off by ≤ 2u₃₂ Σ_k |w_ik||w_jk| ≤
 * 2u₃₂·gain² ≈ 2.4e-7 (Cauchy–Schwarz, rows of norm gain), plus the float64 QR's O(m·n·u₆₄) ≈
 * 1e-10: 1e-5 leaves a margin of 40.
 */
export const ORTHOGONALITY_TOLERANCE = 1e-5;

/**
 * Householder QR in float64 is backward stable: ‖A − QR‖ and ‖QᵀQ − I‖ ≤ c·m·n·u₆₄ with a small
 * constant c (Golub & Van Loan, §5.2.2). For the test sizes (m·n ≤ 2500) that is ≲ 3e-13
 * relative; 1e-11 relative to ‖A‖ leaves a margin of 30 for c.
 */
export const QR_RELATIVE_TOLERANCE = 1e-11;

/**
 * One float32 rounding: |fround(x) − x| ≤ 2⁻²⁴|x|. Two float64 evaluations of the same scaled
 * sample that differ by a few float64 ulps round to float32 values at most 1 float32 ulp
 * (≤ 2⁻²³|x|) apart.
 */
export const FLOAT32_RELATIVE_ULP = 2 ** -23;
