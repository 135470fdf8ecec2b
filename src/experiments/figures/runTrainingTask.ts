import { buildNetwork } from '../../network/buildNetwork.ts';
import { referenceWidths } from '../../network/referenceWidths.ts';
import { deriveSeed } from '../../verify/seed.ts';
import { trainNetwork, type LabelledData } from '../trainNetwork.ts';
import { initialiseMatrices, type MetaInitSummary } from './initialiseMatrices.ts';
import type { TrainingSettings } from './scales.ts';

/** One training run's record in `results.jsonl` (deterministic in task and seed: no timings). */
export interface TrainingRecord {
  readonly status: 'ok' | 'diverged';
  /** Test accuracy; null when diverged. */
  readonly accuracy: number | null;
  readonly divergedAt: number | null;
  readonly divergedIn: 'training' | 'evaluation' | null;
  /** Last batch loss; null when non-finite. */
  readonly finalLoss: number | null;
  readonly steps: number;
  readonly testExamples: number;
  /** The training engine (`trainNetwork`'s choice: 'fused' wherever it applies, else 'tfjs'). */
  readonly engine: 'fused' | 'tfjs';
  /** MetaInit's diagnostics, for MetaInit runs. */
  readonly metainit?: MetaInitSummary;
  /**
   * The fused engines' GEMM (`blasSignature`, e.g. 'openblas Zen, 1 thread'), added by the task
   * handler; absent in records written before it was recorded (Figure 3b's shard 1: OpenBLAS
   * Haswell, per its run.log).
   */
  readonly blas?: string;
}

/** Options of {@link runTrainingTask}. */
export interface RunTrainingTaskOptions {
  readonly train: LabelledData;
  readonly test: LabelledData;
  readonly width: number;
  readonly depth: number;
  readonly init: string;
  readonly learningRate: number;
  readonly training: TrainingSettings;
  readonly metainitSteps?: number;
  /** The task's seed: the initialisation and the batch order derive from it. */
  readonly seed: number;
}

function firstExamples(data: LabelledData, count: number): LabelledData {
  if (count >= data.count) return data;
  return { values: data.values.subarray(0, count * data.size), labels: data.labels.subarray(0, count), count, size: data.size };
}

/**
 * One run of Figures 1 and 3: the authors' network (REFERENCE-SETUP.md) of the given width and
 * depth, initialised by `init`, trained with Adam (β 0.9/0.999, batches of 90, shuffled) for
 * `training.steps` steps, then scored on the first `training.testExamples` test images.
 * Initialisation and batch order use seeds derived from `seed`, so the record depends only on
 * the task (and the backend).
 *
 * @example await runTrainingTask({ train, test, width: 10, depth: 2, init: 'he-normal', learningRate: 1e-4,
 *   training: { steps: 500, batchSize: 90, testExamples: 10000 }, seed: 7 }) // { status: 'ok', accuracy: 0.83…, … }
 */
export async function runTrainingTask(options: RunTrainingTaskOptions): Promise<TrainingRecord> {
  const { train, width, depth, init, training, seed } = options;
  const widths = referenceWidths({ inputSize: train.size, width, depth });
  const { matrices, metainit } = initialiseMatrices({ widths, init, seed: deriveSeed(seed, 'init'), metainitSteps: options.metainitSteps });
  const network = buildNetwork({ widths, initialiser: ({ layerIndex }) => matrices[layerIndex]!, slope: 0, seed: 0, trainable: true });
  try {
    const test = firstExamples(options.test, training.testExamples);
    const r = await trainNetwork({ network, train, test, steps: training.steps, batchSize: training.batchSize, learningRate: options.learningRate, seed: deriveSeed(seed, 'batches') });
    return {
      status: r.status,
      accuracy: r.accuracy,
      divergedAt: r.divergedAt,
      divergedIn: r.divergedIn,
      finalLoss: Number.isFinite(r.finalLoss) ? r.finalLoss : null,
      steps: r.steps,
      testExamples: test.count,
      engine: r.engine,
      ...(metainit === null ? {} : { metainit }),
    };
  } finally {
    for (const p of network.parameters) p.dispose();
  }
}
