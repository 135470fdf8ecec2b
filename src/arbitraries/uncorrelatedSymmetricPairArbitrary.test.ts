import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Fraction } from 'fraction.js';
import { hasSymmetricMarginals } from '../distributions/joint/hasSymmetricMarginals.ts';
import { isIdenticallyDistributed } from '../distributions/joint/isIdenticallyDistributed.ts';
import { isIndependent } from '../distributions/joint/isIndependent.ts';
import { isSignFlipSymmetric } from '../distributions/joint/isSignFlipSymmetric.ts';
import { isUncorrelated } from '../distributions/joint/isUncorrelated.ts';
import { jointExpectation } from '../distributions/joint/jointExpectation.ts';
import { uncorrelatedSymmetricPairArbitrary } from './uncorrelatedSymmetricPairArbitrary.ts';

describe('uncorrelatedSymmetricPairArbitrary', () => {
  it('every pair meets the hypotheses of Lemma 2 exactly', () => {
    fc.assert(
      fc.property(uncorrelatedSymmetricPairArbitrary(), (J) => {
        expect(jointExpectation(J, () => new Fraction(1)).equals(1)).toBe(true);
        expect(J.atoms.every((a) => a.p.gt(0))).toBe(true);
        expect(isIdenticallyDistributed(J)).toBe(true);
        expect(hasSymmetricMarginals(J)).toBe(true);
        expect(jointExpectation(J, (x) => x).equals(0)).toBe(true);
        expect(jointExpectation(J, (_x, y) => y).equals(0)).toBe(true);
        expect(jointExpectation(J, (x, y) => x.mul(y)).equals(0)).toBe(true);
        expect(isUncorrelated(J)).toBe(true);
        expect(jointExpectation(J, (x) => x.mul(x)).gt(0)).toBe(true);
      }),
      { seed: 281, numRuns: 300 },
    );
  });

  it('over 200 pairs (fixed seed) some are not sign-flip symmetric, some are not independent, some are either', () => {
    const pairs = fc.sample(uncorrelatedSymmetricPairArbitrary(), { seed: 282, numRuns: 200 });
    const notSignFlip = pairs.filter((J) => !isSignFlipSymmetric(J)).length;
    const notIndependent = pairs.filter((J) => !isIndependent(J)).length;
    expect(notSignFlip).toBeGreaterThan(50);
    expect(notIndependent).toBeGreaterThan(50);
    expect(pairs.filter((J) => isIndependent(J)).length).toBeGreaterThan(5);
    expect(pairs.filter((J) => isSignFlipSymmetric(J) && !isIndependent(J)).length).toBeGreaterThan(5);
    // ≤ 4·maxAtoms + 2 = 14 atoms, or 7² = 49 for an independent pair of 7-atom marginals
    expect(pairs.every((J) => J.atoms.length <= 49)).toBe(true);
  });

  it('rejects bad constraints at build time', () => {
    expect(() => uncorrelatedSymmetricPairArbitrary({ maxWeight: 0 })).toThrow(
      'uncorrelatedSymmetricPairArbitrary: constraints.maxWeight must be an integer >= 1, got 0',
    );
  });
});
