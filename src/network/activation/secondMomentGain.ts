import { normalExpectation } from '../../distributions/normalExpectation.ts';
import { activationFunction } from './activationFunction.ts';
import type { Activation } from './types.ts';

/**
 * The gain g that preserves the second moment through one layer for standard normal inputs:
 * y' = W φ(y), Var[W_ij] = g²/fan_in, y ∼ N(0, 1) entry-wise ⇒ E[y'²] = g²·E[φ(Z)²] = 1, so
 * g = 1/√E[φ(Z)²] (E by double-exponential quadrature, `normalExpectation`). E[φ²] includes
 * φ's mean (the next layer's output is zero-mean by the weights' symmetry either way).
 * Closed forms where they exist: leaky ReLU √(2/(1 + a²)) (= PyTorch's gain), identity 1.
 *
 * @example secondMomentGain({ name: 'gelu' }) // ≈ 1.5335 (E[GELU(Z)²] ≈ 0.42522)
 */
export function secondMomentGain(a: Activation): number {
  const f = activationFunction(a);
  return 1 / Math.sqrt(normalExpectation((x) => f(x) ** 2));
}
