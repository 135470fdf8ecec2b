import { describe, it, expect } from 'vitest';
import { isContinuousSymmetric, isDiscreteSymmetric } from './guards.ts';
import { laplace } from './laplace.ts';
import { rademacher } from './rademacher.ts';

describe('guards', () => {
  it('tell exact discrete laws from laws with a density', () => {
    expect(isDiscreteSymmetric(rademacher())).toBe(true);
    expect(isDiscreteSymmetric(laplace())).toBe(false);
    expect(isContinuousSymmetric(laplace())).toBe(true);
    expect(isContinuousSymmetric(rademacher())).toBe(false);
  });
});
