/** Options of {@link halfLineIntegral}. */
export interface HalfLineIntegralOptions {
  /** Stop when two successive step halvings agree to this relative error (default 1e-12). */
  readonly relativeTolerance?: number;
  /** Truncation |t| ≤ tMax of the exp-sinh variable (default 5, i.e. x from e^{−116} to e^{116}). */
  readonly tMax?: number;
}

/**
 * ∫₀^∞ f(x) dx by exp-sinh (double-exponential) quadrature: x = exp((π/2)·sinh t), trapezoid in
 * t with step halving until two successive estimates agree. Suited to smooth integrands with an
 * algebraic or exponential tail (e.g. x⁴ times a normal, Laplace or Student-t density with ν ≥ 4.5).
 * Throws when f returns a non-finite value or the rule does not converge.
 *
 * @example halfLineIntegral((x) => Math.exp(-x)) // 1 (within ~1e-12)
 */
export function halfLineIntegral(f: (x: number) => number, options: HalfLineIntegralOptions = {}): number {
  const tol = options.relativeTolerance ?? 1e-12;
  const tMax = options.tMax ?? 5;
  const term = (t: number): number => {
    const x = Math.exp((Math.PI / 2) * Math.sinh(t));
    const value = f(x) * x * (Math.PI / 2) * Math.cosh(t);
    if (!Number.isFinite(value)) throw new Error(`halfLineIntegral: integrand not finite at x = ${x}`);
    return value;
  };
  let h = 0.5;
  let sum = term(0);
  for (let t = h; t <= tMax; t += h) sum += term(t) + term(-t);
  let estimate = sum * h;
  for (let level = 0; level < 12; level++) {
    h /= 2;
    for (let t = h; t <= tMax; t += 2 * h) sum += term(t) + term(-t);
    const next = sum * h;
    if (Math.abs(next - estimate) <= tol * Math.abs(next)) return next;
    estimate = next;
  }
  throw new Error(`halfLineIntegral: no convergence to relative ${tol}; last estimate ${estimate}`);
}
