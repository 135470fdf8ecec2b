import { describe, it, expect } from 'vitest';
import { qr } from 'mathjs';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { normal } from '../../distributions/normal.ts';
import { orthogonalInit } from './orthogonalInit.ts';
import type { WeightMatrix } from './types.ts';
import { ORTHOGONALITY_TOLERANCE } from './internal/tolerances.ts';

/**
 * Largest |(G − gain²·I)_ij| of the Gram matrix of W's rows (W Wᵀ) when rows ≤ cols, else of its
 * columns (Wᵀ W), computed in float64 from the float32 entries.
 */
function gramError(w: WeightMatrix, gain: number): number {
  const { rows, cols, data } = w;
  const byRows = rows <= cols;
  const count = byRows ? rows : cols;
  const length = byRows ? cols : rows;
  const at = (v: number, t: number): number => (byRows ? data[v * cols + t]! : data[t * cols + v]!);
  let worst = 0;
  for (let u = 0; u < count; u++) {
    for (let v = u; v < count; v++) {
      let s = 0;
      for (let t = 0; t < length; t++) s += at(u, t) * at(v, t);
      worst = Math.max(worst, Math.abs(s - (u === v ? gain * gain : 0)));
    }
  }
  return worst;
}

describe('orthogonalInit', () => {
  it.each([
    { fanIn: 3072, fanOut: 200, gain: Math.SQRT2 }, // authors' first layer, width 200: orthonormal rows
    { fanIn: 200, fanOut: 10, gain: Math.SQRT2 }, // final layer 200 → 10
    { fanIn: 10, fanOut: 200, gain: Math.SQRT2 }, // tall: orthonormal columns
    { fanIn: 200, fanOut: 200, gain: Math.SQRT2 }, // square: both
    { fanIn: 7, fanOut: 7, gain: 0.5 },
    { fanIn: 1, fanOut: 1, gain: 3 },
    { fanIn: 5, fanOut: 1, gain: 1 },
    { fanIn: 1, fanOut: 5, gain: 1 },
  ])('W Wᵀ = gain²·I (rows ≤ cols) or Wᵀ W = gain²·I, to 1e-5 ($fanOut×$fanIn, gain $gain)', ({ fanIn, fanOut, gain }) => {
    const w = orthogonalInit({ fanIn, fanOut, gain, rng: xoroshiro128plus(fanIn * 7919 + fanOut) });
    expect([w.rows, w.cols, w.data.length]).toEqual([fanOut, fanIn, fanIn * fanOut]);
    expect(gramError(w, gain)).toBeLessThanOrEqual(ORTHOGONALITY_TOLERANCE);
    if (fanIn === fanOut) expect(gramError({ rows: fanIn, cols: fanOut, data: transpose(w) }, gain)).toBeLessThanOrEqual(ORTHOGONALITY_TOLERANCE);
  });

  it('reproduces its TSDoc example (seed 1, 2×2, gain 1)', () => {
    const w = orthogonalInit({ fanIn: 2, fanOut: 2, gain: 1, rng: xoroshiro128plus(1) });
    const expected = [0.98664081, -0.16291068, 0.16291068, 0.98664081];
    w.data.forEach((x, t) => expect(Math.abs(x - expected[t]!)).toBeLessThanOrEqual(1e-8));
  });

  it('defaults to the ReLU gain √2', () => {
    const w = orthogonalInit({ fanIn: 30, fanOut: 20, rng: xoroshiro128plus(4) });
    expect(gramError(w, Math.SQRT2)).toBeLessThanOrEqual(ORTHOGONALITY_TOLERANCE);
  });

  it.each([
    { fanIn: 6, fanOut: 4 },
    { fanIn: 4, fanOut: 6 },
    { fanIn: 5, fanOut: 5 }, // square: PyTorch transposes only when rows < cols, so G itself is factored
  ])("follows PyTorch's orthogonal_ step by step, with mathjs's QR as the reference ($fanOut×$fanIn)", ({ fanIn, fanOut }) => {
    const gain = 1.5;
    const w = orthogonalInit({ fanIn, fanOut, gain, rng: xoroshiro128plus(31) });
    // Independent: same Gaussian G (rows × cols, row-major); transpose if rows < cols; mathjs QR;
    // Q·diag(sign(diag R)); first n columns; transpose back; times gain.
    const rng = xoroshiro128plus(31);
    const z = normal();
    const g = Array.from({ length: fanOut }, () => Array.from({ length: fanIn }, () => z.sample(rng)));
    const flip = fanOut < fanIn;
    const a = flip ? g[0]!.map((_, j) => g.map((row) => row[j]!)) : g;
    const { Q, R } = qr(a) as unknown as { Q: number[][]; R: number[][] };
    const n = Math.min(fanIn, fanOut);
    const q = Q.map((row) => row.slice(0, n).map((x, j) => x * Math.sign(R[j]![j]!) * gain));
    const expected = flip ? q[0]!.map((_, j) => q.map((row) => row[j]!)) : q;
    // float32 storage: |fround(x) − x| ≤ 2⁻²⁴·|x| ≤ 2⁻²⁴·gain; mathjs vs ours in float64 ~1e-15.
    expected.flat().forEach((x, t) => expect(Math.abs(w.data[t]! - x)).toBeLessThanOrEqual(2 ** -24 * gain + 1e-12));
  });

  it('the sign correction makes W Haar-like: diagonal entries are positive half of the time', () => {
    // Without it, Householder QR gives Q[0][0] = −|G[0][0]|/‖G e₀‖ < 0 always. Over 400 4×4 draws,
    // #(W[0][0] > 0) ~ Binomial(400, 1/2): |count − 200| ≤ 4.89·10 at α = 1e-6.
    const rng = xoroshiro128plus(55);
    let positive = 0;
    for (let t = 0; t < 400; t++) if (orthogonalInit({ fanIn: 4, fanOut: 4, gain: 1, rng }).data[0]! > 0) positive++;
    expect(Math.abs(positive - 200)).toBeLessThanOrEqual(4.8916 * 10);
  });

  it('advances the rng in place by exactly fanOut·fanIn standard normal draws (the matrix G)', () => {
    for (const [fanIn, fanOut] of [[5, 3], [3, 5], [4, 4]] as const) {
      const rng = xoroshiro128plus(12);
      const reference = rng.clone();
      orthogonalInit({ fanIn, fanOut, rng });
      const z = normal();
      for (let t = 0; t < fanIn * fanOut; t++) z.sample(reference);
      expect(rng.next(), `${fanOut}×${fanIn}`).toBe(reference.next());
    }
  });

  it('same seed → identical Float32Array; different seeds differ', () => {
    const make = (seed: number) => orthogonalInit({ fanIn: 40, fanOut: 30, rng: xoroshiro128plus(seed) }).data;
    expect(make(9)).toEqual(make(9));
    expect(make(9)).not.toEqual(make(10));
  });

  it('rejects bad options, naming orthogonalInit and the field', () => {
    const ok = { fanIn: 3, fanOut: 2, rng: xoroshiro128plus(1) };
    expect(() => orthogonalInit({ ...ok, fanIn: 0 })).toThrow('orthogonalInit: options.fanIn must be an integer >= 1, got 0');
    expect(() => orthogonalInit({ ...ok, fanOut: -2 })).toThrow('orthogonalInit: options.fanOut must be an integer >= 1, got -2');
    expect(() => orthogonalInit({ ...ok, fanOut: 1.5 })).toThrow('orthogonalInit: options.fanOut');
    expect(() => orthogonalInit({ ...ok, gain: 0 })).toThrow('orthogonalInit: options.gain must be a finite number > 0, got 0');
    for (const gain of [-1, Number.NaN, Number.POSITIVE_INFINITY, '2'])
      expect(() => orthogonalInit({ ...ok, gain: gain as number }), String(gain)).toThrow(`orthogonalInit: options.gain must be a finite number > 0, got ${String(gain)}`);
    expect(() => orthogonalInit({ ...ok, rng: {} as typeof ok.rng })).toThrow('orthogonalInit: options.rng');
  });
});

function transpose(w: WeightMatrix): Float32Array {
  const out = new Float32Array(w.data.length);
  for (let i = 0; i < w.rows; i++) for (let j = 0; j < w.cols; j++) out[j * w.rows + i] = w.data[i * w.cols + j]!;
  return out;
}
