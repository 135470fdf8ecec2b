import { deriveSeed } from '../../verify/seed.ts';
import { taskKey } from './taskKey.ts';
import type { Task } from './types.ts';

/** Options of {@link taskSeed}. */
export interface TaskSeedOptions {
  /** The run's seed (`--seed`), an integer. */
  readonly runSeed: number;
  /** The task whose seed is wanted. */
  readonly task: Task;
}

/**
 * A task's own 32-bit seed: `deriveSeed(runSeed, taskKey(task))`. It depends only on the run seed
 * and the task itself, never on the task's position in the grid, the shard layout or the order
 * of execution, so a resumed or sharded run draws exactly what an unsharded run draws.
 *
 * @example taskSeed({ runSeed: 42, task: { rep: 0, width: 10 } }) === deriveSeed(42, '{"rep":0,"width":10}') // true; an integer in [0, 2^31)
 * @throws Error naming `runSeed` when it is not a safe integer, or the task field that is not JSON.
 */
export function taskSeed(options: TaskSeedOptions): number {
  const { runSeed, task } = options;
  if (!Number.isSafeInteger(runSeed)) throw new Error(`taskSeed: options.runSeed must be a safe integer, got ${String(runSeed)}`);
  return deriveSeed(runSeed, taskKey(task));
}
