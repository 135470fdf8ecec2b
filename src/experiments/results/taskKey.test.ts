import { describe, expect, it } from 'vitest';
import { taskKey } from './taskKey.ts';

describe('taskKey', () => {
  it('sorts keys at every depth, so field order never matters', () => {
    expect(taskKey({ width: 100, dataset: 'mnist', rep: 2 })).toBe('{"dataset":"mnist","rep":2,"width":100}');
    expect(taskKey(Object.freeze({ b: { y: 1, x: [2, 1] }, a: null }))).toBe(taskKey({ a: null, b: { x: [2, 1], y: 1 } }));
    expect(taskKey({ b: { y: 1, x: [2, 1] }, a: null })).toBe('{"a":null,"b":{"x":[2,1],"y":1}}');
  });

  it('rejects non-JSON values naming the field', () => {
    expect(() => taskKey({ width: Number.NaN })).toThrow(/task\.width must be a finite number/);
    expect(() => taskKey({ grid: { depth: Infinity } })).toThrow(/task\.grid\.depth/);
    expect(() => taskKey({ rep: undefined as unknown as number })).toThrow(/task\.rep is undefined/);
  });
});
