import { describe, it, expect } from 'vitest';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import { q } from '../algebra/rational.ts';
import { isContinuousSymmetric, isDiscreteSymmetric } from './guards.ts';
import { laplace } from './laplace.ts';
import { mixture } from './mixture.ts';
import { normal } from './normal.ts';
import { halfLineIntegral } from './quadrature.ts';
import { rademacher } from './rademacher.ts';
import { sampleMany } from './sampleMany.ts';
import { studentT } from './studentT.ts';
import { symmetricThreePoint } from './symmetricThreePoint.ts';
import { uniform } from './uniform.ts';
import { dkwBound, ksDistance, sampleZScores } from './internal/sampleChecks.ts';

// Mixture Σwᵢ Dᵢ: σ² = Σwᵢσᵢ², E[x⁴] = Σwᵢ E_i[x⁴], raw kurtosis E[x⁴]/σ⁴.
describe('mixture', () => {
  it('scale mixture of normals has kurtosis 3·E[σ⁴]/E[σ²]²', () => {
    const m = mixture({ components: [normal({ variance: 1 }), normal({ variance: 3 })], weights: [0.5, 0.5] });
    expect(m.variance).toBe(2);
    expect(m.fourthMoment).toBeCloseTo(15, 12);
    expect(m.kurtosis).toBeCloseTo(3.75, 12);
    expect(isDiscreteSymmetric(m)).toBe(false);
    expect(isContinuousSymmetric(m)).toBe(true);
  });

  it('continuous mixtures: halfLineMoment matches quadrature of the mixed density (relative 1e-9)', () => {
    const m = mixture({
      components: [uniform({ variance: 0.5 }), laplace({ variance: 2 }), studentT({ nu: 7 })],
      weights: [q(1, 5), q(1, 2), q(3, 10)],
    });
    if (!isContinuousSymmetric(m)) throw new Error('expected a density');
    expect(m.halfLineMoment(4) / (m.fourthMoment / 2)).toBeCloseTo(1, 12);
    const lap = mixture({ components: [laplace({ variance: 2 }), normal({ variance: 0.3 })], weights: [0.25, 0.75] });
    if (!isContinuousSymmetric(lap)) throw new Error('expected a density');
    for (const k of [2, 4] as const) {
      expect(halfLineIntegral((x) => x ** k * lap.density(x)) / lap.halfLineMoment(k)).toBeCloseTo(1, 9);
    }
  });

  it('discrete components with Fraction weights give an exact discrete law with merged atoms', () => {
    const m = mixture({
      components: [rademacher(), symmetricThreePoint({ kurtosis: q(4), scale: q(2) })],
      weights: [q(1, 2), q(1, 2)],
    });
    expect(isDiscreteSymmetric(m)).toBe(true);
    expect(m.atoms.map((a) => `${a.value.toFraction()}:${a.probability.toFraction()}`)).toEqual([
      '-2:1/16',
      '-1:1/4',
      '0:3/8',
      '1:1/4',
      '2:1/16',
    ]);
    expect(m.exact.variance.toFraction()).toBe('1');
    expect(m.exact.kurtosis.toFraction()).toBe('5/2');
    const merged = mixture({ components: [rademacher(), rademacher()], weights: [q(1, 3), q(2, 3)] });
    expect(merged.atoms).toHaveLength(2);
    expect(merged.exact.kurtosis.toFraction()).toBe('1');
  });

  it('mixed discrete/continuous components and number weights give float moments', () => {
    const m = mixture({ components: [rademacher(), normal({ variance: 2 })], weights: [0.25, 0.75] });
    expect(isDiscreteSymmetric(m)).toBe(false);
    expect(isContinuousSymmetric(m)).toBe(false);
    expect(m.variance).toBeCloseTo(1.75, 15);
    expect(m.fourthMoment).toBeCloseTo(0.25 + 0.75 * 12, 13);
    expect(m.halfLineMoment(2)).toBeCloseTo(1.75 / 2, 15);
    const z = sampleZScores(m, { seed: 81, n: 20000 });
    expect(Math.abs(z.zMean)).toBeLessThan(6);
    expect(Math.abs(z.zMeanSquare)).toBeLessThan(6);
  });

  it('validates components and weights', () => {
    expect(() => mixture({ components: [], weights: [] })).toThrow('mixture: options.components must be a non-empty array');
    expect(() => mixture({ components: [normal()], weights: [0.5, 0.5] })).toThrow('mixture: options.weights must have one weight per component');
    expect(() => mixture({ components: [normal(), laplace()], weights: [0.5, 0.6] })).toThrow('mixture: options.weights must sum to 1');
    expect(() => mixture({ components: [normal(), laplace()], weights: [q(1, 2), q(1, 3)] })).toThrow('must sum to exactly 1, got 5/6');
    expect(() => mixture({ components: [normal(), laplace()], weights: [-0.5, 1.5] })).toThrow('mixture: options.weights[0] must be');
  });

  it('names itself after its weighted components', () => {
    expect(mixture({ components: [rademacher(), normal({ variance: 2 })], weights: [0.25, 0.75] }).name).toBe('mixture(0.25·rademacher(±1), 0.75·normal(σ²=2))');
    expect(mixture({ components: [rademacher(), rademacher({ scale: q(2) })], weights: [q(1, 3), q(2, 3)] }).name).toBe('mixture(1/3·rademacher(±1), 2/3·rademacher(±2))');
  });

  it('discrete components stay exact only with Fraction weights; a zero weight drops its atoms', () => {
    const float = mixture({ components: [rademacher(), rademacher({ scale: q(2) })], weights: [0.5, 0.5] });
    expect(isDiscreteSymmetric(float)).toBe(false);
    expect(float.variance).toBe(2.5);
    expect(float.fourthMoment).toBe(8.5);
    expect(float.kurtosis).toBe(8.5 / 6.25);
    expect(float.halfLineMoment(4)).toBe(4.25);
    expect(float.parts?.map((p) => [p.weight, p.component.name])).toEqual([[0.5, 'rademacher(±1)'], [0.5, 'rademacher(±2)']]);
    const dropped = mixture({ components: [rademacher(), rademacher({ scale: q(3) })], weights: [q(1), q(0)] });
    expect(dropped.atoms.map((a) => `${a.value.toFraction()}:${a.probability.toFraction()}`)).toEqual(['-1:1/2', '1:1/2']);
  });

  it('samples component i with probability wᵢ (n = 20000, 6 SE), never a zero-weight one', () => {
    // ±1 with weight 0.3, ±2 with weight 0.7 (number weights: the float path picks a component per draw).
    const m = mixture({ components: [rademacher(), rademacher({ scale: q(2) })], weights: [0.3, 0.7] });
    const xs = sampleMany(m, { seed: 83, n: 20000 });
    expect(xs.every((x) => Math.abs(x) === 1 || Math.abs(x) === 2)).toBe(true);
    const twos = xs.filter((x) => Math.abs(x) === 2).length;
    expect(Math.abs(twos - 0.7 * 20000) / Math.sqrt(20000 * 0.7 * 0.3)).toBeLessThan(6);
    const three = mixture({ components: [rademacher({ scale: q(5) }), rademacher(), rademacher({ scale: q(7) }), rademacher({ scale: q(2) })], weights: [0, 0.5, 0, 0.5] });
    const ys = sampleMany(three, { seed: 84, n: 2000 });
    expect(ys.every((x) => Math.abs(x) === 1 || Math.abs(x) === 2)).toBe(true);
    const ones = ys.filter((x) => Math.abs(x) === 1).length;
    expect(Math.abs(ones - 1000) / Math.sqrt(2000 / 4)).toBeLessThan(6);
  });

  it('rejects malformed options, naming the field', () => {
    expect(() => mixture(undefined as unknown as Parameters<typeof mixture>[0])).toThrow('mixture: options.components must be a non-empty array, got undefined');
    expect(() => mixture({ components: 'normal' as unknown as [], weights: [] })).toThrow('mixture: options.components must be a non-empty array, got normal');
    expect(() => mixture({ components: [normal()], weights: undefined as unknown as [] })).toThrow('mixture: options.weights must have one weight per component (1), got undefined');
    expect(() => mixture({ components: [normal()], weights: [0.5, 0.5] })).toThrow('mixture: options.weights must have one weight per component (1), got 2');
    for (const [w, text] of [[Number.NaN, 'NaN'], [Number.POSITIVE_INFINITY, 'Infinity'], ['1', '1'], [q(-1, 2), '-0.5']] as const) {
      expect(() => mixture({ components: [normal(), laplace()], weights: [w as number, 0.5] }), text).toThrow(`mixture: options.weights[0] must be a finite number or Fraction >= 0, got ${text}`);
    }
    expect(() => mixture({ components: [normal(), laplace()], weights: [0.5, -0] })).toThrow('mixture: options.weights must sum to 1 (±1e-12), got 0.5');
    expect(() => mixture({ components: [normal(), laplace()], weights: [0.5, 0.5 + 3e-12] })).toThrow('mixture: options.weights must sum to 1 (±1e-12)');
    expect(() => mixture({ components: [normal(), laplace()], weights: [0.5, 0.5 - 3e-12] })).toThrow('mixture: options.weights must sum to 1 (±1e-12)');
    expect(mixture({ components: [normal(), laplace()], weights: [0.5, 0.5 + 5e-13] }).variance).toBeCloseTo(1, 11);
    expect(mixture({ components: [normal(), laplace()], weights: [q(1, 2), 0.5] }).variance).toBe(1);
  });

  it('continuous mixture samples follow Σ wᵢFᵢ: KS within the DKW bound (α = 1e-6, n = 20000)', () => {
    // normal(σ² = 0.2) with weight 0.3, normal(σ² = 5) with weight 0.7: a clear scale mixture.
    const m = mixture({ components: [normal({ variance: 0.2 }), normal({ variance: 5 })], weights: [0.3, 0.7] });
    const cdf = (x: number): number => 0.3 * normalCdf(x, 0, Math.sqrt(0.2)) + 0.7 * normalCdf(x, 0, Math.sqrt(5));
    expect(ksDistance(sampleMany(m, { seed: 85, n: 20000 }), cdf)).toBeLessThanOrEqual(dkwBound(20000, 1e-6));
    if (!isContinuousSymmetric(m)) throw new Error('expected a density');
    expect(m.density(0.5)).toBeCloseTo(0.3 * normal({ variance: 0.2 }).density(0.5) + 0.7 * normal({ variance: 5 }).density(0.5), 15);
  });

  it('mixed Fraction/number weights, or Fraction weights over mixed components, take the float path', () => {
    const mixedWeights = mixture({ components: [rademacher(), rademacher({ scale: q(2) })], weights: [q(1, 2), 0.5] });
    expect(isDiscreteSymmetric(mixedWeights)).toBe(false);
    expect(mixedWeights.variance).toBe(2.5);
    const mixedLaws = mixture({ components: [rademacher(), normal({ variance: 3 })], weights: [q(1, 2), q(1, 2)] });
    expect(isDiscreteSymmetric(mixedLaws)).toBe(false);
    expect(isContinuousSymmetric(mixedLaws)).toBe(false);
    expect(mixedLaws.variance).toBe(2);
    expect(mixedLaws.fourthMoment).toBe(14); // (1 + 27)/2
  });

  it('a zero weight on the last component is never sampled', () => {
    const m = mixture({ components: [rademacher(), rademacher({ scale: q(2) }), rademacher({ scale: q(9) })], weights: [0.5, 0.5, 0] });
    const xs = sampleMany(m, { seed: 86, n: 2000 });
    expect(xs.every((x) => Math.abs(x) === 1 || Math.abs(x) === 2)).toBe(true);
  });
});
