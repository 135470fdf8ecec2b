import type { IncreaseRecord } from '../stats/assertIncrease.ts';
import type { ConsistencyRecord } from '../stats/types.ts';

/**
 * Verdict vocabulary of the suite (issue #2, §5).
 * - `verified-exact`: an exact (rational arithmetic) or symbolic (CAS) check passed; zero tolerance.
 * - `supported`: a floating-point or sampled property found no counterexample in `cases` generated cases.
 * - `refuted`: a counterexample was found (shrunk by fast-check where the check is a property).
 * - `inconclusive`: the check could not decide (e.g. out of numerical reach).
 */
export type Verdict = 'verified-exact' | 'supported' | 'refuted' | 'inconclusive';

/**
 * How a check decides: exact rational arithmetic, symbolic algebra, floating point with a stated
 * tolerance, or a Monte Carlo test on real (tfjs) networks with a stated false-alarm probability.
 */
export type CheckKind = 'exact' | 'symbolic' | 'float' | 'montecarlo';

/**
 * What a check is about: the statement as the paper writes it, a step of its proof,
 * or the narrowest corrected statement the suite proposes where the paper's fails.
 */
export type CheckRole = 'statement' | 'step' | 'corrected';

export interface CheckContext {
  /** Base seed of the whole run; each check derives its own seed from it and its id. */
  readonly seed: number;
  /** Number of generated cases for property checks (tier dependent). */
  readonly numRuns: number;
  readonly tier: 'quick' | 'full';
  /**
   * The false-alarm budget of Monte Carlo checks: `run` for the whole run (default 1e-6), split
   * equally (Bonferroni) over the `tests` statistical tests the run's checks plan, so each test
   * runs at `perTest` = run / tests. Absent when no check plans a test.
   */
  readonly falseAlarm?: FalseAlarmBudget;
}

export interface FalseAlarmBudget {
  /** Probability that ANY Monte Carlo test of the run rejects a true statement (union bound). */
  readonly run: number;
  /** Number of statistical tests planned by the run's checks. */
  readonly tests: number;
  /** run / tests: the false-alarm probability each single test is run at. */
  readonly perTest: number;
}

/**
 * One statistical test of a Monte Carlo check, with the whole story: what was tested, on which
 * inputs, with how many samples and which seed, and the assertion record (estimate, stderr,
 * theory, interval, false-alarm probability, power, decision) of `src/stats`.
 */
export interface MonteCarloTestRecord {
  /** What is tested, e.g. 'layer 3 kurtosis κ_3'. */
  readonly quantity: string;
  /** The configuration: widths, slope, weight and input laws. */
  readonly inputs: string;
  /** Number of independent (network, input) draws. */
  readonly samples: number;
  /** Seed of the sample stream (replay with the check's seed). */
  readonly seed: number;
  readonly assertion: ConsistencyRecord | IncreaseRecord;
}

export interface CheckResult {
  readonly id: string;
  readonly kind: CheckKind;
  readonly role: CheckRole;
  /** Where in the paper the checked claim stands (equation, line of a proof). */
  readonly source: string;
  readonly description: string;
  readonly verdict: Verdict;
  /** Number of cases examined (1 for a single exact or symbolic evaluation). */
  readonly cases: number;
  /** The seed this check ran with (replay: `vv verify --seed <run seed>`, or fast-check `{ seed, path }`). */
  readonly seed: number;
  /** fast-check replay path of the shrunk counterexample. */
  readonly path?: string;
  /** Counterexample in readable form. */
  readonly counterexample?: string;
  /** Tolerance used by a float check, with its justification. */
  readonly tolerance?: string;
  /** Extra evidence (e.g. the residual of a symbolic identity). */
  readonly evidence?: string;
  /** Monte Carlo checks: every statistical test, recorded on pass as well as on failure. */
  readonly tests?: readonly MonteCarloTestRecord[];
}

export interface Check {
  readonly id: string;
  readonly kind: CheckKind;
  readonly role: CheckRole;
  readonly source: string;
  readonly description: string;
  run(ctx: CheckContext): CheckResult;
  /** Monte Carlo checks: how many statistical tests `run(ctx)` will make (for the Bonferroni split). */
  plannedTests?(ctx: CheckContext): number;
}

export interface StatementSpec {
  /** Statement id, e.g. `lemma-2`; also the name of its file under `properties/`. */
  readonly id: string;
  readonly title: string;
  /** The statement, quoted from the paper. */
  readonly statement: string;
  readonly checks: readonly Check[];
  /** The narrowest corrected statement, when the paper's statement is refuted. */
  readonly corrected?: { readonly statement: string };
}

export interface StatementResult {
  readonly id: string;
  readonly title: string;
  readonly statement: string;
  readonly verdict: Verdict;
  readonly checks: readonly CheckResult[];
  readonly corrected?: { readonly statement: string; readonly verdict: Verdict };
}
