import { describe, it, expect } from 'vitest';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { normal } from '../../distributions/normal.ts';
import { rademacher } from '../../distributions/rademacher.ts';
import { uniform } from '../../distributions/uniform.ts';
import { glorotInit } from './glorotInit.ts';
import { checkKurtosis, checkMeanSquare } from './internal/momentChecks.ts';
import { FALSE_ALARM, KURTOSIS_FALSE_ALARM } from './internal/tolerances.ts';

describe('glorotInit', () => {
  // Mean square of N normal entries against 2/(fan_in + fan_out): bound 4.89·σ²·√(2/N) (α = 1e-6);
  // raw kurtosis against 3 with SE √(24/N) (normal s₆ = 15, s₈ = 105), Chebyshev bound 31.6·SE
  // (α = 1e-3). 6 checks.
  it.each([
    { fanIn: 3072, fanOut: 200, seed: 1 },
    { fanIn: 200, fanOut: 200, seed: 2 },
    { fanIn: 3072, fanOut: 10, seed: 3 },
  ])('normal by default, variance 2/(fan_in + fan_out) within 4.89 SE ($fanOut×$fanIn, seed $seed)', ({ fanIn, fanOut, seed }) => {
    const w = glorotInit({ fanIn, fanOut, rng: xoroshiro128plus(seed) });
    expect([w.rows, w.cols]).toEqual([fanOut, fanIn]);
    const ms = checkMeanSquare(w.data, { variance: 2 / (fanIn + fanOut), kurtosis: 3, falseAlarm: FALSE_ALARM });
    expect(ms.pass, JSON.stringify({ fanIn, fanOut, seed, ...ms })).toBe(true);
    const k = checkKurtosis(w.data, { kurtosis: 3, sixth: 15, eighth: 105, falseAlarm: KURTOSIS_FALSE_ALARM });
    expect(k.pass, JSON.stringify({ fanIn, fanOut, seed, ...k })).toBe(true);
  });

  it('design: at 200×3072 it tells Glorot from He (variance ratio (3072+200)/(2·3072) ≈ 0.53)', () => {
    const w = glorotInit({ fanIn: 3072, fanOut: 200, rng: xoroshiro128plus(4) });
    expect(checkMeanSquare(w.data, { variance: 2 / 3072, kurtosis: 3, falseAlarm: FALSE_ALARM }).pass).toBe(false);
  });

  it('takes another distribution: Rademacher entries are exactly ±√(2/(fan_in + fan_out))', () => {
    const w = glorotInit({ fanIn: 30, fanOut: 20, distribution: rademacher({ variance: 9 }), rng: xoroshiro128plus(5) });
    const std = Math.fround(Math.sqrt(2 / 50));
    expect(w.data.every((x) => Math.abs(x) === std)).toBe(true);
  });

  it('uniform entries stay within ±√3·std', () => {
    const w = glorotInit({ fanIn: 100, fanOut: 50, distribution: uniform(), rng: xoroshiro128plus(6) });
    const edge = Math.fround(Math.sqrt((3 * 2) / 150));
    expect(w.data.every((x) => Math.abs(x) <= edge)).toBe(true);
  });

  it('same seed → identical Float32Array; different seeds differ; default = normal()', () => {
    const make = (seed: number) => glorotInit({ fanIn: 20, fanOut: 10, rng: xoroshiro128plus(seed) }).data;
    expect(make(7)).toEqual(make(7));
    expect(make(7)).not.toEqual(make(8));
    expect(glorotInit({ fanIn: 20, fanOut: 10, distribution: normal(), rng: xoroshiro128plus(7) }).data).toEqual(make(7));
  });

  it('rejects bad options, naming glorotInit and the field', () => {
    const ok = { fanIn: 3, fanOut: 2, rng: xoroshiro128plus(1) };
    expect(() => glorotInit({ ...ok, fanIn: 0 })).toThrow('glorotInit: options.fanIn must be an integer >= 1, got 0');
    expect(() => glorotInit({ ...ok, fanOut: -1 })).toThrow('glorotInit: options.fanOut must be an integer >= 1, got -1');
    expect(() => glorotInit({ ...ok, fanIn: 1.5 })).toThrow('glorotInit: options.fanIn');
    expect(() => glorotInit({ ...ok, rng: null as unknown as typeof ok.rng })).toThrow('glorotInit: options.rng');
    expect(() => glorotInit(null as unknown as typeof ok)).toThrow('glorotInit: options must be an object, got null');
  });
});
