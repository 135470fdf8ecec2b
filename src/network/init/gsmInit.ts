import { normal } from '../../distributions/normal.ts';
import type { RandomLayerShape, WeightMatrix } from './types.ts';
import { checkFan, checkOptions, checkRng } from './internal/validate.ts';

/** Which Linear of the network a GSM matrix is for (see {@link gsmInit}). */
export type GsmLayer = 'first' | 'hidden' | 'last';

/** Options of {@link gsmInit}: fanIn and fanOut must both be even. */
export interface GsmInitOptions extends RandomLayerShape {
  /**
   * 'first': the Linear on the raw input (also a depth-0 network's only Linear); 'hidden': every
   * Linear w → w; 'last': the final Linear w → classes, treated exactly like 'hidden'.
   */
  readonly layer: GsmLayer;
}

/**
 * GSM, "Gaussian submatrix" initialisation (Burkholz & Dubatovka 2019, NeurIPS), as the authors'
 * code does it (REFERENCE-SETUP.md): W = [[M, −M], [−M, M]] with ONE Gaussian block M of shape
 * (fanOut/2) × (fanIn/2), entries i.i.d. N(0, s²) drawn in row-major order, where
 * - layer 'first':  s² = 1/fan_in (no ReLU gain: the raw input is not rectified);
 * - layer 'hidden' and 'last': s² = 2/fan_in.
 * fan_in is the WHOLE layer's fan-in (W's column count, the `in_features` the authors' code
 * passes), not M's fanIn/2. So every entry of W has variance s², and W has rank ≤ fanOut/2.
 * The mirrored structure is applied to the first and final Linear as well (the authors'
 * `GaussianSubmatrixInitializer` mirrors `input_layer` and every Linear of `layers`, which holds
 * the final w → 10 one), so both dimensions must be even in every layer.
 *
 * @example gsmInit({ fanIn: 2, fanOut: 2, layer: 'hidden', rng: xoroshiro128plus(1) }).data
 * // Float32Array [2.2906129, -2.2906129, -2.2906129, 2.2906129]  (M = [m], m ~ N(0, s² = 2/2))
 * @throws Error naming `gsmInit` and the field: fanIn/fanOut not even integers ≥ 2, unknown
 *   layer, rng not a generator.
 */
export function gsmInit(options: GsmInitOptions): WeightMatrix {
  const api = 'gsmInit';
  checkOptions(api, options);
  const fanIn = checkFan(api, 'fanIn', options.fanIn);
  const fanOut = checkFan(api, 'fanOut', options.fanOut);
  if (fanIn % 2 !== 0) throw new Error(`${api}: options.fanIn must be even (W = [[M, −M], [−M, M]]), got ${fanIn}`);
  if (fanOut % 2 !== 0) throw new Error(`${api}: options.fanOut must be even (W = [[M, −M], [−M, M]]), got ${fanOut}`);
  const layer = options.layer;
  if (layer !== 'first' && layer !== 'hidden' && layer !== 'last') {
    throw new Error(`${api}: options.layer must be 'first', 'hidden' or 'last', got ${String(layer)}`);
  }
  const rng = checkRng(api, options.rng);
  const sd = Math.sqrt((layer === 'first' ? 1 : 2) / fanIn);
  const standard = normal();
  const h = fanOut / 2;
  const k = fanIn / 2;
  const data = new Float32Array(fanOut * fanIn);
  for (let i = 0; i < h; i++) {
    for (let j = 0; j < k; j++) {
      const mij = Math.fround(sd * standard.sample(rng));
      data[i * fanIn + j] = mij;
      data[i * fanIn + j + k] = -mij;
      data[(i + h) * fanIn + j] = -mij;
      data[(i + h) * fanIn + j + k] = mij;
    }
  }
  return { rows: fanOut, cols: fanIn, data };
}
