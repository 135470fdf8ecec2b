import type { Mismatch } from '../verify/expectations.ts';
import type { VerificationReport } from './runVerification.ts';

/**
 * `vv verify --json`: the summary as one JSON document, in the shape of the other `--json`
 * outputs (camelCase, null for absent values):
 * `{ tier, seed, backend, matchesExpectations, expectations, statements: [{ id, title, verdict,
 * corrected, checks, matchesExpectations }], mismatches: [{ statementId, target, checkId?,
 * expected, actual }], reports: { json, markdown } }` (+ `wroteExpectations: true` with
 * `--write-expectations`).
 *
 * @example JSON.parse(summaryJson(report, [], { expectations: 'e.json', reports })).statements[0] // { id: 'lemma-1', verdict: 'supported', corrected: null, checks: 4, … }
 */
export function summaryJson(
  report: VerificationReport,
  mismatches: readonly Mismatch[],
  extra: { readonly expectations: string; readonly reports: { readonly json: string; readonly markdown: string }; readonly wroteExpectations?: boolean },
): string {
  const bad = new Set(mismatches.map((m) => m.statementId));
  return (
    JSON.stringify(
      {
        tier: report.tier,
        seed: report.seed,
        backend: report.backend ?? null,
        matchesExpectations: mismatches.length === 0,
        expectations: extra.expectations,
        ...(extra.wroteExpectations ? { wroteExpectations: true } : {}),
        statements: report.statements.map((s) => ({
          id: s.id,
          title: s.title,
          verdict: s.verdict,
          corrected: s.corrected?.verdict ?? null,
          checks: s.checks.length,
          matchesExpectations: !bad.has(s.id),
        })),
        mismatches,
        reports: extra.reports,
      },
      null,
      2,
    ) + '\n'
  );
}
