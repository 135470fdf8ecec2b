import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { weightKurtosisArbitrary } from './weightKurtosisArbitrary.ts';

describe('weightKurtosisArbitrary', () => {
  it('stays in [1, max]', () => {
    for (const max of [1e4, 10, 2, 1]) {
      fc.assert(
        fc.property(weightKurtosisArbitrary({ max }), (k) => {
          expect(k >= 1 && k <= max).toBe(true);
        }),
        { seed: 221, numRuns: 300 },
      );
    }
  });

  it('covers 1, 1.8, 3, 6 often, just above 1, both sides of 3, and large values', () => {
    const ks = fc.sample(weightKurtosisArbitrary(), { seed: 222, numRuns: 3000 });
    for (const c of [1, 1.8, 3, 6]) expect(ks.filter((k) => k === c).length).toBeGreaterThan(100);
    expect(ks.filter((k) => k > 1 && k < 1.01).length).toBeGreaterThan(50);
    expect(ks.filter((k) => k > 2.99 && k < 3).length).toBeGreaterThan(20);
    expect(ks.filter((k) => k > 3 && k < 3.01).length).toBeGreaterThan(20);
    expect(ks.filter((k) => k > 1000).length).toBeGreaterThan(50);
  });

  it('rejects max < 1 at build time', () => {
    expect(() => weightKurtosisArbitrary({ max: 0.5 })).toThrow('weightKurtosisArbitrary: constraints.max must be >= 1');
    expect(() => weightKurtosisArbitrary({ max: Number.POSITIVE_INFINITY })).toThrow('weightKurtosisArbitrary: constraints.max must be a finite number');
  });
});
