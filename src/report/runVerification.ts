import { runStatement } from '../verify/runStatement.ts';
import type { Check, CheckContext, FalseAlarmBudget, CheckResult, StatementResult, StatementSpec } from '../verify/types.ts';

export type Tier = CheckContext['tier'];

/**
 * Number of generated cases per property check for each tier (the `numRuns` of the CheckContext).
 * `quick` is the CI / `npm run verify` tier (seconds); `full` is ten times as many cases for a
 * release-grade run. Checks may scale this with their own `runsFactor`.
 */
export const TIER_NUM_RUNS: Readonly<Record<Tier, number>> = Object.freeze({ quick: 100, full: 1000 });

/** Default probability that a whole `vv verify` run raises any Monte Carlo false alarm. */
export const DEFAULT_RUN_FALSE_ALARM = 1e-6;

export const TIERS: readonly Tier[] = ['quick', 'full'];

/**
 * The result of one verification run. It holds no timestamps or timings: the same statements,
 * seed and tier always give the same report (and byte-identical JSON, see `reportToJson`).
 */
export interface VerificationReport {
  readonly seed: number;
  readonly tier: Tier;
  /** The TensorFlow.js backend the Monte Carlo checks ran on (absent when none ran). */
  readonly backend?: string;
  /** The Monte Carlo false-alarm budget and its split (absent when no check plans a test). */
  readonly falseAlarm?: FalseAlarmBudget;
  readonly statements: readonly StatementResult[];
}

export interface RunVerificationOptions {
  readonly statements: readonly StatementSpec[];
  readonly seed: number;
  readonly tier: Tier;
  /** Probability that any Monte Carlo test of the run rejects a true claim; default 1e-6. */
  readonly runFalseAlarm?: number;
  /** Backend name recorded in the report (the caller initialised it). */
  readonly backend?: string;
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
 * The context every check of a run gets: the tier's number of cases and the Monte Carlo
 * false-alarm budget, split equally (Bonferroni) over every test the checks plan, so that
 * P(any false alarm in the run) ≤ Σ perTest = runFalseAlarm whatever the dependence between tests.
 *
 * @example verificationContext({ statements: allStatements, seed: 1, tier: 'quick' }).falseAlarm?.perTest // 1e-6 / tests
 */
export function verificationContext(options: {
  readonly statements: readonly StatementSpec[];
  readonly seed: number;
  readonly tier: Tier;
  readonly runFalseAlarm?: number;
}): CheckContext {
  const { statements, seed, tier } = options;
  const runFalseAlarm = options.runFalseAlarm ?? DEFAULT_RUN_FALSE_ALARM;
  if (!(runFalseAlarm > 0 && runFalseAlarm < 1)) throw new Error(`runVerification: runFalseAlarm must be in (0, 1), got ${runFalseAlarm}`);
  const base: CheckContext = { seed, numRuns: TIER_NUM_RUNS[tier], tier };
  const tests = statements.reduce((sum, s) => sum + s.checks.reduce((n, c) => n + (c.plannedTests?.(base) ?? 0), 0), 0);
  const falseAlarm: FalseAlarmBudget | undefined = tests > 0 ? { run: runFalseAlarm, tests, perTest: runFalseAlarm / tests } : undefined;
  return falseAlarm === undefined ? base : { ...base, falseAlarm };
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
  const ctx = verificationContext({ statements, seed, tier, runFalseAlarm: options.runFalseAlarm });
  const falseAlarm = ctx.falseAlarm;
  const results: StatementResult[] = [];
  statements.forEach((spec, index) => {
    const result = runStatement({ ...spec, checks: spec.checks.map(guarded) }, ctx);
    results.push(result);
    onStatement?.(result, index, statements.length);
  });
  return {
    seed,
    tier,
    ...(options.backend !== undefined && falseAlarm !== undefined ? { backend: options.backend } : {}),
    ...(falseAlarm !== undefined ? { falseAlarm } : {}),
    statements: results,
  };
}
