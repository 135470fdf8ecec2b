import { normal } from '../../distributions/normal.ts';
import { rademacher } from '../../distributions/rademacher.ts';
import { uniform } from '../../distributions/uniform.ts';
import { glorotInit } from './glorotInit.ts';
import { gsmInit } from './gsmInit.ts';
import { heInit } from './heInit.ts';
import { identityInit } from './identityInit.ts';
import { lecunInit } from './lecunInit.ts';
import { orthogonalInit } from './orthogonalInit.ts';
import type { RandomGenerator, WeightMatrix } from './types.ts';
import { checkFan, checkRng, checkSlope } from './internal/validate.ts';
import { zeroInit } from './zeroInit.ts';

/** What the network builder knows about one Linear layer when it initialises it. */
export interface LayerInitContext {
  /** Inputs of this Linear = columns of W, integer ≥ 1. */
  readonly fanIn: number;
  /** Outputs of this Linear = rows of W, integer ≥ 1. */
  readonly fanOut: number;
  /** 0 = the first Linear (on the raw input), …, layerCount − 1 = the final Linear (→ classes). */
  readonly layerIndex: number;
  /** Number of Linear layers in the network, integer ≥ 1 (depth d of the authors' code: d + 1). */
  readonly layerCount: number;
  /** Negative slope a of the network's φ_a (0 for ReLU); used by He and orthogonal only, see below. */
  readonly slope: number;
  /** Generator advanced in place; deterministic initialisers (zero, identity) leave it untouched. */
  readonly rng: RandomGenerator;
}

/** A per-layer initialiser with the uniform signature of {@link INITIALISERS}. */
export type LayerInitialiser = (context: LayerInitContext) => WeightMatrix;

/**
 * A name → initialiser table. Open for extension elsewhere without touching this file, e.g.
 * `const all = { ...INITIALISERS, metainit: myMetaInit } satisfies InitialiserRegistry`.
 */
export type InitialiserRegistry<Name extends string = string> = Readonly<Record<Name, LayerInitialiser>>;

/** The names of the initialisers defined in this folder (MetaInit is defined elsewhere). */
export type BuiltInInitialiserName =
  | 'he-normal'
  | 'he-uniform'
  | 'he-bernoulli'
  | 'glorot-normal'
  | 'lecun-normal'
  | 'orthogonal'
  | 'gsm'
  | 'zero'
  | 'identity';

function checked(name: string, init: LayerInitialiser): LayerInitialiser {
  return (context) => {
    const api = `initialisers['${name}']`;
    if (typeof context !== 'object' || context === null) throw new Error(`${api}: options must be an object, got ${String(context)}`);
    checkFan(api, 'fanIn', context.fanIn);
    checkFan(api, 'fanOut', context.fanOut);
    const count = checkFan(api, 'layerCount', context.layerCount);
    const index = context.layerIndex;
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= count) {
      throw new Error(`${api}: options.layerIndex must be an integer in [0, layerCount − 1 = ${count - 1}], got ${String(index)}`);
    }
    checkSlope(api, context.slope);
    checkRng(api, context.rng);
    return init(context);
  };
}

/**
 * The built-in initialisers by name, each `(context: LayerInitContext) => WeightMatrix`, so that a
 * whole network can be initialised by name, layer by layer in order (one shared rng), following
 * REFERENCE-SETUP.md:
 * - 'he-normal', 'he-uniform', 'he-bernoulli': {@link heInit} with normal, uniform, Rademacher
 *   entries, variance 2/(fan_in(1 + a²)) at every layer, first and last included;
 * - 'glorot-normal': {@link glorotInit}, variance 2/(fan_in + fan_out); 'lecun-normal':
 *   {@link lecunInit}, variance 1/fan_in (both ignore `slope`);
 * - 'orthogonal': {@link orthogonalInit} with gain √(2/(1 + a²)) — PyTorch's
 *   `calculate_gain('leaky_relu', a)`, which is the authors' ReLU gain √2 at a = 0;
 * - 'gsm': {@link gsmInit} with layer 'first' at layerIndex 0 (also when it is the only layer, as
 *   the authors' `input_layer`), 'last' at layerCount − 1, 'hidden' otherwise; ignores `slope`;
 * - 'zero': {@link zeroInit}; 'identity': {@link identityInit} (deterministic, rng untouched).
 * Every entry validates the context (fans, layerIndex in range, slope finite, rng) first.
 *
 * MetaInit is not here: it is built elsewhere on top of 'he-normal' and registered by extending
 * this table (see {@link InitialiserRegistry}); being a whole-network optimisation, it may need
 * more than this per-layer signature.
 *
 * @example INITIALISERS['zero']({ fanIn: 3, fanOut: 2, layerIndex: 1, layerCount: 3, slope: 0, rng }).data
 * // Float32Array [1, 0, 0,  0, 1, 0]
 */
export const INITIALISERS: InitialiserRegistry<BuiltInInitialiserName> = Object.freeze({
  'he-normal': checked('he-normal', ({ fanIn, fanOut, slope, rng }) => heInit({ fanIn, fanOut, slope, rng, distribution: normal() })),
  'he-uniform': checked('he-uniform', ({ fanIn, fanOut, slope, rng }) => heInit({ fanIn, fanOut, slope, rng, distribution: uniform() })),
  'he-bernoulli': checked('he-bernoulli', ({ fanIn, fanOut, slope, rng }) => heInit({ fanIn, fanOut, slope, rng, distribution: rademacher() })),
  'glorot-normal': checked('glorot-normal', ({ fanIn, fanOut, rng }) => glorotInit({ fanIn, fanOut, rng })),
  'lecun-normal': checked('lecun-normal', ({ fanIn, fanOut, rng }) => lecunInit({ fanIn, fanOut, rng })),
  orthogonal: checked('orthogonal', ({ fanIn, fanOut, slope, rng }) => orthogonalInit({ fanIn, fanOut, rng, gain: Math.sqrt(2 / (1 + slope * slope)) })),
  gsm: checked('gsm', ({ fanIn, fanOut, layerIndex, layerCount, rng }) =>
    gsmInit({ fanIn, fanOut, rng, layer: layerIndex === 0 ? 'first' : layerIndex === layerCount - 1 ? 'last' : 'hidden' }),
  ),
  zero: checked('zero', ({ fanIn, fanOut }) => zeroInit({ fanIn, fanOut })),
  identity: checked('identity', ({ fanIn, fanOut }) => identityInit({ fanIn, fanOut })),
});

/** The built-in names, in the order above (for help texts and loops). */
export const BUILT_IN_INITIALISER_NAMES = Object.freeze(Object.keys(INITIALISERS)) as readonly BuiltInInitialiserName[];
