import Algebrite from 'algebrite';
import type { Check, CheckContext, CheckResult, CheckRole } from './types.ts';

export interface SymbolicIdentityCheckOptions {
  readonly id: string;
  readonly role: CheckRole;
  readonly source: string;
  readonly description: string;
  /** Left-hand side, in Algebrite syntax (`^` for powers, `det([[…]])` for determinants). */
  readonly lhs: string;
  readonly rhs: string;
}

/**
 * Normal form of `lhs - rhs` computed by a computer-algebra system. The identity holds for all
 * values of its symbols (away from poles) iff the normal form is `0`.
 *
 * Algebrite is used rather than mathjs' `simplify`/`rationalize`: on these multivariate rational
 * identities mathjs leaves uncollected terms or does not terminate (see README, "Symbolic checks").
 *
 * @example symbolicResidual('(x+y)^2', 'x^2+2*x*y+y^2') // '0'
 */
export function symbolicResidual(lhs: string, rhs: string): string {
  return String(Algebrite.run(`simplify((${lhs})-(${rhs}))`)).trim();
}

/** A symbolic identity as a check: `verified-exact` when the residual is 0, `refuted` with the residual otherwise. */
export function symbolicIdentityCheck(options: SymbolicIdentityCheckOptions): Check {
  const { id, role, source, description, lhs, rhs } = options;
  return {
    id,
    role,
    kind: 'symbolic',
    source,
    description,
    run(ctx: CheckContext): CheckResult {
      const residual = symbolicResidual(lhs, rhs);
      const base = { id, role, kind: 'symbolic' as const, source, description, seed: ctx.seed, cases: 1 };
      return residual === '0'
        ? { ...base, verdict: 'verified-exact', evidence: `${lhs} − (${rhs}) simplifies to 0` }
        : { ...base, verdict: 'refuted', counterexample: `${lhs} − (${rhs}) simplifies to ${residual}, not 0` };
    },
  };
}
