import type { Task } from '../types.ts';

/** A small Figure-1-like grid for the results tests: 2 datasets × 3 widths × 2 depths × 5 reps = 60 tasks. */
export function demoGrid(): Task[] {
  const tasks: Task[] = [];
  for (const dataset of ['mnist', 'cifar10'])
    for (const width of [10, 20, 100])
      for (const depth of [3, 10])
        for (let rep = 0; rep < 5; rep++) tasks.push({ width, dataset, depth, rep });
  return tasks;
}

/** A deterministic stand-in for training: a result computed from the task and its seed, after `delayMs`. */
export async function demoRun(task: Task, seed: number, delayMs = 0): Promise<{ loss: number; draws: number[] }> {
  if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
  let s = seed;
  const draws: number[] = [];
  for (let i = 0; i < 3; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    draws.push(s / 2 ** 32);
  }
  return { loss: (Number(task.width) * Number(task.depth)) / (1 + seed), draws };
}
