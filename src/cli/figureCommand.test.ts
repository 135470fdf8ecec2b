import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from './main.ts';

// The acceptance harness end to end on the smoke scale (a pipeline check: its verdicts may be
// inconclusive). Figure 1 on MNIST (8 short training runs) is the job used for kill/resume and
// shard/merge; `vv acceptance --scale smoke` runs every figure (CIFAR-10 ones are skipped, and
// say so, when no copy of CIFAR-10 is found).
const repoRoot = resolve(fileURLToPath(new URL('../../', import.meta.url)));
const vv = join(repoRoot, 'bin', 'vv.mjs');
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vv-fig-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function collect() {
  let text = '';
  return { write: (s: string) => void (text += s), get text() {
    return text;
  } };
}

async function run(args: string[]) {
  const stdout = collect();
  const stderr = collect();
  const code = await main(args, { stdout, stderr, cwd: dir, env: { VV_BACKEND: 'wasm' } });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

const lines = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8').split('\n').length - 1 : 0);

/** Runs `vv fig1 … --out OUT` in a child and SIGKILLs it once `after` records are on disk. */
function killAfter(out: string, after: number): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [vv, 'fig1', '--dataset', 'mnist', '--scale', 'smoke', '--jobs', '1', '--backend', 'wasm', '--out', out], { cwd: dir, stdio: 'ignore' });
    const path = join(out, 'results.jsonl');
    const poll = setInterval(() => {
      if (lines(path) >= after) {
        clearInterval(poll);
        child.kill('SIGKILL');
      }
    }, 20);
    child.on('error', fail);
    child.on('exit', () => {
      clearInterval(poll);
      done();
    });
  });
}

describe('vv fig1 / merge / acceptance (smoke scale)', () => {
  it('runs Figure 1 on MNIST with worker threads: results.jsonl, SVGs, summary with verdicts', async () => {
    const r = await run(['fig1', '--dataset', 'mnist', '--scale', 'smoke', '--jobs', '2', '--out', 'full']);
    expect(r.code, r.stderr).toBe(0);
    expect(lines(join(dir, 'full', 'results.jsonl'))).toBe(8);
    // Every record names the GEMM that computed it, the one the run printed.
    const records = readFileSync(join(dir, 'full', 'results.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { result: { blas?: string } });
    const line = /^blas: .*$/m.exec(r.stderr)?.[0] ?? '';
    const provider = /^blas: (\w+)/.exec(line)?.[1];
    const kernel = /, kernel ([^,]+),/.exec(line)?.[1];
    const threads = /, (\d+) thread/.exec(line)?.[1];
    expect(provider, r.stderr).toBeDefined();
    const expected = provider === 'wasm' ? 'wasm' : `${provider}${kernel === undefined ? '' : ` ${kernel}`}, ${threads} thread${threads === '1' ? '' : 's'}`;
    for (const record of records) expect(record.result.blas).toBe(expected);
    expect(readFileSync(join(dir, 'full', 'fig1-mnist.svg'), 'utf8')).toMatch(/^<svg/);
    const summary = JSON.parse(readFileSync(join(dir, 'full', 'summary.json'), 'utf8')) as { claims: { verdict: string }[]; runs: { kurtosis: number }[] };
    expect(summary.claims.length).toBeGreaterThanOrEqual(2);
    for (const c of summary.claims) expect(['supported', 'refuted', 'inconclusive']).toContain(c.verdict);
    expect(summary.runs.every((x) => x.kurtosis >= 1)).toBe(true);
    expect(r.stdout).toContain('fig1-mnist: 8 tasks');
  }, 120_000);

  it('a run killed with SIGKILL and resumed ends with the uninterrupted run\'s results file', async () => {
    const out = join(dir, 'killed');
    await killAfter(out, 2);
    const partial = lines(join(out, 'results.jsonl'));
    expect(partial).toBeGreaterThanOrEqual(2);
    expect(partial).toBeLessThan(8);
    const again = await run(['fig1', '--dataset', 'mnist', '--scale', 'smoke', '--jobs', '1', '--out', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/pass --resume/);
    const resumed = await run(['fig1', '--dataset', 'mnist', '--scale', 'smoke', '--jobs', '2', '--out', out, '--resume']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(readFileSync(join(out, 'results.jsonl'), 'utf8')).toBe(readFileSync(join(dir, 'full', 'results.jsonl'), 'utf8'));
  }, 120_000);

  it('two shards merged equal the unsharded run, and the merge writes the figure', async () => {
    for (const k of ['1/2', '2/2']) {
      const r = await run(['fig1', '--dataset', 'mnist', '--scale', 'smoke', '--jobs', '1', '--shard', k, '--out', `shard${k[0]}`]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain('shard done');
    }
    expect(lines(join(dir, 'shard1', 'results.jsonl'))).toBe(4);
    const m = await run(['merge', 'shard1', 'shard2', '--out', 'merged']);
    expect(m.code, m.stderr).toBe(0);
    expect(readFileSync(join(dir, 'merged', 'results.jsonl'), 'utf8')).toBe(readFileSync(join(dir, 'full', 'results.jsonl'), 'utf8'));
    expect(existsSync(join(dir, 'merged', 'fig1-mnist.svg'))).toBe(true);
    const partial = await run(['merge', 'shard1', '--out', 'half']);
    expect(partial.code).toBe(2);
    expect(partial.stderr).toMatch(/merge: shard 2\/2 is missing/);
    expect(existsSync(join(dir, 'half'))).toBe(false);
  }, 120_000);

  it("the progress line counts the shard's own tasks: 8 tasks in 3 shards are 3, 3 and 2", async () => {
    const r = await run(['fig1', '--dataset', 'mnist', '--scale', 'smoke', '--jobs', '1', '--shard', '3/3', '--out', 'shard3of3']);
    expect(r.code, r.stderr).toBe(0);
    expect(lines(join(dir, 'shard3of3', 'results.jsonl'))).toBe(2);
    expect(r.stderr).toMatch(/fig1-mnist: 2\/2 tasks \(100%\)/);
    expect(r.stderr).not.toMatch(/\/3 tasks/);
  }, 120_000);

  it('rejects bad input with one line and exit 2, writing nothing', async () => {
    const cases: [string[], RegExp][] = [
      [['fig1', '--dataset', 'mnist', '--out', 'bad'], /--scale is required/],
      [['fig1', '--dataset', 'svhn', '--scale', 'smoke', '--out', 'bad'], /--dataset must be mnist or cifar10, got 'svhn'/],
      [['fig3', '--width', '20', '--scale', 'smoke', '--out', 'bad'], /--width must be 10 or 200/],
      [['fig2', '--scale', 'huge', '--out', 'bad'], /--scale must be one of smoke, reduced, paper, got 'huge'/],
      [['fig1', '--dataset', 'mnist', '--scale', 'smoke', '--shard', '3/2', '--out', 'bad'], /--shard '3\/2'/],
      [['fig1', '--dataset', 'mnist', '--scale', 'smoke', '--jobs', '0', '--out', 'bad'], /--jobs must be >= 1/],
      [['merge', 'nowhere', '--out', 'bad'], /nowhere/],
      [['fig2', '--scale', 'smoke', '--init', 'he-normal', 'kaiming', '--out', 'bad'], /--init must be among he-normal, .*got 'kaiming'/],
      [['fig1', '--dataset', 'mnist', '--scale', 'smoke', '--blas', '/nonexistent/libopenblas.so', '--out', 'bad'], /vv: error: --blas: cannot load \/nonexistent\/libopenblas\.so/],
    ];
    for (const [args, message] of cases) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n').filter((l) => l.startsWith('vv: error')).length).toBe(1);
    }
    expect(existsSync(join(dir, 'bad'))).toBe(false);
  }, 60_000);

  it('vv acceptance --scale smoke writes acceptance.json (a verdict on every claim), acceptance.md and the SVGs', async () => {
    const r = await run(['acceptance', '--scale', 'smoke', '--out', 'acc']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'acc', 'acceptance.json'), 'utf8')) as {
      scale: string;
      blas: { provider: string; threads: number | null };
      figures: { name: string; status: string; svgs: string[] }[];
      claims: { id: string; verdict: string; statistics: object; method: string }[];
    };
    expect(report.scale).toBe('smoke');
    expect(report.blas.provider).toMatch(/^(openblas|blis|mkl|accelerate|cblas|wasm)$/); // recorded like the backend
    expect(r.stderr).toMatch(/^blas: /m);
    expect(report.figures.map((f) => f.name)).toEqual(['fig1-mnist', 'fig1-cifar10', 'fig2', 'fig3-w10', 'fig3-w200']);
    for (const f of report.figures) {
      expect(['complete', 'unavailable']).toContain(f.status);
      for (const svg of f.svgs) {
        expect(readFileSync(svg, 'utf8')).toMatch(/^<svg/);
        expect(readFileSync(svg.replace(/\.svg$/, '.png')).subarray(1, 4).toString('latin1')).toBe('PNG'); // a PNG beside every SVG
      }
    }
    expect(report.figures[0]!.status).toBe('complete'); // MNIST ships with the package
    expect(report.claims.length).toBeGreaterThanOrEqual(2);
    for (const c of report.claims) {
      expect(['supported', 'refuted', 'inconclusive']).toContain(c.verdict);
      expect(c.method.length).toBeGreaterThan(10);
    }
    const md = readFileSync(join(dir, 'acc', 'acceptance.md'), 'utf8');
    for (const c of report.claims) expect(md).toContain(c.id);
    expect(report).toMatchObject({ seed: 20261124, backend: 'wasm', version: expect.stringMatching(/^\d+\.\d+\.\d+/), shard: null, mergedFrom: null });
    expect(md).toMatch(/seed 20261124, backend wasm, version \d+\.\d+\.\d+/);
  }, 600_000);

  it('vv acceptance --shard 1/2 and 2/2, then vv merge: the unsharded report, figure by figure', async () => {
    for (const k of ['1/2', '2/2']) {
      const r = await run(['acceptance', '--scale', 'smoke', '--shard', k, '--out', `acc-s${k[0]}`]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain(`shard ${k} done`);
    }
    const shard = JSON.parse(readFileSync(join(dir, 'acc-s1', 'acceptance.json'), 'utf8')) as { shard: unknown; claims: unknown[] };
    expect(shard).toMatchObject({ shard: { index: 1, count: 2 }, claims: [] });
    const wrong = await run(['merge', 'acc-s1', join('acc-s1', 'fig1-mnist'), '--out', 'acc-bad']); // an acceptance shard with a Figure 1 shard
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/merge: figure differs: acc-s1\/fig1-mnist has fig1-mnist, acc-s1 has acceptance/);
    expect(existsSync(join(dir, 'acc-bad'))).toBe(false);
    const m = await run(['merge', 'acc-s1', 'acc-s2', '--out', 'acc-merged', '--json']);
    expect(m.code, m.stderr).toBe(0);
    const result = JSON.parse(m.stdout) as { figure: string; shards: unknown[]; complete: boolean; report: { json: string } };
    expect(result).toMatchObject({ figure: 'acceptance', scale: 'smoke', seed: 20261124 });
    expect(result.shards).toHaveLength(2);
    type Report = { figures: { name: string; status: string; tasks: number }[]; claims: unknown[]; verdicts: unknown; mergedFrom: number | null };
    const whole = JSON.parse(readFileSync(join(dir, 'acc', 'acceptance.json'), 'utf8')) as Report;
    const merged = JSON.parse(readFileSync(result.report.json, 'utf8')) as Report;
    expect(merged.mergedFrom).toBe(2);
    expect(merged.figures.map((f) => [f.name, f.status, f.tasks])).toEqual(whole.figures.map((f) => [f.name, f.status, f.tasks]));
    expect(merged.claims).toEqual(whole.claims);
    expect(merged.verdicts).toEqual(whole.verdicts);
    for (const f of whole.figures.filter((x) => x.status === 'complete'))
      expect(readFileSync(join(dir, 'acc-merged', f.name, 'results.jsonl'), 'utf8'), f.name).toBe(readFileSync(join(dir, 'acc', f.name, 'results.jsonl'), 'utf8'));
    expect(readFileSync(join(dir, 'acc-merged', 'acceptance.md'), 'utf8')).toMatch(/summed over the 2 merged shards/);
  }, 600_000);
});
