import { existsSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { initBackend } from '../network/backend.ts';
import { DEFAULT_RUN_FALSE_ALARM, runVerification, TIERS, type Tier } from '../report/runVerification.ts';
import { summaryLines } from '../report/summary.ts';
import { summaryJson } from '../report/summaryJson.ts';
import { listStatements } from './listStatements.ts';
import { writeVerificationReports } from '../report/writeReports.ts';
import {
  compareWithExpectations,
  expectationsFromReport,
  formatMismatch,
  loadExpectations,
  writeExpectations,
  type Expectations,
  type StatementExpectation,
} from '../verify/expectations.ts';
import { DEFAULT_SEED } from '../verify/seed.ts';
import type { Check, StatementSpec } from '../verify/types.ts';
import { auditFalseAlarms } from '../report/auditFalseAlarms.ts';
import { auditSummary, writeAuditReports } from '../report/auditReports.ts';
import { checkOutputDirectory } from '../io/checkOutputDirectory.ts';
import { parseFiniteNumber, parseInteger, parseSeed, UsageError } from './args.ts';

/** `vv verify` options as commander gives them (strings, validated here). */
export interface VerifyOptions {
  readonly tier: string;
  readonly seed?: string;
  readonly out: string;
  readonly statement?: string[];
  readonly expectations?: string;
  readonly writeExpectations?: boolean;
  readonly backend?: string;
  readonly falseAlarm?: string;
  readonly auditSeeds?: string;
  readonly auditFalseAlarm?: string;
  readonly list?: boolean;
  readonly json?: boolean;
}

export interface VerifyEnvironment {
  readonly stdout: { write(chunk: string): unknown };
  readonly stderr: { write(chunk: string): unknown };
  readonly cwd: string;
  /** The default expectations file (the package's fixture). */
  readonly expectationsPath: string;
  readonly loadStatements: () => Promise<readonly StatementSpec[]>;
  /** Environment (`VV_BACKEND`). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

const expectationsPathOf = (o: VerifyOptions, env: VerifyEnvironment): string =>
  o.expectations === undefined ? env.expectationsPath : resolve(env.cwd, o.expectations);

/** The expectations file (`--expectations`, else the package's fixture); UsageError when missing or malformed. */
function readExpectations(o: VerifyOptions, env: VerifyEnvironment): Expectations {
  const path = expectationsPathOf(o, env);
  if (!existsSync(path)) {
    throw new UsageError(`--expectations: no expectations file at ${path}; create it deliberately with 'vv verify --write-expectations'`);
  }
  try {
    return loadExpectations(path);
  } catch (error) {
    throw new UsageError(`--expectations: ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function display(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel !== '' && !rel.startsWith('..') ? rel : path;
}

/**
 * Runs `vv verify`. All input is validated before anything runs or is written (`UsageError`,
 * exit 2); then the statements run (progress on stderr), both reports are written, the summary
 * goes to stdout, and the verdicts are compared with the expectations (0 match, 1 mismatch) or,
 * with `--write-expectations`, written as the new expectations (0).
 */
export async function verifyCommand(o: VerifyOptions, env: VerifyEnvironment): Promise<number> {
  if (!TIERS.includes(o.tier as Tier)) throw new UsageError(`--tier must be one of ${TIERS.join(', ')}, got '${o.tier}'`);
  const tier = o.tier as Tier;
  const seed = o.seed === undefined ? DEFAULT_SEED : parseSeed(o.seed);

  const all = await env.loadStatements();
  let statements: readonly StatementSpec[] = all;
  const restricted = o.statement !== undefined;
  if (o.statement !== undefined) {
    const known = new Set(all.map((s) => s.id));
    const wanted = new Set<string>();
    for (const entry of o.statement) {
      for (const id of entry.split(',').map((s) => s.trim())) {
        if (id === '') continue;
        if (!known.has(id)) throw new UsageError(`--statement: unknown statement id '${id}'${known.size > 0 ? ` (known: ${[...known].join(', ')})` : ''}`);
        wanted.add(id);
      }
    }
    if (wanted.size === 0) throw new UsageError('--statement needs at least one statement id');
    statements = all.filter((s) => wanted.has(s.id));
  }

  const outDir = resolve(env.cwd, o.out);
  if (o.list) {
    if (o.writeExpectations || o.auditSeeds !== undefined) throw new UsageError('--list runs nothing: leave out --write-expectations and --audit-seeds');
    return listStatements(statements, readExpectations(o, env), env.stdout, o.json === true);
  }

  const expectationsPath = expectationsPathOf(o, env);
  const expectations = o.writeExpectations ? undefined : readExpectations(o, env);

  let runFalseAlarm = DEFAULT_RUN_FALSE_ALARM;
  if (o.falseAlarm !== undefined) {
    runFalseAlarm = parseFiniteNumber(o.falseAlarm, '--false-alarm');
    if (!(runFalseAlarm > 0 && runFalseAlarm < 1)) throw new UsageError(`--false-alarm must be in (0, 1), got ${runFalseAlarm}`);
  }
  let audit: { runs: number; stated: number; checks: Check[] } | undefined;
  if (o.auditSeeds !== undefined) {
    const runs = parseInteger(o.auditSeeds, '--audit-seeds', 1);
    const stated = o.auditFalseAlarm === undefined ? 0.05 : parseFiniteNumber(o.auditFalseAlarm, '--audit-false-alarm');
    if (!(stated > 0 && stated < 1)) throw new UsageError(`--audit-false-alarm must be in (0, 1), got ${stated}`);
    if (expectations === undefined) throw new UsageError('--audit-seeds cannot be combined with --write-expectations');
    // Only checks whose claim holds (expected not refuted): a rejection by them is a false alarm.
    const checks = statements.flatMap((s) => s.checks.filter((c) => c.kind === 'montecarlo' && expectations![s.id]?.checks[c.id] !== 'refuted'));
    if (checks.length === 0) throw new UsageError('--audit-seeds: the selected statements have no Monte Carlo check whose claim holds');
    audit = { runs, stated, checks };
  }
  checkOutputDirectory(outDir, '--out');
  if (o.writeExpectations) checkOutputDirectory(dirname(expectationsPath), '--expectations');
  let backend: string;
  try {
    backend = (await initBackend({ requested: o.backend, env: env.env })).name;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  env.stderr.write(`backend: ${backend}\n`);

  if (audit !== undefined) {
    const { runs, stated, checks } = audit;
    env.stderr.write(`auditing ${checks.length} Monte Carlo checks over ${runs} seeds from ${seed}, stated per-run false-alarm probability ${stated}\n`);
    const result = auditFalseAlarms({
      checks,
      runs,
      firstSeed: seed,
      tier,
      runFalseAlarm: stated,
      onRun: (run, rejected, seconds) => env.stderr.write(`[audit ${run}/${runs}] seed ${seed + run - 1}: ${rejected ? 'FALSE ALARM' : 'no alarm'}, ${seconds.toFixed(1)} s\n`),
    });
    const paths = writeAuditReports(result, { backend, outDir });
    env.stderr.write(`wrote ${display(paths.json, env.cwd)} and ${display(paths.markdown, env.cwd)}\n`);
    env.stdout.write(o.json ? JSON.stringify({ ...result, reports: paths }, null, 2) + '\n' : auditSummary(result));
    return result.audit.consistent ? 0 : 1;
  }

  let started = performance.now();
  const report = runVerification({
    statements,
    seed,
    tier,
    backend,
    runFalseAlarm,
    onStatement: (s, index, total) => {
      const now = performance.now();
      const corrected = s.corrected ? ` (corrected: ${s.corrected.verdict})` : '';
      const n = s.checks.length;
      env.stderr.write(
        `[${index + 1}/${total}] ${s.id}: ${s.verdict}${corrected}, ${n} check${n === 1 ? '' : 's'}, ${((now - started) / 1000).toFixed(2)} s\n`,
      );
      started = now;
    },
  });

  const paths = writeVerificationReports(report, outDir);
  env.stderr.write(`wrote ${display(paths.json, env.cwd)} and ${display(paths.markdown, env.cwd)}\n`);

  if (o.writeExpectations) {
    const fresh = expectationsFromReport(report);
    let next: Expectations = fresh;
    if (restricted && existsSync(expectationsPath)) {
      // Replace only the statements that ran; keep the others' entries, in the statements' order.
      const previous = loadExpectations(expectationsPath);
      const merged: Record<string, StatementExpectation> = {};
      for (const s of all) {
        const e = Object.hasOwn(fresh, s.id) ? fresh[s.id] : Object.hasOwn(previous, s.id) ? previous[s.id] : undefined;
        if (e !== undefined) merged[s.id] = e;
      }
      for (const [id, e] of Object.entries(previous)) if (!Object.hasOwn(merged, id)) merged[id] = e;
      next = merged;
    }
    writeExpectations(expectationsPath, next);
    if (o.json) {
      env.stdout.write(summaryJson(report, [], { expectations: expectationsPath, reports: paths, wroteExpectations: true }));
      return 0;
    }
    for (const line of summaryLines(report)) env.stdout.write(line + '\n');
    env.stdout.write(`wrote expectations for ${report.statements.length} statement(s) to ${display(expectationsPath, env.cwd)}\n`);
    return 0;
  }

  const mismatches = compareWithExpectations(report, expectations!, restricted ? { onlyStatements: statements.map((s) => s.id) } : {});
  if (o.json) {
    env.stdout.write(summaryJson(report, mismatches, { expectations: expectationsPath, reports: paths }));
    return mismatches.length === 0 ? 0 : 1;
  }
  const lines = summaryLines(report, expectations);
  if (lines.length === 0) env.stdout.write('no statements to verify\n');
  for (const line of lines) env.stdout.write(line + '\n');
  if (mismatches.length === 0) {
    env.stdout.write(`all verdicts match ${display(expectationsPath, env.cwd)}\n`);
    return 0;
  }
  env.stdout.write(`${mismatches.length} mismatch(es) with ${display(expectationsPath, env.cwd)}:\n`);
  for (const m of mismatches) env.stdout.write(`  ${formatMismatch(m)}\n`);
  return 1;
}
