import { describe, it, expect } from 'vitest';
import { logGamma } from './logGamma.ts';

describe('logGamma', () => {
  it('matches Γ at integers and half-integers to ~1e-14 relative', () => {
    const factorial = [1, 1, 2, 6, 24, 120, 720, 5040, 40320];
    factorial.forEach((f, i) => expect(logGamma(i + 1)).toBeCloseTo(Math.log(f), 13));
    expect(Math.exp(logGamma(0.5))).toBeCloseTo(Math.sqrt(Math.PI), 13);
    expect(Math.exp(logGamma(2.5))).toBeCloseTo((3 * Math.sqrt(Math.PI)) / 4, 13);
    expect(Math.exp(logGamma(0.25))).toBeCloseTo(3.625609908221908, 12); // Γ(1/4)
  });
});
