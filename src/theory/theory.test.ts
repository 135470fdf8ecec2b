import { Fraction } from 'fraction.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numberField as N, rationalField as Q } from '../algebra/field.ts';
import * as T from './index.ts';

// Reference values below are hand-derived from the paper's formulas (the derivation is in each comment).
describe('theory: documented examples', () => {
  it('leakyRelu', () => {
    expect(T.leakyRelu(N, -2, 0.5)).toBe(-1);
    expect(T.leakyRelu(N, 0, 3)).toBe(0);
    expect(T.leakyRelu(N, 2, 0.5)).toBe(2);
  });
  it('Lemma 6, Lemma 1, Lemma 2 closed forms', () => {
    expect(T.leakyReluSecondMoment(N, { slope: 0, variance: 2 })).toBe(1); // (0+1)/2·2
    expect(T.leakyReluSecondMoment(N, { slope: 3, variance: 2 })).toBe(10); // (9+1)/2·2
    expect(T.leakyReluFourthMoment(N, { slope: 0, variance: 1, kurtosis: 3 })).toBe(1.5);
    expect(T.leakyReluFourthMoment(N, { slope: 2, variance: 2, kurtosis: 3 })).toBe(102); // 17/2·4·3
    expect(T.leakyReluCrossMoment(N, { slope: 0, variance: 1, covarianceOfSquares: 0 })).toBe(0.25);
    expect(T.leakyReluCrossMoment(N, { slope: 1, variance: 2, covarianceOfSquares: 1 })).toBe(5); // 4/4·(4+1)
    expect(T.leakyReluCrossMomentGeneral(N, { slope: 2, qPP: 1, qPM: 2, qMP: 3, qMM: 4 })).toBe(1 + 4 * 5 + 16 * 4);
    expect(T.heWeightVariance(N, { slope: 0, n: 4 })).toBe(0.5);
    expect(T.heWeightVariance(N, { slope: 1, n: 4 })).toBe(0.25);
  });
  it('Proposition 3 matrix, recursion and product', () => {
    // w = 2, a = 0 (g = 2·1/(2·1) = 1), κ_w = 3, σ² = 1.
    expect(T.transitionMatrix(N, { slope: 0, width: 2, weightKurtosis: 3, variance: 1 })).toEqual([[3, 1.5, 1.5], [1, 0.5, -0.5], [0, 0, 1]]);
    // σ² = 2 (σ⁴ = 4), w = 4, a = 1 (g = 4/(4·4) = 1/4), κ_w = 2.
    expect(T.transitionMatrix(N, { slope: 1, width: 4, weightKurtosis: 2, variance: 2 })).toEqual([[0.5, 9 / 16, 2.25], [1, 0.75, -1], [0, 0, 1]]);
    expect(T.propagateKurtosis(N, { widths: [2], slope: 0, weightKurtosis: 3, variance: 1, kappa0: 3, c0: 0 })).toEqual([{ kappa: 3, c: 0 }, { kappa: 10.5, c: 2.5 }]);
    const B = T.transitionProduct(N, { widths: [2, 3], slope: 0, weightKurtosis: 3, variance: 1 });
    const A0 = T.transitionMatrix(N, { slope: 0, width: 2, weightKurtosis: 3, variance: 1 });
    const A1 = T.transitionMatrix(N, { slope: 0, width: 3, weightKurtosis: 3, variance: 1 });
    expect(B).toEqual(T.matMul(N, A1, A0)); // order A^(1)A^(0)
    expect(() => T.transitionProduct(N, { widths: [], slope: 0, weightKurtosis: 3, variance: 1 })).toThrow(/widths/);
    expect(() => T.matMul(N, [[1, 2]], [[1, 2]])).toThrow(/inner dimensions/);
  });
  it('Lemma 3 parameters', () => {
    expect(T.lemma3Parameters(N, [[3, 1.5, 1.5], [1, 0.5, -0.5], [0, 0, 1]], 1)).toEqual({ alpha: 3, beta: 1.5, gamma: 1, delta: 0.5, matchesForm: true });
    expect(T.lemma3Parameters(N, [[3, 1.5, 1.5], [1, 0.5, -0.4], [0, 0, 1]], 1).matchesForm).toBe(false);
    expect(T.lemma3Parameters(N, [[3, 1.5, 1.5], [1, 0.5, -0.5], [0, 1, 1]], 1).matchesForm).toBe(false);
    expect(T.lemma3Parameters(N, [[3, 1.4, 1.5], [1, 0.5, -0.5], [0, 0, 1]], 1).matchesForm).toBe(false);
    expect(T.lemma3Parameters(N, [[3, 1.5, 1.5], [1, 0.5, -0.5], [1, 0, 1]], 1).matchesForm).toBe(false);
    expect(T.lemma3Parameters(N, [[3, 1.5, 1.5], [1, 0.5, -0.5], [0, 0, 2]], 1).matchesForm).toBe(false);
    // σ² = 2: γ is read as B21/σ⁴.
    expect(T.lemma3Parameters(N, [[1, 0.25, 1], [8, 0.5, -2], [0, 0, 1]], 2)).toEqual({ alpha: 1, beta: 1, gamma: 2, delta: 0.5, matchesForm: true });
  });
  it('Lemma 4 helpers', () => {
    expect(T.reducedTransitionMatrix(N, { slope: 0, width: 2, weightKurtosis: 3, variance: 1 })).toEqual([[3, 1.5], [1, 0.5]]);
    expect(T.reducedTraceAndDeterminant(N, { slope: 0, width: 2, weightKurtosis: 3, variance: 1 })).toEqual({ trace: 3.5, determinant: 0 });
    // w = 2, a = 0, κ_w = 1: tr = 1 − 1/2 + 1 = 1.5, det = 2·1·(−2)/4 = −1.
    expect(T.reducedTraceAndDeterminant(N, { slope: 0, width: 2, weightKurtosis: 1, variance: 1 })).toEqual({ trace: 1.5, determinant: -1 });
    expect(T.eigenvalues2x2({ trace: 3.5, determinant: 0 })).toEqual({ max: 3.5, min: 0 });
    expect(T.eigenvalues2x2({ trace: 1, determinant: -2 })).toEqual({ max: 2, min: -1 });
    expect(T.eigenvalues2x2({ trace: -3, determinant: 2 })).toEqual({ max: -1, min: -2 });
    expect(() => T.eigenvalues2x2({ trace: 0, determinant: 1 })).toThrow(/complex/);
    expect(T.eigenvalues2x2({ trace: 2, determinant: 1 })).toEqual({ max: 1, min: 1 }); // double root
    expect(T.eigenvalues2x2({ trace: 0, determinant: 0 })).toEqual({ max: 0, min: 0 });
    // Stability: roots −1e8 and −1e−8; the naive (tr + √disc)/2 cancels to 0 here.
    const tiny = T.eigenvalues2x2({ trace: -1e8, determinant: 1 });
    expect(Math.abs(tiny.max + 1e-8)).toBeLessThan(1e-20);
    expect(Math.abs(tiny.min + 1e8)).toBeLessThan(1e-6);
    const tinyPos = T.eigenvalues2x2({ trace: 1e8, determinant: 1 });
    expect(Math.abs(tinyPos.min - 1e-8)).toBeLessThan(1e-20);
    expect(T.largestEigenvalueExceedsOne(N, { trace: 1.5, determinant: 0 })).toBe(true);
    expect(T.largestEigenvalueExceedsOne(N, { trace: 1, determinant: 0 })).toBe(false); // eigenvalues 1, 0
    expect(T.largestEigenvalueExceedsOne(N, { trace: 2.5, determinant: 1.5 })).toBe(true); // eigenvalues 1.5, 1
    expect(T.largestEigenvalueExceedsOne(N, { trace: 2, determinant: 1 })).toBe(false); // 1, 1
    expect(T.largestEigenvalueExceedsOne(N, { trace: 1.8, determinant: 0.81 })).toBe(false); // 0.9, 0.9
    expect(T.spectralRadius({ slope: 0, width: 2, weightKurtosis: 3, variance: 1 })).toBe(3.5);
    expect(T.spectralRadius({ slope: 1, width: 1, weightKurtosis: 1, variance: 1 })).toBe(1);
    // σ² = 2 rescales the off-diagonal entries (3/16 and 4) but not the spectrum.
    expect(T.spectralRadius({ slope: 0, width: 2, weightKurtosis: 3, variance: 2 })).toBeCloseTo(3.5, 14);
  });
  it('Theorem 1 helpers', () => {
    expect(T.depthToExceed({ widthAt: () => 10, slope: 0, weightKurtosis: 3, variance: 1, kappa0: 3, c0: 0, threshold: 10, maxDepth: 1000 })).toBe(3);
    expect(T.depthToExceed({ widthAt: () => 10, slope: 0, weightKurtosis: 3, variance: 1, kappa0: 3, c0: 0, threshold: 10, maxDepth: 2 })).toBeNull();
    expect(T.depthToExceed({ widthAt: () => 1, slope: 1, weightKurtosis: 1, variance: 1, kappa0: 3, c0: 0, threshold: 3, maxDepth: 50 })).toBeNull();
    expect(T.kurtosisLowerBound(N, { kappa0: 3, w0: 2, wMax: 2, depth: 5 })).toBe(3.375);
    expect(T.kurtosisLowerBound(N, { kappa0: 3, w0: 2, wMax: 2, depth: 1 })).toBe(1.5);
    expect(T.kurtosisLowerBound(N, { kappa0: 3, w0: 3, wMax: 4, depth: 4 })).toBe(1.25);
    expect(T.depthToExceed({ widthAt: () => 10, slope: 0, weightKurtosis: 3, variance: 1, kappa0: 3, c0: 0, threshold: 10, maxDepth: 3 })).toBe(3);
    // Varying widths: layer l uses widthAt(l); compare with the recursion itself.
    const widthAt = (l: number) => [2, 50, 50, 3, 40, 40, 40][l] ?? 40;
    const layers = T.propagateKurtosis(N, { widths: [0, 1, 2, 3, 4, 5, 6].map(widthAt), slope: 0.3, weightKurtosis: 1.8, variance: 1, kappa0: 3, c0: 0 });
    const threshold = layers[5]!.kappa - 1e-9;
    const expected = layers.findIndex((l, d) => d > 0 && l.kappa > threshold);
    expect(T.depthToExceed({ widthAt, slope: 0.3, weightKurtosis: 1.8, variance: 1, kappa0: 3, c0: 0, threshold, maxDepth: 7 })).toBe(expected);
    expect(() => T.kurtosisLowerBound(N, { kappa0: 3, w0: 2, wMax: 2, depth: 0 })).toThrow(/depth/);
  });
  it('Section 5', () => {
    expect(T.empiricalVarianceVariance(N, { kurtosis: 3, variance: 1, n: 11 })).toBeCloseTo(0.2, 15);
    expect(T.empiricalVarianceVariance(Q, { kurtosis: new Fraction(1), variance: new Fraction(2), n: 3 }).equals(new Fraction(4, 3))).toBe(true);
    expect(T.degreesOfFreedom(Q, { kurtosis: new Fraction(3), n: 11 }).equals(10)).toBe(true);
    expect(T.degreesOfFreedom(Q, { kurtosis: new Fraction(1), n: 3 }).equals(6)).toBe(true);
    expect(() => T.degreesOfFreedom(N, { kurtosis: 3, n: 1 })).toThrow(/n must be/);
    expect(() => T.empiricalVarianceVariance(N, { kurtosis: 3, variance: 1, n: 1 })).toThrow(/n must be/);
    expect(() => T.empiricalVarianceVariance(N, { kurtosis: 3, variance: 1, n: 2.5 })).toThrow(/n must be/);
    expect(T.gammaApproximation({ kurtosis: 3, n: 11 })).toEqual({ shape: 5, scale: 0.2 });
    expect(T.probEmpiricalVarianceBelow({ kurtosis: 3, n: 2, epsilon: 1 })).toBeCloseTo(0.6826894921370859, 12); // P(χ²₁ ≤ 1)
    expect(T.probEmpiricalVarianceBelow({ kurtosis: 3, n: 2, epsilon: 0 })).toBe(0);
    expect(() => T.probEmpiricalVarianceBelow({ kurtosis: 3, n: 2, epsilon: -1 })).toThrow(/epsilon/);
  });
  it('float and rational evaluations of the recursion agree', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: -8, max: 8 }), fc.integer({ min: 4, max: 40 }), (widths, a4, kw4) => {
        const rat = T.propagateKurtosis(Q, { widths, slope: new Fraction(a4, 4), weightKurtosis: new Fraction(kw4, 4), variance: new Fraction(1), kappa0: new Fraction(3), c0: new Fraction(0) });
        const flt = T.propagateKurtosis(N, { widths, slope: a4 / 4, weightKurtosis: kw4 / 4, variance: 1, kappa0: 3, c0: 0 });
        return rat.every((r, i) => Math.abs(r.kappa.valueOf() - flt[i]!.kappa) <= 1e-12 * Math.abs(flt[i]!.kappa));
      }),
      { seed: 7, numRuns: 200 },
    );
  });
});
