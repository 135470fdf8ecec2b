import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../backend.ts';
import { graphInputsOf, tinyFixture, type TinyFixtureOptions } from './fixtures.ts';
import { oneHot } from './oneHot.ts';
import { gradientQuotient64, scaleMatrix64 } from './reference64.ts';
import { ensureNestedGradients } from './registerGradients.ts';
import { gradientQuotientAndScaleDerivatives } from './scaleDerivatives.ts';
import { ENTRY_RELATIVE_ERROR, FINITE_DIFFERENCE_STEP, MAX_CONDITION, quotientCondition } from './tolerances.ts';

beforeAll(async () => {
  await initBackend({ requested: 'wasm' });
  ensureNestedGradients();
});

const EPS = 1e-5;

describe('gradientQuotientAndScaleDerivatives (third-order differentiation)', () => {
  it('matches dGQ/ds of the identity example: GQ(s) = p(1 − p) + ½ with p = σ(s), so dGQ/ds = p(1−p)(1−2p)', () => {
    const before = tf.memory().numTensors;
    const w = tf.tensor2d([[1, 0], [0, 1]]);
    const x = tf.tensor2d([[1, 0]]);
    const y = tf.tensor2d([[1, 0]]);
    const got = gradientQuotientAndScaleDerivatives({ weights: [w], biases: [undefined], slope: 0, activateInput: false, x, oneHot: y, eps: EPS });
    tf.dispose([w, x, y]);
    expect(tf.memory().numTensors).toBe(before);
    // With ε: GQ(s) = (2·|(g − Hg)/(g + ε) − 1| + 2)/4, g = 1 − p, Hg = 2p(1−p)g; differentiate in float64 numerically.
    const gq = (s: number): number => {
      const p = 1 / (1 + Math.exp(-s));
      const g = 1 - p;
      return (2 * Math.abs((g * (1 - 2 * p * (1 - p))) / (g + EPS) - 1) + 2) / 4;
    };
    const expected = (gq(1 + 1e-6) - gq(1 - 1e-6)) / 2e-6; // ≈ −0.0909 (h² error ≈ 1e-12)
    const p = 1 / (1 + Math.exp(-1));
    expect(expected).toBeCloseTo(p * (1 - p) * (1 - 2 * p), 4);
    // Here κ = (|g| + |Hg|)/|g| = 1 + 2p(1 − p) < 2 for the non-zero entries (the zeros are exact).
    expect(Math.abs(got.scaleDerivatives[0]! - expected)).toBeLessThan(ENTRY_RELATIVE_ERROR * 2 * Math.abs(expected));
  });

  const cases: readonly (TinyFixtureOptions & { readonly name: string })[] = [
    { name: "authors' network [3, 4, 4, 3], ReLU, biases", widths: [3, 4, 4, 3], seed: 3, batchSize: 5 },
    { name: "paper's network, leaky slope 0.2", widths: [3, 4, 4, 3], seed: 5, batchSize: 5, slope: 0.2, activateInput: true },
  ];
  for (const c of cases) {
    it(`matches central differences of the float64 GQ along each matrix's scale: ${c.name}`, () => {
      const f = tinyFixture(c);
      const y = oneHot(f.labels, c.widths[c.widths.length - 1]!);
      const before = tf.memory().numTensors;
      const got = gradientQuotientAndScaleDerivatives(graphInputsOf(f, y, EPS));
      expect(tf.memory().numTensors).toBe(before);
      const h = FINITE_DIFFERENCE_STEP;
      const gq = (j: number, s: number): number => gradientQuotient64(scaleMatrix64(f.reference, j, s), f.data, EPS).gradientQuotient;
      const expected = f.reference.weights.map((_, j) => (gq(j, 1 + h) - gq(j, 1 - h)) / (2 * h));
      // Tolerance (tolerances.ts): entry error ρ times the worst quotient condition κ, relative to the largest derivative.
      const ref = gradientQuotient64(f.reference, f.data, EPS);
      const condition = quotientCondition(ref.gradient, ref.hessianGradient);
      expect(condition, 'precondition: the quotient terms are conditioned well enough for a useful tolerance').toBeLessThan(MAX_CONDITION);
      const scale = Math.max(...expected.map(Math.abs));
      const tolerance = ENTRY_RELATIVE_ERROR * condition * scale;
      expected.forEach((e, j) => {
        const delta = Math.abs(got.scaleDerivatives[j]! - e);
        expect(delta, `matrix ${j}: float32 ${got.scaleDerivatives[j]} vs float64 ${e}, Δ ${delta}, tolerance ${tolerance}`).toBeLessThanOrEqual(tolerance);
      });
      // Power: dropping the biases from θ (a plausible slip) moves some derivative by ≫ the tolerance.
      const noBias = { ...f.reference, biases: f.reference.biases.map(() => undefined) };
      const wrong = f.reference.weights.map(
        (_, j) => (gradientQuotient64(scaleMatrix64(noBias, j, 1 + h), f.data, EPS).gradientQuotient - gradientQuotient64(scaleMatrix64(noBias, j, 1 - h), f.data, EPS).gradientQuotient) / (2 * h),
      );
      expect(Math.max(...wrong.map((w, j) => Math.abs(w - expected[j]!)))).toBeGreaterThan(10 * tolerance);
      y.dispose();
      f.dispose();
    });
  }
});
