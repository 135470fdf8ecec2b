import { join } from 'node:path';
import { ensureDirectory } from '../io/ensureDirectory.ts';
import type { FalseAlarmAuditReport } from './auditFalseAlarms.ts';
import { writeFilesAtomic } from './atomicWrite.ts';

/**
 * The audit's one-paragraph summary (stdout and the markdown report).
 *
 * @example auditSummary(report) // 'False-alarm audit: 2 of 100 runs raised a false alarm …'
 */
export function auditSummary(r: FalseAlarmAuditReport): string {
  const a = r.audit;
  return (
    `False-alarm audit: ${a.rejections} of ${a.runs} runs raised a false alarm (observed rate ${a.observedRate}); stated per-run probability ${a.stated} ` +
    `(${r.testsPerRun} tests per run at ${r.perTest.toExponential(3)} each). ${Math.round(a.confidence * 100)}% Clopper–Pearson interval [${a.interval[0].toPrecision(3)}, ${a.interval[1].toPrecision(3)}]; ` +
    `P(≥ ${a.rejections} alarms | stated rate) = ${a.pValue.toPrecision(3)}: ${a.consistent ? 'consistent with the stated rate' : 'the stated rate is EXCEEDED'}. ` +
    `Tests decided: ${r.decidedTests}, rejected: ${r.rejectedTests}.\n`
  );
}

/** Writes `audit.json` and `audit.md` into `outDir` (atomically; created if missing). */
export function writeAuditReports(r: FalseAlarmAuditReport, options: { readonly backend: string; readonly outDir: string }): { json: string; markdown: string } {
  ensureDirectory(options.outDir, '--out');
  const json = join(options.outDir, 'audit.json');
  const markdown = join(options.outDir, 'audit.md');
  const md = [
    '# False-alarm audit of the Monte Carlo checks',
    '',
    `Backend \`${options.backend}\`, tier \`${r.tier}\`, seeds ${r.firstSeed}…${r.firstSeed + r.audit.runs - 1}. Checks: ${r.checks.map((c) => `\`${c}\``).join(', ')}.`,
    '',
    auditSummary(r).trim(),
    '',
    ...(r.alarms.length > 0 ? ['## Runs with a false alarm', '', ...r.alarms.map((a) => `- seed ${a.seed}, \`${a.check}\`: ${a.counterexample}`)] : ['No run raised a false alarm.']),
    '',
  ].join('\n');
  writeFilesAtomic([
    { path: json, content: JSON.stringify({ backend: options.backend, ...r }, null, 2) + '\n' },
    { path: markdown, content: md },
  ]);
  return { json, markdown };
}
