import { sampleLayerOutputs, type SampleLayerOutputsOptions } from '../../network/sampleLayerOutputs.ts';
import type { ConsistencyRecord } from '../../stats/types.ts';
import { createSignMomentAccumulator } from '../createSignMomentAccumulator.ts';
import { heRandomVectorTestCount, heRandomVectorTests } from './heRandomVectorTests.ts';

/** Options of {@link heRandomVectorMonteCarlo}: the sampler's (`draws` named `samples`) and the tests'. */
export interface HeRandomVectorMonteCarloOptions
  extends Pick<SampleLayerOutputsOptions, 'widths' | 'slope' | 'weights' | 'input' | 'inputVector' | 'activateInput' | 'heWidth' | 'seed'> {
  readonly samples: number;
  readonly falseAlarm: number;
  /** The theoretical variance of layer l's entries, l = 1…d. */
  readonly variance: (layer: number) => number;
  readonly odd?: boolean;
  readonly perEntry?: boolean;
}

/**
 * Number of tests {@link heRandomVectorMonteCarlo} makes (layers 1…d).
 *
 * @example heRandomVectorMonteCarloTestCount([8, 8, 4], {}) // 4
 */
export function heRandomVectorMonteCarloTestCount(widths: readonly number[], options: { readonly odd?: boolean; readonly perEntry?: boolean }): number {
  return widths.slice(1).reduce((n, w) => n + heRandomVectorTestCount(w, options), 0);
}

/**
 * Propositions 1 and 2 on real networks: every layer l ≥ 1 of `samples` independent tfjs networks
 * is tested for the defining properties of a He random vector (variance `variance(l)`,
 * uncorrelated entries, optionally zero mean, symmetry and equal per-entry variances).
 *
 * @example heRandomVectorMonteCarlo({ widths: [8, 8], slope: 0, weights: normal(), input: normal(),
 *   samples: 50000, seed: 1, falseAlarm: 1e-8, variance: () => 1 })[0].quantity // 'layer 1 variance σ²'
 */
export function heRandomVectorMonteCarlo(options: HeRandomVectorMonteCarloOptions): { quantity: string; assertion: ConsistencyRecord }[] {
  const { widths } = options;
  const accumulators = widths.map((width) => createSignMomentAccumulator({ width }));
  for (const chunk of sampleLayerOutputs({
    widths,
    slope: options.slope,
    weights: options.weights,
    input: options.input,
    inputVector: options.inputVector,
    activateInput: options.activateInput,
    heWidth: options.heWidth,
    draws: options.samples,
    seed: options.seed,
  })) {
    chunk.layers.forEach((data, l) => accumulators[l]!.addDraws(data));
  }
  return accumulators.slice(1).flatMap((a, index) =>
    heRandomVectorTests({ summary: a.summary(), variance: options.variance(index + 1), falseAlarm: options.falseAlarm, odd: options.odd, perEntry: options.perEntry }).map((t) => ({
      quantity: `layer ${index + 1} ${t.quantity}`,
      assertion: t.assertion,
    })),
  );
}
