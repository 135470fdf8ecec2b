import type { CheckContext, CheckResult, StatementResult, StatementSpec, Verdict } from './types.ts';

/**
 * Combines check verdicts: any `refuted` → `refuted`; else any `inconclusive` → `inconclusive`;
 * else all `verified-exact` → `verified-exact`; else `supported`. An empty list is `inconclusive`.
 *
 * @example combineVerdicts(['verified-exact', 'supported']) // 'supported'
 */
export function combineVerdicts(verdicts: readonly Verdict[]): Verdict {
  if (verdicts.length === 0) return 'inconclusive';
  if (verdicts.includes('refuted')) return 'refuted';
  if (verdicts.includes('inconclusive')) return 'inconclusive';
  return verdicts.every((v) => v === 'verified-exact') ? 'verified-exact' : 'supported';
}

/**
 * Runs every check of a statement. The statement's verdict combines its `statement`-role checks
 * (the claim as the paper writes it); the corrected statement's verdict combines its
 * `corrected`-role checks. Proof steps carry their own verdicts.
 */
export function runStatement(spec: StatementSpec, ctx: CheckContext): StatementResult {
  const checks: CheckResult[] = spec.checks.map((check) => check.run(ctx));
  const of = (role: CheckResult['role']) => checks.filter((c) => c.role === role).map((c) => c.verdict);
  const result: StatementResult = {
    id: spec.id,
    title: spec.title,
    statement: spec.statement,
    verdict: combineVerdicts(of('statement')),
    checks,
    ...(spec.corrected
      ? { corrected: { statement: spec.corrected.statement, verdict: combineVerdicts(of('corrected')) } }
      : {}),
  };
  return result;
}
