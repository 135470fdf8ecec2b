import type { Shard } from '../parseShard.ts';

/** Throws naming the field unless `shard` has integers 1 ≤ index ≤ count. */
export function validateShard(api: string, shard: Shard): void {
  if (!Number.isSafeInteger(shard.count) || shard.count < 1) throw new Error(`${api}: options.shard.count must be an integer ≥ 1, got ${String(shard.count)}`);
  if (!Number.isSafeInteger(shard.index) || shard.index < 1 || shard.index > shard.count)
    throw new Error(`${api}: options.shard.index must be an integer in 1..${shard.count}, got ${String(shard.index)}`);
}
