import { normal } from '../../distributions/normal.ts';
import type { SymmetricDistribution } from '../../distributions/types.ts';
import type { RandomLayerShape, WeightMatrix } from './types.ts';
import { scaledIid } from './internal/scaledIid.ts';
import { checkOptions } from './internal/validate.ts';

/** Options of {@link glorotInit}. */
export interface GlorotInitOptions extends RandomLayerShape {
  /** Law of the entries before rescaling (its variance is divided out); default `normal()`. */
  readonly distribution?: SymmetricDistribution;
}

/**
 * Glorot (Xavier) initialisation (Glorot & Bengio 2010): entries i.i.d. from `distribution`,
 * rescaled to variance exactly 2/(fan_in + fan_out) — the authors' Glorot-normal, std
 * √(2/(fan_in + fan_out)), for every Linear. Entries drawn in row-major order.
 *
 * @example glorotInit({ fanIn: 6, fanOut: 2, distribution: rademacher(), rng: xoroshiro128plus(1) }).data
 * // 12 entries, each exactly ±0.5 (= ±√(2/8))
 * @throws Error naming `glorotInit` and the field (fanIn, fanOut, distribution, rng).
 */
export function glorotInit(options: GlorotInitOptions): WeightMatrix {
  checkOptions('glorotInit', options);
  const distribution = options.distribution ?? normal();
  return scaledIid('glorotInit', { ...options, distribution }, (fanIn, fanOut) => 2 / (fanIn + fanOut));
}
