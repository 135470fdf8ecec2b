import type { AcceptanceReport } from './runAcceptance.ts';

const fmt = (v: unknown): string => {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return String(v);
    if (Number.isInteger(v)) return String(v);
    const a = Math.abs(v);
    return a !== 0 && (a < 1e-3 || a >= 1e5) ? v.toExponential(2) : v.toPrecision(3);
  }
  return String(v);
};

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/**
 * The acceptance report as Markdown: the run, each figure's status and SVG, then one section per
 * claim — the paper's words, the test, the verdict and the numbers behind it.
 *
 * @example acceptanceMarkdown(report).startsWith('# Acceptance: the paper\'s empirical claims') // true
 */
export function acceptanceMarkdown(report: AcceptanceReport): string {
  const lines: string[] = [];
  const resumed = report.figures.reduce((n, f) => n + (f.done - f.ran), 0);
  lines.push("# Acceptance: the paper's empirical claims", '');
  lines.push(
    `Scale **${report.scale}**, seed ${report.seed}, backend ${report.backend}, version ${report.version}${report.blas === undefined ? '' : `, BLAS ${report.blas.provider}${report.blas.kernel === null ? '' : ` (${report.blas.kernel})`}${report.blas.threads === null ? '' : ` × ${report.blas.threads} thread(s)`}`}, ${report.workers} worker thread(s), ${(report.seconds / 60).toFixed(1)} min${report.mergedFrom !== null ? ` summed over the ${report.mergedFrom} merged shards` : resumed > 0 ? ` in this invocation (${resumed} task(s) resumed from an earlier one, whose time is not counted)` : ''}${report.shard !== null ? ` — **shard ${report.shard.index}/${report.shard.count}**: no verdicts until the shards are merged (\`vv merge DIR… --out DIR\`)` : report.complete ? '' : ' — **incomplete run**'}.`,
    '',
    `Verdicts: ${report.verdicts.supported} supported, ${report.verdicts.refuted} refuted, ${report.verdicts.inconclusive} inconclusive.`,
    '',
  );
  lines.push('| figure | status | tasks | time | plots |', '|---|---|---|---|---|');
  for (const f of report.figures)
    lines.push(`| ${f.name} | ${f.status}${f.reason === undefined ? '' : `: ${cell(f.reason)}`} | ${f.done}/${f.tasks}${f.done > f.ran ? ` (${f.done - f.ran} resumed)` : ''} | ${(f.seconds / 60).toFixed(1)} min | ${f.svgs.map((s) => `[${s.split('/').pop()}](${s.split('/').pop()})`).join(', ')} |`);
  lines.push('', '## Claims', '');
  lines.push('| claim | scope | verdict | reason |', '|---|---|---|---|');
  for (const c of report.claims) lines.push(`| ${c.id} | ${cell(c.scope)} | **${c.verdict}** | ${cell(c.reason)} |`);
  for (const c of report.claims) {
    lines.push('', `### ${c.id} — ${c.verdict}`, '', `> ${c.statement}`, '', `*Scope:* ${c.scope}. *Test:* ${c.method} *False-alarm probability:* ${fmt(c.falseAlarm)}.`, '', `*Verdict:* **${c.verdict}** — ${c.reason}`, '');
    const stats = Object.entries(c.statistics);
    if (stats.length > 0) lines.push(stats.map(([k, v]) => `${k} = ${fmt(v)}`).join('; '), '');
    if (c.evidence.length > 0) {
      lines.push('| sub-test | n | estimate | interval | p | outcome |', '|---|---|---|---|---|---|');
      for (const e of c.evidence)
        lines.push(`| ${cell(e.label)} | ${e.n} | ${fmt(e.estimate)} | ${e.interval === undefined ? '—' : `[${fmt(e.interval[0])}, ${fmt(e.interval[1])}]`} | ${fmt(e.pValue)} | ${e.outcome} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}
