import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoGrid, demoRun } from '../results/internal/demoGrid.ts';
import { runTasks } from '../results/runTasks.ts';
import { shardTasks } from '../results/shardTasks.ts';
import { checkRunFolder } from './checkRunFolder.ts';
import { demoManifest } from './internal/demoManifest.ts';
import { writeManifest } from './writeManifest.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vv-runfolder-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const grid = demoGrid();
const fill = (out: string, seed: number, tasks = grid) => runTasks({ tasks, resultsPath: join(out, 'results.jsonl'), resume: false, runSeed: seed, handleSigint: false, run: demoRun });

describe('checkRunFolder', () => {
  it('a new or empty folder is new; a folder with this very manifest is matching', async () => {
    const m = demoManifest();
    expect(checkRunFolder({ dir: join(dir, 'absent'), expected: m, tasks: grid, resume: false })).toBe('new');
    mkdirSync(join(dir, 'empty'));
    expect(checkRunFolder({ dir: join(dir, 'empty'), expected: m, tasks: grid, resume: false })).toBe('new');
    writeManifest(join(dir, 'run'), m);
    expect(checkRunFolder({ dir: join(dir, 'run'), expected: m, tasks: grid, resume: false })).toBe('matching');
    await fill(join(dir, 'run'), 7);
    expect(checkRunFolder({ dir: join(dir, 'run'), expected: m, tasks: grid, resume: true })).toBe('matching');
  });

  it('refuses a differing manifest naming the field and both values, results without --resume, a report without a manifest', async () => {
    const out = join(dir, 'run');
    writeManifest(out, demoManifest());
    expect(() => checkRunFolder({ dir: out, expected: demoManifest({ seed: 8 }), tasks: grid, resume: true })).toThrow(/^--resume: seed differs: folder has 7, this run 8$/);
    expect(() => checkRunFolder({ dir: out, expected: demoManifest({ scale: 'paper' }), tasks: grid, resume: false })).toThrow(new RegExp(`^--out ${out}: scale differs: folder has smoke, this run paper$`));
    await fill(out, 7);
    expect(() => checkRunFolder({ dir: out, expected: demoManifest(), tasks: grid, resume: false })).toThrow(/already holds results; pass --resume/);
    mkdirSync(join(dir, 'old'));
    writeFileSync(join(dir, 'old', 'summary.json'), '{}');
    expect(() => checkRunFolder({ dir: join(dir, 'old'), expected: demoManifest(), tasks: grid, resume: true })).toThrow(/holds summary\.json of a run without a manifest/);
    writeFileSync(join(dir, 'file'), '');
    expect(() => checkRunFolder({ dir: join(dir, 'file'), expected: demoManifest(), tasks: grid, resume: false })).toThrow(/is not a folder/);
  });

  it('a folder written before manifests may be resumed only when every record is of this grid and seed', async () => {
    const legacy = join(dir, 'legacy');
    const half = shardTasks({ tasks: grid, shard: { index: 1, count: 2 } });
    await fill(legacy, 7, half);
    expect(checkRunFolder({ dir: legacy, expected: demoManifest({ shard: { index: 1, count: 2 } }), tasks: half, resume: true })).toBe('legacy');
    expect(() => checkRunFolder({ dir: legacy, expected: demoManifest({ seed: 8, shard: { index: 1, count: 2 } }), tasks: half, resume: true })).toThrow(/^--resume: .*line 1: task .* has seed \d+, but seed 8 gives \d+/);
    const other = shardTasks({ tasks: grid, shard: { index: 2, count: 2 } });
    expect(() => checkRunFolder({ dir: legacy, expected: demoManifest({ shard: { index: 2, count: 2 } }), tasks: other, resume: true })).toThrow(/line 1: task .* is not in this run's shard 2\/2 of the grid/);
    expect(readFileSync(join(legacy, 'results.jsonl'), 'utf8').split('\n')).toHaveLength(31); // untouched
  });
});
