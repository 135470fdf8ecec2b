import type { RandomGenerator } from '../../distributions/types.ts';

export type { RandomGenerator };

/**
 * The weight matrix W of one Linear layer from `fanIn` inputs to `fanOut` outputs, in the paper's
 * convention y = W x (PyTorch's `Linear.weight` layout): `rows = fanOut`, `cols = fanIn`, stored
 * row-major in float32, so that W[i][j] — the weight from input j to output i — is
 * `data[i * cols + j]`.
 *
 * Initialisers build every entry in float64 and round it once to float32 when it is stored.
 *
 * @example identityInit({ fanIn: 3, fanOut: 2 }) // { rows: 2, cols: 3, data: Float32Array [1, 0, 0, 0, 1, 0] }
 */
export interface WeightMatrix {
  /** Number of outputs (fan_out). */
  readonly rows: number;
  /** Number of inputs (fan_in). */
  readonly cols: number;
  /** rows·cols entries, row-major. */
  readonly data: Float32Array;
}

/** The shape fields every initialiser takes; both must be integers ≥ 1. */
export interface LayerShape {
  /** Number of inputs of the Linear layer = columns of W, integer ≥ 1. */
  readonly fanIn: number;
  /** Number of outputs of the Linear layer = rows of W, integer ≥ 1. */
  readonly fanOut: number;
}

/** The shape fields plus the random source of a random initialiser. */
export interface RandomLayerShape extends LayerShape {
  /**
   * pure-rand 8 generator, advanced in place (mutable idiom, as `SymmetricDistribution.sample`);
   * e.g. `xoroshiro128plus(seed)`. Pass `rng.clone()` to keep a generator untouched.
   */
  readonly rng: RandomGenerator;
}
