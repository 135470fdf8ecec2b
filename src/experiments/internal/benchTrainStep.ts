/**
 * Measurement script (not part of the library): training steps/s and test-evaluation time on the
 * current backend with random CIFAR-shaped data. Run: `npx tsx src/experiments/internal/benchTrainStep.ts [wasm] [configs]`
 * configs like `10x100,200x100,200x500`. Optional `profile` argument prints per-kernel times.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs';
import { initBackend } from '../../network/backend.ts';
import { buildNetwork } from '../../network/buildNetwork.ts';
import { referenceWidths } from '../../network/referenceWidths.ts';
import { INITIALISERS } from '../../network/init/initialisers.ts';
import { forward } from '../../network/forward.ts';
import { trainNetwork, type LabelledData } from '../trainNetwork.ts';
import { evaluateAccuracy } from '../evaluateAccuracy.ts';

function randomData(count: number, size: number, seed: number): LabelledData {
  let s = seed >>> 0;
  const next = (): number => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const values = new Float32Array(count * size);
  for (let i = 0; i < values.length; i++) values[i] = next() * 2 - 1;
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) labels[i] = Math.floor(next() * 10);
  return { values, labels, count, size };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  await initBackend({ requested: args[0] ?? 'wasm' });
  const configs = (args[1] ?? '10x100,200x100,200x500').split(',').map((c) => c.split('x').map(Number) as [number, number]);
  const profile = args.includes('profile');
  const evalToo = !args.includes('noeval');
  const train = randomData(2000, 3072, 1);
  const tinyTest = randomData(10, 3072, 2);
  const test = randomData(10000, 3072, 3);
  console.log(`backend ${tf.getBackend()}`);
  for (const [width, depth] of configs) {
    const build = () => buildNetwork({ widths: referenceWidths({ inputSize: 3072, width, depth }), initialiser: INITIALISERS['he-normal'], slope: 0, seed: 1, trainable: true });
    const net = build();
    const steps = width <= 10 ? 60 : depth >= 500 ? 6 : 15;
    trainNetwork({ network: net, train, test: tinyTest, learningRate: 1e-5, seed: 1, steps: 3 }); // warm-up
    const t0 = performance.now();
    const r = trainNetwork({ network: net, train, test: tinyTest, learningRate: 1e-5, seed: 1, steps });
    const dt = (performance.now() - t0) / 1000;
    console.log(`w${width} d${depth}: ${(steps / dt).toFixed(2)} steps/s (${(dt / steps).toFixed(4)} s/step), finalLoss ${r.finalLoss.toFixed(6)}, status ${r.status}`);
    if (profile) {
      const x = tf.tensor2d(train.values.subarray(0, 90 * 3072), [90, 3072]);
      const y = tf.oneHot(tf.tensor1d(Array.from(train.labels.subarray(0, 90)), 'int32'), 10).toFloat();
      const fwd = () => tf.tidy(() => forward(net, x).output.dataSync());
      fwd();
      let t = performance.now();
      for (let i = 0; i < 3; i++) fwd();
      console.log(`  forward only: ${((performance.now() - t) / 3 / 1000).toFixed(4)} s`);
      const fb = () => { const { value, grads } = tf.variableGrads(() => tf.losses.softmaxCrossEntropy(y, forward(net, x).output) as tf.Scalar, net.parameters as tf.Variable[]); value.dataSync(); tf.dispose([value, ...Object.values(grads)]); };
      fb();
      t = performance.now();
      for (let i = 0; i < 3; i++) fb();
      console.log(`  forward+backward: ${((performance.now() - t) / 3 / 1000).toFixed(4)} s`);
      const info = await tf.profile(() => { fb(); });
      const byKernel = new Map<string, { ms: number; n: number }>();
      for (const k of info.kernels) {
        const e = byKernel.get(k.name) ?? { ms: 0, n: 0 };
        e.ms += (await k.kernelTimeMs) as number; e.n++;
        byKernel.set(k.name, e);
      }
      console.log('  kernels:', [...byKernel].sort((a, b) => b[1].ms - a[1].ms).slice(0, 10).map(([k, e]) => `${k} ${e.ms.toFixed(1)}ms/${e.n}`).join(', '));
      tf.dispose([x, y]);
    }
    if (evalToo && depth === 100) {
      evaluateAccuracy({ network: net, data: randomData(1000, 3072, 4) });
      const te = performance.now();
      const acc = evaluateAccuracy({ network: net, data: test });
      console.log(`  eval 10000: ${((performance.now() - te) / 1000).toFixed(3)} s (acc ${acc.accuracy})`);
    }
    tf.dispose(net.parameters as tf.Tensor[]);
    console.log(`  tensors alive ${tf.memory().numTensors}`);
  }
}
main().catch((e) => { console.error(e); process.exit(1); });
