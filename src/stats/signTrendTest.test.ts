import { describe, expect, it } from 'vitest';
import { binomialTestGreater } from './binomialTestGreater.ts';
import { signTrendTest } from './signTrendTest.ts';

describe('signTrendTest', () => {
  it('consistent / rejected / out of reach, with exact binomial p-values', () => {
    const c = signTrendTest({ towards: 9, total: 10, falseAlarm: 0.05, powerAt: 0.8 });
    expect(c.pTowards).toBe(binomialTestGreater(9, 10, 0.5));
    expect(c.pTowards).toBeCloseTo(11 / 1024, 15);
    expect(c.decision).toBe('consistent');
    expect(signTrendTest({ towards: 1, total: 10, falseAlarm: 0.05, powerAt: 0.8 }).decision).toBe('rejected');
    expect(signTrendTest({ towards: 5, total: 10, falseAlarm: 0.05, powerAt: 0.8 }).decision).toBe('out-of-reach');
    // Each side at falseAlarm/2: 9 of 10 (p = 0.0107) is not enough at 0.02.
    expect(signTrendTest({ towards: 9, total: 10, falseAlarm: 0.02, powerAt: 0.8 }).decision).toBe('out-of-reach');
  });
  it('power: the probability of "consistent" at powerAt, exactly — increasing in n and in powerAt', () => {
    const r = signTrendTest({ towards: 0, total: 10, falseAlarm: 0.05, powerAt: 0.8 });
    // critical count 9 (P(X ≥ 9 | 1/2) = 0.0107 ≤ 0.025 < P(X ≥ 8) = 0.0547): power = P(Bin(10, 0.8) ≥ 9).
    expect(r.power).toBeCloseTo(binomialTestGreater(9, 10, 0.8), 14);
    expect(signTrendTest({ towards: 0, total: 300, falseAlarm: 1e-8, powerAt: 0.8 }).power).toBeGreaterThan(0.99);
    expect(signTrendTest({ towards: 0, total: 300, falseAlarm: 1e-8, powerAt: 0.6 }).power).toBeLessThan(0.5);
  });
  it('bad input: one-line errors naming the option', () => {
    expect(() => signTrendTest({ towards: 11, total: 10, falseAlarm: 0.05, powerAt: 0.8 })).toThrow(/options.towards must be an integer in \[0, 10\], got 11/);
    expect(() => signTrendTest({ towards: 1, total: 0, falseAlarm: 0.05, powerAt: 0.8 })).toThrow(/options.total/);
    expect(() => signTrendTest({ towards: 1, total: 10, falseAlarm: 1, powerAt: 0.8 })).toThrow(/options.falseAlarm/);
    expect(() => signTrendTest({ towards: 1, total: 10, falseAlarm: 0.1, powerAt: 0 })).toThrow(/options.powerAt/);
  });
});
