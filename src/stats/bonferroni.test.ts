import { describe, expect, it } from 'vitest';
import { bonferroni } from './bonferroni.ts';

describe('bonferroni', () => {
  it('splits the budget evenly: total/tests', () => {
    expect(bonferroni({ total: 0.01, tests: 4 })).toBe(0.0025);
    expect(bonferroni({ total: 0.05, tests: 1 })).toBe(0.05);
    expect(bonferroni({ total: 1e-3, tests: 7 })).toBe(1e-3 / 7);
  });

  it('union bound: tests·perTest never exceeds the total (up to one rounding)', () => {
    for (const tests of [1, 2, 3, 7, 10, 64, 1000]) {
      for (const total of [1e-4, 1e-3, 0.01, 0.05, 0.2]) {
        expect(tests * bonferroni({ total, tests })).toBeLessThanOrEqual(total * (1 + 2 ** -52));
      }
    }
  });

  it('rejects bad options, naming the field', () => {
    expect(() => bonferroni({ total: 0, tests: 3 })).toThrow('bonferroni: options.total must be a number in (0, 1), got 0');
    expect(() => bonferroni({ total: 1, tests: 3 })).toThrow('bonferroni: options.total');
    expect(() => bonferroni({ total: 0.01, tests: 0 })).toThrow('bonferroni: options.tests must be an integer >= 1, got 0');
    expect(() => bonferroni({ total: 0.01, tests: 2.5 })).toThrow('bonferroni: options.tests');
  });
});

describe('bonferroni: a missing options object', () => {
  it('is reported as a missing total, not a TypeError', () => {
    expect(() => bonferroni(undefined as never)).toThrow(/^bonferroni: options\.total must be a number in \(0, 1\), got undefined$/);
  });
});
