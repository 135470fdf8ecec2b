import { describe, expect, it } from 'vitest';
import { DISTRIBUTION_NAMES, distributionByName } from './byName.ts';

describe('distributionByName', () => {
  it.each([
    ['normal', 3],
    ['Gaussian', 3],
    ['uniform', 1.8],
    ['rademacher', 1],
    ['bernoulli', 1],
    ['laplace', 6],
    ['student-t:9', 3 + 6 / 5],
    ['t:6', 3 + 6 / 2],
    ['StudentT:14', 3 + 6 / 10],
    ['  Laplace ', 6],
  ])('%s has unit variance and kurtosis %d', (name, kurtosis) => {
    const d = distributionByName(name);
    expect(d.variance).toBeCloseTo(1, 12);
    expect(d.kurtosis).toBeCloseTo(kurtosis, 12);
  });

  it('the families are the named laws (names of the constructors, unit variance)', () => {
    expect(['normal', 'gaussian', 'uniform', 'rademacher', 'bernoulli', 'laplace', 't:6'].map((n) => distributionByName(n).name)).toEqual([
      'normal(σ²=1)',
      'normal(σ²=1)',
      'uniform(σ²=1)',
      'rademacher(±1)',
      'rademacher(±1)',
      'laplace(σ²=1)',
      'student-t(ν=6, σ²=1)',
    ]);
  });

  it('three-point:K has atoms 0, ±1, kurtosis K and variance 1/K', () => {
    const d = distributionByName('three-point:4');
    expect(d.name).toBe('three-point(κ=4, b=1)');
    expect(d.kurtosis).toBeCloseTo(4, 12);
    expect(d.variance).toBeCloseTo(1 / 4, 12);
  });

  it.each([
    ['cauchy', /unknown distribution 'cauchy'/],
    ['student-t', /needs one parameter: student-t:NU/],
    ['student-t:x', /NU must be a finite number/],
    ['student-t:3', /nu/],
    ['normal:2', /takes no parameter/],
    ['three-point:0.5', /kurtosis/],
    ['three-point', /^distribution 'three-point' needs one parameter: three-point:K$/],
    ['student-t:', /^distribution 'student-t:' needs one parameter: student-t:NU$/],
    ['t:5:6', /^distribution 't:5:6' needs one parameter: t:NU$/],
    ['t:inf', /^distribution 't:inf': NU must be a finite number, got 'inf'$/],
    ['gaussian:1', /^distribution 'gaussian:1': gaussian takes no parameter$/],
    ['uniform:2', /^distribution 'uniform:2': uniform takes no parameter$/],
    ['rademacher:', /^distribution 'rademacher:': rademacher takes no parameter$/],
    ['bernoulli:0.5', /takes no parameter/],
    ['laplace:1', /^distribution 'laplace:1': laplace takes no parameter$/],
  ])('rejects %s with a message naming it', (name, message) => {
    expect(() => distributionByName(name)).toThrow(message);
  });

  it('an unknown name lists the accepted ones', () => {
    expect(DISTRIBUTION_NAMES).toMatch(/^normal, uniform, rademacher \(alias bernoulli\), laplace, student-t:NU \(NU > 4\), three-point:K/);
    expect(() => distributionByName('Cauchy')).toThrow(`unknown distribution 'Cauchy' (expected ${DISTRIBUTION_NAMES})`);
  });
});
