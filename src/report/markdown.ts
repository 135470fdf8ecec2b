import type { CheckResult, StatementResult, Verdict } from '../verify/types.ts';
import type { VerificationReport } from './runVerification.ts';

export const VERDICTS: readonly Verdict[] = ['verified-exact', 'supported', 'refuted', 'inconclusive'];

/** Escapes a value for a markdown table cell (pipes, line breaks). */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

/** Inline code span that survives backticks inside `text`. */
function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** Fenced block that survives backtick fences inside `text`. */
function block(text: string, info = 'text'): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${info}\n${text}\n${fence}`;
}

function quote(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => (line.length > 0 ? `> ${line}` : '>'))
    .join('\n');
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Count of checks per verdict, in `VERDICTS` order. */
export function countByVerdict(checks: readonly CheckResult[]): Record<Verdict, number> {
  const counts = { 'verified-exact': 0, supported: 0, refuted: 0, inconclusive: 0 } as Record<Verdict, number>;
  for (const c of checks) counts[c.verdict] += 1;
  return counts;
}

function replayCommand(report: VerificationReport, statementId?: string): string {
  const only = statementId === undefined ? '' : ` --statement ${statementId}`;
  return `vv verify --tier ${report.tier} --seed ${report.seed}${only}`;
}

function counterexampleSection(report: VerificationReport, s: StatementResult, c: CheckResult): string {
  const parts = [`#### ${code(c.id)}`, '', `${c.description} (${c.kind}, ${c.role}; source: ${c.source || '—'})`, ''];
  parts.push(block(c.counterexample ?? '(no counterexample recorded)'), '');
  const fcReplay =
    c.path !== undefined
      ? `fast-check ${code(`{ seed: ${c.seed}, path: ${JSON.stringify(c.path)} }`)}`
      : `check seed ${code(String(c.seed))}`;
  parts.push(`Replay: ${fcReplay}; the whole statement: ${code(replayCommand(report, s.id))}.`);
  if (c.tolerance !== undefined) parts.push('', `Tolerance: ${c.tolerance}`);
  if (c.evidence !== undefined) parts.push('', `Evidence: ${c.evidence}`);
  return parts.join('\n');
}

const num = (x: number | null, digits = 5): string => (x === null ? '—' : x.toPrecision(digits));

/** Every test of a Monte Carlo check, grouped by configuration: estimate ± stderr, theory, interval, power, decision. */
function monteCarloSection(c: CheckResult): string {
  const parts = [`#### Monte Carlo tests of ${code(c.id)}`, '', c.evidence ?? ''];
  const groups = new Map<string, NonNullable<CheckResult['tests']>[number][]>();
  for (const t of c.tests ?? []) groups.set(t.inputs, [...(groups.get(t.inputs) ?? []), t]);
  for (const [inputs, tests] of groups) {
    const first = tests[0]!;
    parts.push('', `${cell(inputs)} — n = ${first.samples}, seed ${first.seed}, false-alarm probability per test ${first.assertion.falseAlarm.toExponential(3)}`, '');
    parts.push(
      table(
        ['Quantity', 'Estimate ± stderr', 'Theory', 'Interval', 'Power (vs deviation)', 'Decision'],
        tests.map((t) => {
          const a = t.assertion;
          if (a.check === 'estimate-increases') {
            const iv = (x: readonly [number, number] | null) => (x === null ? '—' : `[${num(x[0])}, ${num(x[1])}]`);
            return [cell(t.quantity), `${num(a.after.estimate)} vs ${num(a.before.estimate)}`, 'increase', `${iv(a.after.interval)} vs ${iv(a.before.interval)}`, '—', a.decision];
          }
          const interval = a.interval === null ? '—' : `[${num(a.interval[0])}, ${num(a.interval[1])}]`;
          return [cell(t.quantity), `${num(a.estimate)} ± ${num(a.stderr, 2)}`, num(a.theory), interval, `${num(a.power, 3)} (±${num(a.absoluteDeviation, 3)})`, a.decision];
        }),
      ),
    );
    const notes = tests.filter((t) => t.assertion.decision !== 'consistent').map((t) => `- ${cell(t.quantity)}: ${t.assertion.decision} — ${cell(t.assertion.reason)}`);
    if (notes.length > 0) parts.push('', ...notes);
  }
  return parts.join('\n');
}

function statementSection(report: VerificationReport, s: StatementResult): string {
  const parts: string[] = [`## ${s.id}: ${s.title}`, '', quote(s.statement), '', `**Verdict:** ${s.verdict}`, ''];
  if (s.checks.length === 0) {
    parts.push('No checks.');
  } else {
    parts.push(
      table(
        ['Check', 'Role', 'Kind', 'Source', 'Verdict', 'Cases'],
        s.checks.map((c) => [code(c.id), c.role, c.kind, cell(c.source), c.verdict, String(c.cases)]),
      ),
    );
  }
  for (const c of s.checks) if (c.tests !== undefined && c.tests.length > 0) parts.push('', monteCarloSection(c));
  const refuted = s.checks.filter((c) => c.verdict === 'refuted');
  if (refuted.length > 0) {
    parts.push('', '### Counterexamples');
    for (const c of refuted) parts.push('', counterexampleSection(report, s, c));
  }
  if (s.corrected) {
    parts.push('', '### Corrected statement', '', quote(s.corrected.statement), '', `**Verdict:** ${s.corrected.verdict}`);
  }
  return parts.join('\n');
}

/**
 * `verification.md`: a summary table (statement, verdict, corrected verdict, number of checks by
 * verdict), then per statement the quoted statement, its table of checks, every refuted check's
 * counterexample with what is needed to replay it, and the corrected statement with its verdict.
 * Deterministic, like the JSON.
 */
export function reportToMarkdown(report: VerificationReport): string {
  const parts: string[] = [
    '# Verification report',
    '',
    `Seed ${code(String(report.seed))}, tier ${code(report.tier)}. Replay the whole run: ${code(replayCommand(report))}.`,
    '',
    ...(report.falseAlarm !== undefined
      ? [
          `Monte Carlo checks on real TensorFlow.js networks, backend ${code(report.backend ?? 'unknown')}: probability of any false alarm in the run ${report.falseAlarm.run}, split equally over ${report.falseAlarm.tests} tests (${report.falseAlarm.perTest.toExponential(3)} each, Bonferroni).`,
          '',
        ]
      : []),
    '## Summary',
    '',
  ];
  if (report.statements.length === 0) {
    parts.push('No statements were run.');
  } else {
    parts.push(
      table(
        ['Statement', 'Verdict', 'Corrected verdict', 'Checks', ...VERDICTS],
        report.statements.map((s) => {
          const counts = countByVerdict(s.checks);
          return [
            `${code(s.id)} ${cell(s.title)}`,
            s.verdict,
            s.corrected?.verdict ?? '—',
            String(s.checks.length),
            ...VERDICTS.map((v) => String(counts[v])),
          ];
        }),
      ),
    );
  }
  for (const s of report.statements) parts.push('', statementSection(report, s));
  return parts.join('\n') + '\n';
}
