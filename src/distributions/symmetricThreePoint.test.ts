import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Fraction } from 'fraction.js';
import { q } from '../algebra/rational.ts';
import { symmetricThreePoint } from './symmetricThreePoint.ts';
import { sampleZScores } from './internal/sampleChecks.ts';

// Three-point {−b, 0, b} with P(±b) = 1/(2κ): E[x²] = b²/κ, E[x⁴] = b⁴/κ, raw kurtosis κ.
describe('symmetricThreePoint', () => {
  it('reaches the raw kurtoses 1, 9/5, 3, 6 exactly', () => {
    for (const [k, label] of [[q(1), '1'], [q(9, 5), '9/5'], [q(3), '3'], [q(6), '6']] as const) {
      const d = symmetricThreePoint({ kurtosis: k, scale: q(2) });
      expect(d.exact.kurtosis.toFraction()).toBe(label);
      expect(d.exact.variance.equals(q(4).div(k))).toBe(true);
    }
    expect(symmetricThreePoint({ kurtosis: 1.8, scale: q(1) }).exact.kurtosis.toFraction()).toBe('9/5');
    // κ = 1: no atom at 0 (it is Rademacher)
    expect(symmetricThreePoint({ kurtosis: 1, scale: q(1) }).atoms).toHaveLength(2);
  });

  it('has exact kurtosis κ, variance b²/κ and exact half-line moments for every rational κ ≥ 1, b > 0', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        (d, extra, bn, bd) => {
          const kappa = new Fraction(d + extra, d);
          const b = new Fraction(bn, bd);
          const dist = symmetricThreePoint({ kurtosis: kappa, scale: b });
          expect(dist.exact.kurtosis.equals(kappa)).toBe(true);
          expect(dist.exact.variance.equals(b.mul(b).div(kappa))).toBe(true);
          expect(dist.exactHalfLineMoment(4).mul(2).equals(dist.exact.fourthMoment)).toBe(true);
          expect(dist.exactHalfLineMoment(2).mul(2).equals(dist.exact.variance)).toBe(true);
        },
      ),
      { seed: 61, numRuns: 200 },
    );
  });

  it('accepts a variance when b = √(σ²κ) is rational (default σ² = 1)', () => {
    expect(symmetricThreePoint({ kurtosis: 4 }).atoms.map((a) => a.value.valueOf())).toEqual([-2, 0, 2]);
    expect(() => symmetricThreePoint({ kurtosis: 3 })).toThrow('symmetricThreePoint: options.variance = 1 gives an irrational atom');
  });

  it('samples: mean and mean square within 6 standard errors (n = 20000)', () => {
    const z = sampleZScores(symmetricThreePoint({ kurtosis: q(6), scale: q(3) }), { seed: 62, n: 20000 });
    expect(Math.abs(z.zMean)).toBeLessThan(6);
    expect(Math.abs(z.zMeanSquare)).toBeLessThan(6);
  });

  it('rejects κ < 1, naming kurtosis', () => {
    expect(() => symmetricThreePoint({ kurtosis: q(1, 2), scale: q(1) })).toThrow(
      'symmetricThreePoint: options.kurtosis must be >= 1, got 1/2',
    );
    expect(() => symmetricThreePoint({ kurtosis: Number.NaN })).toThrow('symmetricThreePoint: options.kurtosis must be a finite number or Fraction >= 1, got NaN');
    expect(() => symmetricThreePoint({ kurtosis: '4' as unknown as number })).toThrow('symmetricThreePoint: options.kurtosis must be a finite number or Fraction >= 1, got 4');
    expect(() => symmetricThreePoint(undefined as unknown as { kurtosis: number })).toThrow('symmetricThreePoint: options.kurtosis must be a finite number or Fraction >= 1, got undefined');
    expect(() => symmetricThreePoint({ kurtosis: 0.99, scale: q(1) })).toThrow('symmetricThreePoint: options.kurtosis must be >= 1, got 99/100');
    expect(symmetricThreePoint({ kurtosis: 4, variance: q(1, 4) }).atoms.map((a) => a.value.toFraction())).toEqual(['-1', '0', '1']);
    expect(symmetricThreePoint({ kurtosis: q(4), scale: q(3) }).name).toBe('three-point(κ=4, b=3)');
    expect(() => symmetricThreePoint({ kurtosis: 3, variance: 2 })).toThrow('symmetricThreePoint: options.variance = 2 gives an irrational atom √(6)');
  });
});
