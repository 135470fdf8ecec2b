import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { normalExpectation } from '../../distributions/normalExpectation.ts';
import { initBackend } from '../backend.ts';
import { activationFunction } from './activationFunction.ts';
import { applyActivation } from './applyActivation.ts';
import { initGain } from './initGain.ts';
import { parseActivation } from './parseActivation.ts';
import { secondMomentGain } from './secondMomentGain.ts';
import { standardGain } from './standardGain.ts';
import type { Activation } from './types.ts';

beforeAll(async () => {
  await initBackend({ requested: 'wasm' });
});

const ALL: Activation[] = [
  { name: 'leaky-relu', slope: 0 },
  { name: 'leaky-relu', slope: 0.2 },
  { name: 'leaky-relu', slope: -1.5 },
  { name: 'identity' },
  { name: 'tanh' },
  { name: 'sigmoid' },
  { name: 'gelu' },
  { name: 'silu' },
  { name: 'softplus' },
  { name: 'selu' },
];

describe('activations', () => {
  it('tfjs ops (the forward pass) agree with the float64 definitions', () => {
    const xs = [-6, -2.5, -1, -0.3, 0, 0.2, 1, 3.7, 8];
    for (const a of ALL) {
      const got = Array.from(tf.tidy(() => applyActivation(tf.tensor1d(xs), a)).dataSync());
      const f = activationFunction(a);
      xs.forEach((x, i) => expect(got[i], `${a.name} at ${x}`).toBeCloseTo(f(x), 5));
    }
  });

  it('known values pin the definitions (GELU exact x·Φ(x), SiLU x·σ(x), softplus ln(1+e^x))', () => {
    expect(activationFunction({ name: 'gelu' })(1)).toBeCloseTo(0.8413447460685429, 14);
    expect(activationFunction({ name: 'silu' })(1)).toBeCloseTo(1 / (1 + Math.exp(-1)), 14);
    expect(activationFunction({ name: 'softplus' })(0)).toBeCloseTo(Math.LN2, 14);
    expect(activationFunction({ name: 'softplus' })(-30) / Math.exp(-30)).toBeCloseTo(1, 10);
    expect(activationFunction({ name: 'sigmoid' })(-800)).toBe(0);
  });

  it('parses names and rejects bad ones with a message naming them', () => {
    expect(parseActivation('relu')).toEqual({ name: 'leaky-relu', slope: 0 });
    expect(parseActivation('leaky-relu:-0.5')).toEqual({ name: 'leaky-relu', slope: -0.5 });
    expect(parseActivation('Swish')).toEqual({ name: 'silu' });
    expect(() => parseActivation('tanhh')).toThrow(/unknown activation 'tanhh'/);
    expect(() => parseActivation('leaky-relu:x')).toThrow(/leaky-relu:A needs a finite slope A, got 'x'/);
  });
});

describe('gains', () => {
  it("standard gains are PyTorch's calculate_gain values (torch.nn.init docs); none for GELU, SiLU, softplus", () => {
    expect(standardGain({ name: 'identity' })).toBe(1);
    expect(standardGain({ name: 'sigmoid' })).toBe(1);
    expect(standardGain({ name: 'tanh' })).toBe(5 / 3);
    expect(standardGain({ name: 'selu' })).toBe(3 / 4);
    expect(standardGain({ name: 'leaky-relu', slope: 0 })).toBe(Math.SQRT2);
    expect(standardGain({ name: 'leaky-relu', slope: 0.2 })).toBeCloseTo(Math.sqrt(2 / 1.04), 15);
    for (const name of ['gelu', 'silu', 'softplus'] as const) expect(standardGain({ name })).toBeNull();
  });

  it('the quadrature gain equals the closed forms where they exist (leaky ReLU any slope, identity)', () => {
    for (const slope of [0, 0.2, -1.5, 3]) expect(secondMomentGain({ name: 'leaky-relu', slope })).toBeCloseTo(Math.sqrt(2 / (1 + slope * slope)), 10);
    expect(secondMomentGain({ name: 'identity' })).toBeCloseTo(1, 12);
    // SELU is built to keep E[y²] = 1 for N(0,1) inputs with gain 1 (Klambauer et al.)
    expect(secondMomentGain({ name: 'selu' })).toBeCloseTo(1, 6);
  });

  it('the quadrature gains preserve E[y²] = 1: g²·E[φ(Z)²] = 1, checked by an independent midpoint rule', () => {
    // Independent rule: midpoint sum over [−12, 12] with step 1e-3 (error far below 1e-6 here).
    const midpoint = (f: (x: number) => number) => {
      let s = 0;
      for (let x = -12 + 5e-4; x < 12; x += 1e-3) s += f(x) * Math.exp(-x * x / 2);
      return (s * 1e-3) / Math.sqrt(2 * Math.PI);
    };
    for (const a of ALL) {
      const f = activationFunction(a);
      const g = secondMomentGain(a);
      expect(g * g * midpoint((x) => f(x) ** 2), a.name).toBeCloseTo(1, 6);
    }
    // Recorded values (E[φ(Z)²]): tanh 0.394294, sigmoid 0.293379, GELU 0.425221, SiLU 0.355776, softplus 0.921246.
    expect(secondMomentGain({ name: 'tanh' })).toBeCloseTo(1.59254, 4);
    expect(secondMomentGain({ name: 'gelu' })).toBeCloseTo(1.53353, 4);
    expect(secondMomentGain({ name: 'silu' })).toBeCloseTo(1.67653, 4);
    expect(secondMomentGain({ name: 'softplus' })).toBeCloseTo(1.04187, 4);
    expect(secondMomentGain({ name: 'sigmoid' })).toBeCloseTo(1.84623, 4);
  });

  it('has teeth: a wrong second moment (E[φ] instead of E[φ²]) fails the preservation check', () => {
    const f = activationFunction({ name: 'softplus' });
    const wrong = 1 / Math.sqrt(normalExpectation((x) => f(x)));
    expect(Math.abs(wrong * wrong * normalExpectation((x) => f(x) ** 2) - 1)).toBeGreaterThan(0.1);
  });

  it('initGain is the standard gain where there is one, else the quadrature gain', () => {
    expect(initGain({ name: 'tanh' })).toBe(5 / 3);
    expect(initGain({ name: 'gelu' })).toBe(secondMomentGain({ name: 'gelu' }));
  });
});
