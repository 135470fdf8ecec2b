import { describe, expect, it } from 'vitest';
import type { Fraction } from 'fraction.js';
import { q } from '../algebra/rational.ts';
import { describeDiscrete, describeJoint, describeVector } from './describe.ts';
import { iidVector } from './iidVector.ts';
import { isVectorInvariant } from './isVectorInvariant.ts';
import { jointSymmetrize } from './jointSymmetrize.ts';
import { pairToVector } from './pairToVector.ts';
import { quadrantMoments, signFlipSymmetrize } from './quadrantMoments.ts';
import { signedPermutationVector } from './signedPermutationVector.ts';
import { sumSymmetryEvidence } from './sumSymmetryCheck.ts';
import { mergeAtoms, vectorExpectation, type VectorDistribution } from './vectorDistribution.ts';
import { vectorSignFlipSymmetrize } from './vectorSignFlipSymmetrize.ts';

/** A vector law as [atom, probability] strings in the order of the atoms. */
const listed = (d: VectorDistribution) => d.atoms.map((a) => [a.x.map((v) => v.toFraction()).join(','), a.p.toFraction()]);
/** A vector law as a sorted list, for laws whose atom order is not part of the contract. */
const sorted = (d: VectorDistribution) => listed(d).sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0));
const joint = (d: { atoms: readonly { x: Fraction; y: Fraction; p: Fraction }[] }) =>
  d.atoms.map((a) => [`${a.x.toFraction()},${a.y.toFraction()}`, a.p.toFraction()]).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));

describe('mergeAtoms and vectorExpectation', () => {
  it('adds the probabilities of equal vectors, drops zero-probability atoms and keeps the order of first appearance', () => {
    const d = mergeAtoms({
      atoms: [
        { x: [q(2), q(-1)], p: q(1, 6) },
        { x: [q(0), q(5)], p: q(0) },
        { x: [q(1), q(3)], p: q(1, 3) },
        { x: [q(4, 2), q(-1)], p: q(1, 2) }, // the same vector as the first (4/2 = 2)
      ],
    });
    expect(listed(d)).toEqual([['2,-1', '2/3'], ['1,3', '1/3']]);
  });
  it('keeps vectors apart whose entries only run together without a separator: (1, 12) ≠ (11, 2)', () => {
    const d = mergeAtoms({ atoms: [{ x: [q(1), q(12)], p: q(1, 2) }, { x: [q(11), q(2)], p: q(1, 2) }] });
    expect(d.atoms).toHaveLength(2);
  });
  it('E[f(x)] exactly: E[x₁·x₂ + 1] over {(2, −1): 1/4, (1, 3): 3/4} is 1/4·(−1) + 3/4·4 = 11/4', () => {
    const d = { atoms: [{ x: [q(2), q(-1)], p: q(1, 4) }, { x: [q(1), q(3)], p: q(3, 4) }] };
    expect(vectorExpectation(d, (x) => x[0]!.mul(x[1]!).add(1)).toFraction()).toBe('11/4');
    expect(vectorExpectation({ atoms: [] }, () => q(1)).equals(0)).toBe(true);
  });
});

describe('iidVector and pairToVector', () => {
  it('the i.i.d. vector of {−1: 1/3, 2: 2/3}, width 2: product probabilities 1/9, 2/9, 2/9, 4/9 in lexicographic order', () => {
    const law = { atoms: [{ value: q(-1), probability: q(1, 3) }, { value: q(2), probability: q(2, 3) }] };
    expect(listed(iidVector(law, 2))).toEqual([['-1,-1', '1/9'], ['-1,2', '2/9'], ['2,-1', '2/9'], ['2,2', '4/9']]);
    // Width 3: 8 atoms, P(2, 2, 2) = 8/27.
    const d3 = iidVector(law, 3);
    expect(d3.atoms).toHaveLength(8);
    expect(listed(d3)[7]).toEqual(['2,2,2', '8/27']);
    expect(listed(iidVector(law, 0))).toEqual([['', '1']]);
  });
  it('pairToVector: (x, y) atoms become 2-vectors with the same probabilities', () => {
    const d = pairToVector({ atoms: [{ x: q(1), y: q(0), p: q(1, 4) }, { x: q(-2), y: q(3), p: q(3, 4) }] });
    expect(listed(d)).toEqual([['1,0', '1/4'], ['-2,3', '3/4']]);
  });
});

describe('describe*', () => {
  it('prints scalar, joint and vector laws with exact fractions', () => {
    expect(describeDiscrete({ atoms: [{ value: q(-1), probability: q(1, 2) }, { value: q(3, 2), probability: q(1, 2) }] })).toBe('{-1: 1/2, 3/2: 1/2}');
    expect(describeJoint({ atoms: [{ x: q(1), y: q(-1), p: q(2, 5) }, { x: q(0), y: q(2), p: q(3, 5) }] })).toBe('P(1, -1) = 2/5, P(0, 2) = 3/5');
    expect(describeVector({ atoms: [{ x: [q(1), q(-1, 2), q(0)], p: q(1, 3) }, { x: [q(2), q(0), q(0)], p: q(2, 3) }] })).toBe('P(1, -1/2, 0) = 1/3, P(2, 0, 0) = 2/3');
  });
});

describe('isVectorInvariant', () => {
  it('compares laws, not atom lists: split atoms and a different atom order still give the same law', () => {
    // {(1): 1/4, (1): 1/4, (−1): 1/2} is the fair sign, invariant under x → −x; the mapped list is
    // {(−1): 1/4, (−1): 1/4, (1): 1/2}, equal only after merging and sorting.
    const d = { atoms: [{ x: [q(1)], p: q(1, 4) }, { x: [q(1)], p: q(1, 4) }, { x: [q(-1)], p: q(1, 2) }] };
    expect(isVectorInvariant(d, (x) => [x[0]!.neg()])).toBe(true);
    expect(isVectorInvariant(d, (x) => [x[0]!.mul(2)])).toBe(false);
  });
  it('a non-exchangeable pair: (x₁, x₂) with x₁ ∈ {±1} fair and x₂ = 2x₁ is not invariant under the swap, is under x → −x', () => {
    const d = { atoms: [{ x: [q(1), q(2)], p: q(1, 2) }, { x: [q(-1), q(-2)], p: q(1, 2) }] };
    expect(isVectorInvariant(d, (x) => [x[1]!, x[0]!])).toBe(false);
    expect(isVectorInvariant(d, (x) => x.map((v) => v.neg()))).toBe(true);
  });
  it('tells (1, 12) from (11, 2) (the entries of a key are separated)', () => {
    expect(isVectorInvariant({ atoms: [{ x: [q(1), q(12)], p: q(1) }] }, () => [q(11), q(2)])).toBe(false);
  });
});

describe('vectorSignFlipSymmetrize', () => {
  it('flips the chosen coordinates by independent fair signs: (1, 2, 3) with coordinates 1 and 3 gives four atoms of 1/4', () => {
    const d = { atoms: [{ x: [q(1), q(2), q(3)], p: q(1) }] };
    const s = vectorSignFlipSymmetrize(d, [0, 2]);
    expect(sorted(s)).toEqual([['-1,2,-3', '1/4'], ['-1,2,3', '1/4'], ['1,2,-3', '1/4'], ['1,2,3', '1/4']]);
    expect(listed(d)).toEqual([['1,2,3', '1']]); // the input is left as it was
  });
  it('merges the repeated points of a zero coordinate, and flips nothing for no coordinates', () => {
    expect(listed(vectorSignFlipSymmetrize({ atoms: [{ x: [q(0), q(1)], p: q(1) }] }, [0]))).toEqual([['0,1', '1']]);
    const d = { atoms: [{ x: [q(2), q(1)], p: q(1, 3) }, { x: [q(-1), q(1)], p: q(2, 3) }] };
    expect(listed(vectorSignFlipSymmetrize(d, []))).toEqual([['2,1', '1/3'], ['-1,1', '2/3']]);
    // Coordinate 2 only: (2, ±1) with 1/6 each, (−1, ±1) with 1/3 each.
    expect(sorted(vectorSignFlipSymmetrize(d, [1]))).toEqual([['-1,-1', '1/3'], ['-1,1', '1/3'], ['2,-1', '1/6'], ['2,1', '1/6']]);
  });
});

describe('jointSymmetrize', () => {
  const J = { atoms: [{ x: q(1), y: q(2), p: q(1, 3) }, { x: q(-1), y: q(3), p: q(2, 3) }] };
  it('x: each atom split into (x, y), (−x, y) with half the mass', () => {
    expect(joint(jointSymmetrize(J, { x: true }))).toEqual([['-1,2', '1/6'], ['-1,3', '1/3'], ['1,2', '1/6'], ['1,3', '1/3']]);
  });
  it('y: (x, y), (x, −y); central: (x, y), (−x, −y); none: unchanged', () => {
    expect(joint(jointSymmetrize(J, { y: true }))).toEqual([['-1,-3', '1/3'], ['-1,3', '1/3'], ['1,-2', '1/6'], ['1,2', '1/6']]);
    expect(joint(jointSymmetrize(J, { central: true }))).toEqual([['-1,-2', '1/6'], ['-1,3', '1/3'], ['1,-3', '1/3'], ['1,2', '1/6']]);
    expect(joint(jointSymmetrize(J, {}))).toEqual([['-1,3', '2/3'], ['1,2', '1/3']]);
  });
  it('x and central on one atom (1, 2): four points of 1/4, repeated points merged', () => {
    const one = { atoms: [{ x: q(1), y: q(2), p: q(1) }] };
    expect(joint(jointSymmetrize(one, { x: true, central: true }))).toEqual([['-1,-2', '1/4'], ['-1,2', '1/4'], ['1,-2', '1/4'], ['1,2', '1/4']]);
    // x, y and central: the central reflection of the four sign patterns is the same four, merged to 1/4 each.
    expect(joint(jointSymmetrize(one, { x: true, y: true, central: true }))).toEqual([['-1,-2', '1/4'], ['-1,2', '1/4'], ['1,-2', '1/4'], ['1,2', '1/4']]);
  });
});

describe('quadrantMoments and signFlipSymmetrize', () => {
  it('Q_st = E[x²y²; sign x = s, sign y = t], axis atoms ignored', () => {
    // (1, 2): 1/4·1·4 = 1 in ++; (2, −1): 1/4·4·1 = 1 in +−; (−1, 3): 1/4·9 = 9/4 in −+;
    // (−2, −2): 1/8·16 = 2 in −−; (0, 5) and (3, 0) on the axes.
    const atoms = [[1, 2, 1, 4], [2, -1, 1, 4], [-1, 3, 1, 4], [-2, -2, 1, 8], [0, 5, 1, 16], [3, 0, 1, 16]].map(([x, y, n, d]) => ({ x: q(x!), y: q(y!), p: q(n!, d!) }));
    const Q = quadrantMoments(atoms);
    expect([Q.qPP, Q.qPM, Q.qMP, Q.qMM].map((v) => v.toFraction())).toEqual(['1', '1', '9/4', '2']);
    // Two atoms in one quadrant add: (1, 1) and (2, 1) with 1/2 each: 1/2 + 2 = 5/2.
    expect(quadrantMoments([{ x: q(1), y: q(1), p: q(1, 2) }, { x: q(2), y: q(1), p: q(1, 2) }]).qPP.toFraction()).toBe('5/2');
  });
  it('signFlipSymmetrize: (εx, y), each atom split in two halves (not merged)', () => {
    const s = signFlipSymmetrize({ atoms: [{ x: q(1), y: q(2), p: q(1, 3) }, { x: q(3), y: q(-1), p: q(2, 3) }] });
    expect(s.atoms.map((a) => [a.x.toFraction(), a.y.toFraction(), a.p.toFraction()])).toEqual([
      ['1', '2', '1/6'],
      ['-1', '2', '1/6'],
      ['3', '-1', '1/3'],
      ['-3', '-1', '1/3'],
    ]);
  });
});

describe('signedPermutationVector (exact atoms)', () => {
  it('v = (1, 2), scale {1: 1/3, 2: 2/3}: (±1, ±2), (±2, ±1) with 1/24 each, (±2, ±4), (±4, ±2) with 1/12 each', () => {
    // P = P(s)·(1/2 permutations)·(1/4 sign patterns).
    const d = signedPermutationVector([q(1), q(2)], [{ value: q(1), probability: q(1, 3) }, { value: q(2), probability: q(2, 3) }]);
    const want: [string, string][] = [];
    for (const [a, b, p] of [[1, 2, '1/24'], [2, 1, '1/24'], [2, 4, '1/12'], [4, 2, '1/12']] as const)
      for (const sa of [1, -1]) for (const sb of [1, -1]) want.push([`${sa * a},${sb * b}`, p]);
    expect(sorted(d)).toEqual(want.sort((x, y) => (x[0] < y[0] ? -1 : 1)));
  });
  it('width 3: all 3! permutations of distinct |v|, 48 atoms of 1/48', () => {
    const d = signedPermutationVector([q(1), q(2), q(3)], [{ value: q(1), probability: q(1) }]);
    expect(d.atoms).toHaveLength(48);
    expect(d.atoms.every((a) => a.p.equals(q(1, 48)))).toBe(true);
    expect(new Set(d.atoms.map((a) => a.x.map((v) => v.abs().toFraction()).join(','))).size).toBe(6);
  });
  it('rejects an all-zero v, an empty or non-positive scale, naming the function', () => {
    const one = [{ value: q(1), probability: q(1) }];
    expect(() => signedPermutationVector([q(0), q(0)], one)).toThrow(/signedPermutationVector: v must have a non-zero entry/);
    expect(() => signedPermutationVector([q(1)], [])).toThrow(/signedPermutationVector: every scale atom must be > 0/);
    expect(() => signedPermutationVector([q(1)], [{ value: q(-1), probability: q(1) }])).toThrow(/every scale atom must be > 0/);
    expect(() => signedPermutationVector([q(1)], [{ value: q(2), probability: q(1, 2) }, { value: q(0), probability: q(1, 2) }])).toThrow(/every scale atom must be > 0/);
    expect(signedPermutationVector([q(0), q(3)], one).atoms).toHaveLength(4); // one non-zero entry suffices
  });
});

describe('sumSymmetryEvidence', () => {
  it('X, Y symmetric but X + Y uniform on {2, −1, −1}: the implication fails, and the evidence says so', () => {
    // (X, Y) uniform on {(1, 1), (−1, 0), (0, −1)}: X and Y uniform on {1, −1, 0}; X + Y = 2, −1, −1.
    const e = sumSymmetryEvidence();
    expect(e.holds).toBe(false);
    expect(e.evidence).toMatch(/X and Y symmetric \(true\), X \+ Y takes 2, -1, -1 with probability 1\/3 each/);
  });
});
