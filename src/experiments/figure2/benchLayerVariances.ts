/**
 * Throughput of {@link layerVariances} on random He-normal networks (widths [3072, 10×100, 10],
 * ReLU) and random float32 images; no dataset needed. Prints networks/second for the whole call
 * and the split first Linear (the shared GEMM) vs hidden Linears (SIMD kernel + statistics).
 *
 *   npx tsx src/experiments/figure2/benchLayerVariances.ts [--images N] [--networks B] [--chunk C] [--per-gemm G] [--kernel simd|js] [--backend wasm|cpu]
 */
import * as tf from '@tensorflow/tfjs-core';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { initBackend } from '../../network/backend.ts';
import { INITIALISERS } from '../../network/init/initialisers.ts';
import type { WeightMatrix } from '../../network/init/types.ts';
import { layerVariances } from './layerVariances.ts';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1]! : fallback;
}

const count = Number(arg('images', '50000'));
const networksCount = Number(arg('networks', '32'));
const chunkSize = Number(arg('chunk', '2048'));
const perGemm = Number(arg('per-gemm', '32'));
const kernel = arg('kernel', 'auto') as 'auto' | 'simd' | 'js';
await initBackend({ requested: arg('backend', 'wasm') });

const size = 3072;
const widths = [size, ...Array.from({ length: 100 }, () => 10), 10];
const rng = xoroshiro128plus(20260101);
const networks: WeightMatrix[][] = Array.from({ length: networksCount }, () =>
  widths.slice(1).map((fanOut, l) =>
    INITIALISERS['he-normal']({ fanIn: widths[l]!, fanOut, layerIndex: l, layerCount: widths.length - 1, slope: 0, rng }),
  ),
);
const images = new Float32Array(count * size);
for (let i = 0; i < images.length; i++) images[i] = Math.random() * 2 - 1;

const opts = { images, count, size, chunkSize, networksPerGemm: perGemm, kernel };
const tensorsBefore = tf.memory().numTensors;
// warm-up (module generation, JIT)
layerVariances({ ...opts, count: Math.min(count, 4096), images: images.subarray(0, Math.min(count, 4096) * size), networks: networks.slice(0, Math.min(2, networksCount)) });
const rssBefore = process.memoryUsage().rss;
let t0 = performance.now();
const result = layerVariances({ ...opts, networks });
const total = (performance.now() - t0) / 1000;
const rssAfter = process.memoryUsage().rss;

// first layer alone: the same call with one-layer networks
t0 = performance.now();
layerVariances({ ...opts, networks: networks.map((n) => n.slice(0, 1)) });
const firstOnly = (performance.now() - t0) / 1000;

console.log(`backend ${tf.getBackend()}, kernel ${kernel}, ${count} images, ${networksCount} networks, chunk ${chunkSize}, per GEMM ${perGemm}`);
console.log(`total ${total.toFixed(3)} s = ${(networksCount / total).toFixed(2)} networks/s (${((1000 * total) / networksCount).toFixed(1)} ms/network)`);
console.log(`first Linear ≈ ${firstOnly.toFixed(3)} s (${((2 * count * size * 10 * networksCount) / firstOnly / 1e9).toFixed(1)} GFLOP/s), hidden + statistics ≈ ${(total - firstOnly).toFixed(3)} s (${((2 * count * 100 * 101 * networksCount) / (total - firstOnly) / 1e9).toFixed(1)} GFLOP/s)`);
console.log(`rss ${(rssBefore / 2 ** 20).toFixed(0)} → ${(rssAfter / 2 ** 20).toFixed(0)} MiB (images ${(images.byteLength / 2 ** 20).toFixed(0)} MiB), tensors leaked ${tf.memory().numTensors - tensorsBefore}`);
console.log(`network 0 variances, layers 0, 1, 50, 100: ${[0, 1, 50, 100].map((l) => result[0]![l]!.toExponential(3)).join(', ')}`);
