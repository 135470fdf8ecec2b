import { Fraction } from 'fraction.js';
import { describe, expect, it } from 'vitest';
import { entryMoments } from './entryMoments.ts';
import { signedPermutationVector } from './signedPermutationVector.ts';
import { hasSignFlipSymmetricPairs, isHeRandomVector } from './vectorPredicates.ts';
import { normalizedStatistics } from './normalizedStatistics.ts';

const q = (n: number, d = 1) => new Fraction(n, d);

describe('signedPermutationVector', () => {
  it('the signed one-hot vector: ±e_k, a He random vector with c_0 = −σ⁴', () => {
    const d = signedPermutationVector([q(1), q(0), q(0)], [{ value: q(2), probability: q(1) }]);
    expect(d.atoms).toHaveLength(6);
    expect(isHeRandomVector(d)).toBe(true);
    expect(hasSignFlipSymmetricPairs(d)).toBe(true);
    expect(entryMoments(d).second[0]!.equals(q(4, 3))).toBe(true); // 4·1/3
    expect(normalizedStatistics(d).cOverSigma4.equals(-1)).toBe(true);
  });
  it('a scale mixture of a signed permutation: He, sign-flip symmetric, dependent', () => {
    const d = signedPermutationVector([q(1), q(2), q(3)], [{ value: q(1), probability: q(1, 2) }, { value: q(3), probability: q(1, 2) }]);
    expect(isHeRandomVector(d)).toBe(true);
    expect(hasSignFlipSymmetricPairs(d)).toBe(true);
    const p = d.atoms.reduce((a, b) => a.add(b.p), q(0));
    expect(p.equals(1)).toBe(true);
    expect(entryMoments(d).second[0]!.equals(q(14, 3).mul(5))).toBe(true); // E[s²] = 5, ‖v‖²/w = 14/3
    expect(normalizedStatistics(d).cOverSigma4.equals(0)).toBe(false);
  });
  it('rejects bad input naming the function', () => {
    expect(() => signedPermutationVector([], [{ value: q(1), probability: q(1) }])).toThrow(/signedPermutationVector: v/);
    expect(() => signedPermutationVector([q(1)], [{ value: q(0), probability: q(1) }])).toThrow(/signedPermutationVector: every scale atom/);
  });
});
