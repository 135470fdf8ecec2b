import * as tf from '@tensorflow/tfjs-core';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initBlas } from '../../blas/initBlas.ts';
import { gemmModesForTests } from '../../blas/internal/systemBlasForTests.ts';
import { normal } from '../../distributions/normal.ts';
import { initBackend } from '../../network/backend.ts';
import { buildNetwork } from '../../network/buildNetwork.ts';
import { INITIALISERS } from '../../network/init/initialisers.ts';
import { referenceWidths } from '../../network/referenceWidths.ts';
import { createBatchSampler } from '../internal/createBatchSampler.ts';
import { trainNetwork, type LabelledData } from '../trainNetwork.ts';

const SCRIPT = fileURLToPath(new URL('../../../test/torch/fused_train_diff.py', import.meta.url));
/** Interpreters tried: $VV_PYTHON, python3 on PATH (maybe a pyenv/venv without Debian's packages), /usr/bin/python3. */
const PYTHON = [process.env.VV_PYTHON, 'python3', '/usr/bin/python3'].find((p) => p !== undefined && p !== '' && spawnSync(p, ['-c', 'import torch, numpy'], { stdio: 'ignore' }).status === 0) ?? null;
if (PYTHON === null) process.stderr.write("PyTorch differential test skipped: no python3 imports torch and numpy (apt-get install -y python3-torch; or set VV_PYTHON)\n");

const INPUT = 24;
const CLASSES = 10;
const STEPS = 50;
const BATCH = 20;
const SEED = 20261124;
const LR = 1e-3;

/** Ten Gaussian clusters in R²⁴ (unit variance, centres 2.5·e_c): learnable, not trivially. */
function clusters(count: number, seed: number): LabelledData {
  const rng = xoroshiro128plus(seed);
  const z = normal();
  const values = new Float32Array(count * INPUT);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    labels[i] = (i * 7) % CLASSES;
    for (let j = 0; j < INPUT; j++) values[i * INPUT + j] = z.sample(rng) + (j === labels[i] ? 2.5 : 0);
  }
  return { values, labels, count, size: INPUT };
}
// 410 examples in batches of 20: 20 full batches and one of 10 per epoch; 50 steps cross 2 epoch ends.
const TRAIN = clusters(410, 1);
const TEST = clusters(500, 2);
const WIDTHS = referenceWidths({ inputSize: INPUT, width: 16, depth: 4 });

let dir = '';
beforeAll(async () => {
  await initBackend({ requested: 'wasm' });
  dir = mkdtempSync(join(tmpdir(), 'vv-torch-diff-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes the network, data and trainNetwork's own batches (same sampler, same seed), runs PyTorch. */
function runTorch(weights: readonly Float32Array[], learningRate: number): { losses: number[]; correct: number; count: number; accuracy: number; torch: string } {
  const rng = xoroshiro128plus((SEED >>> 0) ^ Math.floor(SEED / 2 ** 32));
  const sampler = createBatchSampler({ count: TRAIN.count, batchSize: BATCH, rng });
  const batches = Array.from({ length: STEPS }, () => [...sampler.next()]);
  const raw = (a: Float32Array | Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  writeFileSync(join(dir, 'spec.json'), JSON.stringify({ widths: WIDTHS, biases: true, learningRate, beta1: 0.9, beta2: 0.999, epsilon: 1e-8, batches }));
  weights.forEach((w, i) => {
    writeFileSync(join(dir, `w${i + 1}.f32`), raw(w));
    writeFileSync(join(dir, `b${i + 1}.f32`), raw(new Float32Array(WIDTHS[i + 1]!)));
  });
  writeFileSync(join(dir, 'train_x.f32'), raw(TRAIN.values));
  writeFileSync(join(dir, 'train_y.u8'), raw(TRAIN.labels));
  writeFileSync(join(dir, 'test_x.f32'), raw(TEST.values));
  writeFileSync(join(dir, 'test_y.u8'), raw(TEST.labels));
  const r = spawnSync(PYTHON!, [SCRIPT, dir], { encoding: 'utf8', env: { ...process.env } });
  if (r.status !== 0) throw new Error(`fused_train_diff.py failed (exit ${String(r.status)}): ${r.stderr}`);
  return JSON.parse(r.stdout) as ReturnType<typeof runTorch>;
}

/** Steps whose losses differ by more than 1e-5 relative. */
const offSteps = (a: readonly number[], b: readonly number[]) => a.flatMap((x, i) => (Math.abs(x - b[i]!) <= 1e-5 * Math.abs(b[i]!) ? [] : [{ step: i + 1, ours: x, torch: b[i]! }]));

describe.skipIf(PYTHON === null).each(gemmModesForTests())('fused engine against PyTorch 1.13 (same weights, same batches), GEMM $name', ({ gemm }) => {
  it('50 Adam steps: the same loss trajectory (relative 1e-5) and the same test accuracy; lr × 1.01 on the PyTorch side is told apart', () => {
    initBlas(gemm.info.provider === 'wasm' ? { requested: 'off' } : { requested: gemm.info.library!, threads: 1 });
    const network = buildNetwork({ widths: WIDTHS, initialiser: INITIALISERS['he-normal'], slope: 0, seed: 3, trainable: true });
    const initial = network.matrices.map((m) => m.data);
    const losses: number[] = [];
    const ours = trainNetwork({ network, train: TRAIN, test: TEST, steps: STEPS, batchSize: BATCH, learningRate: LR, seed: SEED, onStep: ({ loss }) => losses.push(loss) });
    tf.dispose([...network.parameters]);
    expect(ours.engine).toBe('fused');
    const torch = runTorch(initial, LR);
    expect(torch.losses).toHaveLength(STEPS);
    expect(torch.losses[STEPS - 1]!).toBeLessThan(torch.losses[0]! * 0.9); // it does learn
    const worst = Math.max(...losses.map((x, i) => Math.abs(x - torch.losses[i]!) / Math.abs(torch.losses[i]!)));
    console.log(`${gemm.info.provider}: largest relative loss difference over ${STEPS} steps ${worst.toExponential(2)}; accuracy ${ours.accuracy} vs torch ${torch.accuracy}`);
    expect(offSteps(losses, torch.losses), `seed ${SEED}, torch ${torch.torch}`).toEqual([]);
    expect(Math.round(ours.accuracy! * TEST.count)).toBe(torch.correct);
    // Teeth: PyTorch with a 1% larger learning rate leaves the 1e-5 band within 50 steps.
    const perturbed = runTorch(initial, LR * 1.01);
    expect(offSteps(losses, perturbed.losses).length).toBeGreaterThan(0);
  });
});
