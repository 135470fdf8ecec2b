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

  it('need the whole shape: atoms AND exact Fraction moments; a density function', () => {
    const exact = rademacher().exact;
    expect(isDiscreteSymmetric({ ...laplace(), atoms: rademacher().atoms } as never)).toBe(false);
    expect(isDiscreteSymmetric({ ...laplace(), atoms: rademacher().atoms, exact: { ...exact, kurtosis: 1 } } as never)).toBe(false);
    expect(isDiscreteSymmetric({ ...laplace(), atoms: 'x', exact } as never)).toBe(false);
    expect(isDiscreteSymmetric({ ...laplace(), exact } as never)).toBe(false);
    expect(isContinuousSymmetric({ ...rademacher(), density: 0.5 } as never)).toBe(false);
  });
});
