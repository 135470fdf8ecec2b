import type { Check, CheckContext, CheckResult, CheckRole } from './types.ts';

export interface ExactCheckOptions {
  readonly id: string;
  readonly role: CheckRole;
  readonly source: string;
  readonly description: string;
  /**
   * One exact computation on a fixed, explicit object (e.g. the paper's claim evaluated at a
   * counterexample). Returns whether the claim holds there and what was computed.
   */
  readonly evaluate: () => { holds: boolean; evidence: string };
}

/**
 * A single exact (rational-arithmetic) evaluation. A `holds: false` result is a `refuted`
 * verdict whose counterexample is the evidence; `holds: true` is `verified-exact`.
 *
 * @example exactCheck({ id: 'x', role: 'step', source: '', description: '',
 *   evaluate: () => ({ holds: 1 / 2 === 0.5, evidence: '1/2 = 0.5' }) }).run(ctx).verdict // 'verified-exact'
 */
export function exactCheck(options: ExactCheckOptions): Check {
  const { id, role, source, description } = options;
  return {
    id,
    role,
    kind: 'exact',
    source,
    description,
    run(ctx: CheckContext): CheckResult {
      const { holds, evidence } = options.evaluate();
      const base = { id, role, kind: 'exact' as const, source, description, seed: ctx.seed, cases: 1 };
      return holds
        ? { ...base, verdict: 'verified-exact', evidence }
        : { ...base, verdict: 'refuted', counterexample: evidence };
    },
  };
}
