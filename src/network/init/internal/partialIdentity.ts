import type { LayerShape, WeightMatrix } from '../types.ts';
import { checkFan } from './validate.ts';

/** The m×n partial identity (ones on the main diagonal) with validation messages naming `api` (shared with zeroInit). */
export function partialIdentity(api: string, options: LayerShape): WeightMatrix {
  const cols = checkFan(api, 'fanIn', options.fanIn);
  const rows = checkFan(api, 'fanOut', options.fanOut);
  const data = new Float32Array(rows * cols);
  for (let i = 0; i < Math.min(rows, cols); i++) data[i * cols + i] = 1;
  return { rows, cols, data };
}
