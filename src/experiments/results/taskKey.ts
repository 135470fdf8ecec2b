import type { Task, TaskValue } from './types.ts';

function canonical(value: TaskValue, path: string): string {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`taskKey: task${path} must be a finite number, got ${String(value)}`);
    return JSON.stringify(value); // −0 becomes "0", as JSON writes it
  }
  if (Array.isArray(value)) return `[${(value as readonly TaskValue[]).map((v, i) => canonical(v, `${path}[${i}]`)).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((k) => {
        const v = (value as { readonly [field: string]: TaskValue })[k];
        if (v === undefined) throw new Error(`taskKey: task${path}.${k} is undefined (tasks must be plain JSON)`);
        return `${JSON.stringify(k)}:${canonical(v, `${path}.${k}`)}`;
      });
    return `{${entries.join(',')}}`;
  }
  throw new Error(`taskKey: task${path} must be JSON (string, finite number, boolean, null, array or object), got ${typeof value}`);
}

/**
 * The canonical key of a task: its JSON with object keys sorted by UTF-16 code unit at every
 * depth, no whitespace, array order kept. Two tasks have the same key iff they are the same grid
 * point and repetition, whatever order their fields were written in. The canonical grid order
 * used by {@link runTasks}, {@link shardTasks} and {@link mergeResults} is ascending key order.
 *
 * @example taskKey({ width: 100, dataset: 'mnist', rep: 2 }) // '{"dataset":"mnist","rep":2,"width":100}'
 * @throws Error naming the field when a value is not JSON (undefined, NaN, ±Infinity, a function).
 */
export function taskKey(task: Task): string {
  if (task === null || typeof task !== 'object' || Array.isArray(task)) throw new Error(`taskKey: task must be a plain object, got ${JSON.stringify(task)}`);
  return canonical(task, '');
}
