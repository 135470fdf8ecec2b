import { describe, it, expect } from 'vitest';
import { q } from '../algebra/rational.ts';
import { rademacher } from './rademacher.ts';
import { sampleMany } from './sampleMany.ts';

// Rademacher ±b: E[x²] = b², E[x⁴] = b⁴, raw kurtosis exactly 1 (the minimum, since E[x⁴] ≥ E[x²]²).
describe('rademacher', () => {
  it('has atoms ±b with 1/2 each and exact raw kurtosis 1', () => {
    const d = rademacher();
    expect(d.atoms.map((a) => [a.value.toFraction(), a.probability.toFraction()])).toEqual([
      ['-1', '1/2'],
      ['1', '1/2'],
    ]);
    expect(d.exact.kurtosis.toFraction()).toBe('1');
    expect(d.kurtosis).toBe(1);
    expect(d.name).toBe('rademacher(±1)');
  });

  it('takes a rational scale, or a variance that is a rational square', () => {
    const s = rademacher({ scale: q(1, 2) });
    expect(s.exact.variance.toFraction()).toBe('1/4');
    expect(s.exact.fourthMoment.toFraction()).toBe('1/16');
    expect(rademacher({ variance: 4 }).atoms.map((a) => a.value.valueOf())).toEqual([-2, 2]);
    expect(rademacher({ variance: q(9, 4) }).atoms.map((a) => a.value.toFraction())).toEqual(['-3/2', '3/2']);
    expect(rademacher({ variance: 2.25 }).exact.variance.toFraction()).toBe('9/4');
  });

  it('halfLineMoment is exactly half of the moment (sum over the positive atom only)', () => {
    const d = rademacher({ scale: q(3, 2) });
    expect(d.exactHalfLineMoment(2).mul(2).equals(d.exact.variance)).toBe(true);
    expect(d.exactHalfLineMoment(4).mul(2).equals(d.exact.fourthMoment)).toBe(true);
    expect(d.halfLineMoment(4)).toBe(81 / 32);
    expect(d.halfLineMoment(2)).toBe(9 / 8);
  });

  it('samples only ±b, about half each (within 6 standard errors, n = 20000)', () => {
    const xs = sampleMany(rademacher({ scale: q(2) }), { seed: 51, n: 20000 });
    expect(xs.every((x) => x === 2 || x === -2)).toBe(true);
    const plus = xs.filter((x) => x > 0).length;
    expect(Math.abs(plus - 10000) / Math.sqrt(20000 / 4)).toBeLessThan(6);
  });

  it('rejects bad options, naming the field', () => {
    expect(() => rademacher({ variance: 2 })).toThrow('rademacher: options.variance = 2 gives an irrational atom');
    expect(() => rademacher({ scale: q(0) })).toThrow('rademacher: options.scale must be a Fraction > 0');
    expect(() => rademacher({ scale: q(1), variance: 1 })).toThrow('rademacher: give at most one of options.scale and options.variance');
    expect(() => rademacher({ variance: -1 })).toThrow('rademacher: options.variance must be > 0, got -1');
    expect(() => rademacher({ variance: q(0) })).toThrow('rademacher: options.variance must be > 0, got 0');
    expect(() => rademacher({ variance: q(2) })).toThrow('rademacher: options.variance = 2 gives an irrational atom √(2); pass options.scale (a Fraction) instead');
    for (const [variance, text] of [[Number.NaN, 'NaN'], [Number.POSITIVE_INFINITY, 'Infinity'], ['4', '4']] as const) {
      expect(() => rademacher({ variance: variance as number }), text).toThrow(`rademacher: options.variance must be a finite number or a Fraction > 0, got ${text}`);
    }
    expect(() => rademacher({ scale: 2 as unknown as ReturnType<typeof q> })).toThrow('rademacher: options.scale must be a Fraction > 0, got 2');
    expect(() => rademacher({ scale: q(-1) })).toThrow('rademacher: options.scale must be a Fraction > 0, got -1');
    expect(() => rademacher({ scale: q(1), variance: q(1) })).toThrow('rademacher: give at most one of options.scale and options.variance');
  });
});
