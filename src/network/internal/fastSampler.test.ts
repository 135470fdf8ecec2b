import * as tf from '@tensorflow/tfjs-core';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { beforeAll, describe, expect, it } from 'vitest';
import { normal } from '../../distributions/normal.ts';
import { rademacher } from '../../distributions/rademacher.ts';
import { initBackend } from '../backend.ts';
import { forward } from '../forward.ts';
import { sampleLayerOutputs } from '../sampleLayerOutputs.ts';
import { batchedForwardJs } from './batchedForwardJs.ts';
import { fillStandardNormal } from './fillStandardNormal.ts';

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

  it('fillStandardNormal draws N(0, s²): mean, variance and kurtosis of 10⁶ values (false alarm 1e-6 per test, power ≈ 1 against 5%)', () => {
    // n = 10⁶: sd of the mean 1e-3·s, of the variance √2·1e-3·s², of the kurtosis √24·1e-3 ≈ 4.9e-3.
    // |z| < 4.89 (two-sided 1e-6). A 5% error in the variance (0.05 = 35 sd) or the kurtosis
    // (0.15 = 31 sd) would be detected with power ≈ 1; so would the sine branch's values being
    // the cosine branch's (checked below by the lag-1 correlation, sd 1e-3).
    const n = 1_000_000;
    const s = 1.7;
    const z = new Float32Array(n);
    fillStandardNormal(xoroshiro128plus(20261124), z, s);
    let m1 = 0;
    for (const v of z) m1 += v;
    m1 /= n;
    let m2 = 0;
    let m4 = 0;
    let lag = 0;
    for (let i = 0; i < n; i++) {
      const d = z[i]! - m1;
      m2 += d * d;
      m4 += d ** 4;
      if (i + 1 < n) lag += d * (z[i + 1]! - m1);
    }
    m2 /= n;
    m4 /= n;
    const kurtosis = m4 / (m2 * m2);
    const limit = 4.89;
    expect(Math.abs(m1 / (s * 1e-3)), `mean ${m1}, seed 20261124`).toBeLessThan(limit);
    expect(Math.abs((m2 - s * s) / (Math.SQRT2 * 1e-3 * s * s)), `variance ${m2}`).toBeLessThan(limit);
    expect(Math.abs((kurtosis - 3) / (Math.sqrt(24) * 1e-3)), `kurtosis ${kurtosis}`).toBeLessThan(limit);
    expect(Math.abs(lag / (n - 1) / m2 / 1e-3), `lag-1 correlation ${lag / (n - 1) / m2}`).toBeLessThan(limit);
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
