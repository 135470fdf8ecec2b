import { describe, expect, it } from 'vitest';
import type { VerificationReport } from '../report/runVerification.ts';
import { compareWithExpectations, isDataUnavailable } from './expectations.ts';

describe('checks whose data set is missing', () => {
  const check = (verdict: 'refuted' | 'inconclusive', evidence?: string) => ({ id: 's/c', kind: 'float' as const, role: 'statement' as const, source: '', description: '', verdict, cases: 0, seed: 1, ...(evidence ? { evidence } : {}) });
  const report = (c: ReturnType<typeof check>): VerificationReport => ({ seed: 1, tier: 'quick', statements: [{ id: 's', title: 't', statement: 'x', verdict: c.verdict, checks: [c] }] });
  const expectations = { s: { verdict: 'refuted' as const, checks: { 's/c': 'refuted' as const } } };

  it('are recognised by their evidence', () => {
    expect(isDataUnavailable(check('inconclusive', 'data unavailable: no CIFAR-10'))).toBe(true);
    expect(isDataUnavailable(check('inconclusive', 'check threw: boom'))).toBe(false);
    expect(isDataUnavailable(check('refuted', 'data unavailable: x'))).toBe(false);
  });

  it('are not compared with the expectations (not a regression), while other inconclusive checks are', () => {
    expect(compareWithExpectations(report(check('inconclusive', 'data unavailable: no CIFAR-10')), expectations)).toEqual([]);
    expect(compareWithExpectations(report(check('inconclusive', 'check threw: boom')), expectations)).toHaveLength(2);
  });
});
