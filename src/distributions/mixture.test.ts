import { describe, it, expect } from 'vitest';
import { q } from '../algebra/rational.ts';
import { isContinuousSymmetric, isDiscreteSymmetric } from './guards.ts';
import { laplace } from './laplace.ts';
import { mixture } from './mixture.ts';
import { normal } from './normal.ts';
import { halfLineIntegral } from './quadrature.ts';
import { rademacher } from './rademacher.ts';
import { studentT } from './studentT.ts';
import { symmetricThreePoint } from './symmetricThreePoint.ts';
import { uniform } from './uniform.ts';
import { sampleZScores } from './internal/sampleChecks.ts';

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
});
