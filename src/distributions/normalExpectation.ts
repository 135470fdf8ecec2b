import { halfLineIntegral } from './quadrature.ts';

const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

/**
 * E[f(Z)] for Z ∼ N(0, 1), as ∫₀^∞ f(x) e^{−x²/2}/√(2π) dx + ∫₀^∞ f(−x) e^{−x²/2}/√(2π) dx, each by
 * double-exponential quadrature (`halfLineIntegral`, relative tolerance 1e-12; two half-lines so
 * that a kink at 0, as ReLU's, sits at an end point). For f smooth on each half-line, of at most
 * polynomial growth (activations, their powers); each half is then one-signed for every
 * activation of src/network/activation, so the relative stopping rule is sound.
 *
 * @example normalExpectation((x) => x ** 4) // 3 (within ~1e-12)
 */
export function normalExpectation(f: (x: number) => number, relativeTolerance = 1e-12): number {
  const half = (g: (x: number) => number) => halfLineIntegral((x) => g(x) * Math.exp(-0.5 * x * x) * INV_SQRT_2PI, { relativeTolerance });
  return half(f) + half((x) => f(-x));
}
