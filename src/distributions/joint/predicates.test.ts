import { describe, it, expect } from 'vitest';
import { q } from '../../algebra/rational.ts';
import { discreteSymmetric } from '../discreteSymmetric.ts';
import { rademacher } from '../rademacher.ts';
import { symmetricThreePoint } from '../symmetricThreePoint.ts';
import { hasSymmetricMarginals } from './hasSymmetricMarginals.ts';
import { independentJoint } from './independentJoint.ts';
import { isIdenticallyDistributed } from './isIdenticallyDistributed.ts';
import { isIndependent } from './isIndependent.ts';
import { isInvariant } from './isInvariant.ts';
import { isSignFlipSymmetric } from './isSignFlipSymmetric.ts';
import { isUncorrelated } from './isUncorrelated.ts';
import { jointExpectation } from './jointExpectation.ts';
import { lemma2Counterexample } from './lemma2Counterexample.ts';
import { normalizedJoint } from './normalizedJoint.ts';
import type { JointDiscrete } from './types.ts';

const P = (x: number, y: number, p: [number, number]) => ({ x: q(x), y: q(y), p: q(p[0], p[1]) });

describe('joint predicates', () => {
  it('independentJoint is the product law: independent, sign-flip symmetric, uncorrelated', () => {
    const J = independentJoint(rademacher(), rademacher());
    expect(J.atoms.map((a) => a.p.toFraction())).toEqual(['1/4', '1/4', '1/4', '1/4']);
    expect(isIndependent(J)).toBe(true);
    expect(isSignFlipSymmetric(J)).toBe(true);
    expect(isUncorrelated(J)).toBe(true);
    expect(isIdenticallyDistributed(J)).toBe(true);
    const K = independentJoint(rademacher(), symmetricThreePoint({ kurtosis: q(3), scale: q(3) }));
    expect(isIndependent(K)).toBe(true);
    expect(isIdenticallyDistributed(K)).toBe(false);
    expect(hasSymmetricMarginals(K)).toBe(true);
    expect(jointExpectation(K, (x, y) => x.pow(2).mul(y.pow(2))).toFraction()).toBe('3'); // 1 · 9/3
  });

  it('x = y is dependent, correlated and not sign-flip symmetric', () => {
    const J: JointDiscrete = { atoms: [P(1, 1, [1, 2]), P(-1, -1, [1, 2])] };
    expect(isIndependent(J)).toBe(false);
    expect(isUncorrelated(J)).toBe(false);
    expect(isSignFlipSymmetric(J)).toBe(false);
    expect(isIdenticallyDistributed(J)).toBe(true);
    expect(hasSymmetricMarginals(J)).toBe(true);
  });

  it('detects asymmetric and non-identical marginals', () => {
    const J: JointDiscrete = { atoms: [P(1, 0, [1, 2]), P(-2, 0, [1, 2])] };
    expect(hasSymmetricMarginals(J)).toBe(false);
    expect(isIdenticallyDistributed(J)).toBe(false);
    expect(isIndependent(J)).toBe(true); // y is constant
  });

  it('compares laws, not atom lists: repeated points merge, zero masses are ignored, order is irrelevant', () => {
    const J: JointDiscrete = {
      atoms: [P(1, 1, [1, 8]), P(1, 1, [1, 8]), P(-1, 1, [1, 4]), P(1, -1, [1, 4]), P(-1, -1, [1, 4]), P(5, 5, [0, 1])],
    };
    expect(isIndependent(J)).toBe(true);
    expect(isSignFlipSymmetric(J)).toBe(true);
    expect(hasSymmetricMarginals(J)).toBe(true);
  });

  it('sign-flip symmetric but dependent: (ε₁a, ε₂a) with a ∈ {1, 2}', () => {
    const atoms = [1, 2].flatMap((a) => [
      P(a, a, [1, 8]),
      P(-a, a, [1, 8]),
      P(a, -a, [1, 8]),
      P(-a, -a, [1, 8]),
    ]);
    const J = { atoms };
    expect(isSignFlipSymmetric(J)).toBe(true);
    expect(isUncorrelated(J)).toBe(true);
    expect(isIndependent(J)).toBe(false);
  });

  it('hasSymmetricMarginals checks y as well as x; isIndependent treats an absent pair as mass 0', () => {
    const J: JointDiscrete = { atoms: [P(1, 1, [1, 4]), P(-1, 1, [1, 4]), P(1, -2, [1, 4]), P(-1, -2, [1, 4])] };
    expect(hasSymmetricMarginals(J)).toBe(false); // x = ±1 symmetric, y ∈ {1, −2} not
    expect(isIndependent(J)).toBe(true);
    // P(x = 1) = 1/2, P(y = 1) = 1/2: (1, 1) matches 1/4, then the absent (1, 2) should carry 1/8.
    const K: JointDiscrete = { atoms: [P(1, 1, [1, 4]), P(2, 2, [1, 4]), P(1, 3, [1, 4]), P(2, 1, [1, 4])] };
    expect(isIndependent(K)).toBe(false);
  });

  it('isUncorrelated compares E[xy] with E[x]E[y], also away from mean 0', () => {
    expect(isUncorrelated({ atoms: [P(1, 1, [1, 4]), P(1, 3, [1, 4]), P(3, 1, [1, 4]), P(3, 3, [1, 4])] })).toBe(true); // independent, means 2
    expect(isUncorrelated({ atoms: [P(1, 1, [1, 2]), P(3, 3, [1, 2])] })).toBe(false); // E[xy] = 5 ≠ 4
    expect(isUncorrelated({ atoms: [P(1, 2, [1, 2]), P(1, 4, [1, 2])] })).toBe(true); // x constant
    expect(isUncorrelated({ atoms: [P(1, 0, [1, 2]), P(0, 1, [1, 2])] })).toBe(false); // E[xy] = 0 ≠ 1/4
  });

  it('isInvariant compares the law of (x, y) with that of map(x, y), masses included', () => {
    // Lemma 2's law: exchangeable and centrally symmetric, but not invariant under y ↦ −y.
    const L = lemma2Counterexample();
    expect(isInvariant(L, (x, y) => [y, x])).toBe(true);
    expect(isInvariant(L, (x, y) => [x.neg(), y.neg()])).toBe(true);
    expect(isInvariant(L, (x, y) => [x, y.neg()])).toBe(false);
    expect(isInvariant(L, (x, y) => [x, y])).toBe(true);
    // Same support {(1, 0), (0, 1)}, so only the masses tell exchangeable from not.
    expect(isInvariant({ atoms: [P(1, 0, [1, 2]), P(0, 1, [1, 2])] }, (x, y) => [y, x])).toBe(true);
    expect(isInvariant({ atoms: [P(1, 0, [1, 3]), P(0, 1, [2, 3])] }, (x, y) => [y, x])).toBe(false);
  });

  it('normalizedJoint merges, drops zeros and rescales to total mass 1', () => {
    const J = normalizedJoint([P(1, 1, [3, 1]), P(1, 1, [1, 1]), P(0, 2, [0, 1]), P(2, 0, [4, 1])]);
    expect(J.atoms.map((a) => `(${a.x.toFraction()},${a.y.toFraction()}):${a.p.toFraction()}`)).toEqual([
      '(1,1):1/2',
      '(2,0):1/2',
    ]);
    expect(() => normalizedJoint([P(1, 1, [-1, 1])])).toThrow('normalizedJoint: masses must be >= 0');
    expect(() => normalizedJoint([])).toThrow('normalizedJoint: total mass must be > 0');
  });

  it('a general discrete law paired with itself independently has every property', () => {
    const d = discreteSymmetric({
      positiveAtoms: [
        { value: q(1, 2), probability: q(1, 3) },
        { value: q(3), probability: q(1, 2) },
      ],
      zeroProbability: q(1, 6),
    });
    const J = independentJoint(d, d);
    expect(J.atoms).toHaveLength(25);
    expect([isIndependent, isSignFlipSymmetric, isUncorrelated, isIdenticallyDistributed, hasSymmetricMarginals].every((f) => f(J))).toBe(true);
  });
});
