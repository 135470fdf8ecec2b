/** Weight initialisers: float32 row-major fanOut × fanIn matrices, y = W x (PyTorch's Linear.weight). */
export type { LayerShape, RandomGenerator, RandomLayerShape, WeightMatrix } from './types.ts';
export { heInit, type HeInitOptions } from './heInit.ts';
export { glorotInit, type GlorotInitOptions } from './glorotInit.ts';
export { lecunInit, type LecunInitOptions } from './lecunInit.ts';
export { orthogonalInit, type OrthogonalInitOptions } from './orthogonalInit.ts';
export { gsmInit, type GsmInitOptions, type GsmLayer } from './gsmInit.ts';
export { sylvesterHadamard } from './sylvesterHadamard.ts';
export { zeroInit, type ZeroInitOptions } from './zeroInit.ts';
export { identityInit, type IdentityInitOptions } from './identityInit.ts';
export {
  BUILT_IN_INITIALISER_NAMES,
  INITIALISERS,
  type BuiltInInitialiserName,
  type InitialiserRegistry,
  type LayerInitContext,
  type LayerInitialiser,
} from './initialisers.ts';
