import type { LayerShape, WeightMatrix } from './types.ts';
import { partialIdentity } from './internal/partialIdentity.ts';
import { checkOptions } from './internal/validate.ts';

/** Options of {@link identityInit}. */
export type IdentityInitOptions = LayerShape;

/**
 * The m×n "partial identity" (PyTorch's `nn.init.eye_`), m = fanOut rows, n = fanIn columns:
 * W[i][j] = 1 if i = j, else 0 — the identity when square, the first m coordinates when m < n,
 * the input padded with zeros when m > n. Deterministic.
 *
 * @example identityInit({ fanIn: 3, fanOut: 2 }).data // Float32Array [1, 0, 0,  0, 1, 0]
 * @throws Error naming `identityInit` and the field (fanIn, fanOut).
 */
export function identityInit(options: IdentityInitOptions): WeightMatrix {
  checkOptions('identityInit', options);
  return partialIdentity('identityInit', options);
}
