import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Fraction } from 'fraction.js';
import { q, qEquals, qFromNumber, qPow, qSqrtExact, qSum, qToString } from './rational.ts';

describe('rational helpers', () => {
  it('q builds reduced fractions from integers and refuses floats', () => {
    expect(qToString(q(6, 4))).toBe('3/2');
    expect(qToString(q(-6, 4))).toBe('-3/2');
    expect(q(-2).valueOf()).toBe(-2);
    expect(qToString(q(3n, 9n))).toBe('1/3');
    expect(() => q(0.5)).toThrow('q: n must be a safe integer');
    expect(() => q(1, 0)).toThrow('q: d must be non-zero');
  });

  it('qPow, qSum, qEquals are exact', () => {
    expect(qToString(qPow(q(-2, 3), 4))).toBe('16/81');
    expect(qToString(qPow(q(5, 7), 0))).toBe('1');
    expect(() => qPow(q(1), -1)).toThrow('qPow: k must be an integer >= 0');
    expect(qToString(qSum([q(1, 2), q(1, 3), q(1, 6)]))).toBe('1');
    expect(qToString(qSum([]))).toBe('0');
    expect(qEquals(q(2, 4), q(1, 2))).toBe(true);
    expect(qEquals(q(1, 3), q(1, 2))).toBe(false);
  });

  it('qFromNumber round-trips every finite double exactly and keeps simple decimals simple', () => {
    expect(qToString(qFromNumber(1.8))).toBe('9/5');
    expect(qToString(qFromNumber(0.1))).toBe('1/10');
    expect(qToString(qFromNumber(1e-20))).toBe('1/100000000000000000000');
    expect(qToString(qFromNumber(-2.5e3))).toBe('-2500');
    expect(qToString(qFromNumber(1 / 3))).toBe('6004799503160661/18014398509481984');
    expect(() => qFromNumber(Number.NaN)).toThrow('qFromNumber: x must be finite');
    fc.assert(
      // |x| ≥ 1e-290 so that fraction.js's valueOf (Number(n)/Number(d)) itself does not underflow.
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e300, max: 1e300 }).filter((x) => x === 0 || Math.abs(x) >= 1e-290),
        (x) => {
          expect(qFromNumber(x).valueOf()).toBe(x === 0 ? 0 : x);
        },
      ),
      { seed: 101, numRuns: 300 },
    );
  });

  it('qSqrtExact finds rational square roots and only those', () => {
    expect(qSqrtExact(q(9, 4))?.toFraction()).toBe('3/2');
    expect(qSqrtExact(q(0))?.toFraction()).toBe('0');
    expect(qSqrtExact(q(2))).toBeUndefined();
    expect(qSqrtExact(q(-4))).toBeUndefined();
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 30n }), fc.bigInt({ min: 1n, max: 10n ** 20n }), (n, d) => {
        const r = new Fraction(n, d);
        expect(qSqrtExact(r.mul(r))?.equals(r)).toBe(true);
        const s = qSqrtExact(r.mul(r).add(new Fraction(1, d * d * 3n)));
        if (s !== undefined) expect(s.mul(s).equals(r.mul(r).add(new Fraction(1, d * d * 3n)))).toBe(true);
      }),
      { seed: 102, numRuns: 200 },
    );
  });
});
