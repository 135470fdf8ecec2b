import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Fraction } from 'fraction.js';
import { rationalKurtosisArbitrary } from './rationalKurtosisArbitrary.ts';

describe('rationalKurtosisArbitrary', () => {
  it('produces p/q ≥ 1 within the bounds', () => {
    fc.assert(
      fc.property(rationalKurtosisArbitrary({ maxNumerator: 30, maxDenominator: 7 }), (k) => {
        expect(k.gte(1)).toBe(true);
        expect(k.n <= 30n && k.d <= 7n).toBe(true);
      }),
      { seed: 231, numRuns: 500 },
    );
  });

  it('includes exactly 1, 9/5, 3, 6 frequently, and non-integers', () => {
    const ks = fc.sample(rationalKurtosisArbitrary(), { seed: 232, numRuns: 2000 });
    for (const c of [new Fraction(1), new Fraction(9, 5), new Fraction(3), new Fraction(6)]) {
      expect(ks.filter((k) => k.equals(c)).length).toBeGreaterThan(60);
    }
    expect(ks.filter((k) => k.d !== 1n).length).toBeGreaterThan(500);
  });

  it('rejects bad constraints at build time', () => {
    expect(() => rationalKurtosisArbitrary({ maxNumerator: -3 })).toThrow('rationalKurtosisArbitrary: constraints.maxNumerator must be an integer >= 1, got -3');
  });
});
