import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import { SELU_ALPHA, SELU_SCALE, type Activation } from './types.ts';

/**
 * The activation as a float64 function of one number (for quadrature and exact checks; the
 * forward pass uses the tfjs ops of `applyActivation`, which agree to float32 accuracy).
 * GELU is the exact x·Φ(x); softplus is evaluated stably (max(x, 0) + log1p(e^{−|x|})).
 *
 * @example activationFunction({ name: 'tanh' })(0.5) // 0.46211715726000974
 */
export function activationFunction(a: Activation): (x: number) => number {
  switch (a.name) {
    case 'leaky-relu':
      return (x) => (x < 0 ? a.slope * x : x);
    case 'identity':
      return (x) => x;
    case 'tanh':
      return Math.tanh;
    case 'sigmoid':
      return (x) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));
    case 'gelu':
      return (x) => x * normalCdf(x, 0, 1);
    case 'silu':
      return (x) => (x >= 0 ? x / (1 + Math.exp(-x)) : (x * Math.exp(x)) / (1 + Math.exp(x)));
    case 'softplus':
      return (x) => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    case 'selu':
      return (x) => (x > 0 ? SELU_SCALE * x : SELU_SCALE * SELU_ALPHA * Math.expm1(x));
  }
}
