import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { rationalSlopeArbitrary } from './rationalSlopeArbitrary.ts';

describe('rationalSlopeArbitrary', () => {
  it('respects the numerator/denominator bounds', () => {
    fc.assert(
      fc.property(rationalSlopeArbitrary({ maxNumerator: 5, maxDenominator: 3 }), (a) => {
        expect(a.abs().lte(5)).toBe(true);
        expect(a.d <= 3n).toBe(true);
      }),
      { seed: 211, numRuns: 500 },
    );
  });

  it('covers −1, 0, 1 often, (0, 1), > 1 and negative non-integers', () => {
    const xs = fc.sample(rationalSlopeArbitrary(), { seed: 212, numRuns: 2000 });
    for (const c of [-1, 0, 1]) expect(xs.filter((x) => x.equals(c)).length).toBeGreaterThan(100);
    expect(xs.filter((x) => x.gt(0) && x.lt(1)).length).toBeGreaterThan(100);
    expect(xs.filter((x) => x.gt(1)).length).toBeGreaterThan(100);
    expect(xs.filter((x) => x.lt(0) && x.d !== 1n).length).toBeGreaterThan(50);
  });

  it('rejects bad constraints at build time', () => {
    expect(() => rationalSlopeArbitrary({ maxNumerator: 0 })).toThrow('rationalSlopeArbitrary: constraints.maxNumerator must be an integer >= 1, got 0');
    expect(() => rationalSlopeArbitrary({ maxDenominator: 1.5 })).toThrow('rationalSlopeArbitrary: constraints.maxDenominator must be an integer >= 1, got 1.5');
  });
});
