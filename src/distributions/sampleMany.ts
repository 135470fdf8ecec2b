import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { SymmetricDistribution } from './types.ts';

/** Options of {@link sampleMany}. */
export interface SampleManyOptions {
  /** 32-bit integer seed of a fresh pure-rand xoroshiro128+ generator. */
  readonly seed: number;
  /** Number of draws, integer ≥ 0. */
  readonly n: number;
}

/**
 * n independent draws of `dist` from a fresh xoroshiro128+ generator seeded with `seed`: the same
 * (dist, seed, n) always gives the same array, and a longer run extends a shorter one.
 *
 * @example sampleMany(rademacher(), { seed: 1, n: 4 }) // Float64Array of four ±1 values
 */
export function sampleMany(dist: SymmetricDistribution, options: SampleManyOptions): Float64Array {
  const { seed, n } = options ?? ({} as SampleManyOptions);
  if (!Number.isInteger(seed) || seed < -0x80000000 || seed > 0xffffffff) {
    throw new Error(`sampleMany: options.seed must be a 32-bit integer, got ${String(seed)}`);
  }
  if (!Number.isInteger(n) || n < 0) throw new Error(`sampleMany: options.n must be an integer >= 0, got ${String(n)}`);
  const rng = xoroshiro128plus(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = dist.sample(rng);
  return out;
}
