import { describe, it, expect } from 'vitest';
import { Fraction } from 'fraction.js';
import { hasSymmetricMarginals } from './hasSymmetricMarginals.ts';
import { isIdenticallyDistributed } from './isIdenticallyDistributed.ts';
import { isIndependent } from './isIndependent.ts';
import { isSignFlipSymmetric } from './isSignFlipSymmetric.ts';
import { isUncorrelated } from './isUncorrelated.ts';
import { jointExpectation } from './jointExpectation.ts';
import { lemma2Counterexample } from './lemma2Counterexample.ts';

describe('lemma2Counterexample', () => {
  const J = lemma2Counterexample();

  it('is a probability law: P(1,1) = P(−1,−1) = 2/5, P(2,−2) = P(−2,2) = 1/10', () => {
    expect(J.atoms.map((a) => `(${a.x.toFraction()},${a.y.toFraction()}):${a.p.toFraction()}`)).toEqual([
      '(1,1):2/5',
      '(-1,-1):2/5',
      '(2,-2):1/10',
      '(-2,2):1/10',
    ]);
    expect(jointExpectation(J, () => new Fraction(1)).toFraction()).toBe('1');
  });

  it('meets the hypotheses of Lemma 2 exactly: identically distributed, symmetric, zero-mean, uncorrelated', () => {
    expect(isIdenticallyDistributed(J)).toBe(true);
    expect(hasSymmetricMarginals(J)).toBe(true);
    expect(jointExpectation(J, (x) => x).toFraction()).toBe('0');
    expect(jointExpectation(J, (_x, y) => y).toFraction()).toBe('0');
    expect(jointExpectation(J, (x, y) => x.mul(y)).toFraction()).toBe('0'); // 4/5 − 4/5
    expect(isUncorrelated(J)).toBe(true);
  });

  it('is neither sign-flip symmetric nor independent', () => {
    expect(isSignFlipSymmetric(J)).toBe(false);
    expect(isIndependent(J)).toBe(false);
  });

  it('has E[x²] = 8/5, E[x⁴] = 4 (raw kurtosis 25/16) and E[x²y²] = 4 exactly', () => {
    expect(jointExpectation(J, (x) => x.pow(2)).toFraction()).toBe('8/5');
    expect(jointExpectation(J, (x) => x.pow(4)).toFraction()).toBe('4');
    // E[x²y²] = 4/5·1 + 1/5·16 = 4
    expect(jointExpectation(J, (x, y) => x.pow(2).mul(y.pow(2))).toFraction()).toBe('4');
  });
});
