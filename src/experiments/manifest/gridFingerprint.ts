import { createHash } from 'node:crypto';
import { canonicalOrder } from '../results/internal/canonicalOrder.ts';
import type { Task } from '../results/types.ts';

/**
 * A grid's fingerprint: SHA-256 of its task keys in canonical (ascending key) order, one per line.
 * It depends only on the SET of tasks — not their order, nor the shard a folder runs — so two
 * folders hold parts of the same grid iff their fingerprints are equal.
 *
 * @example gridFingerprint([{ rep: 1 }, { rep: 0 }]) === gridFingerprint([{ rep: 0 }, { rep: 1 }]) // true; 'sha256:' and 64 hex digits
 * @throws Error naming the key when a task appears twice.
 */
export function gridFingerprint(tasks: readonly Task[]): string {
  const hash = createHash('sha256');
  for (const { key } of canonicalOrder('gridFingerprint', tasks)) hash.update(`${key}\n`);
  return `sha256:${hash.digest('hex')}`;
}
