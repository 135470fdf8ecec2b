import { canonicalOrder } from './internal/canonicalOrder.ts';
import { validateShard } from './internal/validateShard.ts';
import type { Shard } from './parseShard.ts';
import type { Task } from './types.ts';

/** Options of {@link shardTasks}. */
export interface ShardTasksOptions<T extends Task> {
  /** The whole grid (any order; no task twice). */
  readonly tasks: readonly T[];
  /** Which slice, 1-based index of count (as `--shard k/n`). */
  readonly shard: Shard;
}

/**
 * The k-th of n disjoint slices of the grid, by round-robin over the canonical (ascending
 * {@link taskKey}) order: the task at canonical position i (0-based) belongs to shard
 * (i mod n) + 1. The slices are disjoint, their union is exactly the grid, their sizes differ by
 * at most one, and each is returned in canonical order. The slice depends only on the SET of
 * tasks, not on the order they were listed in.
 *
 * @example shardTasks({ tasks: [{ r: 0 }, { r: 1 }, { r: 2 }, { r: 3 }, { r: 4 }], shard: { index: 2, count: 2 } }) // [{ r: 1 }, { r: 3 }]
 * @throws Error naming the field when the shard is out of range or a task appears twice.
 */
export function shardTasks<T extends Task>(options: ShardTasksOptions<T>): T[] {
  const { tasks, shard } = options;
  validateShard('shardTasks', shard);
  return canonicalOrder('shardTasks', tasks)
    .filter((_, i) => i % shard.count === shard.index - 1)
    .map((entry) => entry.task);
}
