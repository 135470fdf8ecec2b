import { describe, it, expect } from 'vitest';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { laplace } from '../../distributions/laplace.ts';
import { rademacher } from '../../distributions/rademacher.ts';
import { lecunInit } from './lecunInit.ts';
import { checkKurtosis, checkMeanSquare } from './internal/momentChecks.ts';
import { FALSE_ALARM, KURTOSIS_FALSE_ALARM } from './internal/tolerances.ts';

describe('lecunInit', () => {
  // Mean square against 1/fan_in within 4.89·σ²·√((κ−1)/N) (α = 1e-6); raw kurtosis within
  // Chebyshev's 31.6·SE (α = 1e-3), normal SE √(24/N).
  it.each([
    { fanIn: 3072, fanOut: 200, seed: 1 },
    { fanIn: 784, fanOut: 50, seed: 2 },
  ])('normal by default, variance 1/fan_in within 4.89 SE ($fanOut×$fanIn, seed $seed)', ({ fanIn, fanOut, seed }) => {
    const w = lecunInit({ fanIn, fanOut, rng: xoroshiro128plus(seed) });
    expect([w.rows, w.cols]).toEqual([fanOut, fanIn]);
    const ms = checkMeanSquare(w.data, { variance: 1 / fanIn, kurtosis: 3, falseAlarm: FALSE_ALARM });
    expect(ms.pass, JSON.stringify({ fanIn, fanOut, seed, ...ms })).toBe(true);
    const k = checkKurtosis(w.data, { kurtosis: 3, sixth: 15, eighth: 105, falseAlarm: KURTOSIS_FALSE_ALARM });
    expect(k.pass, JSON.stringify({ fanIn, fanOut, seed, ...k })).toBe(true);
  });

  it('takes another distribution: Laplace keeps variance 1/fan_in and kurtosis 6', () => {
    const w = lecunInit({ fanIn: 1000, fanOut: 300, distribution: laplace({ variance: 4 }), rng: xoroshiro128plus(3) });
    const ms = checkMeanSquare(w.data, { variance: 1 / 1000, kurtosis: 6, falseAlarm: FALSE_ALARM });
    expect(ms.pass, JSON.stringify(ms)).toBe(true);
    // Laplace s₆ = 90, s₈ = 2520 (μ_k = k!·b^k, σ² = 2b²).
    const k = checkKurtosis(w.data, { kurtosis: 6, sixth: 90, eighth: 2520, falseAlarm: KURTOSIS_FALSE_ALARM });
    expect(k.pass, JSON.stringify(k)).toBe(true);
  });

  it('Rademacher entries are exactly ±√(1/fan_in)', () => {
    const w = lecunInit({ fanIn: 16, fanOut: 5, distribution: rademacher(), rng: xoroshiro128plus(4) });
    expect(w.data.every((x) => Math.abs(x) === 0.25)).toBe(true);
  });

  it('same seed → identical Float32Array; different seeds differ', () => {
    const make = (seed: number) => lecunInit({ fanIn: 20, fanOut: 10, rng: xoroshiro128plus(seed) }).data;
    expect(make(7)).toEqual(make(7));
    expect(make(7)).not.toEqual(make(8));
  });

  it('rejects bad options, naming lecunInit and the field', () => {
    const ok = { fanIn: 3, fanOut: 2, rng: xoroshiro128plus(1) };
    expect(() => lecunInit({ ...ok, fanIn: 0 })).toThrow('lecunInit: options.fanIn must be an integer >= 1, got 0');
    expect(() => lecunInit({ ...ok, fanOut: 2.2 })).toThrow('lecunInit: options.fanOut must be an integer >= 1, got 2.2');
    expect(() => lecunInit({ ...ok, fanIn: -4 })).toThrow('lecunInit: options.fanIn');
    expect(() => lecunInit(undefined as unknown as typeof ok)).toThrow('lecunInit: options must be an object, got undefined');
  });
});
