import { auditFalseAlarmRate } from '../stats/auditFalseAlarmRate.ts';
import type { FalseAlarmAudit } from '../stats/types.ts';
import type { Check, StatementSpec } from '../verify/types.ts';
import { verificationContext, type Tier } from './runVerification.ts';

/** Options of {@link auditFalseAlarms}. */
export interface AuditFalseAlarmsOptions {
  /** Monte Carlo checks whose claim is TRUE (a rejection by them is a false alarm). */
  readonly checks: readonly Check[];
  /** Number of independent runs N (seeds firstSeed, firstSeed + 1, …). */
  readonly runs: number;
  readonly firstSeed: number;
  readonly tier: Tier;
  /** The stated probability that a run raises any false alarm (raised from 1e-6 so that N runs can measure it). */
  readonly runFalseAlarm: number;
  /** Confidence of the Clopper–Pearson bounds (default 0.99). */
  readonly confidence?: number;
  /** Called after each run. */
  readonly onRun?: (run: number, rejected: boolean, seconds: number) => void;
}

export interface FalseAlarmAuditReport {
  readonly checks: readonly string[];
  readonly tier: Tier;
  readonly firstSeed: number;
  /** Statistical tests per run and the per-test false-alarm probability (Bonferroni). */
  readonly testsPerRun: number;
  readonly perTest: number;
  /** Seeds of the runs that raised a false alarm, with the first rejected test of each. */
  readonly alarms: readonly { readonly seed: number; readonly check: string; readonly counterexample: string }[];
  /** Tests decided (not out of reach) over all runs, and how many of them rejected. */
  readonly decidedTests: number;
  readonly rejectedTests: number;
  /** The run-level audit: observed rate of runs with any false alarm against the stated one. */
  readonly audit: FalseAlarmAudit;
}

/**
 * The vary-seed calibration of the Monte Carlo checks: runs the given checks (whose claims are
 * true) N times with consecutive seeds at a stated per-run false-alarm probability, counts the
 * runs in which any test rejected, and compares that rate with the stated one (exact binomial:
 * Clopper–Pearson bounds and the one-sided p-value of so many alarms).
 *
 * @example auditFalseAlarms({ checks, runs: 100, firstSeed: 1, tier: 'quick', runFalseAlarm: 0.05 }).audit.consistent // true
 */
export function auditFalseAlarms(options: AuditFalseAlarmsOptions): FalseAlarmAuditReport {
  const { checks, runs, firstSeed, tier, runFalseAlarm } = options;
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`auditFalseAlarms: options.runs must be an integer >= 1, got ${runs}`);
  if (checks.length === 0) throw new Error('auditFalseAlarms: options.checks is empty (no Monte Carlo check to audit)');
  const spec: StatementSpec = { id: 'audit', title: 'audit', statement: '', checks };
  const alarms: { seed: number; check: string; counterexample: string }[] = [];
  let decidedTests = 0;
  let rejectedTests = 0;
  let testsPerRun = 0;
  let perTest = 0;
  for (let run = 0; run < runs; run++) {
    const started = Date.now();
    const seed = firstSeed + run;
    const ctx = verificationContext({ statements: [spec], seed, tier, runFalseAlarm });
    testsPerRun = ctx.falseAlarm?.tests ?? 0;
    perTest = ctx.falseAlarm?.perTest ?? 0;
    let alarm: { seed: number; check: string; counterexample: string } | undefined;
    for (const check of checks) {
      const result = check.run(ctx);
      for (const t of result.tests ?? []) {
        if (t.assertion.decision !== 'out-of-reach') decidedTests += 1;
        if (t.assertion.decision === 'rejected') rejectedTests += 1;
      }
      if (result.verdict === 'refuted' && alarm === undefined) alarm = { seed, check: check.id, counterexample: result.counterexample ?? '' };
    }
    if (alarm !== undefined) alarms.push(alarm);
    options.onRun?.(run + 1, alarm !== undefined, (Date.now() - started) / 1000);
  }
  return {
    checks: checks.map((c) => c.id),
    tier,
    firstSeed,
    testsPerRun,
    perTest,
    alarms,
    decidedTests,
    rejectedTests,
    audit: auditFalseAlarmRate({ runs, rejections: alarms.length, stated: runFalseAlarm, confidence: options.confidence ?? 0.99 }),
  };
}
