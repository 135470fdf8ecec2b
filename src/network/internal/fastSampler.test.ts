import * as tf from '@tensorflow/tfjs-core';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { beforeAll, describe, expect, it } from 'vitest';
import { normal } from '../../distributions/normal.ts';
import { rademacher } from '../../distributions/rademacher.ts';
import { initBackend } from '../backend.ts';
import { forward } from '../forward.ts';
import { sampleLayerOutputs } from '../sampleLayerOutputs.ts';
import { batchedForwardJs } from './batchedForwardJs.ts';
import { simdNormals } from './simdNormals.ts';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import gammaincinv from '@stdlib/math-base-special-gammaincinv';

beforeAll(async () => {
  await initBackend({ requested: 'wasm' });
});

describe('the Monte Carlo fast path against the reference path', () => {
  it('batchedForwardJs equals the tfjs batched forward pass (taps) on the same weights and inputs', () => {
    const widths = [5, 7, 4, 6];
    const draws = 33;
    const rng = xoroshiro128plus(3);
    const z = normal();
    const input = Float32Array.from({ length: draws * widths[0]! }, () => z.sample(rng));
    const weights = widths.slice(1).map((out, l) => Float32Array.from({ length: draws * out * widths[l]! }, () => z.sample(rng)));
    for (const [slope, activateInput] of [[0, true], [0.2, false], [-0.5, true]] as const) {
      const got = batchedForwardJs({ widths, weights, input, draws, slope, activateInput });
      const taps = tf.tidy(() => {
        const layers = weights.map((data, l) => ({ weight: tf.tensor3d(data, [draws, widths[l + 1]!, widths[l]!]) }));
        return forward({ layers, slope, activateInput }, tf.tensor3d(input, [draws, 1, widths[0]!]), { tap: true }).taps.map((t) => Float32Array.from(t.dataSync() as Float32Array));
      });
      expect(got[0]).toBe(input);
      taps.forEach((t, l) => {
        const scale = Math.max(...Array.from(t, Math.abs));
        // float32 products of ≤ 7 terms: |Δ| ≤ 16 ulps of the layer's largest value.
        t.forEach((v, i) => expect(Math.abs(got[l + 1]![i]! - v), `slope ${slope}, layer ${l + 1}, entry ${i}`).toBeLessThanOrEqual(16 * 2 ** -24 * scale));
      });
      // Teeth: the reference with another slope is told apart.
      if (slope !== 0) expect(batchedForwardJs({ widths, weights, input, draws, slope: slope + 0.05, activateInput })[2]!.some((v, i) => Math.abs(v - taps[1]![i]!) > 1e-3)).toBe(true);
    }
  });

  it('simdNormals draws N(0, s²): mean, variance, kurtosis, lag-1 and lag-4 correlation of 10⁶ values, and 200 equiprobable bins (false alarm 1e-6 per test)', () => {
    // n = 10⁶: sd of the mean 1e-3·s, of the variance √2·1e-3·s², of the kurtosis √24·1e-3 ≈ 4.9e-3.
    // |z| < 4.89 (two-sided 1e-6). A 5% error in the variance (0.05 = 35 sd) or the kurtosis
    // (0.15 = 31 sd) is detected with power ≈ 1; so is a sine branch equal to the cosine branch
    // (lag 4 inside each block of 8: [cos lanes 0–3, sin lanes 0–3]) or a lane repeating its
    // neighbour (lag 1), each correlation with sd 1e-3. The bins: counts in 200 cells of
    // probability 1/200 each (normal quantiles), Pearson's χ² against its 199-df quantile at 1 − 1e-6
    // (≈ 309; this seed gives ≈ 200): the same values read with the scale 1% off give χ² ≈ 409 (the
    // teeth below) — a 1% error in the scale is about the smallest this test detects at n = 10⁶.
    const n = 1_000_000;
    const s = 1.7;
    for (const kind of ['simd', 'js'] as const) {
      const z = new Float32Array(n);
      simdNormals(xoroshiro128plus(20261124), { kind }).fill(z, s);
      let m1 = 0;
      for (const v of z) m1 += v;
      m1 /= n;
      let m2 = 0;
      let m4 = 0;
      let lag1 = 0;
      let lag4 = 0;
      for (let i = 0; i < n; i++) {
        const d = z[i]! - m1;
        m2 += d * d;
        m4 += d ** 4;
        if (i + 1 < n) lag1 += d * (z[i + 1]! - m1);
        if (i + 4 < n) lag4 += d * (z[i + 4]! - m1);
      }
      m2 /= n;
      m4 /= n;
      const kurtosis = m4 / (m2 * m2);
      const limit = 4.89;
      expect(Math.abs(m1 / (s * 1e-3)), `${kind}: mean ${m1}, seed 20261124`).toBeLessThan(limit);
      expect(Math.abs((m2 - s * s) / (Math.SQRT2 * 1e-3 * s * s)), `${kind}: variance ${m2}`).toBeLessThan(limit);
      expect(Math.abs((kurtosis - 3) / (Math.sqrt(24) * 1e-3)), `${kind}: kurtosis ${kurtosis}`).toBeLessThan(limit);
      expect(Math.abs(lag1 / (n - 1) / m2 / 1e-3), `${kind}: lag-1 correlation`).toBeLessThan(limit);
      expect(Math.abs(lag4 / (n - 4) / m2 / 1e-3), `${kind}: lag-4 correlation`).toBeLessThan(limit);
      const cells = 200;
      const counts = new Float64Array(cells);
      for (const v of z) counts[Math.min(cells - 1, Math.floor(cells * normalCdf(v / s, 0, 1)))]!++;
      const chi2 = counts.reduce((acc, c) => acc + (c - n / cells) ** 2 / (n / cells), 0);
      expect(chi2, `${kind}: χ² over ${cells} equiprobable cells`).toBeLessThan(2 * gammaincinv(1 - 1e-6, (cells - 1) / 2));
      if (kind === 'simd') {
        // Teeth: the same test rejects a 1% error in the scale.
        const wrong = new Float64Array(cells);
        for (const v of z) wrong[Math.min(cells - 1, Math.floor(cells * normalCdf(v / (1.01 * s), 0, 1)))]!++;
        const wrongChi2 = wrong.reduce((acc, c) => acc + (c - n / cells) ** 2 / (n / cells), 0);
        expect(wrongChi2).toBeGreaterThan(2 * gammaincinv(1 - 1e-6, (cells - 1) / 2));
      }
    }
  });

  it('simdNormals: the SIMD kernel and its scalar twin give the same float32 values bit for bit, whatever the fill lengths; the stream depends only on the generator', () => {
    const lengths = [1, 7, 8, 9, 16383, 16384, 16385, 40000, 3];
    const [a, b] = (['simd', 'js'] as const).map((kind) => {
      const g = simdNormals(xoroshiro128plus(77), { kind });
      expect(g.kind).toBe(kind);
      return lengths.map((len, i) => {
        const out = new Float32Array(len);
        g.fill(out, i % 3 === 0 ? 1 : 0.25);
        return Array.from(out);
      });
    });
    expect(a).toEqual(b);
    // Special values stay finite and bounded: |z| ≤ √(2·33·ln 2)·s ≈ 6.76·s.
    expect(a.flat().every((v) => Number.isFinite(v) && Math.abs(v) <= 6.77)).toBe(true);
    const again = simdNormals(xoroshiro128plus(77));
    const first = new Float32Array(1);
    again.fill(first, 1);
    expect(first[0]).toBe(a[0]![0]);
    const other = simdNormals(xoroshiro128plus(78));
    other.fill(first, 1);
    expect(first[0]).not.toBe(a[0]![0]);
  });

  it('sampleLayerOutputs({ fast: true }): reproducible, a different stream of the same law; non-normal laws keep their sampler', () => {
    const base = { widths: [8, 8, 8], slope: 0, weights: normal(), input: normal(), draws: 20000, seed: 9, fast: true };
    const a = [...sampleLayerOutputs(base)];
    const b = [...sampleLayerOutputs(base)];
    expect(a.map((c) => c.layers.map((l) => Array.from(l.subarray(0, 8))))).toEqual(b.map((c) => c.layers.map((l) => Array.from(l.subarray(0, 8)))));
    const reference = [...sampleLayerOutputs({ ...base, fast: false })];
    expect(Array.from(a[0]!.layers[0]!.subarray(0, 8))).not.toEqual(Array.from(reference[0]!.layers[0]!.subarray(0, 8)));
    // Proposition 1 (He, fan-in): every layer keeps the input variance 1. Layer 2 at width 8 has
    // κ₂ = 7.92 (`vv kurtosis --width 8 --depth 2`), so one y² has sd √(κ₂ − 1) = 2.63; the mean of
    // 20,000 draws' 8 units, taking the 8 as fully dependent (worst case), has sd ≤ 2.63/√20000 =
    // 0.019, and 0.12 is 6.4 sd (false alarm < 1e-9 under normality of the mean), for both paths;
    // a 15% error in the fast path's weight scale (variance × 1.15² ≈ 1.32 at layer 2) fails it.
    for (const run of [a, reference]) {
      const y = run.flatMap((c) => Array.from(c.layers[2]!));
      const v = y.reduce((s, x) => s + x * x, 0) / y.length;
      expect(Math.abs(v - 1), `layer-2 variance ${v}`).toBeLessThan(0.12);
    }
    // A Rademacher law is drawn by its own sampler on both paths: the same inputs.
    const r = { ...base, weights: rademacher(), input: rademacher(), draws: 4 };
    expect(Array.from([...sampleLayerOutputs(r)][0]!.layers[0]!)).toEqual(Array.from([...sampleLayerOutputs({ ...r, fast: false })][0]!.layers[0]!));
  });
});
