import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoGrid, demoRun } from './internal/demoGrid.ts';
import { mergeResults } from './mergeResults.ts';
import { runTasks } from './runTasks.ts';
import { shardTasks } from './shardTasks.ts';
import { taskKey } from './taskKey.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vv-merge-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const common = { runSeed: 7, resume: false, handleSigint: false, run: (t: Parameters<typeof demoRun>[0], s: number) => demoRun(t, s) } as const;

describe('mergeResults', () => {
  it('merges shards into exactly the unsharded run’s file, byte for byte, for several n', async () => {
    const grid = demoGrid();
    await runTasks({ ...common, tasks: grid, resultsPath: join(dir, 'full', 'results.jsonl') });
    const full = readFileSync(join(dir, 'full', 'results.jsonl'), 'utf8');
    for (const count of [2, 3, 7]) {
      const inputs: string[] = [];
      // Shards run in reverse order and from a reversed grid listing: neither may matter.
      for (let index = count; index >= 1; index--) {
        const out = join(dir, `n${count}`, `shard-${index}`);
        await runTasks({ ...common, tasks: shardTasks({ tasks: [...grid].reverse(), shard: { index, count } }), resultsPath: join(out, 'results.jsonl') });
        inputs.push(out);
      }
      const outcome = mergeResults({ inputs, output: join(dir, `n${count}`, 'merged'), tasks: grid });
      expect(outcome).toEqual({ path: join(dir, `n${count}`, 'merged', 'results.jsonl'), records: 60, missing: [], torn: [] });
      expect(readFileSync(outcome.path, 'utf8')).toBe(full);
    }
  });

  it('accepts identical duplicates, and names the key of conflicting ones', async () => {
    const tasks = demoGrid().slice(0, 4);
    const a = join(dir, 'a', 'results.jsonl');
    await runTasks({ ...common, tasks, resultsPath: a });
    expect(mergeResults({ inputs: [a, join(dir, 'a')], output: join(dir, 'm.jsonl') }).records).toBe(4);
    const b = join(dir, 'b.jsonl');
    await runTasks({ ...common, runSeed: 8, tasks: tasks.slice(0, 1), resultsPath: b });
    expect(() => mergeResults({ inputs: [a, b], output: join(dir, 'm2.jsonl') })).toThrow(
      new RegExp(`task ${taskKey(tasks[0]!).replace(/[{}]/g, '\\$&')} has different records in .*a/results\\.jsonl:\\d+ and .*b\\.jsonl:1`),
    );
  });

  it('reports a torn last line of an input as a warning and its task as missing', async () => {
    const grid = demoGrid().slice(0, 6);
    const paths = [1, 2].map((index) => join(dir, `s${index}`, 'results.jsonl'));
    for (const [i, p] of paths.entries()) await runTasks({ ...common, tasks: shardTasks({ tasks: grid, shard: { index: i + 1, count: 2 } }), resultsPath: p });
    const lines = readFileSync(paths[1]!, 'utf8').split('\n');
    const lost = JSON.parse(lines[2]!).key as string;
    writeFileSync(paths[1]!, `${lines.slice(0, 2).join('\n')}\n${lines[2]!.slice(0, 30)}`); // shard 2 died writing its third record
    const warnings: string[] = [];
    const outcome = mergeResults({ inputs: paths, output: join(dir, 'm.jsonl'), tasks: grid, onWarning: (w) => warnings.push(w) });
    expect(outcome).toMatchObject({ records: 5, missing: [lost], torn: [paths[1]] });
    expect(warnings).toEqual([expect.stringMatching(/s2\/results\.jsonl: ignoring a torn last line/)]);
  });

  it('refuses to overwrite its output or to merge nothing, naming the field', () => {
    const f = join(dir, 'x.jsonl');
    writeFileSync(f, '');
    appendFileSync(join(dir, 'out.jsonl'), '');
    expect(() => mergeResults({ inputs: [f], output: join(dir, 'out.jsonl') })).toThrow(/options\.output .*out\.jsonl already exists/);
    expect(mergeResults({ inputs: [f], output: join(dir, 'out.jsonl'), overwrite: true }).records).toBe(0);
    expect(() => mergeResults({ inputs: [], output: join(dir, 'o') })).toThrow(/options\.inputs must name/);
    expect(() => mergeResults({ inputs: [join(dir, 'missing')], output: join(dir, 'o') })).toThrow(/options\.inputs entry .*missing has no results file/);
  });
});
