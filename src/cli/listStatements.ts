import type { Expectations } from '../verify/expectations.ts';
import type { StatementSpec, Verdict } from '../verify/types.ts';

const ORDER: readonly Verdict[] = ['verified-exact', 'supported', 'inconclusive', 'refuted'];

/**
 * `vv verify --list`: every statement id with its title and the verdicts the expectations file
 * records for it (no check runs), one aligned line each —
 * `lemma-2   Lemma 2 (…)   refuted (corrected: verified-exact)   9 checks: 6 verified-exact, 3 refuted` —
 * or with `json` `{ statements: [{ id, title, verdict, corrected, checks: { <verdict>: count } }] }`
 * (verdict null when the file has no entry). Returns 0.
 */
export function listStatements(statements: readonly StatementSpec[], expectations: Expectations, stdout: { write(s: string): unknown }, json: boolean): number {
  const entries = statements.map((s) => {
    const e = Object.hasOwn(expectations, s.id) ? expectations[s.id] : undefined;
    const counts: Partial<Record<Verdict, number>> = {};
    for (const v of Object.values(e?.checks ?? {})) counts[v] = (counts[v] ?? 0) + 1;
    const checks = Object.fromEntries(ORDER.filter((v) => counts[v] !== undefined).map((v) => [v, counts[v]!]));
    return { id: s.id, title: s.title, verdict: e?.verdict ?? null, corrected: e?.corrected ?? null, checks };
  });
  if (json) {
    stdout.write(JSON.stringify({ statements: entries }, null, 2) + '\n');
    return 0;
  }
  const rows = entries.map((e) => {
    if (e.verdict === null) return [e.id, e.title, 'no expectations'];
    const n = Object.values(e.checks).reduce((a, b) => a + b, 0);
    const detail = Object.entries(e.checks).map(([v, k]) => `${k} ${v}`).join(', ');
    return [e.id, e.title, e.corrected === null ? e.verdict : `${e.verdict} (corrected: ${e.corrected})`, `${n} check${n === 1 ? '' : 's'}${n > 0 ? `: ${detail}` : ''}`];
  });
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => (r.length > i + 1 ? r[i]!.length : 0))));
  for (const r of rows) stdout.write(r.map((c, i) => (i < r.length - 1 ? c.padEnd(widths[i]!) : c)).join('   ') + '\n');
  return 0;
}
