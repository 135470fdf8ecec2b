import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend.ts';
import { gradientQuotient } from './gradientQuotient.ts';
import { tinyFixture, type TinyFixtureOptions } from './internal/fixtures.ts';
import { gradientQuotient64 } from './internal/reference64.ts';
import { ENTRY_RELATIVE_ERROR, FEW_ROUNDINGS_RELATIVE, gradientQuotientBound } from './internal/tolerances.ts';

beforeAll(async () => {
  await initBackend({ requested: 'wasm' });
});

const EPS = 1e-5;

describe('gradientQuotient', () => {
  it('matches the closed form of a one-layer example worked by hand', () => {
    // W = I₂ (no bias), x = (1, 0), label 0: logits z = (1, 0), p = σ(1), dL/dz = (p − 1, 1 − p).
    // g = dL/dz ⊗ x has entries g₀₀ = p − 1, g₁₀ = 1 − p and two exact zeros (column 1).
    // H = (x xᵀ) ⊗ (diag(p) − ppᵀ), so (Hg)_i0 = 2p(1−p)·g_i0 and Hg = 0 on column 1.
    // Terms: |(g − Hg)/(g ± ε) − 1| for the two non-zero entries, |0/ε − 1| = 1 for the zeros.
    const p = 1 / (1 + Math.exp(-1));
    const c = 2 * p * (1 - p);
    const g = 1 - p;
    const term = Math.abs((g * (1 - c)) / (g + EPS) - 1);
    const expected = (2 * term + 2) / 4; // ≈ 0.696620
    const network = { layers: [{ weight: tf.tensor2d([[1, 0], [0, 1]]) }], slope: 0, activateInput: false };
    const x = tf.tensor2d([[1, 0]]);
    const got = gradientQuotient({ network, x, labels: [0] });
    expect(Math.abs(got - expected)).toBeLessThan(FEW_ROUNDINGS_RELATIVE * expected);
    expect(expected).toBeCloseTo(0.69662, 5);
    tf.dispose([network.layers[0]!.weight, x]);
  });

  // Independent computation: float64 hand-written backprop, Hg by dual numbers (reference64.ts).
  const cases: readonly (TinyFixtureOptions & { readonly name: string })[] = [
    { name: "authors' network [3, 4, 4, 3], ReLU, biases", widths: [3, 4, 4, 3], seed: 3, batchSize: 5 },
    { name: "paper's network (φ before every Linear), leaky slope 0.2", widths: [3, 4, 4, 3], seed: 5, batchSize: 5, slope: 0.2, activateInput: true },
    { name: 'widths [3, 2, 2] without biases', widths: [3, 2, 2], seed: 7, batchSize: 4, biasScale: 'none' },
  ];
  for (const c of cases) {
    it(`agrees with an independent float64 computation: ${c.name}`, () => {
      const f = tinyFixture(c);
      const before = tf.memory().numTensors;
      const got = gradientQuotient({ network: f.network, x: f.x, labels: f.labels, eps: EPS });
      expect(tf.memory().numTensors).toBe(before);
      const ref = gradientQuotient64(f.reference, f.data, EPS);
      const tolerance = gradientQuotientBound(ref.gradient, ref.hessianGradient, EPS, ENTRY_RELATIVE_ERROR);
      const delta = Math.abs(got - ref.gradientQuotient);
      expect(delta, `GQ float32 ${got} vs float64 ${ref.gradientQuotient}: Δ ${delta}, tolerance ${tolerance}`).toBeLessThanOrEqual(tolerance);
      // Power: the tolerance must be far smaller than what plausible mistakes change. Dropping the
      // Hessian term (GQ of g alone) or the biases from θ each move GQ by more than 100× it.
      const noCurvature = gradientQuotient64({ ...f.reference }, f.data, EPS, { hessian: false }).gradientQuotient;
      expect(Math.abs(noCurvature - ref.gradientQuotient)).toBeGreaterThan(100 * tolerance);
      if (c.biasScale !== 'none') {
        const weightsOnly = gradientQuotient64({ ...f.reference, biases: f.reference.biases.map(() => undefined) }, f.data, EPS).gradientQuotient;
        expect(Math.abs(weightsOnly - ref.gradientQuotient)).toBeGreaterThan(100 * tolerance);
      }
      f.dispose();
    });
  }

  it('gives each exactly-zero gradient entry the term 1 (dead hidden layer)', () => {
    // W₁ = 0, b₁ = 0: the hidden ReLUs see 0 (φ'(0) = 0), logits = b₂ = 0, p = (½, ½), labels (0, 0).
    // Only b₂ has a gradient: g = mean(p − y) = (−½, ½), Hg = (diag p − ppᵀ)g = (−¼, ¼), so its two
    // terms are |(g − Hg)/(g ± ε) − 1| = 1 − ¼/(½ + ε); the other 15 of the N = 17 parameters
    // have g = Hg = 0 exactly, term |0/ε − 1| = 1.
    const network = {
      layers: [{ weight: tf.zeros([3, 2]), bias: tf.zeros([3]) }, { weight: tf.ones([2, 3]), bias: tf.zeros([2]) }],
      slope: 0,
      activateInput: false,
    };
    const x = tf.tensor2d([[1, 2], [3, 4]]);
    const expected = (2 * (1 - 0.25 / (0.5 + EPS)) + 15) / 17; // ≈ 0.941178
    const got = gradientQuotient({ network, x, labels: [0, 0] });
    expect(Math.abs(got - expected)).toBeLessThan(FEW_ROUNDINGS_RELATIVE * expected);
    tf.dispose([x, ...network.layers.flatMap((l) => [l.weight, l.bias])]);
  });

  it('rejects bad options naming the field', () => {
    const network = { layers: [{ weight: tf.ones([2, 3]) }], slope: 0, activateInput: false };
    const x = tf.ones([4, 3]);
    expect(() => gradientQuotient({ network, x, labels: [0, 1, 0, 1], eps: 0 })).toThrow(/gradientQuotient: options\.eps/);
    expect(() => gradientQuotient({ network, x, labels: [0, 1] })).toThrow(/gradientQuotient: options\.labels/);
    expect(() => gradientQuotient({ network, x, labels: [0, 1, 2, 0] })).toThrow(/gradientQuotient: options\.labels\[2\]/);
    expect(() => gradientQuotient({ network, x: tf.ones([4, 5]), labels: [0, 1, 0, 1] })).toThrow(/gradientQuotient: options\.x/);
    expect(() => gradientQuotient({ network: { ...network, layers: [] }, x, labels: [0, 1, 0, 1] })).toThrow(/gradientQuotient: options\.network/);
    expect(() => gradientQuotient({ network: { ...network, layers: [{ weight: tf.ones([1, 2, 3]) }] }, x, labels: [0, 1, 0, 1] })).toThrow(
      /gradientQuotient: options\.network\.layers\[0\]\.weight/,
    );
    tf.dispose([network.layers[0]!.weight, x]);
  });
});
