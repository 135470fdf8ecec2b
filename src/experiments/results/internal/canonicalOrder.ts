import { taskKey } from '../taskKey.ts';
import type { Task } from '../types.ts';

/** Compares keys by UTF-16 code unit (the canonical order; locale-independent). */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The tasks with their keys in canonical (ascending key) order.
 * @throws Error naming the key when two tasks are the same grid point.
 */
export function canonicalOrder<T extends Task>(api: string, tasks: readonly T[]): { readonly key: string; readonly task: T }[] {
  const keyed = tasks.map((task) => ({ key: taskKey(task), task }));
  keyed.sort((a, b) => compareKeys(a.key, b.key));
  for (let i = 1; i < keyed.length; i++) if (keyed[i]!.key === keyed[i - 1]!.key) throw new Error(`${api}: options.tasks holds the task ${keyed[i]!.key} twice`);
  return keyed;
}
