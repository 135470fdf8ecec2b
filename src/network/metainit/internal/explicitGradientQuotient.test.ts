import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../backend.ts';
import { explicitGradientQuotient, explicitGradientQuotientAndScaleDerivatives } from './explicitGradientQuotient.ts';
import { graphInputsOf, tinyFixture, type TinyFixtureOptions } from './fixtures.ts';
import { oneHot } from './oneHot.ts';
import { gradientQuotient64, scaleMatrix64 } from './reference64.ts';
import { ensureNestedGradients } from './registerGradients.ts';
import { gradientQuotientAndScaleDerivatives } from './scaleDerivatives.ts';
import { ENTRY_RELATIVE_ERROR, FEW_ROUNDINGS_RELATIVE, FINITE_DIFFERENCE_STEP, MAX_CONDITION, gradientQuotientBound, quotientCondition } from './tolerances.ts';

// The explicit formulas are checked against two independent computations: the float64 reference
// (hand backprop, Hg by dual numbers, dGQ/ds by central differences) and the nested automatic
// differentiation of gradientQuotientGraph (tf.grads three deep), which is itself tested against
// the same reference (scaleDerivatives.test.ts, gradientQuotient.test.ts).

beforeAll(async () => {
  await initBackend({ requested: 'wasm' });
  ensureNestedGradients();
});

const EPS = 1e-5;

describe('explicitGradientQuotientAndScaleDerivatives', () => {
  it('gives the TSDoc example: W = I₂, x = (1, 0), label 0 → GQ ≈ 0.6966, dGQ/ds ≈ −0.0909', () => {
    const before = tf.memory().numTensors;
    const w = tf.tensor2d([[1, 0], [0, 1]]);
    const x = tf.tensor2d([[1, 0]]);
    const y = tf.tensor2d([[1, 0]]);
    const inputs = { weights: [w], biases: [undefined], slope: 0, activateInput: false, x, oneHot: y, eps: EPS };
    const got = explicitGradientQuotientAndScaleDerivatives(inputs);
    const value = tf.tidy(() => explicitGradientQuotient(inputs).dataSync()[0]!);
    tf.dispose([w, x, y]);
    expect(tf.memory().numTensors).toBe(before);
    // Closed form (gradientQuotient.test.ts): g = 1 − p on two entries, Hg = 2p(1 − p)·g there, two exact zeros.
    const gq = (s: number): number => {
      const p = 1 / (1 + Math.exp(-s));
      const g = 1 - p;
      return (2 * Math.abs((g * (1 - 2 * p * (1 - p))) / (g + EPS) - 1) + 2) / 4;
    };
    expect(gq(1)).toBeCloseTo(0.69662, 5);
    expect(Math.abs(got.gradientQuotient - gq(1))).toBeLessThan(FEW_ROUNDINGS_RELATIVE * gq(1));
    // The value-only function is the same float32 graph.
    expect(value).toBe(got.gradientQuotient);
    const expected = (gq(1 + 1e-6) - gq(1 - 1e-6)) / 2e-6; // ≈ −0.0909 = p(1−p)(1−2p) at p = σ(1), up to ε
    const p = 1 / (1 + Math.exp(-1));
    expect(expected).toBeCloseTo(p * (1 - p) * (1 - 2 * p), 4);
    expect(expected).toBeCloseTo(-0.0909, 3);
    // κ = 1 + 2p(1 − p) < 2 on the non-zero entries (see scaleDerivatives.test.ts).
    expect(Math.abs(got.scaleDerivatives[0]! - expected)).toBeLessThan(ENTRY_RELATIVE_ERROR * 2 * Math.abs(expected));
  });

  // Fixtures within the scope of ENTRY_RELATIVE_ERROR (≤ 4 Linears, fan-in ≤ 4, batch ≤ 5): depths 1–4,
  // ReLU and leaky slopes (positive and negative), with and without biases, both architectures, batch 1 and > 1.
  const cases: readonly (TinyFixtureOptions & { readonly name: string })[] = [
    { name: "authors' network [3, 4, 4, 3], ReLU, biases, batch 5", widths: [3, 4, 4, 3], seed: 3, batchSize: 5 },
    { name: "paper's network [3, 4, 4, 3], slope 0.2, biases, batch 5", widths: [3, 4, 4, 3], seed: 5, batchSize: 5, slope: 0.2, activateInput: true },
    { name: '[3, 2, 2] without biases, batch 1', widths: [3, 2, 2], seed: 7, batchSize: 1, biasScale: 'none' },
    { name: '[4, 3, 4, 3, 2] (4 Linears), slope −0.3, biases, batch 3', widths: [4, 3, 4, 3, 2], seed: 11, batchSize: 3, slope: -0.3 },
    { name: "paper's network [2, 4, 3], ReLU, no biases, batch 4", widths: [2, 4, 3], seed: 13, batchSize: 4, activateInput: true, biasScale: 'none' },
    { name: 'one Linear [4, 3], biases, batch 2', widths: [4, 3], seed: 17, batchSize: 2 },
    { name: '[3, 4, 4, 4, 3] (4 Linears), slope 0.1, biases, batch 1', widths: [3, 4, 4, 4, 3], seed: 19, batchSize: 1, slope: 0.1 },
  ];
  for (const c of cases) {
    it(`equals the float64 reference and nested autodiff: ${c.name}`, () => {
      const f = tinyFixture(c);
      const y = oneHot(f.labels, c.widths[c.widths.length - 1]!);
      const inputs = graphInputsOf(f, y, EPS);
      const before = tf.memory().numTensors;
      const got = explicitGradientQuotientAndScaleDerivatives(inputs);
      expect(tf.memory().numTensors, 'frees every tensor it makes').toBe(before);
      const nested = gradientQuotientAndScaleDerivatives(inputs);
      const ref = gradientQuotient64(f.reference, f.data, EPS);

      // GQ: within the float32 propagation bound of the float64 value (gradientQuotient.test.ts);
      // the nested version is within the same bound, so the two differ by at most twice it.
      const gqTolerance = gradientQuotientBound(ref.gradient, ref.hessianGradient, EPS, ENTRY_RELATIVE_ERROR);
      expect(Math.abs(got.gradientQuotient - ref.gradientQuotient), `GQ ${got.gradientQuotient} vs float64 ${ref.gradientQuotient}`).toBeLessThanOrEqual(gqTolerance);
      expect(Math.abs(got.gradientQuotient - nested.gradientQuotient), `GQ ${got.gradientQuotient} vs nested ${nested.gradientQuotient}`).toBeLessThanOrEqual(2 * gqTolerance);

      // dGQ/ds_j: central differences of the float64 GQ, tolerance ρ·κ·max|dGQ/ds| (tolerances.ts).
      const h = FINITE_DIFFERENCE_STEP;
      const gq64 = (j: number, s: number): number => gradientQuotient64(scaleMatrix64(f.reference, j, s), f.data, EPS).gradientQuotient;
      const expected = f.reference.weights.map((_, j) => (gq64(j, 1 + h) - gq64(j, 1 - h)) / (2 * h));
      const condition = quotientCondition(ref.gradient, ref.hessianGradient);
      expect(condition, 'precondition: the quotient terms are conditioned well enough for a useful tolerance').toBeLessThan(MAX_CONDITION);
      const scale = Math.max(...expected.map(Math.abs));
      const tolerance = ENTRY_RELATIVE_ERROR * condition * scale;
      expected.forEach((e, j) => {
        const delta = Math.abs(got.scaleDerivatives[j]! - e);
        expect(delta, `matrix ${j}: explicit ${got.scaleDerivatives[j]} vs float64 ${e}, tolerance ${tolerance}`).toBeLessThanOrEqual(tolerance);
        const fromNested = Math.abs(got.scaleDerivatives[j]! - nested.scaleDerivatives[j]!);
        expect(fromNested, `matrix ${j}: explicit ${got.scaleDerivatives[j]} vs nested ${nested.scaleDerivatives[j]}, tolerance 2×${tolerance}`).toBeLessThanOrEqual(2 * tolerance);
        // What MetaInit uses: the sign, wherever the derivative is not within rounding of 0.
        if (Math.abs(e) > tolerance) expect(Math.sign(got.scaleDerivatives[j]!), `sign of matrix ${j}`).toBe(Math.sign(e));
      });
      // The value-only function is the same graph.
      expect(tf.tidy(() => explicitGradientQuotient(inputs).dataSync()[0]!)).toBe(got.gradientQuotient);
      y.dispose();
      f.dispose();
    });
  }

  it('has the signs of the float64 reference on every non-tiny derivative, over 24 random fixtures', () => {
    // Many draws of the fixtures above (seeds 100–123): MetaInit reads only sign(dGQ/ds_j), so the
    // sign must agree wherever |dGQ/ds_j| exceeds the rounding tolerance. Fixtures whose quotient
    // terms are too ill-conditioned for the tolerance (κ ≥ MAX_CONDITION) are skipped and counted.
    const shapes: readonly Omit<TinyFixtureOptions, 'seed'>[] = [
      { widths: [3, 4, 4, 3], batchSize: 5 },
      { widths: [3, 4, 4, 3], batchSize: 2, slope: 0.2, activateInput: true },
      { widths: [4, 3, 4, 3, 2], batchSize: 4, slope: -0.3, biasScale: 'none' },
    ];
    let compared = 0;
    let skipped = 0;
    for (let seed = 100; seed < 124; seed++) {
      const f = tinyFixture({ ...shapes[seed % shapes.length]!, seed });
      const y = oneHot(f.labels, f.reference.widths[f.reference.widths.length - 1]!);
      const got = explicitGradientQuotientAndScaleDerivatives(graphInputsOf(f, y, EPS));
      const ref = gradientQuotient64(f.reference, f.data, EPS);
      const condition = quotientCondition(ref.gradient, ref.hessianGradient);
      if (condition >= MAX_CONDITION) {
        skipped++;
      } else {
        const h = FINITE_DIFFERENCE_STEP;
        const gq64 = (j: number, s: number): number => gradientQuotient64(scaleMatrix64(f.reference, j, s), f.data, EPS).gradientQuotient;
        const expected = f.reference.weights.map((_, j) => (gq64(j, 1 + h) - gq64(j, 1 - h)) / (2 * h));
        const tolerance = ENTRY_RELATIVE_ERROR * condition * Math.max(...expected.map(Math.abs));
        expected.forEach((e, j) => {
          if (Math.abs(e) <= tolerance) return;
          compared++;
          expect(Math.sign(got.scaleDerivatives[j]!), `seed ${seed}, matrix ${j}: explicit ${got.scaleDerivatives[j]} vs float64 ${e}`).toBe(Math.sign(e));
        });
      }
      y.dispose();
      f.dispose();
    }
    // The check must not be vacuous (measured: 61 derivatives compared, 6 fixtures skipped).
    expect(skipped, `${skipped} of 24 fixtures skipped as ill-conditioned`).toBeLessThanOrEqual(12);
    expect(compared).toBeGreaterThanOrEqual(30);
  });
});
