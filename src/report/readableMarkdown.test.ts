import { describe, expect, it } from 'vitest';
import { listItems } from './listItems.ts';
import { reportToMarkdown } from './markdown.ts';
import { readableText } from './readableText.ts';
import type { VerificationReport } from './runVerification.ts';
import { withError } from './withError.ts';

describe('readableText', () => {
  it('rounds decimals with more than 5 significant digits to 4, leaves integers, fractions and short decimals', () => {
    expect(readableText('κ_0 computed 3.28867, Δ = 0.661334, allowed 0.0113685, theory 2.7666')).toBe('κ_0 computed 3.289, Δ = 0.6613, allowed 0.01137, theory 2.7666');
    expect(readableText('estimate 0.4993906607916818 ± 0.0022492127784276036, t = -222.5709119251438')).toBe('estimate 0.4994 ± 0.002249, t = -222.6');
    expect(readableText('κ = 5612/1805 (≈ 3.1), seed 2008740310, 0.0115, 1.299e-8, v0.1.0')).toBe('κ = 5612/1805 (≈ 3.1), seed 2008740310, 0.0115, 1.299e-8, v0.1.0');
    expect(readableText('c_0 = 0.7099125611126186, tiny 1.234567891e-12')).toBe('c_0 = 0.7099, tiny 1.235e-12');
  });

  it('says an interval’s coverage in plain terms', () => {
    expect(readableText('0.9999999870 interval [1, 2]')).toBe('interval that covers the true value with probability 1 − 1.3e-8 [1, 2]');
    expect(readableText('theory outside the 99.9999987012987% interval')).toBe('theory outside the interval that covers the true value with probability 1 − 1.3e-8');
    expect(readableText('the 95% interval')).toBe('the interval that covers the true value with probability 1 − 0.05');
  });

  it('replaces internal names by labels', () => {
    expect(readableText('matches as: rawUnitGain; power 0.1 < minPower 0.8')).toBe('matches as: raw c₀ at unit gain (v = 1/d); power 0.1 < the required power 0.8');
  });
});

describe('listItems', () => {
  it('keeps short texts whole; splits long ones at labelled parts', () => {
    expect(listItems('n = 5: short')).toBeNull();
    const long = 'M = 5: κ = 3.1, exact P = 0.0458; Gamma approximation 0.0115; M = 10: κ = 10.6, exact P = 0.0579; Gamma approximation 0.2108; M = 20: κ = 40.6, exact P = 0.0613; Gamma approximation 0.6098';
    expect(listItems(long)).toEqual([
      'M = 5: κ = 3.1, exact P = 0.0458; Gamma approximation 0.0115',
      'M = 10: κ = 10.6, exact P = 0.0579; Gamma approximation 0.2108',
      'M = 20: κ = 40.6, exact P = 0.0613; Gamma approximation 0.6098',
    ]);
  });
});

describe('withError', () => {
  it('gives the standard error 2 significant digits and the estimate the same decimal places', () => {
    expect(withError(-0.00076520123, 0.00041234)).toBe('-0.00077 ± 0.00041');
    expect(withError(2.71274, 0.1012)).toBe('2.71 ± 0.10');
    expect(withError(189.3, 57.2)).toBe('189 ± 57');
    expect(withError(0.5, null)).toBe('0.5');
  });
});

const report: VerificationReport = {
  seed: 1,
  tier: 'quick',
  statements: [
    {
      id: 'x',
      title: 'A statement',
      statement: 'S.',
      verdict: 'supported',
      checks: [
        { id: 'x/statement', kind: 'float', verdict: 'supported', cases: 100, seed: 1, role: 'statement', source: 'eq. 1', description: 'holds' },
        {
          id: 'x/step',
          kind: 'exact',
          verdict: 'refuted',
          cases: 1,
          seed: 1,
          role: 'step',
          source: 'proof',
          description: 'a proof step',
          counterexample:
            "code's pair (κ_0 = 3.953255619581223, c_0 = 0.7099125611126186): matches as: rawUnitGain; M = 10: κ = 330608/31205 (≈ 10.6), exact P = 0.0579; Gamma approximation 0.2108; M = 20: κ = 20652992/508805 (≈ 40.6), 0.9999999870 interval [0.48469916772401583, 0.5140821538593479]",
        },
      ],
    },
  ],
};

describe('verification.md for people', () => {
  const md = reportToMarkdown(report);
  it('opens with a legend: each verdict, and how a statement’s verdict follows from its checks', () => {
    const legend = md.slice(0, md.indexOf('## Summary'));
    for (const v of ['verified-exact', 'supported', 'refuted', 'inconclusive']) expect(legend).toContain(`**${v}**`);
    expect(legend).toMatch(/proof steps[^]*do not enter/i);
    expect(legend).toMatch(/supported[^]*beside[^]*refuted/i);
  });

  it('a long counterexample is a list; floats rounded; no internal names; coverage in plain words', () => {
    expect(md).toContain("- code's pair (κ_0 = 3.953, c_0 = 0.7099): matches as: raw c₀ at unit gain (v = 1/d)");
    expect(md).toContain('- M = 10: κ = 330608/31205 (≈ 10.6), exact P = 0.0579; Gamma approximation 0.2108');
    expect(md).toContain('interval that covers the true value with probability 1 − 1.3e-8 [0.4847, 0.5141]');
    expect(md).not.toMatch(/\d\.\d{7,}/);
    expect(md).not.toContain('rawUnitGain');
  });
});
