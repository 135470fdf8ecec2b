import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeManifest } from '../../experiments/manifest/writeManifest.ts';
import type { Scale } from '../../experiments/figures/scales.ts';
import { mergeResults } from '../../experiments/results/mergeResults.ts';
import { figureManifest } from '../figureManifest.ts';
import { figureJobTasks } from '../figureJobs.ts';
import type { LoadedExperimentData } from '../loadExperimentData.ts';
import { analyseJob, writeAcceptanceReport, type AcceptanceReport, type FigureOutcome } from '../runAcceptance.ts';
import type { MergePlan } from './planMerge.ts';

/** What {@link writeMerge} wrote. */
export interface MergeOutcome {
  readonly outcomes: readonly FigureOutcome[];
  /** Records written over all figures. */
  readonly records: number;
  /** The acceptance report (acceptance merges only). */
  readonly report: AcceptanceReport | null;
}

function shardReport(dir: string): AcceptanceReport | null {
  try {
    return JSON.parse(readFileSync(join(dir, 'acceptance.json'), 'utf8')) as AcceptanceReport;
  } catch {
    return null;
  }
}

/**
 * Writes a planned merge into `out`: the manifest first, then each figure's results.jsonl (one
 * line per task, canonical order: byte for byte the unsharded run's), its summary.json and SVGs,
 * and for an acceptance merge acceptance.json and acceptance.md. Call {@link planMerge} and
 * {@link checkMergeOutput}, and load the data, first: this only writes.
 *
 * @example await writeMerge(plan, { out: '/runs/merged', loaded, tool: 'vanishing-variance 0.1.0' })
 */
export async function writeMerge(plan: MergePlan, options: { readonly out: string; readonly loaded: LoadedExperimentData; readonly tool: string }): Promise<MergeOutcome> {
  const { out } = options;
  const m = plan.manifest;
  const run = { seed: m.seed, version: m.version, backend: m.backend };
  writeManifest(out, m);
  const reports = plan.shards.map((s) => shardReport(s.dir));
  const outcomes: FigureOutcome[] = [];
  let records = 0;
  for (const figure of plan.figures) {
    if (figure.shards === null) {
      const reason = reports.map((r) => r?.figures.find((f) => f.name === figure.name)?.reason).find((x) => x !== undefined) ?? 'run in no shard (its data set was missing)';
      outcomes.push({ name: figure.name, job: figure.job, status: 'unavailable', tasks: figureJobTasks(figure.job).length, done: 0, ran: 0, seconds: 0, reason });
      continue;
    }
    const dir = plan.kind === 'figure' ? out : join(out, figure.name);
    if (plan.kind === 'acceptance') writeManifest(dir, figureManifest(figure.job, { ...run, shard: null }));
    // A shard whose slice is empty (more shards than tasks) has no results file.
    const inputs = figure.shards.map((s) => join(s.dir, 'results.jsonl')).filter((p) => existsSync(p));
    const merged = mergeResults({ inputs, output: join(dir, 'results.jsonl'), overwrite: true });
    records += merged.records;
    const analysis = await analyseJob(figure.job, dir, { out, loaded: options.loaded, run });
    const seconds = reports.reduce((t, r) => t + (r?.figures.find((f) => f.name === figure.name)?.seconds ?? 0), 0);
    outcomes.push({ name: figure.name, job: figure.job, status: 'complete', tasks: merged.records, done: merged.records, ran: merged.records, seconds, analysis });
  }
  const report =
    plan.kind === 'acceptance'
      ? writeAcceptanceReport({
          out,
          scale: m.scale as Scale,
          seed: m.seed,
          backend: m.backend,
          version: m.version,
          shard: null,
          mergedFrom: plan.shards.length,
          workers: reports[0]?.workers ?? 0,
          seconds: outcomes.reduce((t, o) => t + o.seconds, 0),
          outcomes,
          tool: options.tool,
        })
      : null;
  return { outcomes, records, report };
}
