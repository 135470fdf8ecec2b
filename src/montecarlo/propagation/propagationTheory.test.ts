import { describe, expect, it } from 'vitest';
import { Fraction } from 'fraction.js';
import { q } from '../../algebra/rational.ts';
import { iidVector } from '../../exact/iidVector.ts';
import { normalizedStatistics } from '../../exact/normalizedStatistics.ts';
import { oneUnitMoments } from '../../exact/oneUnitMoments.ts';
import { pushForwardLayer } from '../../exact/pushForwardLayer.ts';
import type { VectorDistribution } from '../../exact/vectorDistribution.ts';
import { propagationTheory } from './propagationTheory.ts';

// Proposition 3 is exact for inputs with sign-flip symmetric pairs, so the exact push-forward of a
// finite law through ±1 weights (src/exact, no recursion used) is an independent reference.
// Kurtosis and c/σ⁴ do not depend on the He scale, which the exact enumeration leaves out.
const sign = [{ value: q(1), probability: q(1, 2) }, { value: q(-1), probability: q(1, 2) }];
const exactNext = (input: VectorDistribution, slope: Fraction) => {
  const m = oneUnitMoments(input, { weights: sign, slope });
  return { kappa: m.m4.div(m.m2.pow(2)).valueOf(), cOverSigma4: m.m22.div(m.m2.pow(2)).sub(1).valueOf() };
};

describe('propagationTheory', () => {
  it('ReLU, i.i.d. ±1 input, ±1 weights, widths (3, 3): layer 1 is (1, 8/3, 1/3), by hand', () => {
    // φ_j = ReLU(x_j) ∈ {0, 1} fair, N = Σφ ∼ Bin(3, 1/2); given N, y = s·(sum of N signs), s² = 2/3:
    // E[y²] = s²E[N] = 1, E[y⁴] = s⁴(3E[N²] − 2E[N]) = (4/9)·6, E[y_i²y_j²] = s⁴E[N²] = (4/9)·3, so
    // κ₁ = 6/(3/2)² = 8/3 and c₁ = (4/9)(3 − 9/4) = 1/3.
    const t = propagationTheory({ widths: [3, 3], slope: 0, weightKurtosis: 1, inputVariance: 1, inputKurtosis: 1 });
    expect(t).toHaveLength(2);
    expect(t[0]).toEqual({ variance: 1, kappa: 1, c: 0 });
    expect(t[1]!.variance).toBe(1);
    expect(t[1]!.kappa).toBeCloseTo(8 / 3, 14);
    expect(t[1]!.c).toBeCloseTo(1 / 3, 14);
    const e = exactNext(iidVector({ atoms: sign }, 3), q(0));
    expect(e.kappa).toBeCloseTo(8 / 3, 14);
    expect(e.cOverSigma4).toBeCloseTo(1 / 3, 14);
  });

  it('two layers, slope 1/2, widths (3, 3, 2): layer 2 agrees with the exact law of layer 1 pushed forward', () => {
    const slope = q(1, 2);
    const layer1 = pushForwardLayer(iidVector({ atoms: sign }, 3), { weights: sign, widthOut: 3, slope });
    const e1 = normalizedStatistics(layer1);
    const e2 = exactNext(layer1, slope);
    const t = propagationTheory({ widths: [3, 3, 2], slope: 0.5, weightKurtosis: 1, inputVariance: 1, inputKurtosis: 1 });
    expect(t).toHaveLength(3);
    expect(t[1]!.kappa).toBeCloseTo(e1.kappa.valueOf(), 12);
    expect(t[1]!.c).toBeCloseTo(e1.cOverSigma4.valueOf(), 12); // σ² = 1: raw c = c/σ⁴
    expect(t[2]!.kappa).toBeCloseTo(e2.kappa, 12);
    expect(t[2]!.c).toBeCloseTo(e2.cOverSigma4, 12);
    expect(t.map((l) => l.variance)).toEqual([1, 1, 1]);
  });

  it('an input with c₀ ≠ 0 and σ² ≠ 1: x = s·ε, s ∈ {1, 2} fair and shared, i.i.d. signs ε', () => {
    // σ² = 5/2, E[x⁴] = 17/2, κ₀ = (17/2)/(25/4) = 34/25, c₀ = E[x₁²x₂²] − σ⁴ = 17/2 − 25/4 = 9/4.
    const atoms: { x: Fraction[]; p: Fraction }[] = [];
    for (const s of [1, 2]) for (let m = 0; m < 8; m++) atoms.push({ x: [0, 1, 2].map((i) => q((m >> i) & 1 ? -s : s)), p: q(1, 16) });
    const input = { atoms };
    const s0 = normalizedStatistics(input);
    expect([s0.variance, s0.kappa, s0.cOverSigma4.mul(s0.variance.pow(2))].map((v) => v.toFraction())).toEqual(['5/2', '34/25', '9/4']);
    const e = exactNext(input, q(0));
    const t = propagationTheory({ widths: [3, 3], slope: 0, weightKurtosis: 1, inputVariance: 2.5, inputKurtosis: 34 / 25, c0: 9 / 4 });
    expect(t[0]).toEqual({ variance: 2.5, kappa: 34 / 25, c: 9 / 4 });
    expect(t[1]!.variance).toBe(2.5);
    expect(t[1]!.kappa).toBeCloseTo(e.kappa, 12);
    expect(t[1]!.c / 6.25).toBeCloseTo(e.cOverSigma4, 12);
  });

  it('perturb multiplies one coefficient of every transition matrix (the widths (3, 3) case: A₀₂ = 3·2/3 = 2, A₁₂ = −1/3)', () => {
    const base = { widths: [3, 3], slope: 0, weightKurtosis: 1, inputVariance: 1, inputKurtosis: 1 };
    // k⁽⁰⁾ = (1, 0, 1): doubling A₀₂ adds A₀₂ = 2 to κ₁; tripling A₁₂ adds 2·(−1/3) to c₁.
    expect(propagationTheory({ ...base, perturb: { row: 0, col: 2, factor: 2 } })[1]!.kappa).toBeCloseTo(8 / 3 + 2, 14);
    expect(propagationTheory({ ...base, perturb: { row: 1, col: 2, factor: 3 } })[1]!.c).toBeCloseTo(1 / 3 - 2 / 3, 14);
    // A perturbed coefficient that multiplies c₀ = 0 changes nothing at layer 1.
    expect(propagationTheory({ ...base, perturb: { row: 0, col: 1, factor: 5 } })[1]!.kappa).toBeCloseTo(8 / 3, 14);
  });
});
