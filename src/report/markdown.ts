import type { CheckResult, StatementResult, Verdict } from '../verify/types.ts';
import { listItems } from './listItems.ts';
import { readableText } from './readableText.ts';
import type { VerificationReport } from './runVerification.ts';
import { decimalsFor, withError } from './withError.ts';

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
  parts.push(textBlock(c.counterexample ?? '(no counterexample recorded)'), '');
  const fcReplay =
    c.path !== undefined
      ? `fast-check ${code(`{ seed: ${c.seed}, path: ${JSON.stringify(c.path)} }`)}`
      : `check seed ${code(String(c.seed))}`;
  parts.push(`Replay: ${fcReplay}; the whole statement: ${code(replayCommand(report, s.id))}.`);
  if (c.tolerance !== undefined) parts.push('', `Tolerance: ${readableText(c.tolerance)}`);
  if (c.evidence !== undefined) parts.push('', `Evidence: ${readableText(c.evidence)}`);
  return parts.join('\n');
}

const num = (x: number | null, digits = 5): string => (x === null ? '—' : String(Number(x.toPrecision(digits))));

/** A check's text, readable (see readableText): a list when it is long (see listItems), else a block. */
function textBlock(text: string): string {
  const readable = readableText(text);
  const items = listItems(readable);
  return items === null ? block(readable) : items.map((item) => `- ${item.replace(/([\\*<])/g, '\\$1')}`).join('\n');
}

/** An interval with the decimal places its standard error supports. */
function intervalText(x: readonly [number, number] | null, se: number | null): string {
  if (x === null) return '—';
  if (se === null || !Number.isFinite(se) || se <= 0) return `[${num(x[0])}, ${num(x[1])}]`;
  const d = decimalsFor(se);
  return `[${x[0].toFixed(d)}, ${x[1].toFixed(d)}]`;
}

/** Every test of a Monte Carlo check, grouped by configuration: estimate ± stderr, theory, interval, power, decision. */
function monteCarloSection(c: CheckResult): string {
  const parts = [`#### Monte Carlo tests of ${code(c.id)}`, '', readableText(c.evidence ?? '')];
  const groups = new Map<string, NonNullable<CheckResult['tests']>[number][]>();
  for (const t of c.tests ?? []) groups.set(t.inputs, [...(groups.get(t.inputs) ?? []), t]);
  for (const [inputs, tests] of groups) {
    const first = tests[0]!;
    const alpha = first.assertion.falseAlarm;
    parts.push(
      '',
      `${cell(inputs)} — n = ${first.samples}, seed ${first.seed}, false-alarm probability per test ${alpha.toExponential(3)}; each interval covers the true value with probability 1 − ${alpha.toExponential(1)}`,
      '',
    );
    parts.push(
      table(
        ['Quantity', 'Estimate ± stderr', 'Theory', `Interval (covers the true value with probability 1 − ${alpha.toExponential(1)})`, 'Power (vs deviation)', 'Decision'],
        tests.map((t) => {
          const a = t.assertion;
          if (a.check === 'estimate-increases') {
            const iv = (x: readonly [number, number] | null) => intervalText(x, null);
            return [cell(t.quantity), `${num(a.after.estimate, 4)} vs ${num(a.before.estimate, 4)}`, 'increase', `${iv(a.after.interval)} vs ${iv(a.before.interval)}`, '—', a.decision];
          }
          return [cell(t.quantity), withError(a.estimate, a.stderr), num(a.theory), intervalText(a.interval, a.stderr), `${num(a.power, 2)} (±${num(a.absoluteDeviation, 3)})`, a.decision];
        }),
      ),
    );
    const notes = tests.filter((t) => t.assertion.decision !== 'consistent').map((t) => `- ${cell(t.quantity)}: ${t.assertion.decision} — ${cell(readableText(t.assertion.reason))}`);
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

/** What the verdicts mean and how they combine (runStatement's combineVerdicts). */
export const LEGEND = [
  '## How to read this report',
  '',
  'Each statement of the paper is checked by several checks. Every check, and every statement, gets one verdict:',
  '',
  '- **verified-exact** — proved for every case examined: exact rational arithmetic or computer algebra, zero tolerance.',
  '- **supported** — no counterexample: a floating-point property held in every generated case within its stated tolerance, or a Monte Carlo check on real networks decided some of its tests and none rejected (each test at its stated false-alarm probability). Evidence, not proof.',
  '- **refuted** — a counterexample was found (shrunk to a small one, exact wherever the objects allow it), or a Monte Carlo test rejected the claim.',
  '- **inconclusive** — the check could not decide (every Monte Carlo test out of reach, or the data unavailable).',
  '',
  "How a statement's verdict follows from its checks: only the checks of the statement itself (role *statement*, the claim as the paper writes it) enter it — refuted if any of them is refuted, else inconclusive if any is, else verified-exact if all are, else supported. The corrected statement's verdict combines the checks of role *corrected* the same way. Proof steps (role *step*) carry their own verdicts and do not enter the statement's: a refuted step means the paper's argument is wrong at that line, so a statement can be **supported** or **verified-exact** beside **refuted** proof steps when its conclusion holds for another reason.",
  '',
  'Monte Carlo estimates are given as estimate ± standard error, rounded to what the error supports; each interval is labelled by the probability with which it covers the true value. Long counterexamples are listed item by item; the JSON report keeps every value unrounded.',
].join('\n');

/**
 * `verification.md`: a legend (what each verdict means, how they combine), a summary table (statement, verdict, corrected verdict, number of checks by
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
    LEGEND,
    '',
    '## Summary',
    '',
  ];
  if (report.statements.length === 0) {
    parts.push('No statements were run.');
  } else {
    parts.push(
      table(
        ['Statement', 'Verdict', 'Corrected verdict', 'Checks', ...VERDICTS.map((v) => `checks ${v}`)],
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
