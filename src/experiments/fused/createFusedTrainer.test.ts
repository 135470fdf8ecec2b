import fc from 'fast-check';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { beforeAll, describe, expect, it } from 'vitest';
import { gemmModesForTests } from '../../blas/internal/systemBlasForTests.ts';
import { initBackend } from '../../network/backend.ts';
import { forward, type Network } from '../../network/forward.ts';
import { INITIALISERS, type BuiltInInitialiserName } from '../../network/init/initialisers.ts';
import { createFusedTrainer, type FusedData } from './createFusedTrainer.ts';
import { gradientMismatches, LOSS_RELATIVE } from './internal/tolerances.ts';
import type { FusedNetworkSpec } from './types.ts';

beforeAll(async () => {
  await initBackend({ requested: 'wasm' });
});

const MODES = gemmModesForTests();
const INIT_NAMES = Object.keys(INITIALISERS) as BuiltInInitialiserName[];
const ADAM = { learningRate: 1e-3, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };

interface Case {
  readonly spec: FusedNetworkSpec;
  readonly init: BuiltInInitialiserName;
  readonly data: FusedData;
  readonly indices: Int32Array;
}

/** Networks of every built-in initialiser, widths 1…9 (even for GSM), 1–6 Linears, slope 0 or leaky, with/without biases (random, so they matter), either activation convention. */
const caseArbitrary: fc.Arbitrary<Case> = fc
  .record({
    init: fc.constantFrom(...INIT_NAMES),
    widths: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 2, maxLength: 7 }),
    slope: fc.constantFrom(0, 0, 0.1, -0.3, 1),
    activateInput: fc.boolean(),
    biases: fc.boolean(),
    rows: fc.integer({ min: 1, max: 12 }),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  })
  .map((r) => {
    const widths = r.init === 'gsm' ? r.widths.map((w) => 2 * Math.ceil(w / 2)) : r.widths;
    const rng = xoroshiro128plus(r.seed);
    const L = widths.length - 1;
    const initialiser = INITIALISERS[r.init];
    const weights = widths.slice(1).map((fanOut, layerIndex) => initialiser({ fanIn: widths[layerIndex]!, fanOut, layerIndex, layerCount: L, slope: r.slope, rng }).data);
    let s = r.seed + 1;
    const uniform = (): number => {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      return s / 2 ** 32 - 0.5;
    };
    const biases = r.biases ? widths.slice(1).map((w) => Float32Array.from({ length: w }, () => 0.2 * uniform())) : null;
    const count = r.rows + 3;
    const values = Float32Array.from({ length: count * widths[0]! }, () => 2 * uniform());
    const labels = Uint8Array.from({ length: count }, (_, i) => i % widths[L]!);
    const indices = Int32Array.from({ length: r.rows }, (_, i) => (i * 7 + 1) % count);
    return { spec: { widths, weights, biases, slope: r.slope, activateInput: r.activateInput }, init: r.init, data: { values, labels, count, size: widths[0]! }, indices };
  });

/** tfjs's loss and gradients (tf.variableGrads on the shared forward pass): the reference. */
function tfjsReference(spec: FusedNetworkSpec, data: FusedData, indices: Int32Array): { loss: number; grads: Float32Array[] } {
  return tf.tidy(() => {
    const { widths } = spec;
    const L = widths.length - 1;
    const vars: tf.Variable[] = [];
    const layers = spec.weights.map((w, i) => {
      const weight = tf.variable(tf.tensor2d(w, [widths[i + 1]!, widths[i]!]));
      vars.push(weight);
      if (spec.biases === null) return { weight };
      const bias = tf.variable(tf.tensor1d(spec.biases[i]!));
      vars.push(bias);
      return { weight, bias };
    });
    const network: Network = { layers, slope: spec.slope, activateInput: spec.activateInput };
    const rows = indices.length;
    const xs = new Float32Array(rows * widths[0]!);
    const ys = new Float32Array(rows * widths[L]!);
    indices.forEach((index, r) => {
      xs.set(data.values.subarray(index * data.size, (index + 1) * data.size), r * data.size);
      ys[r * widths[L]! + data.labels[index]!] = 1;
    });
    const x = tf.tensor2d(xs, [rows, widths[0]!]);
    const y = tf.tensor2d(ys, [rows, widths[L]!]);
    const { value, grads } = tf.variableGrads(() => tf.losses.softmaxCrossEntropy(y, forward(network, x).output, undefined, 0, tf.Reduction.MEAN) as tf.Scalar, vars);
    const out = { loss: value.dataSync()[0]!, grads: vars.map((v) => Float32Array.from(grads[v.name]!.dataSync() as Float32Array)) };
    vars.forEach((v) => v.dispose());
    return out;
  });
}

function fusedGradients(spec: FusedNetworkSpec, c: Case, gemm: (typeof MODES)[number]['gemm']): { loss: number; grads: Float32Array[] } {
  const t = createFusedTrainer({ network: spec, maxBatch: c.indices.length, adam: ADAM, gemm });
  const loss = t.lossAndGradients(c.data, c.indices);
  const { layout } = t;
  const grads = spec.widths.slice(1).flatMap((w, i) => {
    const wo = layout.weightOffset[i]!;
    const W = t.grads.slice(wo, wo + w * spec.widths[i]!);
    return layout.biasOffset[i]! < 0 ? [W] : [W, t.grads.slice(layout.biasOffset[i]!, layout.biasOffset[i]! + w)];
  });
  return { loss, grads };
}

describe.each(MODES)('fused engine against tfjs, GEMM $name', ({ gemm }) => {
  it('loss and every gradient equal tfjs’s on generated networks (every initialiser, widths, depths, slopes, biases, both activation conventions)', () => {
    const reached = { init: new Set<string>(), slopeZero: 0, leaky: 0, activateInput: 0, biases: 0, deep: 0, simdHidden: 0, jsHidden: 0 };
    fc.assert(
      fc.property(caseArbitrary, (c) => {
        reached.init.add(c.init);
        if (c.spec.slope === 0) reached.slopeZero++;
        else reached.leaky++;
        if (c.spec.activateInput) reached.activateInput++;
        if (c.spec.biases !== null) reached.biases++;
        if (c.spec.widths.length >= 5) reached.deep++;
        // Hidden layers whose elementwise passes run as SIMD kernels (width % 4 = 0, a ≥ 0), and the rest.
        const hiddenWidths = c.spec.widths.slice(1, -1);
        if (c.spec.slope >= 0 && hiddenWidths.some((w) => w % 4 === 0)) reached.simdHidden++;
        if (hiddenWidths.some((w) => w % 4 !== 0 || c.spec.slope < 0)) reached.jsHidden++;
        const want = tfjsReference(c.spec, c.data, c.indices);
        const got = fusedGradients(c.spec, c, gemm);
        expect(Math.abs(got.loss - want.loss)).toBeLessThanOrEqual(LOSS_RELATIVE * Math.abs(want.loss) + 1e-7);
        expect(gradientMismatches(got.grads, want.grads)).toEqual([]);
      }),
      { seed: 1605, numRuns: 150 },
    );
    expect([...reached.init].sort()).toEqual([...INIT_NAMES].sort());
    for (const [k, n] of Object.entries(reached)) if (typeof n === 'number') expect(n, k).toBeGreaterThan(5);
  });

  it('teeth: a tfjs network with one weight matrix scaled by 1 + 1e-3, or the slope moved by 0.01, is told apart', () => {
    const c = fc.sample(caseArbitrary.filter((x) => x.spec.widths.length >= 4 && x.spec.widths.every((w) => w >= 3) && x.init === 'he-normal' && x.indices.length >= 4 && x.spec.slope !== 1), { seed: 7, numRuns: 1 })[0]!;
    const got = fusedGradients(c.spec, c, gemm);
    expect(gradientMismatches(got.grads, tfjsReference(c.spec, c.data, c.indices).grads)).toEqual([]);
    const moved = c.spec.weights.map((w) => w.slice());
    moved[1] = moved[1]!.map((x) => x * (1 + 1e-3));
    expect(gradientMismatches(got.grads, tfjsReference({ ...c.spec, weights: moved }, c.data, c.indices).grads).length).toBeGreaterThan(0);
    expect(gradientMismatches(got.grads, tfjsReference({ ...c.spec, slope: c.spec.slope + 0.01 }, c.data, c.indices).grads).length).toBeGreaterThan(0);
  });

  it('Adam: one step moves every parameter by PyTorch’s first update, lr·g/(|g| + ε·…) ≈ lr·sign(g)', () => {
    const c = fc.sample(caseArbitrary.filter((x) => x.spec.biases !== null), { seed: 11, numRuns: 1 })[0]!;
    const t = createFusedTrainer({ network: c.spec, maxBatch: c.indices.length, adam: ADAM, gemm });
    const before = t.params.slice();
    t.lossAndGradients(c.data, c.indices);
    const g = t.grads.slice();
    t.adamStep();
    // Step 1: m̂ = g, v̂ = g², so Δp = −lr·g/(|g| + ε) exactly in real arithmetic.
    for (let k = 0; k < before.length; k++) {
      const want = before[k]! - (ADAM.learningRate * g[k]!) / (Math.abs(g[k]!) + ADAM.epsilon);
      expect(Math.abs(t.params[k]! - want)).toBeLessThanOrEqual(4 * 2 ** -24 * Math.abs(want) + 1e-12);
    }
  });

  it('Adam: the SIMD kernel and the JavaScript loop take the same 20 steps to float32 rounding (odd parameter count: the padding stays inert)', () => {
    const c = fc.sample(caseArbitrary.filter((x) => x.spec.biases !== null && x.spec.widths.length >= 3), { seed: 17, numRuns: 1 })[0]!;
    const simd = createFusedTrainer({ network: c.spec, maxBatch: c.indices.length, adam: ADAM, gemm, adamUpdate: 'simd' });
    const js = createFusedTrainer({ network: c.spec, maxBatch: c.indices.length, adam: ADAM, gemm, adamUpdate: 'js' });
    expect([simd.adamUpdate, js.adamUpdate]).toEqual(['simd', 'js']);
    for (let step = 0; step < 20; step++) {
      js.lossAndGradients(c.data, c.indices);
      simd.grads.set(js.grads); // the same gradients: only the update differs
      simd.adamStep();
      js.adamStep();
      // Each step moves a parameter by ≤ lr·|m̂|/(√v̂ + ε) ≲ lr·few; the two differ by float32 roundings
      // of p (2⁻²⁴|p| each) and of that step: 8 ulps of |p| plus 1e-3 of lr per step, accumulated.
      for (let k = 0; k < js.params.length; k++) {
        expect(Math.abs(simd.params[k]! - js.params[k]!), `step ${step}, parameter ${k}`).toBeLessThanOrEqual(8 * 2 ** -24 * Math.abs(js.params[k]!) + 1e-3 * ADAM.learningRate * (step + 1));
      }
      simd.params.set(js.params); // resynchronise, so each step is compared on its own
    }
  });

  it('elementwise passes: the SIMD kernels and the JavaScript loops give the same loss, gradients and accuracy (bit for bit at slope 0; float32 slope rounding otherwise)', () => {
    const widthsOf4 = caseArbitrary.map((c) => {
      // Every width a multiple of 4 (the kernels' case), the generated weights cut or repeated to fit.
      const widths = c.spec.widths.map((w) => 4 * Math.ceil(w / 4));
      const resize = (x: Float32Array, n: number) => Float32Array.from({ length: n }, (_, i) => x[i % x.length]!);
      const spec = { ...c.spec, widths, weights: c.spec.weights.map((w, i) => resize(w, widths[i + 1]! * widths[i]!)), biases: c.spec.biases === null ? null : c.spec.biases.map((b, i) => resize(b, widths[i + 1]!)) };
      const data = { ...c.data, size: widths[0]!, values: resize(c.data.values, c.data.count * widths[0]!) };
      return { ...c, spec, data };
    });
    let exact = 0;
    fc.assert(
      fc.property(widthsOf4, (c) => {
        const [simd, js] = (['simd', 'js'] as const).map((elementwise) => createFusedTrainer({ network: c.spec, maxBatch: c.indices.length, evalChunk: 3, adam: ADAM, gemm, elementwise }));
        expect([simd!.elementwise, js!.elementwise]).toEqual(['simd', 'js']);
        const [ls, lj] = [simd!.lossAndGradients(c.data, c.indices), js!.lossAndGradients(c.data, c.indices)];
        if (c.spec.slope === 0) {
          exact++;
          expect(ls).toBe(lj);
          expect(Array.from(simd!.grads)).toEqual(Array.from(js!.grads));
        } else {
          expect(Math.abs(ls - lj)).toBeLessThanOrEqual(LOSS_RELATIVE * Math.abs(lj) + 1e-7);
          const [gs, gj] = [simd!.grads, js!.grads];
          expect(gradientMismatches([gs], [gj])).toEqual([]);
        }
        expect(simd!.evaluate(c.data)).toEqual(js!.evaluate(c.data));
      }),
      { seed: 2412, numRuns: 60 },
    );
    expect(exact).toBeGreaterThan(10);
  });

  it('evaluate equals the tfjs forward pass’s arg-max accuracy and flags non-finite logits', () => {
    const c = fc.sample(caseArbitrary.filter((x) => x.spec.widths.at(-1)! >= 3), { seed: 13, numRuns: 1 })[0]!;
    const t = createFusedTrainer({ network: c.spec, maxBatch: 1, evalChunk: 2, adam: ADAM, gemm });
    const got = t.evaluate(c.data);
    const logits = tf.tidy(() => {
      const { widths } = c.spec;
      const layers = c.spec.weights.map((w, i) => ({ weight: tf.tensor2d(w, [widths[i + 1]!, widths[i]!]), ...(c.spec.biases === null ? {} : { bias: tf.tensor1d(c.spec.biases[i]!) }) }));
      return forward({ layers, slope: c.spec.slope, activateInput: c.spec.activateInput }, tf.tensor2d(c.data.values, [c.data.count, c.data.size])).output.dataSync();
    });
    const C = c.spec.widths.at(-1)!;
    let correct = 0;
    for (let r = 0; r < c.data.count; r++) {
      let best = 0;
      for (let k = 1; k < C; k++) if (logits[r * C + k]! > logits[r * C + best]!) best = k;
      if (best === c.data.labels[r]) correct++;
    }
    expect(got).toEqual({ accuracy: correct / c.data.count, correct, count: c.data.count, nonFinite: 0 });
    t.weight(c.spec.widths.length - 1)[0] = Number.NaN;
    expect(t.evaluate(c.data)).toMatchObject({ accuracy: null });
  });

  it('rejects malformed networks and batches, naming the field', () => {
    const spec: FusedNetworkSpec = { widths: [2, 3], weights: [new Float32Array(5)], biases: null, slope: 0, activateInput: false };
    expect(() => createFusedTrainer({ network: spec, maxBatch: 4, adam: ADAM, gemm })).toThrow(/network.weights\[0\] must be a Float32Array of 6 entries/);
    expect(() => createFusedTrainer({ network: { ...spec, weights: [new Float32Array(6)] }, maxBatch: 0, adam: ADAM, gemm })).toThrow(/options.maxBatch must be an integer ≥ 1/);
    const t = createFusedTrainer({ network: { ...spec, weights: [new Float32Array(6)] }, maxBatch: 2, adam: ADAM, gemm });
    expect(() => t.lossAndGradients({ values: new Float32Array(6), labels: new Uint8Array(3), count: 3, size: 2 }, new Int32Array(3))).toThrow(/a batch must hold 1…2 examples/);
  });
});
