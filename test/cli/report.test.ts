import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { reportToMarkdown } from '../../src/report/markdown.ts';
import { runVerification, TIER_NUM_RUNS, type VerificationReport } from '../../src/report/runVerification.ts';
import { reportToJson } from '../../src/report/serialize.ts';
import { summaryLines } from '../../src/report/summary.ts';
import { writeVerificationReports } from '../../src/report/writeReports.ts';
import { compareWithExpectations, expectationsFromReport, formatMismatch, type Expectations } from '../../src/verify/expectations.ts';
import type { Check, StatementSpec } from '../../src/verify/types.ts';
import { cleanupTempDirs, fakeStatements, listFiles, tempDir } from './helpers.ts';

afterAll(cleanupTempDirs);

const run = (seed = 7, tier: 'quick' | 'full' = 'quick') => runVerification({ statements: fakeStatements(), seed, tier });

describe('runVerification', () => {
  it('the same seed gives byte-identical JSON', () => {
    expect(reportToJson(run(7))).toBe(reportToJson(run(7)));
  });

  it('a different seed changes the check seeds', () => {
    expect(reportToJson(run(7))).not.toBe(reportToJson(run(8)));
  });

  it('has the documented shape and key order', () => {
    const doc = JSON.parse(reportToJson(run(7)));
    expect(Object.keys(doc)).toEqual(['seed', 'tier', 'statements']);
    expect(doc.seed).toBe(7);
    expect(Object.keys(doc.statements[0])).toEqual(['id', 'title', 'statement', 'verdict', 'checks']);
    expect(Object.keys(doc.statements[1])).toEqual(['id', 'title', 'statement', 'verdict', 'checks', 'corrected']);
    expect(Object.keys(doc.statements[1].corrected)).toEqual(['statement', 'verdict']);
    const refuted = doc.statements[1].checks[0];
    expect(Object.keys(refuted).slice(0, 6)).toEqual(['id', 'kind', 'verdict', 'cases', 'seed', 'counterexample']);
    expect(refuted).toMatchObject({ verdict: 'refuted', counterexample: 'n = 50' });
    expect(refuted.path).toBeTypeOf('string');
    expect(Object.keys(doc.statements[0].checks[0]).slice(0, 5)).toEqual(['id', 'kind', 'verdict', 'cases', 'seed']);
    expect(JSON.stringify(doc)).not.toMatch(/time|date|duration/i);
  });

  it('verdicts and the tier numRuns', () => {
    const report = run(7);
    expect(report.statements.map((s) => [s.verdict, s.corrected?.verdict])).toEqual([
      ['verified-exact', undefined],
      ['refuted', 'verified-exact'],
    ]);
    expect(TIER_NUM_RUNS).toEqual({ quick: 100, full: 1000 });
    expect(report.statements[0]!.checks[1]!.cases).toBe(100);
  });

  it('calls onStatement once per statement, in order', () => {
    const seen: string[] = [];
    runVerification({ statements: fakeStatements(), seed: 1, tier: 'quick', onStatement: (s, i, n) => seen.push(`${i}/${n} ${s.id}`) });
    expect(seen).toEqual(['0/2 fake-a', '1/2 fake-b']);
  });

  it('a check that throws becomes inconclusive instead of aborting the run', () => {
    const throwing: Check = {
      id: 'boom/check',
      kind: 'exact',
      role: 'statement',
      source: '',
      description: 'throws',
      run: () => {
        throw new Error('kaput');
      },
    };
    const spec: StatementSpec = { id: 'boom', title: 'Boom', statement: 'x', checks: [throwing] };
    const report = runVerification({ statements: [spec], seed: 1, tier: 'quick' });
    expect(report.statements[0]!.verdict).toBe('inconclusive');
    expect(report.statements[0]!.checks[0]!.evidence).toMatch(/kaput/);
  });
});

describe('compareWithExpectations', () => {
  const report = run(7);
  const expectations = expectationsFromReport(report);
  const clone = (): Record<string, { verdict: string; corrected?: string; checks: Record<string, string> }> =>
    JSON.parse(JSON.stringify(expectations));

  it('a report matches the expectations generated from it', () => {
    expect(compareWithExpectations(report, expectations)).toEqual([]);
  });

  it('detects a changed check verdict', () => {
    const e = clone();
    e['fake-a']!.checks['fake-a/float'] = 'refuted';
    expect(compareWithExpectations(report, e as Expectations)).toEqual([
      { statementId: 'fake-a', target: 'check', checkId: 'fake-a/float', expected: 'refuted', actual: 'supported' },
    ]);
  });

  it('detects changed statement and corrected verdicts', () => {
    const e = clone();
    e['fake-b']!.verdict = 'supported';
    e['fake-b']!.corrected = 'refuted';
    const ms = compareWithExpectations(report, e as Expectations);
    expect(ms).toEqual([
      { statementId: 'fake-b', target: 'statement', expected: 'supported', actual: 'refuted' },
      { statementId: 'fake-b', target: 'corrected', expected: 'refuted', actual: 'verified-exact' },
    ]);
  });

  it('detects a check missing from the expectations', () => {
    const e = clone();
    delete e['fake-a']!.checks['fake-a/exact'];
    expect(compareWithExpectations(report, e as Expectations)).toEqual([
      { statementId: 'fake-a', target: 'check', checkId: 'fake-a/exact', expected: null, actual: 'verified-exact' },
    ]);
  });

  it('detects an extra check in the expectations (missing from the report)', () => {
    const e = clone();
    e['fake-a']!.checks['fake-a/gone'] = 'supported';
    const ms = compareWithExpectations(report, e as Expectations);
    expect(ms).toEqual([{ statementId: 'fake-a', target: 'check', checkId: 'fake-a/gone', expected: 'supported', actual: null }]);
    expect(formatMismatch(ms[0]!)).toMatch(/fake-a\/gone/);
  });

  it('detects statements on one side only, unless restricted to others', () => {
    const e = clone();
    delete e['fake-a'];
    e['fake-z'] = { verdict: 'supported', checks: {} };
    const ms = compareWithExpectations(report, e as Expectations);
    expect(ms.map((m) => [m.statementId, m.expected, m.actual])).toEqual([
      ['fake-a', null, 'verified-exact'],
      ['fake-z', 'supported', null],
    ]);
    expect(compareWithExpectations(report, e as Expectations, { onlyStatements: ['fake-b'] })).toEqual([]);
  });
});

describe('summaryLines', () => {
  const report = run(7);
  it('one aligned line per statement, with expectation marks', () => {
    const e = JSON.parse(JSON.stringify(expectationsFromReport(report)));
    e['fake-a'].verdict = 'supported';
    const lines = summaryLines(report, e);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^fake-a\s+verified-exact\s+2 checks\s+✗ expected supported$/);
    expect(lines[1]).toMatch(/^fake-b\s+refuted \(corrected: verified-exact\)\s+2 checks\s+✓ matches expectations$/);
    expect(lines[0]!.indexOf('2 checks')).toBe(lines[1]!.indexOf('2 checks'));
    expect(summaryLines(report)[0]).not.toMatch(/[✓✗]/);
  });
});

describe('writeVerificationReports', () => {
  it('writes both files (creating the directory) and leaves no temp files', () => {
    const dir = join(tempDir(), 'nested', 'out');
    const report: VerificationReport = run(7);
    const paths = writeVerificationReports(report, dir);
    expect(listFiles(dir)).toEqual(['verification.json', 'verification.md']);
    expect(readFileSync(paths.json, 'utf8')).toBe(reportToJson(report));
    expect(readFileSync(paths.markdown, 'utf8')).toBe(reportToMarkdown(report));
    writeVerificationReports(report, dir); // overwriting works too
    expect(listFiles(dir)).toEqual(['verification.json', 'verification.md']);
  });

  it('the markdown has the summary, the checks, the counterexample with replay, and the corrected statement', () => {
    const md = reportToMarkdown(run(7));
    expect(md).toMatch(/## Summary/);
    expect(md).toMatch(/\| `fake-b` A false statement \\\| with a pipe \| refuted \| verified-exact \| 2 \| 1 \| 0 \| 1 \| 0 \|/);
    expect(md).toMatch(/> Every integer in \[0, 1000\] is below 50\.\n> Second line\./);
    expect(md).toMatch(/\| Check \| Role \| Kind \| Source \| Verdict \| Cases \|/);
    expect(md).toMatch(/```text\nn = 50\n```/);
    expect(md).toMatch(/Replay: fast-check `\{ seed: \d+, path: "[^"]+" \}`/);
    expect(md).toMatch(/vv verify --tier quick --seed 7 --statement fake-b/);
    expect(md).toMatch(/### Corrected statement\n\n> Every integer in \[0, 1000\] is at most 1000\.\n\n\*\*Verdict:\*\* verified-exact/);
  });
});
