import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeManifest } from '../../experiments/manifest/writeManifest.ts';
import { runTasks } from '../../experiments/results/runTasks.ts';
import { shardTasks } from '../../experiments/results/shardTasks.ts';
import { acceptanceManifest, figureManifest, type RunProvenance } from '../figureManifest.ts';
import { acceptanceJobs, figureJobName, figureJobTasks, type FigureJob } from '../figureJobs.ts';
import { checkMergeOutput } from './checkMergeOutput.ts';
import { planMerge } from './planMerge.ts';

// Acceptance and figure shard folders with real manifests and real task keys and seeds; the
// results are placeholders (planMerge never reads them: the analysis does, after it).
let dir: string;
const base: RunProvenance = { seed: 20261124, shard: null, version: '0.1.0', backend: 'wasm' };

async function figureFolder(out: string, job: FigureJob, run: RunProvenance): Promise<void> {
  writeManifest(out, figureManifest(job, run));
  const tasks = run.shard === null ? figureJobTasks(job) : shardTasks({ tasks: figureJobTasks(job), shard: run.shard });
  await runTasks({ tasks, resultsPath: join(out, 'results.jsonl'), resume: false, runSeed: run.seed, handleSigint: false, run: () => ({ placeholder: true }) });
}

async function acceptanceFolder(out: string, run: RunProvenance, skip: readonly string[] = []): Promise<void> {
  writeManifest(out, acceptanceManifest('smoke', run));
  for (const job of acceptanceJobs('smoke')) if (!skip.includes(figureJobName(job))) await figureFolder(join(out, figureJobName(job)), job, run);
}

const at = (...labels: string[]) => labels.map((label) => ({ label, path: join(dir, label) }));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vv-plan-'));
  await acceptanceFolder(join(dir, 'a1'), { ...base, shard: { index: 1, count: 2 } });
  await acceptanceFolder(join(dir, 'a2'), { ...base, shard: { index: 2, count: 2 } });
  await acceptanceFolder(join(dir, 'b1'), { ...base, shard: { index: 1, count: 2 } }, ['fig3-w200']);
  await acceptanceFolder(join(dir, 'b2'), { ...base, shard: { index: 2, count: 2 } }, ['fig3-w200']);
  await acceptanceFolder(join(dir, 'd2'), { ...base, shard: { index: 2, count: 2 } }, ['fig3-w200', 'fig2']);
  await figureFolder(join(dir, 'f1'), { figure: 'fig1', dataset: 'mnist', scale: 'smoke' }, { ...base, shard: { index: 1, count: 2 } });
  mkdirSync(join(dir, 'legacy'));
  writeFileSync(join(dir, 'legacy', 'results.jsonl'), '');
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('planMerge', () => {
  it('recognises acceptance shards and plans every figure from its own shard folders', () => {
    const plan = planMerge(at('a2', 'a1'));
    expect(plan.kind).toBe('acceptance');
    expect(plan.manifest).toMatchObject({ figure: 'acceptance', scale: 'smoke', seed: 20261124, shard: null });
    expect(plan.manifest.tasks).toBe(plan.manifest.grid.tasks);
    expect(plan.shards.map((s) => s.label)).toEqual(['a1', 'a2']);
    expect(plan.figures.map((f) => [f.name, f.shards?.map((s) => s.label)])).toEqual(
      acceptanceJobs('smoke').map((j) => [figureJobName(j), ['a1', 'a2'].map((a) => join(a, figureJobName(j)))]),
    );
  });

  it('a figure no shard ran is unavailable; one run by some shards only is refused', () => {
    const plan = planMerge(at('b1', 'b2'));
    expect(plan.figures.map((f) => [f.name, f.shards === null])).toEqual([['fig1-mnist', false], ['fig1-cifar10', false], ['fig2', false], ['fig3-w10', false], ['fig3-w200', true]]);
    expect(() => planMerge(at('b1', 'a2'))).toThrow(/^merge: fig3-w200 was run in a2\/fig3-w200 but not in b1\/fig3-w200/);
    expect(() => planMerge(at('b1', 'd2'))).toThrow(/^merge: fig2 was run in b1\/fig2 but not in d2\/fig2/);
  });

  it('refuses a figure folder of another seed inside an acceptance shard, mixed kinds, and a folder without a manifest', async () => {
    await acceptanceFolder(join(dir, 'c2'), { ...base, shard: { index: 2, count: 2 } });
    writeManifest(join(dir, 'c2', 'fig2'), figureManifest({ figure: 'fig2', scale: 'smoke' }, { ...base, seed: 7, shard: { index: 2, count: 2 } }));
    expect(() => planMerge(at('a1', 'c2'))).toThrow(/^merge: c2\/fig2: seed differs: folder has 7, its acceptance run 20261124$/);
    expect(() => planMerge(at('a1', 'f1'))).toThrow(/^merge: figure differs: f1 has fig1-mnist, a1 has acceptance$/);
    expect(() => planMerge(at('legacy'))).toThrow(/^merge: legacy has no manifest\.json .*--resume/);
    expect(() => planMerge(at('nowhere'))).toThrow(/^merge: nowhere is not a run folder/);
  });
});

describe('checkMergeOutput', () => {
  it('refuses an output inside an input or holding a run (unless forced)', () => {
    const plan = planMerge(at('a1', 'a2'));
    expect(() => checkMergeOutput(plan, join(dir, 'a1', 'merged'), true)).toThrow(/is inside the input a1/);
    expect(() => checkMergeOutput(plan, join(dir, 'f1'), false)).toThrow(/--out .*f1 already holds a run \(manifest\.json\); choose another --out or pass --force$/);
    mkdirSync(join(dir, 'half', 'fig2'), { recursive: true });
    writeFileSync(join(dir, 'half', 'fig2', 'results.jsonl'), '');
    expect(() => checkMergeOutput(plan, join(dir, 'half'), false)).toThrow(/already holds a run \(fig2\/results\.jsonl\)/);
    expect(() => checkMergeOutput(plan, join(dir, 'half'), true)).not.toThrow();
    expect(() => checkMergeOutput(plan, join(dir, 'fresh'), false)).not.toThrow();
  });
});
