import { describe, expect, it } from 'vitest';
import type { Fraction } from 'fraction.js';
import { q } from '../../algebra/rational.ts';
import { iidVector } from '../../exact/iidVector.ts';
import { normalizedStatistics } from '../../exact/normalizedStatistics.ts';
import { pushForwardResidualLinear } from '../../exact/pushForwardResidualLinear.ts';
import type { VectorDistribution } from '../../exact/vectorDistribution.ts';
import type { Architecture } from '../../network/architecture/types.ts';
import { propagationTheory } from '../propagation/propagationTheory.ts';
import { architectureTheory } from './architectureTheory.ts';

// Reference values: hand derivations, Proposition 3 (propagationTheory, tested against exact laws in
// propagationTheory.test.ts) and the exact law of the residual block (src/exact, by enumeration).
const plain: Architecture = { kind: 'plain' };
const residual = (alpha: number, variant: 'simple' | 'pre' | 'post' = 'simple'): Architecture => ({ kind: 'residual', scale: { kind: 'fixed', alpha }, variant });
const base = { weightKurtosis: 3, inputVariance: 1, inputKurtosis: 3 };
const sign = [{ value: q(1), probability: q(1, 2) }, { value: q(-1), probability: q(1, 2) }];
/** (σ², κ, raw c) of an exact law. */
const stats = (d: VectorDistribution) => {
  const s = normalizedStatistics(d);
  return [s.variance.valueOf(), s.kappa.valueOf(), s.cOverSigma4.mul(s.variance.pow(2)).valueOf()];
};
const theoryRow = (l: { variance: number; kappa: number; c: number }) => [l.variance, l.kappa, l.c];
const expectClose = (a: number[], b: number[]) => a.forEach((v, i) => expect(v, `entry ${i}: ${a} vs ${b}`).toBeCloseTo(b[i]!, 11));

describe('architectureTheory', () => {
  it('plain leaky ReLU at the He gain, and plain identity at gain 1 (= slope 1): Proposition 3', () => {
    const widths = [4, 3, 2];
    const relu = architectureTheory({ widths, architecture: plain, activation: { name: 'leaky-relu', slope: 0.3 }, gain: Math.sqrt(2 / 1.09), ...base });
    expect(relu).toEqual(propagationTheory({ widths, slope: 0.3, ...base }));
    const id = architectureTheory({ widths, architecture: plain, activation: { name: 'identity' }, gain: 1, ...base, c0: 0.5 });
    expect(id).toEqual(propagationTheory({ widths, slope: 1, ...base, c0: 0.5 }));
  });
  it('plain: null off the He gain (beyond a relative 1e-12) and for activations without a recursion', () => {
    const o = { widths: [4, 4], architecture: plain, activation: { name: 'leaky-relu', slope: 0 } as const, ...base };
    const he = Math.SQRT2;
    expect(architectureTheory({ ...o, gain: he * (1 + 1e-13) })).not.toBeNull();
    expect(architectureTheory({ ...o, gain: he * (1 + 1e-11) })).toBeNull();
    expect(architectureTheory({ ...o, gain: he * (1 - 1e-11) })).toBeNull();
    expect(architectureTheory({ ...o, activation: { name: 'tanh' }, gain: 5 / 3 })).toBeNull();
    expect(architectureTheory({ ...o, activation: { name: 'identity' }, gain: 1.5 })).toBeNull();
    expect(architectureTheory({ ...o, gain: he * (1 + 9e-13) })).not.toBeNull(); // tolerance 1e-12·√2 absolute
    // Activations without a slope: null even at gain 1 or √2 (the identity's and ReLU's He gains).
    expect(architectureTheory({ ...o, activation: { name: 'sigmoid' }, gain: 1 })).toBeNull();
    expect(architectureTheory({ ...o, activation: { name: 'gelu' }, gain: he })).toBeNull();
  });
  it('residual simple, identity, w = 1, by hand: y′ = y(1 + αW), Var W = gain²', () => {
    // α = 1/2, gain 2 (Var W = 4), κ_w = 3, σ² = 2, κ₀ = 3: E[y′²] = 2(1 + α²·4) = 4;
    // E[(1 + αW)⁴] = 1 + 6α²·4 + α⁴·16·3 = 10, so κ′ = 3·10/(1 + 1)² = 7.5.
    const t = architectureTheory({ widths: [1, 1], architecture: residual(0.5), activation: { name: 'identity' }, gain: 2, weightKurtosis: 3, inputVariance: 2, inputKurtosis: 3 })!;
    expect(t).toHaveLength(2);
    expect(t[0]!.variance).toBe(2);
    expect(t[0]!.kappa).toBeCloseTo(3, 14);
    expect(t[1]!.variance).toBeCloseTo(4, 13);
    expect(t[1]!.kappa).toBeCloseTo(7.5, 13);
  });
  it('residual simple, identity, w = 2, ±1 weights at gain √2 (Var W = 1), α = 1/2: the exact law of y + αRy', () => {
    const exact = stats(pushForwardResidualLinear(iidVector({ atoms: sign }, 2), { weights: sign, alpha: q(1, 2) }));
    const t = architectureTheory({ widths: [2, 2], architecture: residual(0.5), activation: { name: 'identity' }, gain: Math.SQRT2, weightKurtosis: 1, inputVariance: 1, inputKurtosis: 1 })!;
    expectClose(theoryRow(t[0]!), [1, 1, 0]);
    expectClose(theoryRow(t[1]!), exact);
    // Leaky ReLU with slope 1 is the identity: the same recursion.
    const t1 = architectureTheory({ widths: [2, 2], architecture: residual(0.5), activation: { name: 'leaky-relu', slope: 1 }, gain: Math.SQRT2, weightKurtosis: 1, inputVariance: 1, inputKurtosis: 1 })!;
    expect(t1).toEqual(t);
  });
  it('residual, two blocks of α = 1/depth = 1/2, from x = s·ε (s ∈ {1, 2} shared: σ² = 5/2, κ₀ = 34/25, c₀ = 9/4)', () => {
    const atoms: { x: Fraction[]; p: Fraction }[] = [];
    for (const s of [1, 2]) for (let m = 0; m < 4; m++) atoms.push({ x: [0, 1].map((i) => q((m >> i) & 1 ? -s : s)), p: q(1, 8) });
    const l1 = pushForwardResidualLinear({ atoms }, { weights: sign, alpha: q(1, 2) });
    const l2 = pushForwardResidualLinear(l1, { weights: sign, alpha: q(1, 2) });
    const t = architectureTheory({
      widths: [2, 2, 2],
      architecture: { kind: 'residual', scale: { kind: 'inv-depth' }, variant: 'simple' },
      activation: { name: 'identity' },
      gain: Math.SQRT2,
      weightKurtosis: 1,
      inputVariance: 2.5,
      inputKurtosis: 34 / 25,
      c0: 9 / 4,
    })!;
    expect(t).toHaveLength(3);
    expectClose(theoryRow(t[0]!), [2.5, 34 / 25, 9 / 4]);
    expectClose(theoryRow(t[1]!), stats(l1));
    expectClose(theoryRow(t[2]!), stats(l2));
  });
  it('residual: null for pre/post variants, for a nonlinearity, and for conv', () => {
    const o = { widths: [2, 2], activation: { name: 'identity' } as const, gain: 1, ...base };
    expect(architectureTheory({ ...o, architecture: residual(0.5, 'pre') })).toBeNull();
    expect(architectureTheory({ ...o, architecture: residual(0.5, 'post') })).toBeNull();
    expect(architectureTheory({ ...o, architecture: residual(0.5), activation: { name: 'leaky-relu', slope: 0.5 } })).toBeNull();
    expect(architectureTheory({ ...o, architecture: residual(0.5), activation: { name: 'tanh' } })).toBeNull();
    expect(architectureTheory({ ...o, architecture: { kind: 'conv', dims: 1, channels: 2, kernel: 3, stride: 1, padding: 'circular' } as Architecture })).toBeNull();
  });
});

