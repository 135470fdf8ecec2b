import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shardTasks } from './shardTasks.ts';
import { taskKey } from './taskKey.ts';
import type { Task } from './types.ts';

describe('shardTasks', () => {
  it('round-robins over the canonical order', () => {
    const tasks = [{ r: 4 }, { r: 0 }, { r: 3 }, { r: 1 }, { r: 2 }];
    expect(shardTasks({ tasks, shard: { index: 1, count: 2 } })).toEqual([{ r: 0 }, { r: 2 }, { r: 4 }]);
    expect(shardTasks({ tasks, shard: { index: 2, count: 2 } })).toEqual([{ r: 1 }, { r: 3 }]);
  });

  it('gives disjoint slices whose union is exactly the grid, sizes within one, for any n and any listing order', () => {
    const grid = fc.uniqueArray(fc.record({ w: fc.integer({ min: 1, max: 50 }), d: fc.constantFrom('mnist', 'cifar'), rep: fc.nat(9) }), {
      selector: (t) => taskKey(t),
      maxLength: 80,
    });
    fc.assert(
      fc.property(grid, fc.integer({ min: 1, max: 12 }), fc.integer(), (tasks: Task[], count, shuffleSeed) => {
        const shuffled = [...tasks].sort((a, b) => ((taskKey(a).length * 31 + shuffleSeed) % 7) - ((taskKey(b).length * 31 + shuffleSeed) % 7));
        const slices = Array.from({ length: count }, (_, i) => shardTasks({ tasks: i % 2 === 0 ? tasks : shuffled, shard: { index: i + 1, count } }).map(taskKey));
        const all = slices.flat();
        expect(new Set(all).size).toBe(all.length); // disjoint
        expect([...all].sort()).toEqual(tasks.map(taskKey).sort()); // cover exactly
        const sizes = slices.map((s) => s.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }),
      { seed: 4101, numRuns: 300 },
    );
  });

  it('rejects bad shards and duplicate tasks naming the field', () => {
    expect(() => shardTasks({ tasks: [], shard: { index: 0, count: 3 } })).toThrow(/options\.shard\.index must be an integer in 1\.\.3, got 0/);
    expect(() => shardTasks({ tasks: [], shard: { index: 1, count: 0 } })).toThrow(/options\.shard\.count/);
    expect(() => shardTasks({ tasks: [{ a: 1 }, { a: 1 }], shard: { index: 1, count: 1 } })).toThrow(/options\.tasks holds the task \{"a":1\} twice/);
  });
});
