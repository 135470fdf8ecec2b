import { describe, expect, it } from 'vitest';
import { pendingTasks } from './pendingTasks.ts';

describe('pendingTasks', () => {
  it('returns the tasks without a record, in canonical order', () => {
    const tasks = Object.freeze([{ r: 2 }, { r: 0 }, { r: 1 }]);
    expect(pendingTasks({ tasks, done: [{ key: '{"r":1}' }, { key: '{"r":9}' }] })).toEqual([{ r: 0 }, { r: 2 }]);
    expect(pendingTasks({ tasks, done: [] })).toEqual([{ r: 0 }, { r: 1 }, { r: 2 }]);
  });
});
