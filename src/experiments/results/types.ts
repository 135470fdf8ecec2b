/** A JSON value a task's grid coordinates may take (finite numbers only; no undefined). */
export type TaskValue = string | number | boolean | null | readonly TaskValue[] | { readonly [field: string]: TaskValue };

/**
 * One task of a grid experiment: its grid point and repetition as plain JSON fields,
 * e.g. `{ dataset: 'mnist', width: 100, depth: 10, init: 'he', rep: 3 }`.
 */
export type Task = { readonly [field: string]: TaskValue };

/**
 * One line of `results.jsonl`: the task's canonical key, the task (fields in key order), the
 * seed it ran with, and whatever its run returned. `result` is nested so that no result field
 * can collide with `key`, `seed` or `task`.
 */
export interface ResultRecord<T extends Task = Task, R = unknown> {
  readonly key: string;
  readonly seed: number;
  readonly task: T;
  readonly result: R;
}

/** Receives one human-readable warning (a torn line ignored, a duplicate dropped, …). */
export type WarningSink = (message: string) => void;
