import type { FigureOutcome } from '../acceptance/runAcceptance.ts';

/**
 * `vv fig1|fig2|fig3|acceptance --json`: the run's outcome as one JSON document, in the shape of
 * the other `--json` outputs: `{ figures: [{ name, status, tasks, done, ran, seconds, reason,
 * svgs, claims: [{ id, scope, verdict, reason }] }] }` (reason null unless the figure was
 * skipped), plus for acceptance `acceptance: { supported, refuted, inconclusive, markdown }`.
 *
 * @example JSON.parse(figureOutcomesJson(outcomes)).figures[0].status // 'complete'
 */
export function figureOutcomesJson(
  outcomes: readonly FigureOutcome[],
  acceptance?: { readonly supported: number; readonly refuted: number; readonly inconclusive: number; readonly markdown: string },
): string {
  const figures = outcomes.map((o) => ({
    name: o.name,
    status: o.status,
    tasks: o.tasks,
    done: o.done,
    ran: o.ran,
    seconds: o.seconds,
    reason: o.reason ?? null,
    svgs: o.analysis?.svgs ?? [],
    claims: (o.analysis?.claims ?? []).map((c) => ({ id: c.id, scope: c.scope, verdict: c.verdict, reason: c.reason })),
  }));
  return JSON.stringify({ figures, ...(acceptance !== undefined ? { acceptance } : {}) }, null, 2) + '\n';
}
