import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Fraction } from 'fraction.js';
import { discreteSymmetricDistributionArbitrary } from './discreteSymmetricDistributionArbitrary.ts';

describe('discreteSymmetricDistributionArbitrary', () => {
  it('produces valid exact symmetric laws within the bounds', () => {
    fc.assert(
      fc.property(discreteSymmetricDistributionArbitrary(), (d) => {
        const total = d.atoms.reduce((s, a) => s.add(a.probability), new Fraction(0));
        expect(total.equals(1)).toBe(true);
        expect(d.atoms.every((a) => a.probability.gt(0))).toBe(true);
        // symmetric: atom v and −v have the same probability
        for (const a of d.atoms) {
          const mirror = d.atoms.find((b) => b.value.equals(a.value.neg()));
          expect(mirror?.probability.equals(a.probability)).toBe(true);
        }
        const positive = d.atoms.filter((a) => a.value.gt(0));
        expect(positive.length).toBeLessThanOrEqual(4);
        expect(positive.every((a) => a.value.n <= 8n && a.value.d <= 4n)).toBe(true);
        expect(d.exact.kurtosis.gte(1)).toBe(true);
        expect(d.exact.variance.gt(0)).toBe(true);
      }),
      { seed: 261, numRuns: 300 },
    );
  });

  it('includes Rademacher, three-point (with an atom at 0) and laws with several positive atoms', () => {
    const ds = fc.sample(discreteSymmetricDistributionArbitrary(), { seed: 262, numRuns: 400 });
    expect(ds.filter((d) => d.exact.kurtosis.equals(1)).length).toBeGreaterThan(20);
    expect(ds.filter((d) => d.atoms.length === 3 && d.atoms.some((a) => a.value.equals(0))).length).toBeGreaterThan(20);
    expect(ds.filter((d) => d.atoms.filter((a) => a.value.gt(0)).length >= 3).length).toBeGreaterThan(20);
    expect(ds.filter((d) => d.exact.kurtosis.equals(new Fraction(9, 5))).length).toBeGreaterThan(3);
    expect(ds.some((d) => d.name.startsWith('rademacher'))).toBe(true);
    expect(ds.some((d) => d.name.startsWith('three-point'))).toBe(true);
  });

  it('rejects bad constraints at build time', () => {
    expect(() => discreteSymmetricDistributionArbitrary({ maxAtoms: 0 })).toThrow(
      'discreteSymmetricDistributionArbitrary: constraints.maxAtoms must be an integer >= 1, got 0',
    );
  });
});
