import { secondMomentGain } from './secondMomentGain.ts';
import { standardGain } from './standardGain.ts';
import type { Activation } from './types.ts';

/**
 * The gain the suite initialises with: the standard one (`standardGain`, PyTorch's
 * calculate_gain) where there is one, else the second-moment preserving one for normal inputs
 * (`secondMomentGain`: GELU, SiLU, softplus). Weights get variance gain²/fan_in.
 *
 * @example initGain({ name: 'tanh' }) // 5/3
 */
export function initGain(a: Activation): number {
  return standardGain(a) ?? secondMomentGain(a);
}
