import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { isDiscreteSymmetric } from '../distributions/guards.ts';
import { symmetricDistributionArbitrary } from './symmetricDistributionArbitrary.ts';

describe('symmetricDistributionArbitrary', () => {
  it('produces laws with consistent finite moments, kurtosis ≥ 1 and half-line moments = half', () => {
    fc.assert(
      fc.property(symmetricDistributionArbitrary(), (d) => {
        expect(d.variance > 0 && Number.isFinite(d.fourthMoment)).toBe(true);
        expect(d.kurtosis).toBeGreaterThanOrEqual(1 - 1e-12);
        expect(Math.abs(d.kurtosis - d.fourthMoment / d.variance ** 2)).toBeLessThanOrEqual(1e-9 * d.kurtosis);
        expect(Math.abs(d.halfLineMoment(4) - d.fourthMoment / 2)).toBeLessThanOrEqual(1e-12 * d.fourthMoment);
        expect(Math.abs(d.halfLineMoment(2) - d.variance / 2)).toBeLessThanOrEqual(1e-12 * d.variance);
      }),
      { seed: 271, numRuns: 300 },
    );
  });

  it('covers every family and mixtures (some of them exact)', () => {
    const ds = fc.sample(symmetricDistributionArbitrary(), { seed: 272, numRuns: 600 });
    for (const prefix of ['normal', 'uniform', 'laplace', 'student-t', 'rademacher', 'three-point', 'discrete', 'mixture']) {
      expect(ds.filter((d) => d.name.startsWith(prefix)).length, prefix).toBeGreaterThan(5);
    }
    expect(ds.some((d) => d.name.startsWith('mixture') && isDiscreteSymmetric(d))).toBe(true);
    expect(ds.some((d) => d.name.startsWith('mixture') && !isDiscreteSymmetric(d))).toBe(true);
    const nus = ds.flatMap((d) => [...d.name.matchAll(/ν=([0-9.e+-]+)/g)].map((m) => Number(m[1])));
    expect(nus.every((nu) => nu > 4 && nu <= 60)).toBe(true);
    expect(nus.some((nu) => nu < 5)).toBe(true);
  });

  it('prints generated values by name in counterexamples', () => {
    const [d] = fc.sample(symmetricDistributionArbitrary(), { seed: 273, numRuns: 1 });
    expect(fc.stringify(d)).toBe(d!.name);
  });

  it('maxMixtureComponents = 1 disables mixtures; bad values throw at build time', () => {
    const ds = fc.sample(symmetricDistributionArbitrary({ maxMixtureComponents: 1 }), { seed: 274, numRuns: 200 });
    expect(ds.some((d) => d.name.startsWith('mixture'))).toBe(false);
    expect(() => symmetricDistributionArbitrary({ maxMixtureComponents: 0 })).toThrow(
      'symmetricDistributionArbitrary: constraints.maxMixtureComponents must be an integer >= 1, got 0',
    );
  });
});
