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

describe('couplingVectorLaw: cyclic, flips, central reflection and the c corrections, exactly', () => {
  // μ uniform on {±1, ±2, ±3}, listed out of |·| order (so that a rank computed from list positions
  // instead of magnitudes pairs the wrong values): σ² = 14/3, E[x⁴] = 98/3, σ⁴ = 196/9.
  // The antitone pairing of magnitudes is 1 ↔ 3, 2 ↔ 2: E[x²y²] = (9 + 16 + 9)/3 = 34/3, c_anti = 34/3 − 196/9 = −94/9.
  const mu = [q(2), q(-2), q(1), q(-1), q(3), q(-3)];
  const id = [0, 1, 2, 3, 4, 5];
  const none = { cyclic: false, flip: [], central: false };
  const pairC = (d: ReturnType<typeof couplingVectorLaw>) => {
    const m = entryMoments(d);
    return m.crossSquares.map((e) => e.sub(m.second[0]!.pow(2)).toFraction());
  };
  /** Law of entry i as sorted 'value:p' strings. */
  const marginal = (d: ReturnType<typeof couplingVectorLaw>, i: number) => {
    const m = new Map<string, typeof d.atoms[0]['p']>();
    for (const a of d.atoms) m.set(a.x[i]!.toFraction(), (m.get(a.x[i]!.toFraction()) ?? q(0)).add(a.p));
    return [...m.entries()].map(([v, p]) => `${v}:${p.toFraction()}`).sort();
  };
  const muLaw = ['-1:1/6', '-2:1/6', '-3:1/6', '1:1/6', '2:1/6', '3:1/6'];
  const expectHe = (d: ReturnType<typeof couplingVectorLaw>, w: number) => {
    const m = entryMoments(d);
    expect(m.cross.every((v) => v.equals(0)), 'uncorrelated').toBe(true);
    for (let i = 0; i < w; i++) expect(marginal(d, i), `entry ${i + 1}`).toEqual(muLaw);
    expect(d.atoms.reduce((t, a) => t.add(a.p), q(0)).equals(1)).toBe(true);
  };

  it("w = 2, 'negative' from x = y: c = c_anti/2 = −47/9 exactly, marginals μ, uncorrelated", () => {
    const d = couplingVectorLaw({ marginal: mu, width: 2, couplings: [{ permutations: [id], weight: 1 }], cMode: 'negative', ...none });
    expect(pairC(d)).toEqual(['-47/9']);
    expectHe(d, 2);
  });

  it("w = 2, 'zero' from an antitone-leaning coupling (c < 0 before): raised to 0 by the comonotone partner", () => {
    // π: 2 → −2, −2 → 2, 1 → 3, −1 → −3, 3 → −1, −3 → 1. Σ x·π(x)/6 = −4/3, so the correction adds
    // (x, x) with mass 6·(4/3)/28 = 2/7; then c = (34/3 + (2/7)·98/3)/(9/7) − 196/9 = −154/27 < 0.
    const spec = { marginal: mu, width: 2, couplings: [{ permutations: [[1, 0, 4, 5, 3, 2]], weight: 1 }], ...none };
    expect(pairC(couplingVectorLaw({ ...spec, cMode: 'free' }))).toEqual(['-154/27']);
    const d = couplingVectorLaw({ ...spec, cMode: 'zero' });
    expect(pairC(d)).toEqual(['0']);
    expectHe(d, 2);
  });

  it("w = 3 cyclic: equal c on all pairs; 'zero' gives 0 and 'negative' c_anti/(2·3) = −47/27 (the antitone pair is one of three, then rotated)", () => {
    // Entry 2 = entry 1 (identity), entry 3 a 6-cycle of the list; every entry keeps the law μ.
    const spec = { marginal: mu, width: 3, couplings: [{ permutations: [id, [1, 2, 3, 4, 5, 0]], weight: 1 }], cyclic: true, flip: [], central: false };
    const free = couplingVectorLaw({ ...spec, cMode: 'free' });
    const cf = pairC(free);
    expect(cf.every((v) => v === cf[0])).toBe(true);
    expectHe(free, 3);
    const zero = couplingVectorLaw({ ...spec, cMode: 'zero' });
    expect(pairC(zero)).toEqual(['0', '0', '0']);
    expectHe(zero, 3);
    const neg = couplingVectorLaw({ ...spec, cMode: 'negative' });
    expect(pairC(neg)).toEqual(['-47/27', '-47/27', '-47/27']);
    expectHe(neg, 3);
  });

  it('w = 3 without cyclic averaging keeps unequal c over pairs', () => {
    const d = couplingVectorLaw({ marginal: mu, width: 3, couplings: [{ permutations: [id, [1, 2, 3, 4, 5, 0]], weight: 1 }], cMode: 'free', ...none });
    const c = pairC(d);
    expect(c[0] === c[1] && c[1] === c[2]).toBe(false);
    expectHe(d, 3);
  });

  it("pairMixing at w = 2 'negative': N = T·V⁻/2 with T = 2 (x = y plus its correction), so c = (−94/9)/(2 + 145/47) = −4418/2151", () => {
    // C = 196/3 − 2·196/9 = 196/9 (base and correction both carry E[x⁴] = 98/3), V⁻ = −94/9,
    // N = min(196/9, 2·(−94/9)/2) = −94/9, mass m = (N − C)/V⁻ = 145/47, c = N/(T + m).
    const d = couplingVectorLaw({ marginal: mu, width: 2, couplings: [{ permutations: [id], weight: 1 }], cMode: 'negative', pairMixing: true, ...none });
    expect(pairC(d)).toEqual(['-4418/2151']);
    expectHe(d, 2);
  });

  it('one magnitude (μ = fair ±1): c = 0 for every coupling, so the modes and pairMixing change nothing', () => {
    const spec = { marginal: [q(1), q(-1)], width: 2, couplings: [{ permutations: [[0, 1]], weight: 1 }], ...none };
    const free = couplingVectorLaw({ ...spec, cMode: 'free' });
    // x = y, then the correction (x, −x) of equal mass: uniform on (±1, ±1).
    expect(free.atoms.map((a) => [a.x.map((v) => v.toFraction()).join(','), a.p.toFraction()]).sort()).toEqual([['-1,-1', '1/4'], ['-1,1', '1/4'], ['1,-1', '1/4'], ['1,1', '1/4']]);
    for (const cMode of ['zero', 'negative'] as const) {
      expect(couplingVectorLaw({ ...spec, cMode }).atoms.length).toBe(4);
      expect(pairC(couplingVectorLaw({ ...spec, cMode, pairMixing: true }))).toEqual(['0']);
    }
  });

  it('flip: (x₁, x₂) → (εx₁, x₂); central: averaged with (−x₁, −x₂) (the TSDoc example law)', () => {
    // The example: P(1,−1) = P(−1,2) = P(2,−2) = P(−2,1) = 5/38, P(v,v) = 9/76.
    const spec = { marginal: [q(1), q(-1), q(2), q(-2)], width: 2, couplings: [{ permutations: [[1, 2, 3, 0]], weight: 1 }], cMode: 'free' as const, cyclic: false };
    const p = (d: ReturnType<typeof couplingVectorLaw>, x: number, y: number) => d.atoms.find((a) => a.x[0]!.equals(x) && a.x[1]!.equals(y))?.p.toFraction();
    const f = couplingVectorLaw({ ...spec, flip: [0], central: false });
    // P(1,−1) = (5/38 + 9/76)/2 = 1/8; P(1,2) = (0 + 5/38)/2 = 5/76; P(2,2) = (9/76 + 0)/2 = 9/152.
    expect([p(f, 1, -1), p(f, 1, 2), p(f, 2, 2)]).toEqual(['1/8', '5/76', '9/152']);
    expect(isVectorInvariant(f, (x) => [x[0]!.neg(), x[1]!])).toBe(true);
    expect(isVectorInvariant(f, (x) => [x[0]!, x[1]!.neg()])).toBe(false);
    const f2 = couplingVectorLaw({ ...spec, flip: [1], central: false });
    expect(p(f2, 1, 1)).toBe('1/8'); // (9/76 + 5/38)/2
    const c = couplingVectorLaw({ ...spec, flip: [], central: true });
    // P(1,−1) = (5/38 + P(−1,1) = 0)/2 = 5/76; P(1,1) = (9/76 + 9/76)/2.
    expect([p(c, 1, -1), p(c, -1, 1), p(c, 1, 1)]).toEqual(['5/76', '5/76', '9/76']);
    expect(isVectorInvariant(c, (x) => x.map((v) => v.neg()))).toBe(true);
    expect(isVectorInvariant(c, (x) => [x[0]!.neg(), x[1]!])).toBe(false);
  });

  it('rejects a coupling with the wrong number of permutations, and an empty marginal', () => {
    expect(() => couplingVectorLaw({ marginal: mu, width: 3, couplings: [{ permutations: [id], weight: 1 }], cMode: 'free', ...none })).toThrow(/couplingVectorLaw: need 2 permutations per coupling, got 1/);
    expect(() => couplingVectorLaw({ marginal: [], width: 2, couplings: [], cMode: 'free', ...none })).toThrow(/marginal must have a non-zero value/);
    expect(() => couplingVectorLaw({ marginal: mu, width: 2.5, couplings: [], cMode: 'free', ...none })).toThrow(/width must be an integer >= 2, got 2.5/);
  });
});
