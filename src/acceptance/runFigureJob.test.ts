import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExperimentData } from '../experiments/figures/experimentData.ts';
import { shardTasks } from '../experiments/results/shardTasks.ts';
import { figureJobTasks, type FigureJob } from './figureJobs.ts';
import { runFigureJob } from './runFigureJob.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vv-job-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** CIFAR-shaped data (3,072 inputs, 10 classes) with a fixed pattern; enough for batches of 90. */
function fakeCifar(count: number) {
  const split = (offset: number) => ({
    values: Float32Array.from({ length: count * 3072 }, (_, i) => (((i + offset) * 2654435761) % 1000) / 500 - 1),
    labels: Uint8Array.from({ length: count }, (_, i) => (i + offset) % 10),
    count,
    size: 3072,
  });
  return { name: 'cifar10', label: 'fake CIFAR-10', train: split(0), test: split(count) } as const;
}

describe('runFigureJob', () => {
  // One job used to run in this thread, where a long task blocked SIGINT and `signal` until it
  // ended (a paper-scale shard run with --jobs 1 ignored Ctrl-C for many minutes), then dropped its
  // record. Now it runs in a worker and an abort ends the run at once. The task chosen is a width-200
  // MetaInit at depth 100 (500 sign-SGD steps: minutes on any machine); the abort comes 5 s after
  // the run started, and the whole call must be back within 30 s — an order of magnitude inside the task's length.
  it('one job runs in a worker thread: an abort stops it mid-task, with no record of the dropped task', async () => {
    const job: FigureJob = { figure: 'fig3', width: 200, scale: 'reduced' };
    const shard = { index: 28, count: figureJobTasks(job).length };
    const [task] = shardTasks({ tasks: figureJobTasks(job), shard });
    expect(task).toMatchObject({ figure: 'fig3', width: 200, depth: 100, init: 'metainit' });
    const data: ExperimentData = { cifar10: fakeCifar(200) };
    const controller = new AbortController();
    let abortedAt = 0;
    const t0 = Date.now();
    setTimeout(() => {
      abortedAt = Date.now();
      controller.abort();
    }, 5000);
    const outcome = await runFigureJob({ job, dir, resume: false, runSeed: 1, shard, jobs: 1, backend: 'wasm', data, handleSigint: false, signal: controller.signal });
    const seconds = (Date.now() - t0) / 1000;
    expect(abortedAt).toBeGreaterThan(0);
    expect(outcome).toMatchObject({ status: 'interrupted', total: 1, done: 0, ran: 0 });
    // The whole call, worker start included (the abort cannot even fire while this thread computes).
    expect(seconds, `back ${((Date.now() - abortedAt) / 1000).toFixed(1)} s after the abort`).toBeLessThan(30);
    const results = join(dir, 'results.jsonl');
    expect(existsSync(results) ? readFileSync(results, 'utf8') : '').toBe('');
  }, 60_000);
});
