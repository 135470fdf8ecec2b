import { referenceWidths } from '../../network/referenceWidths.ts';
import { deriveSeed } from '../../verify/seed.ts';
import { layerVariances } from '../figure2/layerVariances.ts';
import { initialiseMatrices, type MetaInitSummary } from './initialiseMatrices.ts';
import { FIGURE2_SCALES } from './scales.ts';
import { figure2BlockRange, type Figure2Task } from './tasks.ts';

/** Figure 2's width and depth (REFERENCE-SETUP.md). */
export const FIGURE2_WIDTH = 10;
export const FIGURE2_DEPTH = 100;

/** One Figure 2 block's record: per network, the unbiased empirical variance of unit 0 at each Linear layer 0…100. */
export interface Figure2Record {
  /** Index of the first network of the block (networks are numbered per initialiser). */
  readonly from: number;
  readonly images: number;
  /** variances[i][l]: network from + i, Linear layer l (0 = the first, on the input). */
  readonly variances: readonly (readonly number[])[];
  /** MetaInit's diagnostics per network, for MetaInit blocks. */
  readonly metainit?: readonly MetaInitSummary[];
  /** The first Linear's GEMM (`blasSignature`), added by the task handler; absent in older records. */
  readonly blas?: string;
}

/** Training images as the measurement sees them: count × size float32, image-major. */
export interface ImageSet {
  readonly values: Float32Array;
  readonly count: number;
  readonly size: number;
}

/**
 * Runs one Figure 2 block: draws each network of the block with its own seed
 * (`deriveSeed(seed, 'network <index>')`), then measures every Linear layer's unit-0 variance
 * over the first `images` training images of the scale.
 *
 * @example await runFigure2Task({ figure: 'fig2', scale: 'smoke', init: 'zero', block: 0 }, 7, cifarTrain) // { from: 0, images: 1000, variances: [[…101 numbers]] }
 */
export async function runFigure2Task(task: Figure2Task, seed: number, train: ImageSet): Promise<Figure2Record> {
  const scale = FIGURE2_SCALES[task.scale];
  const { from, to } = figure2BlockRange(task);
  const images = Math.min(scale.images, train.count);
  const widths = referenceWidths({ inputSize: train.size, width: FIGURE2_WIDTH, depth: FIGURE2_DEPTH });
  const drawn = [];
  for (let index = from; index < to; index++) drawn.push(initialiseMatrices({ widths, init: task.init, seed: deriveSeed(seed, `network ${index}`), metainitSteps: scale.metainitSteps }));
  const variances = await layerVariances({ images: train.values.subarray(0, images * train.size), count: images, size: train.size, networks: drawn.map((d) => d.matrices) });
  const metainit = drawn.flatMap((d) => (d.metainit === null ? [] : [d.metainit]));
  return { from, images, variances: variances.map((v) => Array.from(v)), ...(metainit.length > 0 ? { metainit } : {}) };
}
