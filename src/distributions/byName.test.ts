import { describe, expect, it } from 'vitest';
import { distributionByName } from './byName.ts';

describe('distributionByName', () => {
  it.each([
    ['normal', 3],
    ['Gaussian', 3],
    ['uniform', 1.8],
    ['rademacher', 1],
    ['bernoulli', 1],
    ['laplace', 6],
    ['student-t:9', 3 + 6 / 5],
  ])('%s has unit variance and kurtosis %d', (name, kurtosis) => {
    const d = distributionByName(name);
    expect(d.variance).toBeCloseTo(1, 12);
    expect(d.kurtosis).toBeCloseTo(kurtosis, 12);
  });

  it('three-point:K has atoms 0, ±1, kurtosis K and variance 1/K', () => {
    const d = distributionByName('three-point:4');
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
  ])('rejects %s with a message naming it', (name, message) => {
    expect(() => distributionByName(name)).toThrow(message);
  });
});
