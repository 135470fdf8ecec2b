import { canonicalOrder } from './internal/canonicalOrder.ts';
import type { Task } from './types.ts';

/** Options of {@link pendingTasks}. */
export interface PendingTasksOptions<T extends Task> {
  /** The grid (or this shard's slice of it). */
  readonly tasks: readonly T[];
  /** Records already written (e.g. from {@link readResults}); only their `key` is used. */
  readonly done: readonly { readonly key: string }[];
}

/**
 * The tasks of `tasks` whose {@link taskKey} has no record in `done`, in canonical (ascending key)
 * order: what `--resume` still has to run. Records of tasks outside `tasks` are ignored.
 *
 * @example pendingTasks({ tasks: [{ r: 2 }, { r: 0 }, { r: 1 }], done: [{ key: '{"r":1}' }] }) // [{ r: 0 }, { r: 2 }]
 * @throws Error naming the key when a task appears twice in `tasks`.
 */
export function pendingTasks<T extends Task>(options: PendingTasksOptions<T>): T[] {
  const doneKeys = new Set(options.done.map((d) => d.key));
  return canonicalOrder('pendingTasks', options.tasks)
    .filter((entry) => !doneKeys.has(entry.key))
    .map((entry) => entry.task);
}
