import { Fraction } from 'fraction.js';
import fc from 'fast-check';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { describe, expect, it } from 'vitest';
import { numberField, rationalField } from '../algebra/field.ts';
import { rationalSlopeArbitrary } from '../arbitraries/rationalSlopeArbitrary.ts';
import { INITIALISERS } from '../network/init/initialisers.ts';
import { heWeightVariance } from './heWeightVariance.ts';
import { initialiserVarianceFactor, RANDOM_INITIALISER_NAMES, varianceBranch } from './initialiserVarianceFactor.ts';
import { leakyRelu } from './leakyRelu.ts';

const q = (n: number, d = 1) => new Fraction(n, d);
const half = (a: Fraction) => q(1).add(a.pow(2)).div(2);

describe('initialiserVarianceFactor (exact, per initialiser × slope)', () => {
  it('He (every law): f = fan_in · heWeightVariance · (1 + a²)/2 = 1 exactly, at every rational slope and width', () => {
    fc.assert(
      fc.property(rationalSlopeArbitrary(), fc.integer({ min: 1, max: 64 }), fc.constantFrom('he-normal', 'he-uniform', 'he-bernoulli'), (a, w, name) => {
        const v = heWeightVariance(rationalField, { slope: a, n: w });
        const f = initialiserVarianceFactor(name as 'he-normal', a, w);
        return f.equals(q(w).mul(v).mul(half(a))) && f.equals(1);
      }),
    );
  });
  it('Glorot 2/(w + w) and LeCun 1/w: f = (1 + a²)/2 — below 1 for |a| < 1, 1 at |a| = 1, above 1 for |a| > 1', () => {
    for (const name of ['glorot-normal', 'lecun-normal'] as const) {
      expect(initialiserVarianceFactor(name, q(0), 10).toFraction()).toBe('1/2');
      expect(initialiserVarianceFactor(name, q(1, 2), 10).toFraction()).toBe('5/8');
      expect(initialiserVarianceFactor(name, q(-1), 10).toFraction()).toBe('1');
      expect(initialiserVarianceFactor(name, q(2), 10).toFraction()).toBe('5/2');
      expect(initialiserVarianceFactor(name, q(-2), 10).toFraction()).toBe('5/2');
      fc.assert(fc.property(rationalSlopeArbitrary(), fc.integer({ min: 1, max: 64 }), (a, w) => initialiserVarianceFactor(name, a, w).equals(q(2, w + w).mul(w).mul(half(a)))));
    }
  });
  it('GSM: f = (1 + a)², zero at a = −1, 1 at a = 0 and a = −2; an odd width is refused', () => {
    expect(initialiserVarianceFactor('gsm', q(-1), 4).toFraction()).toBe('0');
    expect(initialiserVarianceFactor('gsm', q(0), 4).toFraction()).toBe('1');
    expect(initialiserVarianceFactor('gsm', q(-2), 4).toFraction()).toBe('1');
    expect(initialiserVarianceFactor('gsm', q(1, 5), 4).toFraction()).toBe('36/25');
    expect(() => initialiserVarianceFactor('gsm', q(0), 3)).toThrow(/GSM needs an even width, got 3/);
  });
  it('the branch: f ≤ 1 constant-or-decreasing, f > 1 increasing; every initialiser reaches the branches its slopes allow', () => {
    expect(varianceBranch(q(1))).toBe('constant-or-decreasing');
    expect(varianceBranch(q(1, 2))).toBe('constant-or-decreasing');
    expect(varianceBranch(q(1001, 1000))).toBe('increasing');
    const slopes = [q(-3), q(-2), q(-1), q(-1, 2), q(0), q(1, 5), q(1), q(2)];
    const reached = new Set(RANDOM_INITIALISER_NAMES.flatMap((n) => slopes.map((a) => `${n}:${varianceBranch(initialiserVarianceFactor(n, a, 4))}`)));
    for (const n of ['glorot-normal', 'lecun-normal', 'gsm']) for (const b of ['constant-or-decreasing', 'increasing']) expect(reached.has(`${n}:${b}`)).toBe(true);
    for (const n of ['he-normal', 'he-uniform', 'he-bernoulli', 'orthogonal']) expect(reached.has(`${n}:increasing`)).toBe(false);
  });
});

describe('initialiserVarianceFactor against the real initialisers (float32)', () => {
  it("orthogonal: every row of the registry's matrix has squared norm 2/(1 + a²), so f = g²(1 + a²)/2 = 1", () => {
    const rng = xoroshiro128plus(7);
    for (const a of [-2, -1, -0.5, 0, 0.2, 1, 2]) {
      for (const w of [2, 4, 8]) {
        const W = INITIALISERS.orthogonal({ fanIn: w, fanOut: w, layerIndex: 1, layerCount: 3, slope: a, rng });
        for (let i = 0; i < w; i++) {
          let s = 0;
          for (let j = 0; j < w; j++) s += W.data[i * w + j]! ** 2;
          const f = (s * (1 + a * a)) / 2;
          // float32 entries: relative error ≤ w·2⁻²³ on the squared row norm.
          expect(Math.abs(f - initialiserVarianceFactor('orthogonal', new Fraction(a), w).valueOf())).toBeLessThan(w * 2 ** -22);
        }
      }
    }
  });
  it("GSM: the registry's hidden matrix maps φ_a((z, −z)) to (1 + a)·(Mz, −Mz), M its top-left block (the linear structure behind f = (1 + a)²)", () => {
    const rng = xoroshiro128plus(11);
    for (const a of [-2, -1, -0.5, 0, 0.2, 1, 2]) {
      const w = 6;
      const h = w / 2;
      const W = INITIALISERS.gsm({ fanIn: w, fanOut: w, layerIndex: 1, layerCount: 3, slope: a, rng });
      const z = [0.7, -1.3, 2.1];
      const x = [...z, ...z.map((v) => -v)].map((v) => leakyRelu(numberField, v, a));
      for (let i = 0; i < w; i++) {
        let out = 0;
        for (let j = 0; j < w; j++) out += W.data[i * w + j]! * x[j]!;
        let mz = 0;
        for (let j = 0; j < h; j++) mz += W.data[(i % h) * w + j]! * z[j]!;
        const expected = (i < h ? 1 : -1) * (1 + a) * mz;
        expect(Math.abs(out - expected)).toBeLessThan(1e-5 * (1 + Math.abs(expected)));
      }
    }
  });
});
