import { normal } from '../../distributions/normal.ts';
import type { SymmetricDistribution } from '../../distributions/types.ts';
import type { RandomLayerShape, WeightMatrix } from './types.ts';
import { scaledIid } from './internal/scaledIid.ts';
import { checkOptions } from './internal/validate.ts';

/** Options of {@link lecunInit}. */
export interface LecunInitOptions extends RandomLayerShape {
  /** Law of the entries before rescaling (its variance is divided out); default `normal()`. */
  readonly distribution?: SymmetricDistribution;
}

/**
 * LeCun initialisation (LeCun et al. 1998, "Efficient backprop"): entries i.i.d. from
 * `distribution`, rescaled to variance exactly 1/fan_in — the authors' LeCun-normal, std
 * √(1/fan_in). Entries drawn in row-major order.
 *
 * @example lecunInit({ fanIn: 4, fanOut: 3, distribution: rademacher(), rng: xoroshiro128plus(1) }).data
 * // 12 entries, each exactly ±0.5 (= ±√(1/4))
 * @throws Error naming `lecunInit` and the field (fanIn, fanOut, distribution, rng).
 */
export function lecunInit(options: LecunInitOptions): WeightMatrix {
  checkOptions('lecunInit', options);
  const distribution = options.distribution ?? normal();
  return scaledIid('lecunInit', { ...options, distribution }, (fanIn) => 1 / fanIn);
}
