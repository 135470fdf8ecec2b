/**
 * Every floating-point tolerance of the suite, in one place, each with its reason.
 * Exact (rational) and symbolic checks need none.
 */

/** float64 unit roundoff u = 2⁻⁵³. */
export const UNIT_ROUNDOFF = 2 ** -53;

/**
 * Lemma 1's and Lemma 6's continuous checks integrate each half-line of the density separately
 * (`halfLineExpectation`: adaptive Simpson on finite pieces to ~1e-11, exp-sinh on the tail to
 * ~1e-10 relative); the checks allow 1e-7 relative to the moment's scale, ≥ 1e3× the quadrature's
 * own error and far below the asymmetry the teeth test plants (two-piece normal, scales 1
 * and 1.1: the half-lines' E[x⁴] differ by 61%).
 */
export const QUADRATURE_RELATIVE_TOLERANCE = 1e-7;

/**
 * A float64 evaluation of a rational expression with at most ~50 operations carries a relative
 * error below 50·u ≈ 5.6e-15; 1e-12 relative leaves room for cancellation in sums of positive
 * terms of similar size and is still 1e3× below any discrepancy the checks look for.
 */
export const FLOAT_FORMULA_RELATIVE_TOLERANCE = 1e-12;
