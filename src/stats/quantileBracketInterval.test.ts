import { Fraction } from 'fraction.js';
import { describe, expect, it } from 'vitest';
import { empiricalQuantile } from '../acceptance/empiricalQuantile.ts';
import { quantileBracketInterval } from './quantileBracketInterval.ts';

/** P(Bin(n, p) ≤ k) in exact rationals (independent of binomialCumulative). */
function binomialCdfExact(n: number, p: Fraction, k: number): number {
  let total = new Fraction(0);
  let choose = new Fraction(1);
  for (let j = 0; j <= k; j++) {
    if (j > 0) choose = choose.mul(n - j + 1).div(j);
    total = total.add(choose.mul(p.pow(j)).mul(new Fraction(1).sub(p).pow(n - j)));
  }
  return total.valueOf();
}

describe('quantileBracketInterval', () => {
  it('n = 20, q = 1/2 bracketed by the 0.3 and 0.7 quantiles: ranks r = 7, s = 14, misses exact binomial tails', () => {
    const r = quantileBracketInterval({ n: 20, q: 0.5, floor: 0, known: [{ level: 0.7, value: 3 }, { level: 0.3, value: 1 }] });
    expect([r.lower, r.upper, r.lowerLevel, r.upperLevel]).toEqual([1, 3, 0.3, 0.7]);
    expect(r.missLower).toBeCloseTo(binomialCdfExact(20, new Fraction(1, 2), 6), 12); // P(Bin ≤ r − 1 = 6) = 0.0577
    expect(r.missUpper).toBeCloseTo(1 - binomialCdfExact(20, new Fraction(1, 2), 13), 12); // P(Bin ≥ s = 14)
    expect(r.coverage).toBeCloseTo(1 - r.missLower - r.missUpper, 15);
  });

  it("Figure 2's sizes (10,000 networks): ξ0.99 in [Q0.9, Q0.999] misses with probability < 1e-15; q0.9 has floor 0, q0.999 no upper end", () => {
    const known = [{ level: 0.9, value: 1 }, { level: 0.99, value: 5 }, { level: 0.999, value: 9 }];
    const mid = quantileBracketInterval({ n: 10000, q: 0.99, floor: 0, known: known.filter((k) => k.level !== 0.99) });
    expect(mid.missLower + mid.missUpper).toBeLessThan(1e-15);
    const low = quantileBracketInterval({ n: 10000, q: 0.9, floor: 0, known: known.filter((k) => k.level !== 0.9) });
    expect([low.lower, low.upper, low.missLower]).toEqual([0, 5, 0]);
    const high = quantileBracketInterval({ n: 10000, q: 0.999, floor: 0, known: known.filter((k) => k.level !== 0.999) });
    expect([high.lower, high.upper, high.missUpper]).toEqual([5, Infinity, 0]);
  });

  it('the stated miss probabilities hold on simulated uniform samples (n = 20, 4,000 replicates, seed fixed)', () => {
    // Each replicate: 20 uniforms, type-7 quantiles at 0.3 and 0.7; ξ0.5 = 0.5 should lie in [Q0.3, Q0.7].
    // False alarm: the count of misses exceeds its bound's mean + 4.5 sd with probability < 1e-5 (normal approx.).
    let seed = 20261124;
    const rand = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
    const reps = 4000;
    const bound = quantileBracketInterval({ n: 20, q: 0.5, floor: 0, known: [{ level: 0.3, value: 0 }, { level: 0.7, value: 1 }] });
    let below = 0;
    let above = 0;
    for (let i = 0; i < reps; i++) {
      const x = Array.from({ length: 20 }, rand).sort((a, b) => a - b);
      if (empiricalQuantile(x, 0.3) > 0.5) below++;
      if (empiricalQuantile(x, 0.7) < 0.5) above++;
    }
    const limit = (p: number) => reps * p + 4.5 * Math.sqrt(reps * p * (1 - p));
    expect(below, `seed 20261124: ${below} of ${reps}`).toBeLessThanOrEqual(limit(bound.missLower));
    expect(above, `seed 20261124: ${above} of ${reps}`).toBeLessThanOrEqual(limit(bound.missUpper));
    // and the bound is not vacuous: misses do happen at a rate of the same order
    expect(below).toBeGreaterThan(0);
  });

  it('rejects bad input, naming it', () => {
    expect(() => quantileBracketInterval({ n: 0, q: 0.5, floor: 0, known: [] })).toThrow(/n must be/);
    expect(() => quantileBracketInterval({ n: 5, q: 1, floor: 0, known: [] })).toThrow(/q must be/);
    expect(() => quantileBracketInterval({ n: 5, q: 0.5, floor: 0, known: [{ level: 0.5, value: 1 }] })).toThrow(/differ from q/);
    expect(() => quantileBracketInterval({ n: 5, q: 0.5, floor: 0, known: [{ level: 0.3, value: 2 }, { level: 0.7, value: 1 }] })).toThrow(/decrease/);
  });
});

describe('quantileBracketInterval: edge ranks and input checks', () => {
  it('n = 1: the single value bounds ξ_q from above with miss P(Bin(1, q) ≥ 1) = q', () => {
    // Q_p = X_(1) for every p when n = 1; P(ξ_q > X_(1)) = P(X_(1) < ξ_q) ≤ q.
    const r = quantileBracketInterval({ n: 1, q: 0.25, floor: -1, known: [{ level: 0.75, value: 2 }] });
    expect(r).toMatchObject({ lower: -1, upper: 2, lowerLevel: null, upperLevel: 0.75, missLower: 0, missUpper: 0.25, coverage: 0.75 });
  });

  it('lower rank r = n − 1 (n = 20, level 0.9 below q = 0.95): missLower = P(Bin(20, 0.95) ≤ 18) exactly', () => {
    // h = 19·0.9 = 17.1, r = 17 + 2 = 19: the bound is P(Bin(20, 0.95) ≤ 18) = 1 − 20·0.95¹⁹·0.05 − 0.95²⁰ ≈ 0.2642.
    const r = quantileBracketInterval({ n: 20, q: 0.95, floor: 0, known: [{ level: 0.9, value: 1 }] });
    expect(r.missLower).toBeCloseTo(binomialCdfExact(20, new Fraction(19, 20), 18), 12);
    expect(r.missLower).toBeCloseTo(0.26416047505, 9);
    expect(r).toMatchObject({ lower: 1, upper: Infinity, missUpper: 0 });
  });

  it('equal known quantiles at two levels are allowed (ties of a discrete law)', () => {
    const r = quantileBracketInterval({ n: 20, q: 0.5, floor: 0, known: [{ level: 0.3, value: 1 }, { level: 0.7, value: 1 }] });
    expect([r.lower, r.upper]).toEqual([1, 1]);
  });

  it('error messages name the API, the field and the value', () => {
    const e = (p: Parameters<typeof quantileBracketInterval>[0]) => () => quantileBracketInterval(p);
    expect(e({ n: 0, q: 0.5, floor: 0, known: [] })).toThrow(/^quantileBracketInterval: n must be an integer >= 1, got 0$/);
    expect(e({ n: 2.5, q: 0.5, floor: 0, known: [] })).toThrow(/^quantileBracketInterval: n must be an integer >= 1, got 2\.5$/);
    expect(e({ n: 5, q: 0, floor: 0, known: [] })).toThrow(/^quantileBracketInterval: q must be in \(0, 1\), got 0$/);
    for (const level of [0, 1, -0.5, 1.5]) {
      expect(e({ n: 5, q: 0.5, floor: 0, known: [{ level, value: 1 }] })).toThrow(
        new RegExp(`^quantileBracketInterval: known\\[0\\]\\.level must be in \\(0, 1\\) and differ from q, got ${String(level).replace('.', '\\.')}$`),
      );
    }
    expect(e({ n: 5, q: 0.5, floor: 0, known: [{ level: 0.3, value: Number.NaN }] })).toThrow(/^quantileBracketInterval: known level 0\.3 has a NaN value$/);
    expect(e({ n: 5, q: 0.5, floor: 0, known: [{ level: 0.7, value: 1 }, { level: 0.3, value: 2 }] })).toThrow(
      /^quantileBracketInterval: known quantiles decrease \(level 0\.3: 2, level 0\.7: 1\)$/,
    );
  });
});
