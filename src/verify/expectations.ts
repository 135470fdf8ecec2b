import { readFileSync } from 'node:fs';
import type { VerificationReport } from '../report/runVerification.ts';
import { writeFileAtomic } from '../report/atomicWrite.ts';
import type { Verdict } from './types.ts';

/**
 * `fixtures/expectations.json`: the verdicts a run must reproduce, per statement id:
 * `{ "<statementId>": { "verdict": V, "corrected"?: V, "checks": { "<checkId>": V } } }`.
 */
export interface StatementExpectation {
  readonly verdict: Verdict;
  readonly corrected?: Verdict;
  readonly checks: Readonly<Record<string, Verdict>>;
}

export type Expectations = Readonly<Record<string, StatementExpectation>>;

/**
 * One disagreement between a report and the expectations. `target` says which verdict:
 * the statement's own, its corrected statement's, or one check's (`checkId`). `null` means
 * absent on that side (e.g. a check in the report that the expectations do not list).
 */
export interface Mismatch {
  readonly statementId: string;
  readonly target: 'statement' | 'corrected' | 'check';
  readonly checkId?: string;
  readonly expected: Verdict | null;
  readonly actual: Verdict | null;
}

const VERDICT_SET: ReadonlySet<string> = new Set(['verified-exact', 'supported', 'refuted', 'inconclusive']);

function isVerdict(v: unknown): v is Verdict {
  return typeof v === 'string' && VERDICT_SET.has(v);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Validates parsed JSON as expectations; throws an Error naming the first bad entry. */
export function parseExpectations(data: unknown): Expectations {
  if (!isPlainObject(data)) throw new Error('expectations must be a JSON object keyed by statement id');
  const out: Record<string, StatementExpectation> = {};
  for (const [id, entry] of Object.entries(data)) {
    if (!isPlainObject(entry)) throw new Error(`expectations["${id}"] must be an object`);
    if (!isVerdict(entry.verdict)) throw new Error(`expectations["${id}"].verdict is not a verdict: ${JSON.stringify(entry.verdict)}`);
    if (entry.corrected !== undefined && !isVerdict(entry.corrected)) {
      throw new Error(`expectations["${id}"].corrected is not a verdict: ${JSON.stringify(entry.corrected)}`);
    }
    if (!isPlainObject(entry.checks)) throw new Error(`expectations["${id}"].checks must be an object`);
    const checks: Record<string, Verdict> = {};
    for (const [checkId, v] of Object.entries(entry.checks)) {
      if (!isVerdict(v)) throw new Error(`expectations["${id}"].checks["${checkId}"] is not a verdict: ${JSON.stringify(v)}`);
      checks[checkId] = v;
    }
    out[id] = { verdict: entry.verdict, ...(entry.corrected !== undefined ? { corrected: entry.corrected } : {}), checks };
  }
  return out;
}

/** Reads and validates an expectations file; throws on a missing file, bad JSON or a bad entry. */
export function loadExpectations(path: string): Expectations {
  const text = readFileSync(path, 'utf8');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`${path}: invalid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  return parseExpectations(data);
}

/**
 * The expectations a report satisfies exactly: used to (re)generate the fixture deliberately
 * (`vv verify --write-expectations`). Throws on duplicate statement or check ids, which the
 * fixture could not represent.
 */
export function expectationsFromReport(report: VerificationReport): Expectations {
  const out: Record<string, StatementExpectation> = {};
  for (const s of report.statements) {
    if (Object.hasOwn(out, s.id)) throw new Error(`duplicate statement id ${s.id}`);
    const checks: Record<string, Verdict> = {};
    for (const c of s.checks) {
      if (Object.hasOwn(checks, c.id)) throw new Error(`duplicate check id ${c.id} in statement ${s.id}`);
      checks[c.id] = c.verdict;
    }
    out[s.id] = { verdict: s.verdict, ...(s.corrected ? { corrected: s.corrected.verdict } : {}), checks };
  }
  return out;
}

/** Stable serialization of expectations (key order as given, 2-space indent, trailing newline). */
export function expectationsToJson(expectations: Expectations): string {
  const ordered: Record<string, unknown> = {};
  for (const [id, e] of Object.entries(expectations)) {
    ordered[id] = { verdict: e.verdict, ...(e.corrected !== undefined ? { corrected: e.corrected } : {}), checks: e.checks };
  }
  return JSON.stringify(ordered, null, 2) + '\n';
}

/** Writes the expectations file atomically. */
export function writeExpectations(path: string, expectations: Expectations): void {
  writeFileAtomic(path, expectationsToJson(expectations));
}

export interface CompareOptions {
  /**
   * Compare only these statements (e.g. a run restricted with `--statement`): expectations for
   * other statements are then not reported as missing from the report.
   */
  readonly onlyStatements?: Iterable<string>;
}

/**
 * Every disagreement between the report's verdicts and the expectations: a different statement,
 * corrected or check verdict; a statement, corrected statement or check present on one side only.
 * An empty array means the run matches.
 */
/** A check that could not run because its data set is not on this machine (e.g. no CIFAR-10 copy). */
export function isDataUnavailable(c: { readonly verdict: string; readonly evidence?: string }): boolean {
  return c.verdict === 'inconclusive' && (c.evidence?.startsWith('data unavailable:') ?? false);
}

export function compareWithExpectations(
  report: VerificationReport,
  expectations: Expectations,
  options: CompareOptions = {},
): Mismatch[] {
  const only = options.onlyStatements === undefined ? undefined : new Set(options.onlyStatements);
  const mismatches: Mismatch[] = [];
  const seen = new Set<string>();
  for (const s of report.statements) {
    if (only && !only.has(s.id)) continue;
    seen.add(s.id);
    const e = Object.hasOwn(expectations, s.id) ? expectations[s.id] : undefined;
    if (e === undefined) {
      mismatches.push({ statementId: s.id, target: 'statement', expected: null, actual: s.verdict });
      continue;
    }
    // A data set missing on this machine makes its checks inconclusive: not a regression, so
    // those checks and the verdicts they feed are not compared (the report says why).
    const unavailable = s.checks.some((c) => isDataUnavailable(c));
    if (!unavailable && e.verdict !== s.verdict) mismatches.push({ statementId: s.id, target: 'statement', expected: e.verdict, actual: s.verdict });
    const actualCorrected = s.corrected?.verdict ?? null;
    const expectedCorrected = e.corrected ?? null;
    if (!unavailable && actualCorrected !== expectedCorrected) {
      mismatches.push({ statementId: s.id, target: 'corrected', expected: expectedCorrected, actual: actualCorrected });
    }
    const reportChecks = new Set<string>();
    for (const c of s.checks) {
      reportChecks.add(c.id);
      const expected = Object.hasOwn(e.checks, c.id) ? e.checks[c.id]! : null;
      if (isDataUnavailable(c)) continue;
      if (expected !== c.verdict) mismatches.push({ statementId: s.id, target: 'check', checkId: c.id, expected, actual: c.verdict });
    }
    for (const [checkId, expected] of Object.entries(e.checks)) {
      if (!reportChecks.has(checkId)) mismatches.push({ statementId: s.id, target: 'check', checkId, expected, actual: null });
    }
  }
  for (const [id, e] of Object.entries(expectations)) {
    if (seen.has(id) || (only && !only.has(id))) continue;
    mismatches.push({ statementId: id, target: 'statement', expected: e.verdict, actual: null });
  }
  return mismatches;
}

/**
 * One readable line for a mismatch.
 *
 * @example formatMismatch({ statementId: 'lemma-2', target: 'check', checkId: 'lemma-2/x', expected: 'supported', actual: 'refuted' })
 * // 'lemma-2: check lemma-2/x: expected supported, got refuted'
 */
export function formatMismatch(m: Mismatch): string {
  const what = m.target === 'statement' ? 'verdict' : m.target === 'corrected' ? 'corrected verdict' : `check ${m.checkId}`;
  if (m.actual === null) {
    if (m.target === 'statement') return `${m.statementId}: in the expectations (${m.expected}) but not in the report`;
    return `${m.statementId}: ${what}: expected ${m.expected}, but the report has none`;
  }
  if (m.expected === null) {
    if (m.target === 'statement') return `${m.statementId}: in the report (${m.actual}) but has no expectations`;
    return `${m.statementId}: ${what}: ${m.actual}, but the expectations have none`;
  }
  return `${m.statementId}: ${what}: expected ${m.expected}, got ${m.actual}`;
}
