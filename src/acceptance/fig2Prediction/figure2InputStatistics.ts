import { inputStatistics } from '../../data/inputStatistics.ts';
import type { Dataset } from '../../data/types.ts';
import type { Figure2PredictionInputs } from './figure2PredictionReport.ts';

/**
 * The prediction's starting point, exactly as Figure 2's run sees its data: (σ², κ₀, c₀/σ⁴) of the
 * He-normal first layer (authors' preprocessing, `vv input-stats`) over the FIRST `images`
 * training images (Figure 2 takes the first 5,000 at reduced scale, all 50,000 at paper scale).
 *
 * @example figure2InputStatistics(loadCifar10(), 50000) // { sigma2: 3.0888…, kappa0: 3.8453…, c0Normalized: 0.28176…, dataset: 'CIFAR-10 (JPEG-q75 stand-in)' }
 * @throws Error when `images` is not an integer in [2, the training set's size].
 */
export function figure2InputStatistics(dataset: Dataset, images: number): Figure2PredictionInputs {
  const train = dataset.train;
  if (!Number.isInteger(images) || images < 2 || images > train.count) {
    throw new Error(`figure2InputStatistics: images must be an integer in [2, ${train.count}] (the ${dataset.label} training set), got ${String(images)}`);
  }
  const first: Dataset = {
    ...dataset,
    train: { ...train, count: images, pixels: train.pixels.subarray(0, images * train.size), labels: train.labels.subarray(0, images) },
  };
  const s = inputStatistics(first, { preprocessing: 'authors' });
  return { sigma2: s.sigma2, kappa0: s.kappa0, c0Normalized: s.c0Normalized, dataset: dataset.label };
}
