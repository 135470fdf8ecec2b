/**
 * Worker-pool handler of the bench's multi-core figures (one worker per core, as the acceptance
 * harness runs its tasks): each worker starts its own backend and times one job at a time.
 */
import '@tensorflow/tfjs';
import * as tf from '@tensorflow/tfjs-core';
import { layerVariances } from '../experiments/figure2/layerVariances.ts';
import { initialiseMatrices } from '../experiments/figures/initialiseMatrices.ts';
import { trainNetwork, type LabelledData } from '../experiments/trainNetwork.ts';
import { initBackend } from '../network/backend.ts';
import { initBlas } from '../blas/initBlas.ts';
import { buildNetwork } from '../network/buildNetwork.ts';
import { INITIALISERS } from '../network/init/initialisers.ts';
import { referenceWidths } from '../network/referenceWidths.ts';

export interface BenchWorkerInit {
  readonly backend?: string;
  /** Resolved BLAS library (path or 'off'); each worker uses 1 BLAS thread (workers × 1 ≤ cores). */
  readonly blas?: string;
  /** Training images (SharedArrayBuffer-backed: shared, not copied). */
  readonly train: LabelledData;
}

export type BenchWorkerInput =
  | { readonly kind: 'fig2'; readonly count: number; readonly width: number; readonly depth: number; readonly networks: number; readonly perGemm: number; readonly seed: number }
  | { readonly kind: 'train'; readonly width: number; readonly depth: number; readonly steps: number; readonly batch: number; readonly seed: number };

/** Seconds of the timed part, and for training its steps/s. */
export interface BenchWorkerOutput {
  readonly seconds: number;
  readonly rate: number;
}

/** The networks of fig2: He-normal, width × depth, seeds seed, seed + 1, …. */
export function fig2Networks(options: { readonly size: number; readonly width: number; readonly depth: number; readonly networks: number; readonly seed: number }) {
  const widths = referenceWidths({ inputSize: options.size, width: options.width, depth: options.depth });
  return Array.from({ length: options.networks }, (_, k) => initialiseMatrices({ widths, init: 'he-normal', seed: options.seed + k }).matrices);
}

/**
 * Times `steps` Adam steps (batch `batch`) after 2 warm-up steps on a fresh He-normal network;
 * `trainNetwork` also scores a 10-example test set after each call (negligible, as in benchTrainStep).
 */
export function timeTrainSteps(train: LabelledData, o: { readonly width: number; readonly depth: number; readonly steps: number; readonly batch: number; readonly seed: number }, keep?: (net: ReturnType<typeof buildNetwork>) => void): BenchWorkerOutput {
  const net = buildNetwork({ widths: referenceWidths({ inputSize: train.size, width: o.width, depth: o.depth }), initialiser: INITIALISERS['he-normal'], slope: 0, seed: o.seed, trainable: true });
  const tiny: LabelledData = { values: train.values.subarray(0, 10 * train.size), labels: train.labels.subarray(0, 10), count: 10, size: train.size };
  try {
    trainNetwork({ network: net, train, test: tiny, learningRate: 1e-5, seed: o.seed, steps: 2, batchSize: o.batch });
    const t0 = performance.now();
    trainNetwork({ network: net, train, test: tiny, learningRate: 1e-5, seed: o.seed + 1, steps: o.steps, batchSize: o.batch });
    const seconds = (performance.now() - t0) / 1000;
    keep?.(net);
    return { seconds, rate: o.steps / seconds };
  } finally {
    if (keep === undefined) tf.dispose(net.parameters as tf.Tensor[]);
  }
}

export async function createHandler(init: BenchWorkerInit): Promise<(input: BenchWorkerInput) => Promise<BenchWorkerOutput>> {
  await initBackend({ requested: init.backend, env: {} });
  initBlas({ requested: init.blas, env: init.blas === undefined ? process.env : {}, threads: 1 });
  const { train } = init;
  return async (input) => {
    if (input.kind === 'fig2') {
      const networks = fig2Networks({ size: train.size, width: input.width, depth: input.depth, networks: input.networks, seed: input.seed });
      const count = Math.min(input.count, train.count);
      const t0 = performance.now();
      layerVariances({ images: train.values.subarray(0, count * train.size), count, size: train.size, networks, networksPerGemm: input.perGemm });
      const seconds = (performance.now() - t0) / 1000;
      return { seconds, rate: input.networks / seconds };
    }
    return timeTrainSteps(train, input);
  };
}
