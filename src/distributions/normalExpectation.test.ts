import { describe, it, expect } from 'vitest';
import { normalExpectation } from './normalExpectation.ts';

// Closed forms for Z ~ N(0, 1): E[Z^(2m)] = (2m − 1)!!, E[max(Z, 0)] = 1/√(2π), E[max(Z, 0)²] = 1/2,
// E[|Z|] = √(2/π), E[Z³; Z > 0] = 2/√(2π). The asymmetric integrands check that both half-lines are used, each once.
describe('normalExpectation', () => {
  it('even moments are the double factorials 1, 1, 3, 15', () => {
    expect(normalExpectation(() => 1)).toBeCloseTo(1, 12);
    expect(normalExpectation((x) => x * x)).toBeCloseTo(1, 12);
    expect(normalExpectation((x) => x ** 4)).toBeCloseTo(3, 11);
    expect(normalExpectation((x) => x ** 6)).toBeCloseTo(15, 10);
  });

  it('integrates each half-line separately: ReLU, |x|, one-sided and odd powers', () => {
    expect(normalExpectation((x) => Math.max(x, 0))).toBeCloseTo(1 / Math.sqrt(2 * Math.PI), 12);
    expect(normalExpectation((x) => Math.max(-x, 0))).toBeCloseTo(1 / Math.sqrt(2 * Math.PI), 12);
    expect(normalExpectation((x) => Math.max(x, 0) ** 2)).toBeCloseTo(0.5, 12);
    expect(normalExpectation(Math.abs)).toBeCloseTo(Math.sqrt(2 / Math.PI), 12);
    expect(normalExpectation((x) => (x > 0 ? x ** 3 : 0))).toBeCloseTo(2 / Math.sqrt(2 * Math.PI), 11);
    expect(normalExpectation((x) => x ** 3)).toBeCloseTo(0, 12);
  });

  it('passes its relative tolerance to the quadrature: a looser one is met with fewer evaluations', () => {
    const evaluations = (tolerance?: number): number => {
      let calls = 0;
      const value = normalExpectation((x) => (calls++, x * x), tolerance);
      expect(value).toBeCloseTo(1, tolerance === undefined ? 12 : 3);
      return calls;
    };
    expect(evaluations(1e-3)).toBeLessThan(evaluations());
  });
});
