import type { SymmetricDistribution } from '../../distributions/types.ts';
import { initGain } from '../../network/activation/initGain.ts';
import type { Activation } from '../../network/activation/types.ts';
import type { Architecture } from '../../network/architecture/types.ts';
import { sampledLayerWidths, sampleLayerOutputs } from '../../network/sampleLayerOutputs.ts';
import { createLayerMomentAccumulator } from '../createLayerMomentAccumulator.ts';
import { PROPAGATION_DEFAULTS, testLayerMoments, type LayerTests } from '../propagation/propagationMonteCarlo.ts';
import type { LayerTheory } from '../propagation/propagationTheory.ts';
import type { InputVectorLaw } from '../propagation/scaleMixtureInput.ts';
import type { LayerMomentSummary } from '../types.ts';
import { architectureTheory } from './architectureTheory.ts';

export interface ArchitectureMonteCarloOptions {
  /** (w_0, …, w_L); conv 1-D: w_0 is the signal length (the rest only sets L); see `sampleLayerOutputs`. */
  readonly widths: readonly number[];
  readonly architecture: Architecture;
  readonly activation: Activation;
  /** Initialisation gain (default `initGain(activation)`). */
  readonly gain?: number;
  readonly weights: SymmetricDistribution;
  readonly input: SymmetricDistribution;
  readonly inputVector?: InputVectorLaw;
  readonly samples: number;
  readonly seed: number;
  /** False-alarm probability of EACH test (see `architectureTestCount`). */
  readonly falseAlarm: number;
  readonly relativeDeviation?: number;
  /** The values tested against; default `architectureTheory` (null: estimates only). */
  readonly theory?: readonly LayerTheory[] | null;
  readonly chunk?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface ArchitectureMonteCarloResult {
  readonly samples: number;
  readonly seed: number;
  readonly falseAlarm: number;
  readonly gain: number;
  /** The widths of the accumulated layers (conv: C at every layer, the centre position's channels). */
  readonly layerWidths: readonly number[];
  readonly theory: readonly LayerTheory[] | null;
  /** The tests of every layer against `theory`; null when there is no theory. */
  readonly layers: readonly LayerTests[] | null;
  readonly summaries: readonly LayerMomentSummary[];
}

/**
 * Number of tests `architectureMonteCarlo` makes: Proposition 3's count where a theory exists, else 0.
 *
 * @example architectureTestCount({ widths: [8, 8], architecture: { kind: 'plain' }, activation: { name: 'tanh' }, … }) // 0
 */
export function architectureTestCount(o: Pick<ArchitectureMonteCarloOptions, 'widths' | 'architecture' | 'activation' | 'gain' | 'weights' | 'input' | 'inputVector'>): number {
  if (theoryOf(o) === null) return 0;
  return sampledLayerWidths(o).reduce((n, w) => n + (w >= 2 ? 3 : 2), 0);
}

function theoryOf(o: Pick<ArchitectureMonteCarloOptions, 'widths' | 'architecture' | 'activation' | 'gain' | 'weights' | 'input' | 'inputVector'>): LayerTheory[] | null {
  return architectureTheory({
    widths: o.widths,
    architecture: o.architecture,
    activation: o.activation,
    gain: o.gain ?? initGain(o.activation),
    weightKurtosis: o.weights.kurtosis,
    inputVariance: o.inputVector?.variance ?? o.input.variance,
    inputKurtosis: o.inputVector?.kappa0 ?? o.input.kurtosis,
    c0: o.inputVector?.c0 ?? 0,
  });
}

/**
 * Monte Carlo on real tfjs networks of any architecture and activation of src/network (the same
 * sampler and forward pass as `propagationMonteCarlo`): per layer, the streaming estimates of σ²,
 * κ and c (batch means over 64 batches, jackknifed ratios), tested against the exact recursion
 * where one exists (`architectureTheory`) with the same tests and reach rules as Propositions 1
 * and 3; elsewhere estimates with standard errors only.
 *
 * @example architectureMonteCarlo({ widths: [10, 10], architecture: parseArchitecture('residual:0.1'), activation: { name: 'identity' }, weights: normal(), input: normal(), samples: 1e5, seed: 1, falseAlarm: 1e-7 }).layers![1].decision // 'consistent'
 */
export function architectureMonteCarlo(options: ArchitectureMonteCarloOptions): ArchitectureMonteCarloResult {
  const { widths, architecture, activation, weights, input, samples, seed, falseAlarm } = options;
  const gain = options.gain ?? initGain(activation);
  const theory = options.theory === undefined ? theoryOf(options) : options.theory;
  const layerWidths = sampledLayerWidths({ widths, architecture });
  if (theory !== null && theory.length !== layerWidths.length) throw new Error(`architectureMonteCarlo: options.theory has ${theory.length} layers, widths ${layerWidths.length}`);
  const accumulators = layerWidths.map((width) => createLayerMomentAccumulator({ width, batches: PROPAGATION_DEFAULTS.batches }));
  const vector = options.inputVector;
  const inputVector = vector === undefined ? undefined : (rng: Parameters<InputVectorLaw['sample']>[0], out: Float32Array) => vector.sample(rng, out);
  for (const chunk of sampleLayerOutputs({ widths, slope: activation.name === 'leaky-relu' ? activation.slope : 0, activation, gain, architecture, weights, input, inputVector, draws: samples, seed, chunk: options.chunk })) {
    chunk.layers.forEach((data, l) => accumulators[l]!.addDraws(data));
    options.onProgress?.(chunk.start + chunk.draws, samples);
  }
  const summaries = accumulators.map((a) => a.summary());
  const layers = theory === null ? null : testLayerMoments({ summaries, theory, falseAlarm, relativeDeviation: options.relativeDeviation });
  return { samples, seed, falseAlarm, gain, layerWidths, theory, layers, summaries };
}
