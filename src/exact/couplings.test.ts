import { describe, expect, it } from 'vitest';
import { q } from '../algebra/rational.ts';
import { numberField, rationalField } from '../algebra/field.ts';
import { lemma2Counterexample } from '../distributions/joint/lemma2Counterexample.ts';
import { isInvariant } from '../distributions/joint/isInvariant.ts';
import { leakyReluCrossMomentGap } from '../theory/leakyReluCrossMomentGap.ts';
import { leakyReluCrossMomentGeneral } from '../theory/leakyReluCrossMomentGeneral.ts';
import { couplingVectorLaw } from './couplingVectorLaw.ts';
import { entryMoments } from './entryMoments.ts';
import { firstStepCorrection } from './firstStepCorrection.ts';
import { iidVector } from './iidVector.ts';
import { isVectorInvariant } from './isVectorInvariant.ts';
import { jointSymmetrize } from './jointSymmetrize.ts';
import { normalizedStatistics } from './normalizedStatistics.ts';
import { oneUnitMoments } from './oneUnitMoments.ts';
import { pairToVector } from './pairToVector.ts';
import { quadrantMoments } from './quadrantMoments.ts';
import { vectorSignFlipSymmetrize } from './vectorSignFlipSymmetrize.ts';
import { rademacher } from '../distributions/rademacher.ts';
import { propagateKurtosis } from '../theory/kurtosisRecursion.ts';

describe('couplingVectorLaw', () => {
  it('the TSDoc example: one cyclic permutation of {±1, ±2}, covariance corrected by the negation coupling', () => {
    const d = couplingVectorLaw({ marginal: [q(1), q(-1), q(2), q(-2)], width: 2, couplings: [{ permutations: [[1, 2, 3, 0]], weight: 1 }], cMode: 'free', cyclic: false, flip: [], central: false });
    // Σ x·π(x)/4 = (−1 − 2 − 4 − 2)/4 = −9/4 < 0: add (v, v), per index 9/40 (n·|s|/ΣL² = 9/10 in all); total 19/10.
    const m = entryMoments(d);
    expect(m.cross[0]!.equals(0)).toBe(true);
    expect(m.mean.every((v) => v.equals(0))).toBe(true);
    const p = (x: number, y: number) => d.atoms.find((a) => a.x[0]!.equals(x) && a.x[1]!.equals(y))?.p.toFraction();
    expect([p(1, -1), p(-1, 2), p(2, -2), p(-2, 1)]).toEqual(Array(4).fill('5/38'));
    expect([p(1, 1), p(-1, -1), p(2, 2), p(-2, -2)]).toEqual(Array(4).fill('9/76'));
  });

  it('rejects a width below 2 and an all-zero marginal, naming the problem', () => {
    const base = { couplings: [], cMode: 'free' as const, cyclic: false, flip: [], central: false };
    expect(() => couplingVectorLaw({ ...base, marginal: [q(0)], width: 2 })).toThrow('couplingVectorLaw: marginal must have a non-zero value');
    expect(() => couplingVectorLaw({ ...base, marginal: [q(1), q(-1)], width: 1 })).toThrow('couplingVectorLaw: width must be an integer >= 2, got 1');
  });

  it("cMode 'zero' and 'negative' set c exactly (marginal {±1, ±2})", () => {
    const spec = { marginal: [q(1), q(-1), q(2), q(-2)], width: 2, couplings: [{ permutations: [[0, 1, 2, 3]], weight: 1 }], cyclic: false, flip: [], central: false };
    const c = (d: ReturnType<typeof couplingVectorLaw>) => {
      const m = entryMoments(d);
      return m.crossSquares[0]!.sub(m.second[0]!.pow(2));
    };
    expect(c(couplingVectorLaw({ ...spec, cMode: 'free' })).gt(0)).toBe(true); // x = y: c = Var[x²] = 9/4
    expect(c(couplingVectorLaw({ ...spec, cMode: 'zero' })).equals(0)).toBe(true);
    expect(c(couplingVectorLaw({ ...spec, cMode: 'negative' })).lt(0)).toBe(true);
  });

  it('pairMixing (width 4): equal c over all six pairs, set by cMode, marginals and zero covariances kept; unequal without it', () => {
    // Coordinates 2 and 3 comonotone with 1 (identity), coordinate 4 a 5-cycle of the indices. With
    // the atom 0, μ's comonotone and antitone c differ in size (V⁺ = 14/5, V⁻ = −11/5), so a mass
    // computed with the wrong one leaves the pairs unequal.
    const marginal = [q(1), q(-1), q(2), q(-2), q(0)];
    const spec = { marginal, width: 4, couplings: [{ permutations: [[0, 1, 2, 3, 4], [0, 1, 2, 3, 4], [1, 2, 3, 4, 0]], weight: 1 }], cyclic: false, flip: [], central: false };
    const pairC = (d: ReturnType<typeof couplingVectorLaw>) => {
      const m = entryMoments(d);
      return m.crossSquares.map((e) => e.sub(m.second[0]!.pow(2)));
    };
    const plain = pairC(couplingVectorLaw({ ...spec, cMode: 'free' }));
    expect(plain.length).toBe(6);
    expect(plain.every((v) => v.equals(plain[0]!)), 'the base law has different c per pair').toBe(false);
    for (const [cMode, sign] of [['free', 1], ['zero', 0], ['negative', -1]] as const) {
      const d = couplingVectorLaw({ ...spec, cMode, pairMixing: true });
      const c = pairC(d);
      expect(c.every((v) => v.equals(c[0]!)), `${cMode}: ${c.map((v) => v.toFraction()).join(', ')}`).toBe(true);
      expect(Math.sign(c[0]!.valueOf()), cMode).toBe(sign);
      const m = entryMoments(d);
      expect(m.cross.every((v) => v.equals(0)) && m.mean.every((v) => v.equals(0))).toBe(true);
      expect(m.second.every((v) => v.equals(q(2))) && m.fourth.every((v) => v.equals(q(34, 5)))).toBe(true); // μ's E[x²] = 2, E[x⁴] = 34/5
      expect(d.atoms.reduce((t, a) => t.add(a.p), q(0)).equals(1)).toBe(true);
    }
    expect(() => couplingVectorLaw({ ...spec, cMode: 'free', cyclic: true, pairMixing: true })).toThrow('couplingVectorLaw: cyclic and pairMixing exclude each other');
  });
});

describe('leakyReluCrossMomentGap', () => {
  it('is E[φ²φ²] − (a²+1)²/4·E[x²y²] for arbitrary quadrant moments (float, several slopes)', () => {
    for (const slope of [0, 0.5, -2, 1, 3]) {
      const Q = { qPP: 0.3, qPM: 1.7, qMP: 0.2, qMM: 2.9 };
      const T = Q.qPP + Q.qPM + Q.qMP + Q.qMM;
      const want = leakyReluCrossMomentGeneral(numberField, { slope, ...Q }) - ((slope ** 2 + 1) ** 2 / 4) * T;
      expect(leakyReluCrossMomentGap(numberField, { slope, ...Q })).toBeCloseTo(want, 12);
    }
  });
  it('the TSDoc example, and zero at a = ±1', () => {
    expect(leakyReluCrossMomentGap(numberField, { slope: 0, qPP: 0.4, qPM: 1.6, qMP: 1.6, qMM: 0.4 })).toBeCloseTo(-0.6, 14);
    expect(leakyReluCrossMomentGap(rationalField, { slope: q(-1), qPP: q(1), qPM: q(2), qMP: q(3), qMM: q(5) }).equals(0)).toBe(true);
  });
});

describe('firstStepCorrection', () => {
  it('the README counterexample (P(1,−1) = P(−1,1) = 2/5, P(2,2) = P(−2,−2) = 1/10, a = 1/2): exact (313/80, 81/80) = A⁽⁰⁾k⁽⁰⁾ (109/32, 27/32) + (81/160, 27/160)', () => {
    const pts: [number, number, number][] = [[1, -1, 4], [-1, 1, 4], [2, 2, 1], [-2, -2, 1]];
    const input = pairToVector({ atoms: pts.map(([x, y, w]) => ({ x: q(x), y: q(y), p: q(w, 10) })) });
    const corr = firstStepCorrection(input, q(1, 2));
    expect([corr.kappa.toFraction(), corr.c.toFraction()]).toEqual(['81/160', '27/160']);
    const m = oneUnitMoments(input, { weights: rademacher().atoms, slope: q(1, 2) });
    expect(m.m4.div(m.m2.pow(2)).toFraction()).toBe('313/80');
    const s = normalizedStatistics(input);
    const [, pred] = propagateKurtosis(rationalField, { widths: [2], slope: q(1, 2), weightKurtosis: q(1), variance: q(1), kappa0: s.kappa, c0: s.cOverSigma4 });
    expect(pred!.kappa.add(corr.kappa).toFraction()).toBe('313/80');
  });
  it('the TSDoc example (Lemma 2 counterexample, a = 0) and zero for i.i.d. entries', () => {
    const corr = firstStepCorrection(pairToVector(lemma2Counterexample()), q(0));
    expect([corr.gapSum.toFraction(), corr.kappa.toFraction(), corr.c.toFraction()]).toEqual(['-15/64', '-45/32', '-15/32']);
    expect(firstStepCorrection(iidVector(rademacher(), 3), q(0)).gapSum.equals(0)).toBe(true);
  });
});

describe('symmetrisations and invariance predicates', () => {
  it('jointSymmetrize: x-flip gives (x,y) =ᵈ (−x,y) only; both flips give both; central gives (−x,−y)', () => {
    const J = { atoms: [[1, 1], [2, -1], [2, 2], [1, -2]].map(([x, y]) => ({ x: q(x!), y: q(y!), p: q(1, 4) })) };
    const xf = jointSymmetrize(J, { x: true });
    expect(isInvariant(xf, (x, y) => [x.neg(), y])).toBe(true);
    expect(isInvariant(xf, (x, y) => [x, y.neg()])).toBe(false);
    expect(isInvariant(xf, (x, y) => [x.neg(), y.neg()])).toBe(false);
    const both = jointSymmetrize(J, { x: true, y: true });
    expect(isInvariant(both, (x, y) => [x, y.neg()]) && isInvariant(both, (x, y) => [x.neg(), y])).toBe(true);
    expect(isInvariant(jointSymmetrize(J, { central: true }), (x, y) => [x.neg(), y.neg()])).toBe(true);
    expect(isInvariant(J, (x, y) => [y, x])).toBe(false);
    const Q = quadrantMoments(xf.atoms);
    expect([Q.qPP, Q.qPM, Q.qMP, Q.qMM].map((v) => v.toFraction())).toEqual(['17/8', '1', '17/8', '1']);
  });
  it('vectorSignFlipSymmetrize and isVectorInvariant', () => {
    const d = { atoms: [{ x: [q(1), q(2), q(3)], p: q(1) }] };
    const s = vectorSignFlipSymmetrize(d, [0, 2]);
    expect(s.atoms.length).toBe(4);
    expect(isVectorInvariant(s, (x) => [x[0]!.neg(), x[1]!, x[2]!])).toBe(true);
    expect(isVectorInvariant(s, (x) => [x[0]!, x[1]!.neg(), x[2]!])).toBe(false);
    expect(isVectorInvariant(iidVector(rademacher(), 3), (x) => [x[1]!, x[0]!, x[2]!])).toBe(true);
  });
});
