import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoGrid, demoRun } from './internal/demoGrid.ts';
import { readResults } from './readResults.ts';
import { runTasks } from './runTasks.ts';
import { taskKey } from './taskKey.ts';
import { taskSeed } from './taskSeed.ts';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../../..');
const childScript = join(here, 'internal', 'demoGridChild.ts');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vv-run-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const grid = demoGrid();
const base = { tasks: grid, runSeed: 7, handleSigint: false, run: (t: (typeof grid)[number], s: number) => demoRun(t, s) } as const;

/** The uninterrupted run's file, for comparison. */
async function referenceFile(): Promise<string> {
  const path = join(dir, 'reference', 'results.jsonl');
  await runTasks({ ...base, resume: false, resultsPath: path });
  return readFileSync(path, 'utf8');
}

function lineCount(path: string): number {
  return existsSync(path) ? readFileSync(path, 'utf8').split('\n').length - 1 : 0;
}

/** Spawns the child runner (`node --import tsx`, as bin/vv.mjs registers tsx) and resolves when `signal` has been sent after ≥ `after` records and it exits. */
function killChildAfter(path: string, after: number, signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', childScript, path, 'fresh', '15'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const poll = setInterval(() => {
      if (lineCount(path) >= after) {
        clearInterval(poll);
        child.kill(signal);
      }
    }, 5);
    child.on('error', fail);
    child.on('exit', (code, sig) => {
      clearInterval(poll);
      if (code !== 0 && sig === null) fail(new Error(`child failed (${code}): ${stderr}`));
      else done({ code, signal: sig, stdout });
    });
  });
}

describe('runTasks', () => {
  it('writes every task once, in canonical order, with its own seed, reporting progress', async () => {
    const path = join(dir, 'out', 'results.jsonl');
    const progress: number[] = [];
    const outcome = await runTasks({ ...base, resume: false, resultsPath: path, onProgress: (p) => progress.push(p.done) });
    expect(outcome).toEqual({ status: 'complete', total: 60, done: 60, ran: 60 });
    expect(progress).toEqual(Array.from({ length: 61 }, (_, i) => i));
    const records = readResults(path);
    expect(records.map((r) => r.key)).toEqual(grid.map(taskKey).sort());
    for (const r of records) expect(r.seed).toBe(taskSeed({ runSeed: 7, task: r.task }));
  });

  it('with concurrency, runs tasks at once and still ends with the sequential run\'s file; interrupted midway, a resume completes it identically', async () => {
    const reference = await referenceFile();
    const delayed = (t: (typeof grid)[number], s: number) => new Promise<ReturnType<typeof demoRun>>((done) => setTimeout(() => done(demoRun(t, s)), (s % 7) + 1));
    let active = 0;
    let peak = 0;
    const counting = async (t: (typeof grid)[number], s: number) => {
      active += 1;
      peak = Math.max(peak, active);
      try {
        return await delayed(t, s);
      } finally {
        active -= 1;
      }
    };
    const path = join(dir, 'parallel', 'results.jsonl');
    const outcome = await runTasks({ ...base, run: counting, resume: false, resultsPath: path, concurrency: 4 });
    expect(outcome).toEqual({ status: 'complete', total: 60, done: 60, ran: 60 });
    expect(peak).toBe(4);
    expect(readFileSync(path, 'utf8')).toBe(reference);

    const path2 = join(dir, 'parallel2', 'results.jsonl');
    const stop = new AbortController();
    const first = await runTasks({ ...base, run: delayed, resume: false, resultsPath: path2, concurrency: 3, signal: stop.signal, onProgress: (p) => (p.done >= 25 ? stop.abort() : undefined) });
    expect(first.status).toBe('interrupted');
    expect(lineCount(path2)).toBe(first.done);
    const second = await runTasks({ ...base, run: delayed, resume: true, resultsPath: path2, concurrency: 3 });
    expect(second.status).toBe('complete');
    expect(readFileSync(path2, 'utf8')).toBe(reference);
  });

  it('with concurrency, a failing task stops the run and records only completed tasks', async () => {
    const path = join(dir, 'fail', 'results.jsonl');
    const failing = async (t: (typeof grid)[number], s: number) => {
      if (taskKey(t) === grid.map(taskKey).sort()[10]) throw new Error('boom');
      return demoRun(t, s);
    };
    await expect(runTasks({ ...base, run: failing, resume: false, resultsPath: path, concurrency: 2 })).rejects.toThrow('boom');
    const keys = readResults(path).map((r) => r.key);
    expect(keys.length).toBeLessThan(60);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('refuses an existing non-empty file without resume, telling what to do', async () => {
    const path = join(dir, 'results.jsonl');
    await runTasks({ ...base, tasks: grid.slice(0, 2), resume: false, resultsPath: path });
    await expect(runTasks({ ...base, resume: false, resultsPath: path })).rejects.toThrow(/already holds results; pass --resume .* or choose another --out/);
  });

  it('resumes after a simulated kill (k records + a torn half line) to exactly the uninterrupted file', async () => {
    const reference = await referenceFile();
    const path = join(dir, 'killed', 'results.jsonl');
    const lines = reference.split('\n');
    const k = 23;
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${lines.slice(0, k).join('\n')}\n${lines[k]!.slice(0, lines[k]!.length >> 1)}`);
    const warnings: string[] = [];
    const ran: string[] = [];
    const outcome = await runTasks({ ...base, resume: true, resultsPath: path, run: (t, s) => (ran.push(taskKey(t)), demoRun(t, s)), onWarning: (w) => warnings.push(w) });
    expect(outcome).toEqual({ status: 'complete', total: 60, done: 60, ran: 60 - k });
    expect(ran[0]).toBe(JSON.parse(lines[k]!).key); // the torn task runs again
    expect(warnings).toEqual([expect.stringMatching(/removing a torn last line \(line 24 has no trailing newline\)/)]);
    expect(readResults(path)).toEqual(readResults(join(dir, 'reference', 'results.jsonl')));
    expect(readFileSync(path, 'utf8')).toBe(reference);
  });

  it('resumes after a child process is SIGKILLed mid-run to the uninterrupted records', async () => {
    const reference = await referenceFile();
    const path = join(dir, 'child', 'results.jsonl');
    const exit = await killChildAfter(path, 8, 'SIGKILL');
    expect(exit.signal).toBe('SIGKILL');
    const left = lineCount(path);
    expect(left).toBeGreaterThanOrEqual(8);
    expect(left).toBeLessThan(60); // killed mid-run: 60 tasks × 15 ms ≈ 0.9 s
    const outcome = await runTasks({ ...base, resume: true, resultsPath: path });
    expect(outcome.status).toBe('complete');
    expect(readResults(path)).toEqual(readResults(join(dir, 'reference', 'results.jsonl')));
    expect(readFileSync(path, 'utf8')).toBe(reference);
  });

  it('stops cleanly on SIGINT in a child process: exit 0, status interrupted, a file with no torn line', async () => {
    const path = join(dir, 'sigint', 'results.jsonl');
    const exit = await killChildAfter(path, 5, 'SIGINT');
    expect(exit.code).toBe(0);
    const outcome = JSON.parse(exit.stdout) as { status: string; done: number };
    expect(outcome.status).toBe('interrupted');
    expect(readFileSync(path, 'utf8').endsWith('\n')).toBe(true);
    expect(lineCount(path)).toBe(outcome.done);
    const warnings: string[] = [];
    expect(readResults(path, { onWarning: (w) => warnings.push(w) })).toHaveLength(outcome.done);
    expect(warnings).toEqual([]);
  });

  it('on abort starts nothing more and discards the task in flight', async () => {
    const path = join(dir, 'abort', 'results.jsonl');
    const controller = new AbortController();
    let started = 0;
    const outcome = await runTasks({
      ...base,
      resume: false,
      resultsPath: path,
      signal: controller.signal,
      run: (t, s) => {
        started += 1;
        if (started === 4) {
          controller.abort();
          return new Promise<never>(() => {}); // never finishes: runTasks must not wait for it
        }
        return demoRun(t, s);
      },
    });
    expect(outcome).toEqual({ status: 'interrupted', total: 60, done: 3, ran: 3 });
    expect(started).toBe(4);
    expect(lineCount(path)).toBe(3);
  });

  it('refuses to resume with another run seed, naming the key', async () => {
    const path = join(dir, 'results.jsonl');
    await runTasks({ ...base, tasks: grid.slice(0, 1), resume: false, resultsPath: path });
    await expect(runTasks({ ...base, runSeed: 8, resume: true, resultsPath: path })).rejects.toThrow(/line 1: task .* ran with seed \d+, but run seed 8 gives \d+; resume with the same --seed/);
  });

  it('leaves a consistent file when a task throws, and resume finishes it', async () => {
    const reference = await referenceFile();
    const path = join(dir, 'throws', 'results.jsonl');
    let calls = 0;
    const failing = (t: (typeof grid)[number], s: number) => {
      if (++calls === 11) throw new Error('boom');
      return demoRun(t, s);
    };
    await expect(runTasks({ ...base, resume: false, resultsPath: path, run: failing })).rejects.toThrow('boom');
    expect(lineCount(path)).toBe(10);
    await runTasks({ ...base, resume: true, resultsPath: path });
    expect(readFileSync(path, 'utf8')).toBe(reference);
  });
});
