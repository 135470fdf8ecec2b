/**
 * Every floating-point tolerance of the suite, in one place, each with its reason.
 * Exact (rational) and symbolic checks need none.
 */

/** float64 unit roundoff u = 2⁻⁵³. */
export const UNIT_ROUNDOFF = 2 ** -53;

/**
 * Half-line moments of continuous laws come from adaptive quadrature (`halfLineMoment`), whose
 * requested relative accuracy is 1e-9; the checks allow 1e-7 relative to the moment's scale
 * (100× margin for the tails' truncation).
 */
export const QUADRATURE_RELATIVE_TOLERANCE = 1e-7;

/**
 * A float64 evaluation of a rational expression with at most ~50 operations carries a relative
 * error below 50·u ≈ 5.6e-15; 1e-12 relative leaves room for cancellation in sums of positive
 * terms of similar size and is still 1e3× below any discrepancy the checks look for.
 */
export const FLOAT_FORMULA_RELATIVE_TOLERANCE = 1e-12;
