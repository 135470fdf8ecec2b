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

describe('signTrendTest: boundaries (exact binomial ties), power edge cases and messages', () => {
  // Bin(2, 1/2): P(X ≥ 2) = 1/4 exactly, so falseAlarm = 1/2 puts each side's level exactly on it.
  it('a p-value equal to falseAlarm/2 decides (≤, not <), both ways', () => {
    const up = signTrendTest({ towards: 2, total: 2, falseAlarm: 0.5, powerAt: 0.8 });
    expect(up).toMatchObject({ decision: 'consistent', pTowards: 0.25, pAgainst: 1, estimate: 1 });
    expect(up.reason).toBe('2 of 2 went the predicted way: P > 1/2 shown (p = 2.500e-1)');
    const down = signTrendTest({ towards: 0, total: 2, falseAlarm: 0.5, powerAt: 0.8 });
    expect(down).toMatchObject({ decision: 'rejected', pTowards: 1, pAgainst: 0.25, estimate: 0 });
    expect(down.reason).toBe('only 0 of 2 went the predicted way: P < 1/2 shown (p = 2.500e-1)');
    // The critical count is 2 (P(X ≥ 2) = 1/4 ≤ 1/4), so power = P(Bin(2, 0.8) ≥ 2) = 0.64.
    expect(up.power).toBeCloseTo(0.64, 14);
  });

  it('rejection uses falseAlarm/2 on its side too: 1 of 10 (p = 11/1024 ≈ 0.0107) is not enough at 0.02', () => {
    const r = signTrendTest({ towards: 1, total: 10, falseAlarm: 0.02, powerAt: 0.8 });
    expect(r.decision).toBe('out-of-reach');
    expect(r.pAgainst).toBeCloseTo(11 / 1024, 15);
    expect(r.reason).toBe('1 of 10: neither direction shown at this n (p = 9.990e-1, 1.074e-2)');
    expect(r.estimate).toBe(0.1);
  });

  it('critical count = total: power = powerAtⁿ (falseAlarm 0.005: P(X ≥ 10) = 1/1024 ≤ 0.0025 < P(X ≥ 9))', () => {
    const r = signTrendTest({ towards: 10, total: 10, falseAlarm: 0.005, powerAt: 0.8 });
    expect(r.power).toBeCloseTo(0.8 ** 10, 14);
    expect(r.decision).toBe('consistent');
  });

  it('no count can show the trend: power 0 (total 1; and 10 trials at falseAlarm 0.001 since 1/1024 > 0.0005)', () => {
    const one = signTrendTest({ towards: 1, total: 1, falseAlarm: 0.05, powerAt: 0.9 });
    expect(one).toMatchObject({ power: 0, decision: 'out-of-reach', pTowards: 0.5, pAgainst: 1 });
    expect(signTrendTest({ towards: 10, total: 10, falseAlarm: 0.001, powerAt: 0.9 })).toMatchObject({ power: 0, decision: 'out-of-reach' });
  });

  it('accepts the ends of the valid ranges and rejects just past them', () => {
    expect(() => signTrendTest({ towards: 10, total: 10, falseAlarm: 0.05, powerAt: 0.8 })).not.toThrow();
    expect(() => signTrendTest({ towards: 0, total: 1, falseAlarm: 0.05, powerAt: 0.8 })).not.toThrow();
    expect(() => signTrendTest({ towards: -1, total: 10, falseAlarm: 0.05, powerAt: 0.8 })).toThrow(/^signTrendTest: options\.towards must be an integer in \[0, 10\], got -1$/);
    expect(() => signTrendTest({ towards: 2.5, total: 10, falseAlarm: 0.05, powerAt: 0.8 })).toThrow(/^signTrendTest: options\.towards must be an integer in \[0, 10\], got 2\.5$/);
    expect(() => signTrendTest({ towards: 1, total: 2.5, falseAlarm: 0.05, powerAt: 0.8 })).toThrow(/^signTrendTest: options\.total must be an integer ≥ 1, got 2\.5$/);
    expect(() => signTrendTest({ towards: 1, total: 10, falseAlarm: 0, powerAt: 0.8 })).toThrow(/^signTrendTest: options\.falseAlarm must be in \(0, 1\), got 0$/);
    expect(() => signTrendTest({ towards: 1, total: 10, falseAlarm: 0.05, powerAt: 1 })).toThrow(/^signTrendTest: options\.powerAt must be in \(0, 1\), got 1$/);
  });
});
