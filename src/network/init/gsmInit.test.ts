import { describe, it, expect } from 'vitest';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { normal } from '../../distributions/normal.ts';
import { gsmInit, type GsmLayer } from './gsmInit.ts';
import type { WeightMatrix } from './types.ts';
import { checkKurtosis, checkMeanSquare } from './internal/momentChecks.ts';
import { FALSE_ALARM, KURTOSIS_FALSE_ALARM } from './internal/tolerances.ts';

/** The top-left (rows/2) × (cols/2) block M of W, row-major. */
function blockM(w: WeightMatrix): Float32Array {
  const h = w.rows / 2;
  const k = w.cols / 2;
  const m = new Float32Array(h * k);
  for (let i = 0; i < h; i++) for (let j = 0; j < k; j++) m[i * k + j] = w.data[i * w.cols + j]!;
  return m;
}

/** Number of entries breaking W = [[M, −M], [−M, M]] (M its top-left quarter), compared exactly. */
function mirrorViolations(w: WeightMatrix): number {
  const h = w.rows / 2;
  const k = w.cols / 2;
  const at = (i: number, j: number): number => w.data[i * w.cols + j]!;
  let bad = 0;
  for (let i = 0; i < h; i++) {
    for (let j = 0; j < k; j++) {
      const m = at(i, j);
      if (at(i, j + k) !== -m || at(i + h, j) !== -m || at(i + h, j + k) !== m) bad++;
    }
  }
  return bad;
}

describe('gsmInit', () => {
  it.each([
    { layer: 'first' as GsmLayer, fanIn: 3072, fanOut: 200 },
    { layer: 'first' as GsmLayer, fanIn: 784, fanOut: 10 },
    { layer: 'hidden' as GsmLayer, fanIn: 10, fanOut: 10 },
    { layer: 'hidden' as GsmLayer, fanIn: 2, fanOut: 2 },
    { layer: 'last' as GsmLayer, fanIn: 200, fanOut: 10 },
    { layer: 'last' as GsmLayer, fanIn: 10, fanOut: 10 },
  ])('W = [[M, −M], [−M, M]] exactly, M non-zero ($layer, $fanOut×$fanIn)', ({ layer, fanIn, fanOut }) => {
    const w = gsmInit({ fanIn, fanOut, layer, rng: xoroshiro128plus(fanIn + fanOut) });
    expect([w.rows, w.cols, w.data.length]).toEqual([fanOut, fanIn, fanIn * fanOut]);
    expect(mirrorViolations(w)).toBe(0);
    expect(blockM(w).every((x) => x !== 0 && Number.isFinite(x))).toBe(true);
  });

  // Variance of M's N = (fanOut/2)(fanIn/2) normal entries against s² (1/fan_in for 'first',
  // 2/fan_in otherwise, fan_in = the whole layer's): bound 4.89·s²·√(2/N) (α = 1e-6), e.g. 1.8% for
  // the first layer 3072 → 200 (N = 153600) and 6.9% for 200 → 200 (N = 10000). Raw kurtosis of M
  // against 3 within Chebyshev's 31.6·√(24/N) (α = 1e-3). 8 checks.
  it.each([
    { layer: 'first' as GsmLayer, fanIn: 3072, fanOut: 200, factor: 1, seed: 1 },
    { layer: 'first' as GsmLayer, fanIn: 784, fanOut: 100, factor: 1, seed: 2 },
    { layer: 'hidden' as GsmLayer, fanIn: 200, fanOut: 200, factor: 2, seed: 3 },
    { layer: 'hidden' as GsmLayer, fanIn: 1000, fanOut: 1000, factor: 2, seed: 4 },
  ])('Var M = $factor/fan_in (whole layer\'s fan_in) within 4.89 SE, kurtosis 3 ($layer, $fanOut×$fanIn, seed $seed)', ({ layer, fanIn, fanOut, factor, seed }) => {
    const w = gsmInit({ fanIn, fanOut, layer, rng: xoroshiro128plus(seed) });
    expect(mirrorViolations(w)).toBe(0);
    const m = blockM(w);
    const ms = checkMeanSquare(m, { variance: factor / fanIn, kurtosis: 3, falseAlarm: FALSE_ALARM });
    expect(ms.pass, JSON.stringify({ layer, fanIn, fanOut, seed, ...ms })).toBe(true);
    const k = checkKurtosis(m, { kurtosis: 3, sixth: 15, eighth: 105, falseAlarm: KURTOSIS_FALSE_ALARM });
    expect(k.pass, JSON.stringify({ layer, fanIn, fanOut, seed, ...k })).toBe(true);
  });

  it("design: reading fan_in as M's own (fanIn/2) would double the variance, and is detected", () => {
    const w = gsmInit({ fanIn: 1000, fanOut: 1000, layer: 'hidden', rng: xoroshiro128plus(4) });
    expect(checkMeanSquare(blockM(w), { variance: 2 / 500, kurtosis: 3, falseAlarm: FALSE_ALARM }).pass).toBe(false);
  });

  it("the first layer is plain: M's std is √(1/fan_in), no ReLU gain — half the hidden variance, detectably", () => {
    const first = gsmInit({ fanIn: 3072, fanOut: 200, layer: 'first', rng: xoroshiro128plus(6) });
    const asHidden = checkMeanSquare(blockM(first), { variance: 2 / 3072, kurtosis: 3, falseAlarm: FALSE_ALARM });
    expect(asHidden.pass).toBe(false);
    // Same draws, scales √(1/fan_in) vs √(2/fan_in): the hidden layer is √2 × the first, entry by entry.
    const hidden = gsmInit({ fanIn: 3072, fanOut: 200, layer: 'hidden', rng: xoroshiro128plus(6) });
    // Each side is one float32 rounding of the same float64 draw (≤ 2⁻²⁴ relative each), plus float64 noise.
    const worst = first.data.reduce((acc, x, t) => Math.max(acc, Math.abs(hidden.data[t]! - Math.SQRT2 * x) / Math.abs(hidden.data[t]!)), 0);
    expect(worst).toBeLessThanOrEqual(2 ** -22);
  });

  it("'last' is the same as 'hidden' (the authors' final Linear is one of model.layers)", () => {
    const a = gsmInit({ fanIn: 10, fanOut: 10, layer: 'last', rng: xoroshiro128plus(7) });
    const b = gsmInit({ fanIn: 10, fanOut: 10, layer: 'hidden', rng: xoroshiro128plus(7) });
    expect(a.data).toEqual(b.data);
  });

  it('M is drawn row-major from the rng, one standard normal per entry, scaled by s', () => {
    const w = gsmInit({ fanIn: 6, fanOut: 4, layer: 'hidden', rng: xoroshiro128plus(8) });
    const rng = xoroshiro128plus(8);
    const z = normal();
    const s = Math.sqrt(2 / 6);
    expect(Array.from(blockM(w))).toEqual(Array.from({ length: 6 }, () => Math.fround(s * z.sample(rng))));
  });

  it('reproduces its TSDoc example (seed 1, 2×2, hidden)', () => {
    const m = Math.fround(2.2906129360198975);
    expect(Array.from(gsmInit({ fanIn: 2, fanOut: 2, layer: 'hidden', rng: xoroshiro128plus(1) }).data)).toEqual([m, -m, -m, m]);
  });

  it('same seed → identical Float32Array; different seeds differ', () => {
    const make = (seed: number) => gsmInit({ fanIn: 20, fanOut: 10, layer: 'hidden', rng: xoroshiro128plus(seed) }).data;
    expect(make(9)).toEqual(make(9));
    expect(make(9)).not.toEqual(make(10));
  });

  it('rejects odd sizes and other bad options, naming gsmInit and the field', () => {
    const ok = { fanIn: 4, fanOut: 2, layer: 'hidden' as GsmLayer, rng: xoroshiro128plus(1) };
    expect(() => gsmInit({ ...ok, fanIn: 5 })).toThrow('gsmInit: options.fanIn must be even');
    expect(() => gsmInit({ ...ok, fanOut: 3 })).toThrow('gsmInit: options.fanOut must be even');
    expect(() => gsmInit({ ...ok, fanOut: 1 })).toThrow('gsmInit: options.fanOut must be even');
    expect(() => gsmInit({ ...ok, fanIn: 0 })).toThrow('gsmInit: options.fanIn must be an integer >= 1, got 0');
    expect(() => gsmInit({ ...ok, fanOut: -2 })).toThrow('gsmInit: options.fanOut must be an integer >= 1, got -2');
    expect(() => gsmInit({ ...ok, fanIn: 2.5 })).toThrow('gsmInit: options.fanIn');
    expect(() => gsmInit({ ...ok, layer: 'middle' as GsmLayer })).toThrow("gsmInit: options.layer must be 'first', 'hidden' or 'last'");
    expect(() => gsmInit({ ...ok, rng: undefined as unknown as typeof ok.rng })).toThrow('gsmInit: options.rng');
  });
});
