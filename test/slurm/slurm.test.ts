import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, slurmUnavailable, type Cluster } from './cluster.ts';

// Issue 15 §6: the README's Slurm example, run for real. A single-node cluster (munged, slurmctld,
// slurmd; test/slurm/cluster.ts) runs examples/slurm/submit-fig2.sh — the files the README shows
// (test/slurm/readme.test.ts) — at smoke scale with 2 shards: the array job (one `vv fig2 --shard
// k/2` per task) and the merge job held by --dependency=afterok. The merged results must equal an
// unsharded run's byte for byte. Skipped (with the reason) without slurm-wlm and munge, or not as
// root; .ci/run installs them, so CI runs it.

const root = fileURLToPath(new URL('../../', import.meta.url));
const unavailable = slurmUnavailable();
const SEED = '20261124';
const SHARDS = 2;
const TERMINAL = /^(COMPLETED|FAILED|CANCELLED|TIMEOUT|NODE_FAIL|OUT_OF_MEMORY|BOOT_FAIL|DEADLINE|PREEMPTED)$/;

/**
 * A CIFAR-10-shaped data folder (six batch files of 10,000 records, label byte 0–9 then 3,072
 * pseudo-random pixel bytes) so that the test needs no download: the check is that sharding and
 * merging reproduce one run, which any fixed data set shows.
 */
function writeCifarShapedData(dir: string): void {
  const records = 10_000;
  const record = 3073;
  const bytes = Buffer.alloc(records * record);
  let s = 12345;
  for (let i = 0; i < bytes.length; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    bytes[i] = s >>> 24;
  }
  for (let r = 0; r < records; r++) bytes[r * record] = r % 10;
  mkdirSync(dir, { recursive: true });
  for (const f of ['data_batch_1.bin', 'data_batch_2.bin', 'data_batch_3.bin', 'data_batch_4.bin', 'data_batch_5.bin', 'test_batch.bin']) writeFileSync(join(dir, f), bytes);
}

interface JobRecord {
  readonly id: string;
  readonly state: string;
  readonly exitCode: string;
  readonly reason: string;
  readonly start: string;
  readonly end: string;
}

/** `scontrol show job -o ID`: one record per job (every task of an array). */
function jobs(cluster: Cluster, id: string): JobRecord[] {
  return cluster
    .client('scontrol', ['show', 'job', '-o', id])
    .split('\n')
    .filter((l) => l.includes('JobId='))
    .map((l) => {
      const field = (k: string): string => new RegExp(`(?:^| )${k}=(\\S*)`).exec(l)?.[1] ?? '';
      return { id: field('ArrayTaskId') === '' ? field('JobId') : `${field('ArrayJobId')}_${field('ArrayTaskId')}`, state: field('JobState'), exitCode: field('ExitCode'), reason: field('Reason'), start: field('StartTime'), end: field('EndTime') };
    });
}

describe.skipIf(unavailable !== null)(`the README's Slurm array example on a single-node cluster${unavailable === null ? '' : ` (SKIPPED: ${unavailable})`}`, () => {
  let work = '';
  let cluster: Cluster | undefined;
  let submitted: string[] = [];

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'vv-slurm-'));
    cluster = await startCluster(join(work, 'cluster'));
  }, 300_000);

  afterAll(async () => {
    await cluster?.stop(submitted);
    if (work !== '') rmSync(work, { recursive: true, force: true });
  }, 120_000);

  it(
    `fig2 smoke: ${SHARDS} array tasks, then the afterok merge job; merged results.jsonl and fig2.svg equal the unsharded run's byte for byte`,
    async () => {
      const c = cluster!;
      const data = join(work, 'data');
      writeCifarShapedData(join(data, 'cifar-10-batches-bin'));
      const runs = join(work, 'runs');
      const env = { VV_DATA_DIR: data, VV_BACKEND: 'wasm' };

      // The reference: one unsharded run, outside Slurm.
      const reference = join(work, 'unsharded');
      const ref = spawnSync(process.execPath, ['bin/vv.mjs', 'fig2', '--scale', 'smoke', '--seed', SEED, '--jobs', '2', '--out', reference], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });
      expect(ref.status, ref.stderr).toBe(0);

      const out = c.client('sh', ['examples/slurm/submit-fig2.sh'], {
        cwd: root,
        env: { ...env, VV_SCALE: 'smoke', VV_SEED: SEED, VV_SHARDS: String(SHARDS), VV_RUNS: runs, SBATCH_OUTPUT: join(work, 'slurm-%A_%a.out'), SBATCH_MEM_PER_NODE: String(Math.min(2048, c.memoryMb)), SBATCH_TIMELIMIT: '30' },
      });
      const [arrayId, mergeId] = out.trim().split(/\s+/);
      expect(arrayId, out).toMatch(/^\d+$/);
      expect(mergeId, out).toMatch(/^\d+$/);
      submitted = [arrayId!, mergeId!];

      // Wait for the merge job to end (or for a shard to fail: the merge would then never start).
      const jobOutput = (): string => {
        const files = spawnSync('sh', ['-c', `tail -n 20 ${join(work, 'slurm-*.out')}`], { encoding: 'utf8' }).stdout;
        return `${files}\n${c.logs()}`;
      };
      const end = Date.now() + 1_200_000;
      let array: JobRecord[] = [];
      let merge: JobRecord[] = [];
      for (;;) {
        array = jobs(c, arrayId!);
        merge = jobs(c, mergeId!);
        if (TERMINAL.test(merge[0]?.state ?? '')) break;
        if (array.some((j) => TERMINAL.test(j.state) && j.state !== 'COMPLETED')) break;
        if (Date.now() > end) throw new Error(`timed out waiting for jobs ${arrayId}, ${mergeId}:\n${JSON.stringify([...array, ...merge])}\n${jobOutput()}`);
        await new Promise((r) => setTimeout(r, 2000));
      }
      const summary = `${JSON.stringify([...array, ...merge], null, 1)}\n${jobOutput()}`;
      const byId = (a: string[], b: string[]): number => a[0]!.localeCompare(b[0]!);
      expect(array.map((j) => [j.id, j.state, j.exitCode]).sort(byId), summary).toEqual(Array.from({ length: SHARDS }, (_, k) => [`${arrayId}_${k + 1}`, 'COMPLETED', '0:0']));
      expect([merge[0]!.state, merge[0]!.exitCode], summary).toEqual(['COMPLETED', '0:0']);
      // afterok held the merge until every shard had finished.
      for (const task of array) expect(merge[0]!.start >= task.end, `merge started ${merge[0]!.start}, shard ${task.id} ended ${task.end}`).toBe(true);

      // Each shard ran a non-empty part of the grid; together a disjoint cover of the one run's tasks.
      const keys = (file: string): string[] =>
        readFileSync(file, 'utf8')
          .split('\n')
          .filter((l) => l !== '')
          .map((l) => (JSON.parse(l) as { key: string }).key);
      const all = keys(join(reference, 'results.jsonl'));
      const shards = Array.from({ length: SHARDS }, (_, k) => keys(join(runs, `shard-${k + 1}`, 'results.jsonl')));
      for (const s of shards) expect(s.length).toBeGreaterThan(0);
      expect(shards.flat().length).toBe(all.length);
      expect(new Set(shards.flat())).toEqual(new Set(all));

      // The merge equals the unsharded run byte for byte, and so do the figure and the verdicts.
      const merged = join(runs, 'merged');
      const same = (file: string): boolean => readFileSync(join(merged, file)).equals(readFileSync(join(reference, file)));
      expect(same('results.jsonl'), `merged results.jsonl differs from the unsharded run's (seed ${SEED})`).toBe(true);
      expect(same('fig2.svg'), 'merged fig2.svg differs from the unsharded run\'s').toBe(true);
      const claims = (dir: string): unknown => (JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as { claims: unknown }).claims;
      expect(claims(merged)).toEqual(claims(reference));
    },
    1_800_000,
  );
});
