import * as tf from '@tensorflow/tfjs-core';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend.ts';
import { buildNetwork } from '../buildNetwork.ts';
import { INITIALISERS } from '../init/initialisers.ts';
import type { WeightMatrix } from '../init/types.ts';
import { gradientQuotient } from './gradientQuotient.ts';
import { attemptSeeds } from './internal/attemptSeeds.ts';
import { sampleBatch } from './internal/sampleBatch.ts';
import { metaInit, type MetaInitOptions } from './metaInit.ts';
import { initBlas } from '../../blas/initBlas.ts';
import { gemmModesForTests } from '../../blas/internal/systemBlasForTests.ts';

beforeAll(async () => {
  await initBackend({ requested: 'wasm' });
});

const SMALL = [16, 8, 8, 8, 10] as const;

/** The He-normal draw `buildNetwork` makes with this seed (what attempt 0 starts from). */
function heNormal(widths: readonly number[], seed: number): WeightMatrix[] {
  const he = buildNetwork({ widths, initialiser: INITIALISERS['he-normal'], slope: 0, seed });
  tf.dispose(he.parameters as tf.Tensor[]);
  return [...he.matrices];
}

/** Mean GQ over `batches` fresh batches of 32 from a fixed held-out stream (seed 123456, never used by metaInit's data). */
function heldOutGradientQuotient(widths: readonly number[], matrices: readonly WeightMatrix[], batches: number): number {
  const rng = xoroshiro128plus(123456);
  const layers = matrices.map((m) => ({ weight: tf.tensor2d(m.data, [m.rows, m.cols]), bias: tf.zeros([m.rows]) }));
  let sum = 0;
  for (let b = 0; b < batches; b++) {
    const batch = sampleBatch({ batchSize: 32, inputSize: widths[0]!, classes: widths[widths.length - 1]!, rng });
    const x = tf.tensor2d(batch.x, [32, widths[0]!]);
    sum += gradientQuotient({ network: { layers, slope: 0, activateInput: false }, x, labels: batch.labels });
    x.dispose();
  }
  tf.dispose(layers.flatMap((l) => [l.weight, l.bias]));
  return sum / batches;
}

describe('metaInit', () => {
  it('lowers the gradient quotient on fresh held-out batches (widths [16, 8, 8, 8, 10], 30 steps, seeds 1–4)', () => {
    // Measured (mean GQ over 16 held-out batches of 32; standard errors ≈ 10% of the before values):
    //   seed 1: 8.91 → 0.36,  seed 2: 2.95 → 0.32,  seed 3: 17.06 → 0.64,  seed 4: 25.19 → 40.87 (40.86 before the explicit formulas: float32 rounding).
    // GQ grows with the weights' scale on this network (×0.5 on every matrix: 8.91 → 0.88), and
    // MetaInit shrinks the norms. Seed 4 goes the wrong way: each batch's dGQ/ds is dominated by a
    // few entries with |g| ≈ 1e-3…1e-6 (terms up to 4·10⁴), so its sign is close to a coin flip
    // per batch and sign-SGD with the authors' lr 0.1 and momentum 0.9 can drift upwards. Hence
    // the claim checked: at least 3 of the 4 seeds lower GQ by a factor > 4 (observed ≥ 9).
    const ratios = [1, 2, 3, 4].map((seed) => {
      const result = metaInit({ widths: SMALL, seed, steps: 30 });
      const before = heldOutGradientQuotient(SMALL, heNormal(SMALL, result.heSeed), 16);
      const after = heldOutGradientQuotient(SMALL, result.matrices, 16);
      return after / before;
    });
    expect(ratios.filter((r) => r < 0.25).length, `after/before per seed: ${ratios.map((r) => r.toFixed(3)).join(', ')}`).toBeGreaterThanOrEqual(3);
  });

  it('only rescales the weight matrices: matrix j is exactly fround(scales[j] × He-normal matrix j) of the same seed', () => {
    const result = metaInit({ widths: SMALL, seed: 1, steps: 30 });
    expect(result.restarts).toBe(0);
    expect(result.heSeed).toBe(1);
    const he = heNormal(SMALL, 1);
    result.matrices.forEach((m, j) => {
      expect([m.rows, m.cols]).toEqual([he[j]!.rows, he[j]!.cols]);
      expect(Number.isFinite(result.scales[j]!) && result.scales[j] !== 0).toBe(true);
      const expected = he[j]!.data.map((v) => Math.fround(v * result.scales[j]!));
      expect(m.data).toEqual(expected);
    });
    // With the default 'flip' the authors' sign flips happen on this run (last matrices' norms
    // are driven through 0); negative scales come only from them.
    expect(result.signFlips).toBeGreaterThan(0);
    expect(result.scales.some((s) => s < 0)).toBe(true);
  });

  it("with negativeNorm 'restart' every result is a positive multiple of a He-normal draw, restarts use a derived seed", () => {
    // Seed 1 drives matrix 3's norm below 0 at step 12 of attempt 0 (see the flip run above), so
    // 'restart' abandons it and attempt 1 starts from the He-normal draw of attemptSeeds(1, 1).he.
    const result = metaInit({ widths: SMALL, seed: 1, steps: 30, negativeNorm: 'restart' });
    expect(result.restarts).toBe(1);
    expect(result.degenerations).toHaveLength(1);
    expect(result.degenerations[0]!.attempt).toBe(0);
    expect(result.degenerations[0]!.reason).toMatch(/norm of matrix \d+ would become -/);
    expect(result.heSeed).toBe(attemptSeeds(1, 1).he);
    expect(result.heSeed).not.toBe(1);
    expect(result.signFlips).toBe(0);
    const he = heNormal(SMALL, result.heSeed);
    result.matrices.forEach((m, j) => {
      expect(result.scales[j]).toBeGreaterThan(0);
      expect(m.data).toEqual(he[j]!.data.map((v) => Math.fround(v * result.scales[j]!)));
    });
  });

  it('reports one GQ per step, starting with the GQ of the He-normal draw on the first seeded batch', () => {
    const seen: number[] = [];
    const result = metaInit({ widths: SMALL, seed: 2, steps: 8, onStep: (info) => seen.push(info.step), engine: 'tfjs' });
    const fused = metaInit({ widths: SMALL, seed: 2, steps: 1 });
    expect(result.steps).toBe(8);
    expect(result.history).toHaveLength(8);
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(result.gradientQuotient).toEqual({ initial: result.history[0], final: result.history[7] });
    // Step 0's batch is the first draw of the attempt's data stream; its GQ at the He-normal draw
    // (zero biases) is what gradientQuotient gives: on the tfjs engine the same float32 graph, so the same value.
    const batch = sampleBatch({ batchSize: 32, inputSize: 16, classes: 10, rng: xoroshiro128plus(attemptSeeds(2, 0).data) });
    const net = buildNetwork({ widths: SMALL, initialiser: INITIALISERS['he-normal'], slope: 0, seed: 2 });
    const x = tf.tensor2d(batch.x, [32, 16]);
    const gq = gradientQuotient({ network: net, x, labels: batch.labels });
    expect(gq).toBe(result.history[0]);
    // The fused engine (Float32Arrays, other summation order): the same value to float32 rounding.
    expect(Math.abs(fused.history[0]! - gq)).toBeLessThanOrEqual(1e-5 * gq);
    tf.dispose([x, ...net.parameters]);
  });

  it('is reproducible: the same seed gives identical matrices and history, another seed different ones', () => {
    const options: MetaInitOptions = { widths: [12, 6, 6, 4], seed: 11, steps: 10 };
    const a = metaInit(options);
    const b = metaInit(options);
    expect(a.matrices).toEqual(b.matrices);
    expect(a.history).toEqual(b.history);
    expect(a.scales).toEqual(b.scales);
    const c = metaInit({ ...options, seed: 12 });
    expect(c.matrices[0]!.data).not.toEqual(a.matrices[0]!.data);
  });

  it('keeps the tensor count flat: constant across steps and unchanged after the run', () => {
    const before = tf.memory().numTensors;
    const counts: number[] = [];
    metaInit({ widths: SMALL, seed: 3, steps: 12, onStep: () => counts.push(tf.memory().numTensors) });
    expect(new Set(counts).size).toBe(1);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('restarts on degeneration and throws, naming every attempt, when all of them degenerate', () => {
    // lr 1e300: the first step multiplies a norm by ≈ ±1e300 — negative (degenerate under
    // 'restart'; flipped under 'flip', then infinite float32 weights and a NaN GQ) or infinite.
    const before = tf.memory().numTensors;
    expect(() => metaInit({ widths: [4, 3, 2], seed: 1, steps: 3, lr: 1e300, maxRestarts: 2 })).toThrow(
      /metaInit: every one of the 3 attempts degenerated \(attempt 0, step \d.*attempt 1, step \d.*attempt 2, step \d/,
    );
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects bad options naming the field', () => {
    const ok: MetaInitOptions = { widths: [4, 3, 2], seed: 1, steps: 1 };
    const bad: readonly [Partial<Record<keyof MetaInitOptions, unknown>>, RegExp][] = [
      [{ widths: [3] }, /options\.widths/],
      [{ widths: [3, 0] }, /options\.widths\[1\]/],
      [{ seed: -1 }, /options\.seed/],
      [{ seed: 1.5 }, /options\.seed/],
      [{ steps: 0 }, /options\.steps/],
      [{ lr: 0 }, /options\.lr/],
      [{ lr: Number.NaN }, /options\.lr/],
      [{ momentum: 1 }, /options\.momentum/],
      [{ momentum: -0.1 }, /options\.momentum/],
      [{ batchSize: 0 }, /options\.batchSize/],
      [{ eps: 0 }, /options\.eps/],
      [{ maxRestarts: -1 }, /options\.maxRestarts/],
      [{ slope: Number.POSITIVE_INFINITY }, /options\.slope/],
      [{ negativeNorm: 'ignore' }, /options\.negativeNorm/],
      [{ activateInput: 'yes' }, /options\.activateInput/],
      [{ onStep: 5 }, /options\.onStep/],
      [{ engine: 'gpu' }, /options\.engine/],
    ];
    for (const [patch, field] of bad) {
      expect(() => metaInit({ ...ok, ...patch } as MetaInitOptions)).toThrow(new RegExp(`^metaInit: ${field.source}`));
    }
    expect(() => metaInit(undefined as unknown as MetaInitOptions)).toThrow(/^metaInit: options must be an object/);
  });
});

describe.each(gemmModesForTests())('metaInit engines, GEMM $name', ({ gemm }) => {
  it("the fused engine (default) takes the tfjs engine's steps: same scales, GQ history within float32 rounding (SMALL, 30 steps; CIFAR shapes w10/d8, 6 steps)", () => {
    initBlas(gemm.info.provider === 'wasm' ? { requested: 'off' } : { requested: gemm.info.library!, threads: 1 });
    for (const [widths, steps] of [[SMALL, 30], [[3072, 10, 10, 10, 10, 10, 10, 10, 10, 10], 6]] as const) {
      const fused = metaInit({ widths, seed: 5, steps });
      const reference = metaInit({ widths, seed: 5, steps, engine: 'tfjs' });
      // Sign-SGD: identical signs give identical scales, bit for bit.
      expect(fused.scales).toEqual(reference.scales);
      expect(fused.restarts).toBe(reference.restarts);
      // GQ: both float32, summation orders differ. GQ reaches 10²–10³ where some |g_i| ≈ ε, and
      // those terms amplify rounding by |g_i − (Hg)_i|/|g_i + ε| (the condition number of
      // tolerances.ts, ≈ 1e5 at CIFAR shapes): measured up to 2.5e-4 (wasm) and 3e-4 (step 0) to
      // 2.1e-3 (step 5: 1653) relative on OpenBLAS with identical weights — an ill-conditioned value,
      // so an empirical bound of 1e-2; the rigorous float64 comparisons are fusedGradientQuotient.test.ts's.
      // What MetaInit decides (the scales above) is identical.
      fused.history.forEach((g, i) => expect(Math.abs(g - reference.history[i]!), `step ${i}`).toBeLessThanOrEqual(1e-2 * reference.history[i]!));
    }
  });
});
