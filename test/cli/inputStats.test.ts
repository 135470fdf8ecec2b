import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/args.ts';
import { inputStatsCommand, type InputStatsOptions } from '../../src/cli/inputStatsCommand.ts';
import { loadCifar10 } from '../../src/data/loadCifar10.ts';
import { DataError } from '../../src/data/types.ts';

async function run(options: InputStatsOptions) {
  let stdout = '';
  let stderr = '';
  const code = await inputStatsCommand(options, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, env: {} });
  return { code, stdout, stderr };
}

/** Whether a CIFAR-10 copy is found from here (the stand-in is beside the repository on the project's machines). */
function cifar10Available(): boolean {
  try {
    loadCifar10({ env: {} });
    return true;
  } catch (error) {
    if (error instanceof DataError) return false;
    throw error;
  }
}
const hasCifar10 = cifar10Available();
if (!hasCifar10) console.warn('vv input-stats: no CIFAR-10 copy found (./data, ../shared stand-in): its test is skipped');

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('vv input-stats', () => {
  it('--dataset mnist --json: exact statistics, channel moments and the four published pairs with verdicts', async () => {
    const { code, stdout } = await run({ dataset: 'mnist', json: true });
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc).toMatchObject({ dataset: 'MNIST', preprocessing: 'authors', fanIn: 784, images: 60000 });
    expect(Object.keys(doc)).toEqual(expect.arrayContaining(['dataset', 'preprocessing', 'channels', 'sigma2', 'kappa0', 'c0', 'c0_normalized', 'published']));
    expect(doc.monteCarlo).toBeUndefined();
    expect(doc.channels).toHaveLength(1);
    expect(doc.channels[0].variance).toBeCloseTo(1.0000507, 6);
    expect(doc.kappa0).toBeCloseTo(3.2886664, 6);
    expect(doc.c0_normalized).toBeCloseTo(0.0962221, 6);
    expect(doc.published).toHaveLength(4);
    const v = Object.fromEntries(doc.published.map((p: { source: string; publishedFor: string; verdict: string }) => [`${p.source}/${p.publishedFor}`, p.verdict]));
    expect(v).toEqual({ 'paper/mnist': 'disagrees', 'code/mnist': 'agrees', 'paper/cifar10': 'agrees', 'code/cifar10': 'disagrees' });
    for (const p of doc.published) expect(Object.keys(p.delta)).toEqual(['kappa0', 'c0Raw', 'c0RawUnitGain', 'c0Normalized']);
  });

  it('--preprocessing standardize and --weight-dist rademacher change what they should (σ² = 2; κ0 by (κ_w − 3)E Σx⁴/(E‖x‖²)²)', async () => {
    const a = JSON.parse((await run({ dataset: 'mnist', preprocessing: 'standardize', json: true })).stdout);
    expect(a.preprocessing).toBe('standardize');
    expect(a.sigma2).toBeCloseTo(2, 7);
    const b = JSON.parse((await run({ dataset: 'mnist', preprocessing: 'standardize', weightDist: 'rademacher', json: true })).stdout);
    expect(b.weightKurtosis).toBe(1);
    expect(b.c0).toBeCloseTo(a.c0, 12); // c0 does not depend on κ_w
    expect(b.kappa0).toBeLessThan(a.kappa0);
  });

  it('--monte-carlo N: a real tfjs cross-check in the JSON; the text report names the verdicts', async () => {
    const { code, stdout, stderr } = await run({ dataset: 'mnist', json: true, monteCarlo: '4000', seed: '5', backend: 'wasm' });
    expect(code).toBe(0);
    expect(stderr).toMatch(/^backend: wasm/);
    const doc = JSON.parse(stdout);
    expect(doc.monteCarlo).toMatchObject({ backend: 'wasm', draws: 4000, seed: 5, fanOut: 8 });
    expect(doc.monteCarlo.decision).not.toBe('rejected');
    const text = (await run({ dataset: 'mnist' })).stdout;
    expect(text).toMatch(/κ0 = 3\.28866/);
    expect(text).toMatch(/code mnist \(this data set\).*agrees/);
  }, 60000);

  it.skipIf(!hasCifar10)('CIFAR-10 (stand-in): labelled as such; the JPEG margin enters the tolerances', async () => {
    const doc = JSON.parse((await run({ dataset: 'cifar10', json: true })).stdout);
    expect(doc.dataset).toMatch(/CIFAR-10/);
    expect(doc.channels).toHaveLength(3);
    if (/JPEG/.test(doc.dataset)) expect(doc.tolerance.jpegMargin).not.toBeNull();
  }, 60000);

  it('bad input: UsageError naming the option; bad data: DataError', async () => {
    await expect(run({})).rejects.toThrow(UsageError);
    await expect(run({ dataset: 'svhn' })).rejects.toThrow(/--dataset/);
    await expect(run({ dataset: 'mnist', preprocessing: 'zscore' })).rejects.toThrow(/--preprocessing/);
    await expect(run({ dataset: 'mnist', weightDist: 'cauchy' })).rejects.toThrow(/--weight-dist/);
    await expect(run({ dataset: 'mnist', monteCarlo: '1' })).rejects.toThrow(/--monte-carlo/);
    const empty = mkdtempSync(join(tmpdir(), 'vv-input-stats-'));
    dirs.push(empty);
    await expect(run({ dataset: 'mnist', dataDir: empty })).rejects.toThrow(DataError);
  });
});
