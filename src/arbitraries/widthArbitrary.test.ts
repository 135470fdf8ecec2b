import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { widthArbitrary } from './widthArbitrary.ts';

describe('widthArbitrary', () => {
  it('produces integers in [min, max]', () => {
    for (const [min, max] of [[1, 64], [3, 5], [7, 7], [2, 1000]] as const) {
      fc.assert(
        fc.property(widthArbitrary({ min, max }), (n) => {
          expect(Number.isInteger(n) && n >= min && n <= max).toBe(true);
        }),
        { seed: 241, numRuns: 300 },
      );
    }
  });

  it('favours small widths but reaches large ones', () => {
    const ns = fc.sample(widthArbitrary(), { seed: 242, numRuns: 2000 });
    expect(ns.filter((n) => n <= 4).length).toBeGreaterThan(1000);
    expect(ns.filter((n) => n > 32).length).toBeGreaterThan(50);
  });

  it('rejects bad constraints at build time, naming the field', () => {
    expect(() => widthArbitrary({ min: 0 })).toThrow('widthArbitrary: constraints.min must be an integer >= 1, got 0');
    expect(() => widthArbitrary({ min: 5, max: 4 })).toThrow('widthArbitrary: constraints.max must be an integer >= 5, got 4');
  });
});
