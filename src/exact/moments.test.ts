import { describe, expect, it } from 'vitest';
import { q } from '../algebra/rational.ts';
import { lemma2Counterexample } from '../distributions/joint/lemma2Counterexample.ts';
import { entryMoments } from './entryMoments.ts';
import { iidVector } from './iidVector.ts';
import { leakyReluMomentExact, momentExact, positiveHalfMomentExact } from './leakyReluMomentExact.ts';
import { normalizedStatistics } from './normalizedStatistics.ts';
import { pairToVector } from './pairToVector.ts';
import { hasEqualSquareCovariances, hasSignFlipSymmetricPairs, isHeRandomVector } from './vectorPredicates.ts';
import type { VectorDistribution } from './vectorDistribution.ts';

const strs = (xs: readonly { toFraction(): string }[]) => xs.map((v) => v.toFraction());
const law = (rows: [number[], number, number][]): VectorDistribution => ({ atoms: rows.map(([x, n, d]) => ({ x: x.map((v) => q(v)), p: q(n, d) })) });

// A = (1, 2, 0) w.p. 1/2, B = (−1, 0, 3) w.p. 1/4, C = (2, −3, 1) w.p. 1/4: every moment differs between entries.
const ABC = law([[[1, 2, 0], 1, 2], [[-1, 0, 3], 1, 4], [[2, -3, 1], 1, 4]]);

describe('entryMoments', () => {
  it('per-entry moments of a small 3-vector law, by hand', () => {
    const m = entryMoments(ABC);
    // E[x₁] = 1/2 − 1/4 + 2/4 = 3/4; E[x₂] = 1 + 0 − 3/4 = 1/4; E[x₃] = 0 + 3/4 + 1/4 = 1.
    expect(strs(m.mean)).toEqual(['3/4', '1/4', '1']);
    // E[x₁²] = 1/2 + 1/4 + 1 = 7/4; E[x₂²] = 2 + 9/4 = 17/4; E[x₃²] = 9/4 + 1/4 = 5/2.
    expect(strs(m.second)).toEqual(['7/4', '17/4', '5/2']);
    // E[x₁⁴] = 1/2 + 1/4 + 4 = 19/4; E[x₂⁴] = 8 + 81/4 = 113/4; E[x₃⁴] = 81/4 + 1/4 = 41/2.
    expect(strs(m.fourth)).toEqual(['19/4', '113/4', '41/2']);
  });
  it('pairwise moments in the order (1,2), (1,3), (2,3)', () => {
    const m = entryMoments(ABC);
    // E[x₁x₂] = 2/2 + 0 − 6/4 = −1/2; E[x₁x₃] = 0 − 3/4 + 2/4 = −1/4; E[x₂x₃] = 0 + 0 − 3/4.
    expect(strs(m.cross)).toEqual(['-1/2', '-1/4', '-3/4']);
    // E[x₁²x₂²] = 4/2 + 0 + 36/4 = 11; E[x₁²x₃²] = 9/4 + 4/4 = 13/4; E[x₂²x₃²] = 9/4.
    expect(strs(m.crossSquares)).toEqual(['11', '13/4', '9/4']);
  });
  it('width 2 has one pair, width 1 none', () => {
    const m2 = entryMoments(law([[[1, -2], 1, 1]]));
    expect(strs(m2.cross)).toEqual(['-2']);
    expect(strs(m2.crossSquares)).toEqual(['4']);
    const m1 = entryMoments(law([[[3], 1, 1]]));
    expect(m1.cross).toEqual([]);
    expect(strs(m1.fourth)).toEqual(['81']);
  });
});

describe('normalizedStatistics', () => {
  it('the Lemma 2 counterexample: σ² = 8/5, κ = 4/(64/25) = 25/16, c/σ⁴ = 4/(64/25) − 1 = 9/16', () => {
    // P(1,1) = P(−1,−1) = 2/5, P(2,−2) = P(−2,2) = 1/10: E[x²] = 4/5 + 4/5; E[x⁴] = 4/5 + 16/5 = 4; E[x²y²] = 4/5 + 16/5 = 4.
    const s = normalizedStatistics(pairToVector(lemma2Counterexample()));
    expect(strs([s.variance, s.kappa, s.cOverSigma4])).toEqual(['8/5', '25/16', '9/16']);
  });
  it('uses entry 1 and the pair (1, 2) (the law ABC: σ² = 7/4, κ = (19/4)/(49/16) = 76/49, c/σ⁴ = 11·16/49 − 1 = 127/49)', () => {
    const s = normalizedStatistics(ABC);
    expect(strs([s.variance, s.kappa, s.cOverSigma4])).toEqual(['7/4', '76/49', '127/49']);
  });
});

describe('leakyReluMomentExact, positiveHalfMomentExact, momentExact', () => {
  // x = −2 w.p. 1/4, 0 w.p. 1/4, 3 w.p. 1/2.
  const X = [{ value: q(-2), probability: q(1, 4) }, { value: q(0), probability: q(1, 4) }, { value: q(3), probability: q(1, 2) }];
  it('E[φ_a(x)^k] from the law of φ_a(x): a = 1/2 gives φ ∈ {−1, 0, 3}; a = −3 gives {6, 0, 3}', () => {
    expect(leakyReluMomentExact(X, { slope: q(1, 2), power: 1 }).toFraction()).toBe('5/4'); // −1/4 + 3/2
    expect(leakyReluMomentExact(X, { slope: q(1, 2), power: 2 }).toFraction()).toBe('19/4'); // 1/4 + 9/2
    expect(leakyReluMomentExact(X, { slope: q(-3), power: 1 }).toFraction()).toBe('3'); // 6/4 + 3/2
    expect(leakyReluMomentExact(X, { slope: q(0), power: 3 }).toFraction()).toBe('27/2'); // ReLU: 27/2
  });
  it('E[x^k·1{x > 0}]: k = 0 is P(x > 0) = 1/2 (the atom at 0 excluded), k = 3 is 27/2', () => {
    expect(positiveHalfMomentExact(X, 0).toFraction()).toBe('1/2');
    expect(positiveHalfMomentExact(X, 3).toFraction()).toBe('27/2');
  });
  it('E[x^k]: k = 3 is −8/4 + 27/2 = 23/2, k = 2 is 1 + 9/2 = 11/2, k = 0 is 1', () => {
    expect(momentExact(X, 3).toFraction()).toBe('23/2');
    expect(momentExact(X, 2).toFraction()).toBe('11/2');
    expect(momentExact(X, 0).toFraction()).toBe('1');
  });
});

describe('isHeRandomVector', () => {
  const sym = { atoms: [{ value: q(-1), probability: q(1, 2) }, { value: q(1), probability: q(1, 2) }] };
  it('true for i.i.d. fair signs', () => {
    expect(isHeRandomVector(iidVector(sym, 3))).toBe(true);
  });
  it('false when only symmetry fails: i.i.d. {−2: 1/3, 1: 2/3} (mean 0, uncorrelated, equal variances, skewed)', () => {
    const skew = { atoms: [{ value: q(-2), probability: q(1, 3) }, { value: q(1), probability: q(2, 3) }] };
    expect(isHeRandomVector(iidVector(skew, 2))).toBe(false);
  });
  it('false when only the second entry is skewed: (x₁, z) independent, x₁ ∈ {−2: 1/4, 0: 1/2, 2: 1/4}, z ∈ {−2: 1/3, 1: 2/3}', () => {
    // E[x₁²] = 2 = E[z²] = 4/3 + 2/3, both means 0, independent: only z's symmetry fails.
    const x1 = [{ v: -2, p: q(1, 4) }, { v: 0, p: q(1, 2) }, { v: 2, p: q(1, 4) }];
    const z = [{ v: -2, p: q(1, 3) }, { v: 1, p: q(2, 3) }];
    const d = { atoms: x1.flatMap((a) => z.map((b) => ({ x: [q(a.v), q(b.v)], p: a.p.mul(b.p) }))) };
    expect(isHeRandomVector(d)).toBe(false);
    // z replaced by the symmetric ±1 w.p. 1/3 each, ±2 w.p. 1/6 each (E[z²] = 2/3 + 4/3 = 2): He.
    const zs = [{ v: -2, p: q(1, 6) }, { v: -1, p: q(1, 3) }, { v: 1, p: q(1, 3) }, { v: 2, p: q(1, 6) }];
    const ds = { atoms: x1.flatMap((a) => zs.map((b) => ({ x: [q(a.v), q(b.v)], p: a.p.mul(b.p) }))) };
    expect(isHeRandomVector(ds)).toBe(true);
  });
  it('false when only the correlation fails: (ε, ε)', () => {
    expect(isHeRandomVector(law([[[1, 1], 1, 2], [[-1, -1], 1, 2]]))).toBe(false);
  });
  it('false when one pair of three is correlated: (ε, ε, η), ε and η independent fair signs', () => {
    // E[x₁x₂] = 1, E[x₁x₃] = E[x₂x₃] = 0: symmetric entries, equal variances, one correlated pair.
    expect(isHeRandomVector(law([[[1, 1, 1], 1, 4], [[1, 1, -1], 1, 4], [[-1, -1, 1], 1, 4], [[-1, -1, -1], 1, 4]]))).toBe(false);
  });
  it('false when only the variances differ: (ε₁, 2ε₂) independent', () => {
    expect(isHeRandomVector(law([[[1, 2], 1, 4], [[1, -2], 1, 4], [[-1, 2], 1, 4], [[-1, -2], 1, 4]]))).toBe(false);
  });
});

describe('hasSignFlipSymmetricPairs', () => {
  it('true for i.i.d. fair signs, false for the Lemma 2 counterexample ((1, 1) has mass 2/5, (−1, 1) none)', () => {
    const sym = { atoms: [{ value: q(-1), probability: q(1, 2) }, { value: q(1), probability: q(1, 2) }] };
    expect(hasSignFlipSymmetricPairs(iidVector(sym, 3))).toBe(true);
    expect(hasSignFlipSymmetricPairs(pairToVector(lemma2Counterexample()))).toBe(false);
  });
  it('checks both orders: x₁ = ε fair and x₂ ∈ {0, 1} independent flips x₁ freely but not x₂', () => {
    const d = law([[[1, 0], 1, 4], [[-1, 0], 1, 4], [[1, 1], 1, 4], [[-1, 1], 1, 4]]);
    expect(hasSignFlipSymmetricPairs(d)).toBe(false);
    // The other order: (x₂, x₁).
    expect(hasSignFlipSymmetricPairs({ atoms: d.atoms.map((a) => ({ x: [a.x[1]!, a.x[0]!], p: a.p })) })).toBe(false);
  });
});

describe('hasEqualSquareCovariances', () => {
  // s·ε with s ∈ {1, 2} fair and ε a fair sign: Var[x²] = (1 + 16)/2 − (5/2)² = 9/4.
  const se = [1, -1, 2, -2];
  it('true for i.i.d. entries (every c = 0) and for a fully comonotone vector (every c = 9/4)', () => {
    expect(hasEqualSquareCovariances(law(se.flatMap((a) => se.flatMap((b) => se.map((c): [number[], number, number] => [[a, b, c], 1, 64])))))).toBe(true);
    expect(hasEqualSquareCovariances(law(se.map((a): [number[], number, number] => [[a, a, -a], 1, 4])))).toBe(true);
  });
  it('false when x₁ = x₂ = sε and x₃ independent: c₁₂ = 9/4, c₁₃ = c₂₃ = 0', () => {
    expect(hasEqualSquareCovariances(law(se.flatMap((a) => se.map((b): [number[], number, number] => [[a, a, b], 1, 16]))))).toBe(false);
  });
  it('false when only the last pair differs: x₁, x₂ independent, x₃ = x₂', () => {
    expect(hasEqualSquareCovariances(law(se.flatMap((a) => se.map((b): [number[], number, number] => [[a, b, b], 1, 16]))))).toBe(false);
  });
});
