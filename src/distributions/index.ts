/** Zero-mean symmetric distributions with exact moments (raw kurtosis E[x⁴]/σ⁴ throughout). */
export type {
  Atom,
  ContinuousSymmetricDistribution,
  DiscreteSymmetricDistribution,
  RandomGenerator,
  SymmetricDistribution,
} from './types.ts';
export { normal, type NormalOptions } from './normal.ts';
export { uniform, type UniformOptions } from './uniform.ts';
export { laplace, type LaplaceOptions } from './laplace.ts';
export { studentT, type StudentTOptions } from './studentT.ts';
export { rademacher, type RademacherOptions } from './rademacher.ts';
export { symmetricThreePoint, type SymmetricThreePointOptions } from './symmetricThreePoint.ts';
export { discreteSymmetric, type DiscreteSymmetricOptions } from './discreteSymmetric.ts';
export { mixture, type MixtureOptions } from './mixture.ts';
export { isContinuousSymmetric, isDiscreteSymmetric } from './guards.ts';
export { sampleMany, type SampleManyOptions } from './sampleMany.ts';
export { halfLineIntegral, type HalfLineIntegralOptions } from './quadrature.ts';
export * from './joint/index.ts';
export { distributionByName, DISTRIBUTION_NAMES } from './byName.ts';
