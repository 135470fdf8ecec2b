import { describe, it, expect } from 'vitest';
import { laplace } from '../../../distributions/laplace.ts';
import { normal } from '../../../distributions/normal.ts';
import { sampleMany } from '../../../distributions/sampleMany.ts';
import { uniform } from '../../../distributions/uniform.ts';
import { checkKurtosis, checkMeanSquare } from './momentChecks.ts';
import { FALSE_ALARM, KURTOSIS_FALSE_ALARM } from './tolerances.ts';

// The helpers are tested for validity (an exact sampler passes; over many seeds the real failure
// rate is the nominal α, or below it for Chebyshev; the delta-method SE of k̂ is the real spread)
// and for power (a named discrepancy fails).
const NORMAL = { kurtosis: 3, sixth: 15, eighth: 105 };

describe('checkMeanSquare / checkKurtosis', () => {
  it('states the textbook numbers: z(1e-6) = 4.8916, normal kurtosis SE = √(24/n), Chebyshev 1/√α', () => {
    const xs = sampleMany(normal(), { seed: 1, n: 10000 });
    const ms = checkMeanSquare(xs, { variance: 1, kurtosis: 3, falseAlarm: 1e-6 });
    expect(ms.bound / ms.standardError).toBeCloseTo(4.8916, 4);
    expect([ms.statistic, ms.method, ms.n, ms.falseAlarm]).toEqual(['mean square', 'normal', 10000, 1e-6]);
    expect(ms.standardError).toBeCloseTo(Math.sqrt(2 / 10000), 15);
    expect(ms.detectable).toBeCloseTo(ms.bound + 1.2816 * ms.standardError, 4);
    const k = checkKurtosis(xs, { ...NORMAL, falseAlarm: 1e-2 });
    expect(k.standardError).toBeCloseTo(Math.sqrt(24 / 10000), 15);
    expect(k.bound / k.standardError).toBeCloseTo(10, 12);
    expect([k.statistic, k.method, k.n, k.falseAlarm]).toEqual(['raw kurtosis', 'chebyshev', 10000, 1e-2]);
  });

  it('validity: exact samplers pass (n = 200000, fixed seeds)', () => {
    const cases = [
      { d: normal({ variance: 3 }), m: NORMAL },
      { d: uniform({ variance: 0.5 }), m: { kurtosis: 9 / 5, sixth: 27 / 7, eighth: 9 } },
      { d: laplace(), m: { kurtosis: 6, sixth: 90, eighth: 2520 } },
    ];
    cases.forEach(({ d, m }, i) => {
      const xs = sampleMany(d, { seed: 100 + i, n: 200000 });
      const ms = checkMeanSquare(xs, { variance: d.variance, kurtosis: d.kurtosis, falseAlarm: FALSE_ALARM });
      const k = checkKurtosis(xs, { ...m, falseAlarm: KURTOSIS_FALSE_ALARM });
      expect(ms.pass, JSON.stringify({ law: d.name, seed: 100 + i, ...ms })).toBe(true);
      expect(k.pass, JSON.stringify({ law: d.name, seed: 100 + i, ...k })).toBe(true);
    });
  });

  it('calibration over 400 seeds (n = 10⁴): mean-square failures ~ Binomial(400, 0.1); kurtosis SE is the real spread', () => {
    // Mean square at α = 0.1: nominal failures 40, sd √(400·0.1·0.9) = 6; accept 40 ± 4.89·6 ⊂ [10, 70].
    // Kurtosis: the sd of k̂ over seeds estimates the delta-method SE √(24/n) = 0.049 (which
    // Chebyshev's bound relies on); its sampling error over 400 seeds is ~5%, accept a ratio in
    // [0.8, 1.25]; Chebyshev at α = 0.1 (3.16 SE) may only fail less often than 10%: ≤ 70 of 400.
    let failMs = 0;
    let failK = 0;
    const ks: number[] = [];
    for (let seed = 0; seed < 400; seed++) {
      const xs = sampleMany(normal(), { seed: 5000 + seed, n: 10000 });
      if (!checkMeanSquare(xs, { variance: 1, kurtosis: 3, falseAlarm: 0.1 }).pass) failMs++;
      const k = checkKurtosis(xs, { ...NORMAL, falseAlarm: 0.1 });
      if (!k.pass) failK++;
      ks.push(k.estimate);
    }
    const mean = ks.reduce((s, x) => s + x, 0) / ks.length;
    const sd = Math.sqrt(ks.reduce((s, x) => s + (x - mean) ** 2, 0) / (ks.length - 1));
    const report = JSON.stringify({ failMs, failK, sdOverSe: sd / Math.sqrt(24 / 10000) });
    expect(failMs, report).toBeGreaterThanOrEqual(10);
    expect(failMs, report).toBeLessThanOrEqual(70);
    expect(failK, report).toBeLessThanOrEqual(70);
    expect(sd / Math.sqrt(24 / 10000), report).toBeGreaterThanOrEqual(0.8);
    expect(sd / Math.sqrt(24 / 10000), report).toBeLessThanOrEqual(1.25);
  });

  it('power: a 5% variance error and the wrong law fail (n = 200000)', () => {
    const xs = sampleMany(normal({ variance: 1.05 }), { seed: 7, n: 200000 });
    const ms = checkMeanSquare(xs, { variance: 1, kurtosis: 3, falseAlarm: FALSE_ALARM });
    // Design: detectable = (4.89 + 1.28)·√(2/200000) = 1.95% < 5%.
    expect(ms.detectable).toBeLessThan(0.05);
    expect(ms.pass).toBe(false);
    // Kurtosis design: detectable = (31.6 + 1.28)·√(24/200000) = 0.36 < 1.2 = 3 − 1.8.
    const us = sampleMany(uniform(), { seed: 8, n: 200000 });
    const ku = checkKurtosis(us, { ...NORMAL, falseAlarm: KURTOSIS_FALSE_ALARM });
    expect(ku.detectable).toBeLessThan(1.2);
    expect(ku.pass).toBe(false);
    const ls = sampleMany(laplace(), { seed: 9, n: 200000 });
    expect(checkKurtosis(ls, { ...NORMAL, falseAlarm: KURTOSIS_FALSE_ALARM }).pass).toBe(false);
  });

  it('refuses the normal approximation below n = 10⁴ and a false-alarm rate outside (0, 1)', () => {
    expect(() => checkMeanSquare(new Float64Array(9999), { variance: 1, kurtosis: 3, falseAlarm: 1e-6 })).toThrow('checkMeanSquare: n = 9999 is below 10000');
    expect(() => checkKurtosis([1, -1], { ...NORMAL, falseAlarm: 0 })).toThrow('momentChecks: falseAlarm');
    const xs = new Float64Array(10000).fill(1);
    for (const falseAlarm of [1, 1.5, -0.1, Number.NaN]) {
      expect(() => checkMeanSquare(xs, { variance: 1, kurtosis: 3, falseAlarm }), String(falseAlarm)).toThrow(`momentChecks: falseAlarm must be in (0, 1), got ${falseAlarm}`);
      expect(() => checkKurtosis(xs, { ...NORMAL, falseAlarm }), String(falseAlarm)).toThrow(`momentChecks: falseAlarm must be in (0, 1), got ${falseAlarm}`);
    }
  });
});
