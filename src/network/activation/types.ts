/**
 * The activation functions the forward pass (`forward`) applies between weight layers.
 * `leaky-relu` carries its negative slope a (0 is ReLU, 1 is the identity); the others are fixed
 * functions: identity, tanh, the logistic sigmoid 1/(1 + e^{−x}), GELU x·Φ(x) (exact, with the
 * normal cdf Φ), SiLU/swish x·sigmoid(x), softplus ln(1 + e^x) and SELU (Klambauer et al. 2017).
 *
 * @example const relu: Activation = { name: 'leaky-relu', slope: 0 }
 */
export type Activation =
  | { readonly name: 'leaky-relu'; readonly slope: number }
  | { readonly name: 'identity' | 'tanh' | 'sigmoid' | 'gelu' | 'silu' | 'softplus' | 'selu' };

/** Every activation name `parseActivation` accepts (leaky-relu also as `leaky-relu:A`, `relu`). */
export const ACTIVATION_NAMES = ['relu', 'leaky-relu:A', 'identity', 'tanh', 'sigmoid', 'gelu', 'silu', 'softplus', 'selu'] as const;

/** SELU's constants (Klambauer et al. 2017, as tfjs and PyTorch use them). */
export const SELU_ALPHA = 1.6732632423543772;
export const SELU_SCALE = 1.0507009873554805;

/** A readable name: `leaky-relu:0.2`, `relu` for slope 0, `tanh`, …. */
export function activationLabel(a: Activation): string {
  if (a.name !== 'leaky-relu') return a.name;
  return a.slope === 0 ? 'relu' : `leaky-relu:${a.slope}`;
}
