import { deriveSeed } from './seed.ts';
import type { Check, CheckContext, CheckResult, CheckRole, MonteCarloTestRecord } from './types.ts';

/** Options of {@link monteCarloCheck}. */
export interface MonteCarloCheckOptions<C> {
  readonly id: string;
  readonly role: CheckRole;
  readonly source: string;
  readonly description: string;
  /**
   * The configurations to test, a deterministic function of the context (e.g. drawn with
   * `fc.sample` from the check's seed, more of them at the `full` tier).
   */
  readonly configurations: (ctx: CheckContext, seed: number) => readonly C[];
  /** Number of statistical tests `run` makes on a configuration (for the false-alarm split). */
  readonly testsPerConfiguration: (configuration: C) => number;
  /**
   * Runs one configuration's Monte Carlo with the given stream seed, each test at false-alarm
   * probability `falseAlarm`; returns exactly `testsPerConfiguration(configuration)` records.
   */
  readonly run: (configuration: C, options: { readonly seed: number; readonly falseAlarm: number; readonly ctx: CheckContext }) => readonly MonteCarloTestRecord[];
}

/** Used when a Monte Carlo check runs outside `runVerification` (no budget in the context). */
const STANDALONE_FALSE_ALARM = 1e-6;

function counterexample(r: MonteCarloTestRecord): string {
  const a = r.assertion;
  if (a.check === 'estimate-increases') {
    return `${r.quantity} — ${r.inputs}; n = ${r.samples}, seed ${r.seed}: ${a.reason}; before ${a.before.estimate} ± ${a.before.stderr}, after ${a.after.estimate} ± ${a.after.stderr}, false-alarm probability ${a.falseAlarm.toExponential(3)}`;
  }
  const interval = a.interval === null ? 'none' : `[${a.interval[0]}, ${a.interval[1]}]`;
  return (
    `${r.quantity} — ${r.inputs}; n = ${r.samples}, seed ${r.seed}: estimate ${a.estimate} ± ${a.stderr} (stderr), ` +
    `theory ${a.theory}, Δ = ${a.delta}, t = ${a.statistic}, ${(1 - a.falseAlarm).toPrecision(10)} interval ${interval}, ` +
    `false-alarm probability ${a.falseAlarm.toExponential(3)}`
  );
}

/**
 * A Monte Carlo check on real networks. Each configuration's tests run at the per-test
 * false-alarm probability of the run's budget (`ctx.falseAlarm.perTest`, Bonferroni over every
 * planned test of the run). Verdict: `refuted` if any test rejects (the first rejection is the
 * counterexample); `inconclusive` if no test reached a decision (all out of reach); otherwise
 * `supported`. Every test's record is kept in the result, on pass as well.
 *
 * @example monteCarloCheck({ id: 'proposition-3/montecarlo', … }).run(ctx).verdict // 'supported'
 */
export function monteCarloCheck<C>(options: MonteCarloCheckOptions<C>): Check {
  const { id, role, source, description } = options;
  const configurationsOf = (ctx: CheckContext) => options.configurations(ctx, deriveSeed(ctx.seed, id));
  const planned = (ctx: CheckContext) => configurationsOf(ctx).reduce((n, c) => n + options.testsPerConfiguration(c), 0);
  return {
    id,
    role,
    kind: 'montecarlo',
    source,
    description,
    plannedTests: planned,
    run(ctx: CheckContext): CheckResult {
      const seed = deriveSeed(ctx.seed, id);
      const falseAlarm = ctx.falseAlarm?.perTest ?? STANDALONE_FALSE_ALARM / Math.max(1, planned(ctx));
      const tests: MonteCarloTestRecord[] = [];
      configurationsOf(ctx).forEach((configuration, index) => {
        const records = options.run(configuration, { seed: deriveSeed(seed, `configuration ${index}`), falseAlarm, ctx });
        const expected = options.testsPerConfiguration(configuration);
        if (records.length !== expected) throw new Error(`${id}: configuration ${index} made ${records.length} tests, planned ${expected}`);
        tests.push(...records);
      });
      const rejected = tests.filter((t) => t.assertion.decision === 'rejected');
      const consistent = tests.filter((t) => t.assertion.decision === 'consistent').length;
      const outOfReach = tests.length - rejected.length - consistent;
      const evidence = `${tests.length} tests: ${consistent} consistent, ${rejected.length} rejected, ${outOfReach} out of reach; each at false-alarm probability ${falseAlarm.toExponential(3)}`;
      const base = { id, role, kind: 'montecarlo' as const, source, description, seed, cases: tests.length, evidence, tests };
      if (rejected.length > 0) return { ...base, verdict: 'refuted', counterexample: counterexample(rejected[0]!) };
      return { ...base, verdict: consistent > 0 ? 'supported' : 'inconclusive' };
    },
  };
}
