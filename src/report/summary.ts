import { compareWithExpectations, type Expectations, type Mismatch } from '../verify/expectations.ts';
import type { StatementResult } from '../verify/types.ts';
import type { VerificationReport } from './runVerification.ts';

/** The short form of a statement's first mismatch, for the summary's last column. */
function describe(ms: readonly Mismatch[]): string {
  const m = ms[0]!;
  let text: string;
  if (m.target === 'statement') {
    text = m.expected === null ? 'no expectations' : `expected ${m.expected}`;
  } else if (m.target === 'corrected') {
    text = `expected corrected: ${m.expected ?? 'none'}`;
  } else if (m.actual === null) {
    text = `check ${m.checkId} expected ${m.expected} but missing`;
  } else if (m.expected === null) {
    text = `check ${m.checkId} not in expectations`;
  } else {
    text = `check ${m.checkId} expected ${m.expected}`;
  }
  return ms.length > 1 ? `${text} (+${ms.length - 1} more)` : text;
}

function verdictPart(s: StatementResult): string {
  return s.corrected ? `${s.verdict} (corrected: ${s.corrected.verdict})` : s.verdict;
}

/**
 * One aligned line per statement, e.g.
 * `lemma-2   refuted (corrected: verified-exact)   12 checks   ✓ matches expectations`, or with
 * `✗ expected supported` (the first mismatch, `(+N more)` when there are several) when the
 * expectations disagree. Without expectations the last column is left out.
 */
export function summaryLines(report: VerificationReport, expectations?: Expectations): string[] {
  const rows = report.statements.map((s) => {
    const n = s.checks.length;
    const cols = [s.id, verdictPart(s), `${n} check${n === 1 ? '' : 's'}`];
    if (expectations !== undefined) {
      const ms = compareWithExpectations({ ...report, statements: [s] }, expectations, { onlyStatements: [s.id] });
      cols.push(ms.length === 0 ? '✓ matches expectations' : `✗ ${describe(ms)}`);
    }
    return cols;
  });
  const widths: number[] = [];
  for (const cols of rows) cols.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  return rows.map((cols) =>
    cols
      .map((c, i) => (i === cols.length - 1 ? c : i === 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('   '),
  );
}
