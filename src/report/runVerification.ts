import { runStatement } from '../verify/runStatement.ts';
import type { Check, CheckContext, CheckResult, StatementResult, StatementSpec } from '../verify/types.ts';

export type Tier = CheckContext['tier'];

/**
 * Number of generated cases per property check for each tier (the `numRuns` of the CheckContext).
 * `quick` is the CI / `npm run verify` tier (seconds); `full` is ten times as many cases for a
 * release-grade run. Checks may scale this with their own `runsFactor`.
 */
export const TIER_NUM_RUNS: Readonly<Record<Tier, number>> = Object.freeze({ quick: 100, full: 1000 });

export const TIERS: readonly Tier[] = ['quick', 'full'];

/**
 * The result of one verification run. It holds no timestamps or timings: the same statements,
 * seed and tier always give the same report (and byte-identical JSON, see `reportToJson`).
 */
export interface VerificationReport {
  readonly seed: number;
  readonly tier: Tier;
  readonly statements: readonly StatementResult[];
}

export interface RunVerificationOptions {
  readonly statements: readonly StatementSpec[];
  readonly seed: number;
  readonly tier: Tier;
  /** Called after each statement completes (for progress output); `index` is 0-based. */
  readonly onStatement?: (result: StatementResult, index: number, total: number) => void;
}

/**
 * Wraps a check so that an exception thrown by it becomes an `inconclusive` result (the check
 * could not decide) carrying the error message as evidence, instead of aborting the whole run.
 */
function guarded(check: Check): Check {
  return {
    id: check.id,
    kind: check.kind,
    role: check.role,
    source: check.source,
    description: check.description,
    run(ctx: CheckContext): CheckResult {
      try {
        return check.run(ctx);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return {
          id: check.id,
          kind: check.kind,
          role: check.role,
          source: check.source,
          description: check.description,
          verdict: 'inconclusive',
          cases: 0,
          seed: ctx.seed,
          evidence: `check threw: ${message}`,
        };
      }
    },
  };
}

/**
 * Runs every statement's checks with `runStatement`, in the given order, with the tier's number
 * of cases (`TIER_NUM_RUNS`).
 *
 * @example runVerification({ statements: allStatements, seed: DEFAULT_SEED, tier: 'quick' })
 */
export function runVerification(options: RunVerificationOptions): VerificationReport {
  const { statements, seed, tier, onStatement } = options;
  if (!Number.isSafeInteger(seed) || seed < 0) throw new Error(`runVerification: seed must be a non-negative safe integer, got ${seed}`);
  if (!TIERS.includes(tier)) throw new Error(`runVerification: unknown tier ${String(tier)}`);
  const ctx: CheckContext = { seed, numRuns: TIER_NUM_RUNS[tier], tier };
  const results: StatementResult[] = [];
  statements.forEach((spec, index) => {
    const result = runStatement({ ...spec, checks: spec.checks.map(guarded) }, ctx);
    results.push(result);
    onStatement?.(result, index, statements.length);
  });
  return { seed, tier, statements: results };
}
