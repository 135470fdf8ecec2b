import { ACTIVATION_NAMES, type Activation } from './types.ts';

/**
 * Parses an activation name: `relu`, `leaky-relu:A` (any finite slope A; `leaky-relu` alone is
 * a = 0.01, PyTorch's default), `identity` (also `linear`), `tanh`, `sigmoid`, `gelu`,
 * `silu` (also `swish`), `softplus`, `selu`. Case-insensitive.
 *
 * @example parseActivation('leaky-relu:0.2') // { name: 'leaky-relu', slope: 0.2 }
 * @throws Error "unknown activation 'X' (one of …)" or "leaky-relu:A needs a finite slope A, got 'X'".
 */
export function parseActivation(text: string): Activation {
  const t = text.trim().toLowerCase();
  const leaky = /^leaky-?relu(?::(.*))?$/.exec(t);
  if (leaky !== null) {
    if (leaky[1] === undefined) return { name: 'leaky-relu', slope: 0.01 };
    const slope = leaky[1].trim() === '' ? Number.NaN : Number(leaky[1]);
    if (!Number.isFinite(slope)) throw new Error(`leaky-relu:A needs a finite slope A, got '${leaky[1]}'`);
    return { name: 'leaky-relu', slope };
  }
  if (t === 'relu') return { name: 'leaky-relu', slope: 0 };
  if (t === 'linear') return { name: 'identity' };
  if (t === 'swish') return { name: 'silu' };
  const fixed = ['identity', 'tanh', 'sigmoid', 'gelu', 'silu', 'softplus', 'selu'] as const;
  const found = fixed.find((n) => n === t);
  if (found === undefined) throw new Error(`unknown activation '${text}' (one of ${ACTIVATION_NAMES.join(', ')})`);
  return { name: found };
}
