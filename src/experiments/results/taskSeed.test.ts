import { describe, expect, it } from 'vitest';
import { deriveSeed } from '../../verify/seed.ts';
import { demoGrid } from './internal/demoGrid.ts';
import { shardTasks } from './shardTasks.ts';
import { taskKey } from './taskKey.ts';
import { taskSeed } from './taskSeed.ts';

describe('taskSeed', () => {
  it('is deriveSeed of the run seed and the canonical key', () => {
    expect(taskSeed({ runSeed: 42, task: { width: 10, rep: 0 } })).toBe(deriveSeed(42, '{"rep":0,"width":10}'));
    expect(taskSeed({ runSeed: 42, task: { rep: 0, width: 10 } })).toBe(taskSeed({ runSeed: 42, task: { width: 10, rep: 0 } }));
  });

  it('depends only on the task: the same under every shard layout', () => {
    const grid = demoGrid();
    const unsharded = new Map(grid.map((t) => [taskKey(t), taskSeed({ runSeed: 9, task: t })]));
    for (const count of [1, 2, 3, 7, 60, 61])
      for (let index = 1; index <= count; index++)
        for (const t of shardTasks({ tasks: grid, shard: { index, count } })) expect(taskSeed({ runSeed: 9, task: t })).toBe(unsharded.get(taskKey(t)));
    expect(new Set(unsharded.values()).size).toBe(grid.length); // 60 distinct 31-bit seeds (collision chance ≈ 60²/2³² ≈ 1e−6)
  });

  it('rejects a non-integer run seed naming the field', () => {
    expect(() => taskSeed({ runSeed: 1.5, task: {} })).toThrow(/options\.runSeed/);
  });
});
