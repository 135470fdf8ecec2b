import type { CheckResult, StatementResult } from '../verify/types.ts';
import type { VerificationReport } from './runVerification.ts';

/**
 * A check result with its keys in the report's fixed order: id, kind, verdict, cases, seed,
 * counterexample?, path?, role, source, description, tolerance?, evidence?. Absent (undefined)
 * optional fields are left out; fields outside `CheckResult` are dropped.
 */
export function normalizeCheck(c: CheckResult): CheckResult {
  const out: Record<string, unknown> = { id: c.id, kind: c.kind, verdict: c.verdict, cases: c.cases, seed: c.seed };
  if (c.counterexample !== undefined) out.counterexample = c.counterexample;
  if (c.path !== undefined) out.path = c.path;
  out.role = c.role;
  out.source = c.source;
  out.description = c.description;
  if (c.tolerance !== undefined) out.tolerance = c.tolerance;
  if (c.evidence !== undefined) out.evidence = c.evidence;
  if (c.tests !== undefined) out.tests = c.tests;
  return out as unknown as CheckResult;
}

/** A statement result with keys in the order id, title, statement, verdict, checks, corrected?. */
export function normalizeStatement(s: StatementResult): StatementResult {
  return {
    id: s.id,
    title: s.title,
    statement: s.statement,
    verdict: s.verdict,
    checks: s.checks.map(normalizeCheck),
    ...(s.corrected ? { corrected: { statement: s.corrected.statement, verdict: s.corrected.verdict } } : {}),
  };
}

/** The report with every object's keys in their fixed order (see `normalizeCheck`). */
export function normalizeReport(r: VerificationReport): VerificationReport {
  return {
    seed: r.seed,
    tier: r.tier,
    ...(r.backend !== undefined ? { backend: r.backend } : {}),
    ...(r.falseAlarm !== undefined ? { falseAlarm: { run: r.falseAlarm.run, tests: r.falseAlarm.tests, perTest: r.falseAlarm.perTest } } : {}),
    statements: r.statements.map(normalizeStatement),
  };
}

/**
 * The report as `verification.json`: stable key order, two-space indent, trailing newline.
 * The same report always gives the same bytes.
 */
export function reportToJson(report: VerificationReport): string {
  return JSON.stringify(normalizeReport(report), null, 2) + '\n';
}
