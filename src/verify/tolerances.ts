/**
 * Every floating-point tolerance of the suite, in one place, each with its reason.
 * Exact (rational) and symbolic checks need none.
 */

/** float64 unit roundoff u = 2⁻⁵³. */
export const UNIT_ROUNDOFF = 2 ** -53;

/**
 * Half-line moments of continuous laws (`halfLineMoment`) are closed-form Gamma/Beta integrals,
 * accurate to ~1e-15 relative and unit-tested against exp-sinh quadrature of the density to 1e-8
 * (Student-t near ν = 4) or 1e-10; the checks allow 1e-7 relative to the moment's scale, the
 * quadrature cross-check's worst agreement with a 10× margin.
 */
export const QUADRATURE_RELATIVE_TOLERANCE = 1e-7;

/**
 * A float64 evaluation of a rational expression with at most ~50 operations carries a relative
 * error below 50·u ≈ 5.6e-15; 1e-12 relative leaves room for cancellation in sums of positive
 * terms of similar size and is still 1e3× below any discrepancy the checks look for.
 */
export const FLOAT_FORMULA_RELATIVE_TOLERANCE = 1e-12;
