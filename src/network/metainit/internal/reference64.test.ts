import { describe, expect, it } from 'vitest';
import { gradientQuotient64, scaleMatrix64, type Data64, type Mlp64 } from './reference64.ts';
import { REFERENCE_CLOSED_FORM_ABSOLUTE, REFERENCE_GRADIENT_ABSOLUTE, REFERENCE_HESSIAN_ABSOLUTE } from './tolerances.ts';

// The reference is itself checked before the tfjs code is checked against it: its gradient
// against central differences of its own loss, its Hg against central differences of its own
// gradient along g (both in float64), and a closed form.

const net: Mlp64 = {
  widths: [3, 4, 2],
  weights: [Float64Array.of(0.9, -0.4, 0.3, 0.2, 0.7, -1.1, -0.5, 0.6, 0.8, 1.2, -0.3, 0.1), Float64Array.of(0.5, -0.7, 1.1, 0.4, -0.9, 0.3, 0.6, -0.2)],
  biases: [Float64Array.of(0.05, 0.1, 0.02, 0.07), Float64Array.of(0.03, -0.01)],
  slope: 0.1,
  activateInput: false,
};
const data: Data64 = { x: Float64Array.of(1.2, -0.7, 0.4, -0.3, 0.9, 1.5, 0.8, 0.1, -1.3), labels: [0, 1, 1] };

/** Loss at θ + t·v (v over the flattened parameters W1, W2, b1, b2). */
function lossAlong(v: Float64Array, t: number): number {
  let o = 0;
  const shift = (a: Float64Array): Float64Array => a.map((value, i) => value + t * v[o + i]!);
  const weights = net.weights.map((w) => {
    const s = shift(w);
    o += w.length;
    return s;
  });
  const biases = net.biases.map((b) => {
    const s = shift(b!);
    o += b!.length;
    return s;
  });
  return gradientQuotient64({ ...net, weights, biases }, data, 1e-5).loss;
}

describe('gradientQuotient64 (test reference)', () => {
  const ref = gradientQuotient64(net, data, 1e-5);
  const n = ref.gradient.length;

  it('has the gradient of its own loss (central differences, h = 1e-6: error ≲ h² + u/h ≈ 1e-10)', () => {
    for (let i = 0; i < n; i++) {
      const e = new Float64Array(n);
      e[i] = 1;
      const fd = (lossAlong(e, 1e-6) - lossAlong(e, -1e-6)) / 2e-6;
      expect(Math.abs(fd - ref.gradient[i]!)).toBeLessThan(REFERENCE_GRADIENT_ABSOLUTE);
    }
  });

  it('has H·g: central differences of its gradient along g agree (h = 1e-5: error ≲ 1e-9)', () => {
    const g = ref.gradient;
    const shifted = (t: number): Float64Array => {
      let o = 0;
      const move = (a: Float64Array): Float64Array => a.map((value, i) => value + t * g[o + i]!);
      const weights = net.weights.map((w) => {
        const s = move(w);
        o += w.length;
        return s;
      });
      const biases = net.biases.map((b) => {
        const s = move(b!);
        o += b!.length;
        return s;
      });
      return gradientQuotient64({ ...net, weights, biases }, data, 1e-5).gradient;
    };
    const plus = shifted(1e-5);
    const minus = shifted(-1e-5);
    let largest = 0;
    for (let i = 0; i < n; i++) {
      largest = Math.max(largest, Math.abs(ref.hessianGradient[i]!));
      expect(Math.abs((plus[i]! - minus[i]!) / 2e-5 - ref.hessianGradient[i]!)).toBeLessThan(REFERENCE_HESSIAN_ABSOLUTE);
    }
    // Power: Hg is not trivially zero (a reference that dropped it would pass nothing above).
    expect(largest).toBeGreaterThan(1e-2);
  });

  it('reproduces the closed form of the identity example: GQ = (2(1 − 2p(1−p)·g/(g + ε)) … ) ≈ 0.69662', () => {
    const one = gradientQuotient64({ widths: [2, 2], weights: [Float64Array.of(1, 0, 0, 1)], biases: [undefined], slope: 0, activateInput: false }, { x: Float64Array.of(1, 0), labels: [0] }, 1e-5);
    const p = 1 / (1 + Math.exp(-1));
    const g = 1 - p;
    const expected = (2 * Math.abs((g * (1 - 2 * p * (1 - p))) / (g + 1e-5) - 1) + 2) / 4;
    expect(Math.abs(one.gradientQuotient - expected)).toBeLessThan(REFERENCE_CLOSED_FORM_ABSOLUTE);
  });

  it('scaleMatrix64 scales one matrix only', () => {
    const s = scaleMatrix64(net, 1, 2);
    expect(Array.from(s.weights[1]!)).toEqual(Array.from(net.weights[1]!).map((v) => 2 * v));
    expect(s.weights[0]).toBe(net.weights[0]);
    expect(s.biases).toBe(net.biases);
  });
});
