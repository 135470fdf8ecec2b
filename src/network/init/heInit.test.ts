import { describe, it, expect } from 'vitest';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { laplace } from '../../distributions/laplace.ts';
import { normal } from '../../distributions/normal.ts';
import { rademacher } from '../../distributions/rademacher.ts';
import { studentT } from '../../distributions/studentT.ts';
import type { SymmetricDistribution } from '../../distributions/types.ts';
import { uniform } from '../../distributions/uniform.ts';
import { heInit } from './heInit.ts';
import { checkKurtosis, checkMeanSquare } from './internal/momentChecks.ts';
import { FALSE_ALARM, FLOAT32_RELATIVE_ULP, KURTOSIS_FALSE_ALARM } from './internal/tolerances.ts';

// Standardised 6th and 8th moments s₆ = μ₆/σ⁶, s₈ = μ₈/σ⁸ (the kurtosis check's variance needs them):
// normal 15, 105 (double factorials); uniform on [−a, a]: μ_k = a^k/(k+1), σ² = a²/3 → 27/7, 9;
// Laplace(b): μ_k = k!·b^k, σ² = 2b² → 720/8 = 90, 40320/16 = 2520; Student-t ν (Johnson, Kotz &
// Balakrishnan, ch. 28): s_2k = (2k−1)!!·(ν−2)^k/Π_{i≤k}(ν−2i) → ν = 10: 15·8³/(8·6·4) = 40,
// 105·8⁴/(8·6·4·2) = 1120.
interface Law {
  readonly d: SymmetricDistribution;
  readonly sixth: number;
  readonly eighth: number;
}
const LAWS: Readonly<Record<string, Law>> = {
  normal: { d: normal(), sixth: 15, eighth: 105 },
  uniform: { d: uniform({ variance: 5 }), sixth: 27 / 7, eighth: 9 },
  laplace: { d: laplace(), sixth: 90, eighth: 2520 },
  'student-t(10)': { d: studentT({ nu: 10, variance: 0.3 }), sixth: 40, eighth: 1120 },
};

const heVariance = (fanIn: number, a: number): number => 2 / (fanIn * (1 + a * a));

describe('heInit', () => {
  it('is a fanOut × fanIn row-major Float32Array drawn entry by entry, scaled by √(2/(fan_in(1+a²))/σ²_dist)', () => {
    const d = laplace({ variance: 3 });
    const w = heInit({ fanIn: 5, fanOut: 3, distribution: d, slope: 0.5, rng: xoroshiro128plus(42) });
    expect(w.rows).toBe(3);
    expect(w.cols).toBe(5);
    expect(w.data).toBeInstanceOf(Float32Array);
    const rng = xoroshiro128plus(42);
    const scale = Math.sqrt(heVariance(5, 0.5) / 3);
    expect(Array.from(w.data)).toEqual(Array.from({ length: 15 }, () => Math.fround(scale * d.sample(rng))));
  });

  it("divides the distribution's own variance out: only its shape matters", () => {
    const a = heInit({ fanIn: 64, fanOut: 32, distribution: normal(), rng: xoroshiro128plus(3) });
    const b = heInit({ fanIn: 64, fanOut: 32, distribution: normal({ variance: 7 }), rng: xoroshiro128plus(3) });
    // Same draws, scaled two ways in float64 (≤ a few ulps apart): at most 1 float32 ulp apart.
    a.data.forEach((x, i) => expect(Math.abs(b.data[i]! - x)).toBeLessThanOrEqual(FLOAT32_RELATIVE_ULP * Math.abs(x)));
  });

  // Each row: law, slope, shape. Checks: mean square (normal approximation, α = 1e-6) and raw
  // kurtosis (Chebyshev, α = 1e-3: 31.6 SE) — 16 checks.
  const CASES = [
    { law: 'normal', slope: 0, fanIn: 3072, fanOut: 200, seed: 11 },
    { law: 'normal', slope: 0.2, fanIn: 200, fanOut: 200, seed: 12 },
    { law: 'uniform', slope: 0, fanIn: 3072, fanOut: 200, seed: 13 },
    { law: 'uniform', slope: 1, fanIn: 784, fanOut: 100, seed: 14 },
    { law: 'laplace', slope: 0, fanIn: 1000, fanOut: 300, seed: 15 },
    { law: 'laplace', slope: -0.5, fanIn: 500, fanOut: 500, seed: 16 },
    { law: 'student-t(10)', slope: 0, fanIn: 3072, fanOut: 200, seed: 17 },
    { law: 'student-t(10)', slope: 0.1, fanIn: 1000, fanOut: 400, seed: 18 },
  ];
  it.each(CASES)('variance 2/(fan_in(1+a²)) and the law\'s kurtosis, within stated bounds ($law, a = $slope, $fanOut×$fanIn, seed $seed)', ({ law, slope, fanIn, fanOut, seed }) => {
    const { d, sixth, eighth } = LAWS[law]!;
    const w = heInit({ fanIn, fanOut, distribution: d, slope, rng: xoroshiro128plus(seed) });
    // Mean square of N = fanIn·fanOut i.i.d. entries: SE = σ²√((κ−1)/N), bound 4.89·SE
    // (e.g. normal at 200×3072: 4.89·√(2/614400) = 0.88% of σ²; Laplace at 300×1000:
    // 4.89·√(5/300000) = 2.0%). Raw kurtosis: SE = √(V/N) with V from s₆, s₈ above, e.g. normal
    // at 200×3072: 31.6·√(24/614400) = 0.20; Student-t(10) at 200×3072: 31.6·√(720/614400) = 1.08.
    const ms = checkMeanSquare(w.data, { variance: heVariance(fanIn, slope), kurtosis: d.kurtosis, falseAlarm: FALSE_ALARM });
    expect(ms.pass, JSON.stringify({ law: d.name, slope, fanIn, fanOut, seed, ...ms })).toBe(true);
    const k = checkKurtosis(w.data, { kurtosis: d.kurtosis, sixth, eighth, falseAlarm: KURTOSIS_FALSE_ALARM });
    expect(k.pass, JSON.stringify({ law: d.name, slope, fanIn, fanOut, seed, ...k })).toBe(true);
  });

  it('design: at 200×3072 the variance check detects a 1.2% error and the kurtosis check tells uniform from normal', () => {
    const w = heInit({ fanIn: 3072, fanOut: 200, distribution: normal(), rng: xoroshiro128plus(19) });
    const ms = checkMeanSquare(w.data, { variance: heVariance(3072, 0), kurtosis: 3, falseAlarm: FALSE_ALARM });
    expect(ms.detectable / ms.expected).toBeLessThan(0.012);
    // He with slope 0.2 is 4% below slope 0's variance: caught at this size.
    const wrong = checkMeanSquare(w.data, { variance: heVariance(3072, 0.2), kurtosis: 3, falseAlarm: FALSE_ALARM });
    expect(wrong.pass).toBe(false);
    const k = checkKurtosis(w.data, { kurtosis: 9 / 5, sixth: 27 / 7, eighth: 9, falseAlarm: KURTOSIS_FALSE_ALARM });
    expect(k.detectable).toBeLessThan(3 - 9 / 5);
    expect(k.pass).toBe(false);
  });

  it.each([0, 0.3, 1])('Rademacher ("Bernoulli"): every entry is exactly ±std, signs balanced (a = %s)', (slope) => {
    const fanIn = 3072;
    const fanOut = 10;
    const w = heInit({ fanIn, fanOut, distribution: rademacher(), slope, rng: xoroshiro128plus(21) });
    const std = Math.fround(Math.sqrt(heVariance(fanIn, slope)));
    let positive = 0;
    let offGrid = 0;
    for (const x of w.data) {
      if (Math.abs(x) !== std) offGrid++;
      if (x > 0) positive++;
    }
    expect(offGrid).toBe(0);
    // #positive ~ Binomial(N, 1/2): |#pos − N/2| ≤ 4.89·√N/2 at α = 1e-6 (N = 30720: ±429).
    const n = w.data.length;
    expect(Math.abs(positive - n / 2)).toBeLessThanOrEqual((4.8916 * Math.sqrt(n)) / 2);
  });

  it.each([0, 0.5])('uniform: support is ±√3·std and is filled to its edges (a = %s)', (slope) => {
    const fanIn = 3072;
    const fanOut = 200;
    const w = heInit({ fanIn, fanOut, distribution: uniform(), slope, rng: xoroshiro128plus(22) });
    const edge = Math.sqrt(3 * heVariance(fanIn, slope));
    let max = 0;
    for (const x of w.data) max = Math.max(max, Math.abs(x));
    expect(max).toBeLessThanOrEqual(Math.fround(edge));
    // P(max|x| < edge·(1 − ε)) = (1 − ε)^N ≤ e^(−εN) = e^(−20) ≈ 2e-9 for ε = 20/N.
    expect(max).toBeGreaterThanOrEqual(edge * (1 - 20 / w.data.length));
  });

  it('same seed → identical Float32Array; different seeds differ', () => {
    const make = (seed: number) => heInit({ fanIn: 30, fanOut: 20, distribution: normal(), rng: xoroshiro128plus(seed) }).data;
    expect(make(5)).toEqual(make(5));
    expect(make(5)).not.toEqual(make(6));
  });

  it('advances the rng in place by exactly fanIn·fanOut draws (stacked matrices = one tall matrix)', () => {
    const rng = xoroshiro128plus(8);
    const first = heInit({ fanIn: 4, fanOut: 3, distribution: normal(), rng });
    const second = heInit({ fanIn: 4, fanOut: 3, distribution: normal(), rng });
    const tall = heInit({ fanIn: 4, fanOut: 6, distribution: normal(), rng: xoroshiro128plus(8) });
    expect(Array.from(tall.data)).toEqual([...first.data, ...second.data]);
  });

  it('rejects bad options, naming heInit and the field', () => {
    const ok = { fanIn: 3, fanOut: 2, distribution: normal(), rng: xoroshiro128plus(1) };
    expect(() => heInit({ ...ok, fanIn: 0 })).toThrow('heInit: options.fanIn must be an integer >= 1, got 0');
    expect(() => heInit({ ...ok, fanIn: -3 })).toThrow('heInit: options.fanIn');
    expect(() => heInit({ ...ok, fanIn: 2.5 })).toThrow('heInit: options.fanIn must be an integer >= 1, got 2.5');
    expect(() => heInit({ ...ok, fanOut: 0 })).toThrow('heInit: options.fanOut must be an integer >= 1, got 0');
    expect(() => heInit({ ...ok, fanOut: Number.NaN })).toThrow('heInit: options.fanOut');
    expect(() => heInit({ ...ok, slope: Number.POSITIVE_INFINITY })).toThrow('heInit: options.slope must be a finite number');
    expect(() => heInit({ ...ok, distribution: undefined as unknown as SymmetricDistribution })).toThrow('heInit: options.distribution');
    const bad = (d: unknown) => () => heInit({ ...ok, distribution: d as SymmetricDistribution });
    expect(bad(null)).toThrow('heInit: options.distribution must be a SymmetricDistribution');
    expect(bad({ ...normal(), sample: 1 })).toThrow('heInit: options.distribution must be a SymmetricDistribution');
    for (const variance of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, '1'])
      expect(bad({ ...normal(), variance }), String(variance)).toThrow(`heInit: options.distribution.variance must be a finite number > 0, got ${String(variance)}`);
    expect(() => heInit({ ...ok, rng: undefined as unknown as typeof ok.rng })).toThrow('heInit: options.rng');
    expect(() => heInit(undefined as unknown as typeof ok)).toThrow('heInit: options must be an object');
  });
});
