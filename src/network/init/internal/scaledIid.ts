import type { SymmetricDistribution } from '../../../distributions/types.ts';
import type { RandomGenerator, WeightMatrix } from '../types.ts';
import { checkFan, checkRng } from './validate.ts';

/** Throws unless `value` is a usable SymmetricDistribution (a `sample` function, variance finite > 0). */
export function checkDistribution(api: string, value: unknown): SymmetricDistribution {
  const d = value as Partial<SymmetricDistribution> | null | undefined;
  if (typeof d !== 'object' || d === null || typeof d.sample !== 'function') {
    throw new Error(`${api}: options.distribution must be a SymmetricDistribution (e.g. normal()), got ${String(value)}`);
  }
  if (typeof d.variance !== 'number' || !Number.isFinite(d.variance) || d.variance <= 0) {
    throw new Error(`${api}: options.distribution.variance must be a finite number > 0, got ${String(d.variance)}`);
  }
  return d as SymmetricDistribution;
}

/**
 * The general i.i.d. initialiser that He, Glorot and LeCun specialise: a fanOut × fanIn matrix
 * whose entries are `distribution.sample(rng)` · √(variance / distribution.variance), drawn in
 * row-major order (so that k stacked matrices drawn one after another equal one k·fanOut × fanIn
 * matrix) and rounded once to float32. Validation messages name `api`.
 */
export function scaledIid(
  api: string,
  options: { fanIn: unknown; fanOut: unknown; distribution: unknown; rng: unknown },
  variance: (fanIn: number, fanOut: number) => number,
): WeightMatrix {
  const fanIn = checkFan(api, 'fanIn', options.fanIn);
  const fanOut = checkFan(api, 'fanOut', options.fanOut);
  const distribution = checkDistribution(api, options.distribution);
  const rng: RandomGenerator = checkRng(api, options.rng);
  const scale = Math.sqrt(variance(fanIn, fanOut) / distribution.variance);
  const data = new Float32Array(fanOut * fanIn);
  for (let i = 0; i < data.length; i++) data[i] = scale * distribution.sample(rng);
  return { rows: fanOut, cols: fanIn, data };
}
