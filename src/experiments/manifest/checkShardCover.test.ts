import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoGrid, demoRun } from '../results/internal/demoGrid.ts';
import { runTasks } from '../results/runTasks.ts';
import { shardTasks } from '../results/shardTasks.ts';
import { checkShardCover, type ShardInput } from './checkShardCover.ts';
import { demoManifest } from './internal/demoManifest.ts';

let dir: string;
const grid = demoGrid();
const shards: ShardInput[] = [];
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vv-cover-'));
  for (const index of [1, 2, 3]) {
    const out = join(dir, `s${index}`);
    await runTasks({ tasks: shardTasks({ tasks: grid, shard: { index, count: 3 } }), resultsPath: join(out, 'results.jsonl'), resume: false, runSeed: 7, handleSigint: false, run: demoRun });
    shards.push({ label: `s${index}`, dir: out, manifest: demoManifest({ shard: { index, count: 3 } }) });
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('checkShardCover', () => {
  it('accepts shards 1..n of one run in any order, and an unsharded run as 1/1', async () => {
    const [a, b, c] = shards as [ShardInput, ShardInput, ShardInput];
    expect(checkShardCover({ inputs: [c, a, b], grid }).inputs.map((i) => i.label)).toEqual(['s1', 's2', 's3']);
    const whole = join(dir, 'whole');
    await runTasks({ tasks: grid, resultsPath: join(whole, 'results.jsonl'), resume: false, runSeed: 7, handleSigint: false, run: demoRun });
    expect(checkShardCover({ inputs: [{ label: 'whole', dir: whole, manifest: demoManifest() }], grid }).count).toBe(1);
  });

  it('refuses differing manifests, a missing or repeated shard, another shard count', () => {
    const [a, b, c] = shards as [ShardInput, ShardInput, ShardInput];
    const seven = { ...c, label: 'c7', manifest: demoManifest({ seed: 20261124, shard: { index: 3, count: 3 } }) };
    expect(() => checkShardCover({ inputs: [a, b, seven], grid })).toThrow(/^merge: seed differs: c7 has 20261124, s1 has 7$/);
    expect(() => checkShardCover({ inputs: [a, { ...b, manifest: demoManifest({ backend: 'cpu', shard: { index: 2, count: 3 } }) }, c] })).toThrow(/^merge: backend differs: s2 has cpu, s1 has wasm$/);
    expect(() => checkShardCover({ inputs: [a, c], grid })).toThrow(/^merge: shard 2\/3 is missing \(given: 1\/3, 3\/3\)/);
    expect(() => checkShardCover({ inputs: [a], grid })).toThrow(/^merge: shards 2\/3, 3\/3 are missing/);
    expect(() => checkShardCover({ inputs: [a, b, c, { ...b, label: 'again' }], grid })).toThrow(/^merge: shard 2\/3 is given twice \(s2, again\)$/);
    expect(() => checkShardCover({ inputs: [a, { ...b, manifest: demoManifest({ shard: { index: 2, count: 4 } }) }], grid })).toThrow(/^merge: shard count differs: s2 has 2\/4, s1 has 1\/3$/);
  });

  it('refuses an incomplete shard, a record of another shard or seed, and a task recorded twice', async () => {
    const [a, b, c] = shards as [ShardInput, ShardInput, ShardInput];
    const text = readFileSync(join(b.dir, 'results.jsonl'), 'utf8');
    const lines = text.split('\n').slice(0, -1);
    const copy = (name: string, content: string): ShardInput => {
      const d = join(dir, name);
      mkdirSync(d, { recursive: true });
      writeFileSync(join(d, 'results.jsonl'), content);
      return { ...b, label: name, dir: d };
    };
    expect(() => checkShardCover({ inputs: [a, copy('cut', `${lines.slice(1).join('\n')}\n`), c], grid })).toThrow(/^merge: shard 2\/3 \(cut\) is incomplete: 1 of its 20 tasks has no record \(first: \{.*\}\); finish it with --resume$/);
    expect(() => checkShardCover({ inputs: [a, copy('torn', `${lines.slice(0, -1).join('\n')}\n${lines.at(-1)!.slice(0, 9)}`), c], grid })).toThrow(/incomplete: 1 of its 20 tasks has no record .*its last line is torn/);
    const foreign = readFileSync(join(a.dir, 'results.jsonl'), 'utf8').split('\n')[0]!;
    expect(() => checkShardCover({ inputs: [a, copy('foreign', `${text}${foreign}\n`), c], grid })).toThrow(/^merge: .*foreign\/results\.jsonl line 21: task .* is not in shard 2\/3 of the grid$/);
    expect(() => checkShardCover({ inputs: [a, copy('twice', `${text}${lines[0]}\n`), c], grid })).toThrow(/records task .* twice \(lines 1 and 21\)/);
    const reseeded = lines.map((l) => l.replace(/"seed":\d+/, '"seed":1')).join('\n');
    expect(() => checkShardCover({ inputs: [a, copy('reseeded', `${reseeded}\n`), c], grid })).toThrow(/line 1: task .* has seed 1, but seed 7 gives \d+ \(records of another --seed\)/);
  });
});
