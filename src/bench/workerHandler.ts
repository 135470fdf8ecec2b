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

/** Seconds of the timed part, and for training its steps/s (steady state), the per-call overhead and the engine. */
export interface BenchWorkerOutput {
  readonly seconds: number;
  readonly rate: number;
  /** Training: seconds per trainNetwork call beyond its steps (weights in and out, engine set-up, a 10-image score). */
  readonly overheadSeconds?: number;
  readonly engine?: 'fused' | 'tfjs';
}

/** The networks of fig2: He-normal, width × depth, seeds seed, seed + 1, …. */
export function fig2Networks(options: { readonly size: number; readonly width: number; readonly depth: number; readonly networks: number; readonly seed: number }) {
  const widths = referenceWidths({ inputSize: options.size, width: options.width, depth: options.depth });
  return Array.from({ length: options.networks }, (_, k) => initialiseMatrices({ widths, init: 'he-normal', seed: options.seed + k }).matrices);
}

const tinyTest = (train: LabelledData): LabelledData => ({ values: train.values.subarray(0, 10 * train.size), labels: train.labels.subarray(0, 10), count: 10, size: train.size });

/** Seconds of one trainNetwork call, the engine it used, and when each step ended (ms, performance.now). */
function timedTrain(net: ReturnType<typeof buildNetwork>, train: LabelledData, test: LabelledData, steps: number, batch: number, seed: number): { seconds: number; engine: 'fused' | 'tfjs'; stepEnds: number[] } {
  const stepEnds: number[] = [];
  const t0 = performance.now();
  const r = trainNetwork({ network: net, train, test, learningRate: 1e-5, seed, steps, batchSize: batch, onStep: () => stepEnds.push(performance.now()) });
  return { seconds: (performance.now() - t0) / 1000, engine: r.engine, stepEnds };
}

/**
 * Steady-state Adam steps/s (batch `batch`) on a fresh He-normal network, as PyTorch's side times
 * its step loop: after 2 warm-up steps, one `trainNetwork` call of 1 + steps steps, timed from the
 * end of its first step to the end of its last (its `onStep` callback), so that the per-call work
 * a Figure-3 run pays once (weights into and out of the engine, its set-up, the test score — here
 * of 10 images) is reported apart (`overheadSeconds`: the call's time beyond 1 + steps steps).
 */
export function timeTrainSteps(train: LabelledData, o: { readonly width: number; readonly depth: number; readonly steps: number; readonly batch: number; readonly seed: number }, keep?: (net: ReturnType<typeof buildNetwork>) => void): BenchWorkerOutput {
  const net = buildNetwork({ widths: referenceWidths({ inputSize: train.size, width: o.width, depth: o.depth }), initialiser: INITIALISERS['he-normal'], slope: 0, seed: o.seed, trainable: true });
  try {
    timedTrain(net, train, tinyTest(train), 2, o.batch, o.seed);
    const run = timedTrain(net, train, tinyTest(train), 1 + o.steps, o.batch, o.seed + 1);
    if (run.stepEnds.length !== 1 + o.steps) throw new Error(`timeTrainSteps: training stopped after ${run.stepEnds.length} of ${1 + o.steps} steps (diverged)`);
    const seconds = (run.stepEnds[o.steps]! - run.stepEnds[0]!) / 1000;
    keep?.(net);
    return { seconds, rate: o.steps / seconds, overheadSeconds: Math.max(0, run.seconds - (seconds * (1 + o.steps)) / o.steps), engine: run.engine };
  } finally {
    if (keep === undefined) tf.dispose(net.parameters as tf.Tensor[]);
  }
}

/**
 * Seconds of the test-set score a Figure-3 run ends with, on the engine trainNetwork picks (the
 * fused one's `evaluate` where it applies): a 1-step call scoring `test` less a 1-step call scoring 10 images.
 */
export function timeTestScore(net: ReturnType<typeof buildNetwork>, train: LabelledData, test: LabelledData, batch: number): { seconds: number; engine: 'fused' | 'tfjs' } {
  const base = timedTrain(net, train, tinyTest(train), 1, batch, 5);
  const full = timedTrain(net, train, test, 1, batch, 5);
  return { seconds: Math.max(full.seconds - base.seconds, 1e-9), engine: full.engine };
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
