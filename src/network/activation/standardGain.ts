import type { Activation } from './types.ts';

/**
 * The standard initialisation gain of the activation, as PyTorch's `torch.nn.init.calculate_gain`
 * defines it (PyTorch 1.13–2.x documentation, "torch.nn.init"): identity ("linear") 1, sigmoid 1,
 * tanh 5/3, ReLU √2, leaky ReLU √(2/(1 + a²)), SELU 3/4. The weights of a layer are then drawn with
 * variance gain²/fan_in (Kaiming/He form). GELU, SiLU and softplus have none (`calculate_gain`
 * raises "Unsupported nonlinearity"): null — use `secondMomentGain` for them.
 * Note that 5/3 (tanh) and 1 (sigmoid) are conventions, not second-moment preserving (those are
 * ≈ 1.593 and ≈ 1.846 for standard normal inputs, see `secondMomentGain`).
 *
 * @example standardGain({ name: 'leaky-relu', slope: 0 }) // 1.4142135623730951
 */
export function standardGain(a: Activation): number | null {
  switch (a.name) {
    case 'leaky-relu':
      return Math.sqrt(2 / (1 + a.slope * a.slope));
    case 'identity':
    case 'sigmoid':
      return 1;
    case 'tanh':
      return 5 / 3;
    case 'selu':
      return 3 / 4;
    default:
      return null;
  }
}
