import type { SymmetricDistribution } from '../../distributions/types.ts';
import type { Activation } from '../../network/activation/types.ts';
import type { Architecture } from '../../network/architecture/types.ts';
import { sampledLayerWidths, sampleLayerOutputs } from '../../network/sampleLayerOutputs.ts';

export interface EmpiricalVarianceByDepthOptions {
  readonly widths: readonly number[];
  readonly architecture?: Architecture;
  readonly activation: Activation;
  readonly gain?: number;
  readonly weights: SymmetricDistribution;
  readonly input: SymmetricDistribution;
  /** Number of independent networks. */
  readonly networks: number;
  /** Size B of each network's data set (i.i.d. inputs), ≥ 2. */
  readonly dataSize: number;
  readonly seed: number;
  /** Quantile levels reported across networks (default 0.1, 0.5, 0.9). */
  readonly levels?: readonly number[];
  /** Threshold of the reported share of networks with S² below it (default 1e-3, Figure 2's). */
  readonly threshold?: number;
}

/** Per layer: quantiles across networks of the empirical variance S² of unit 0 over the network's data set. */
export interface EmpiricalVarianceLayer {
  readonly layer: number;
  /** [level, quantile] pairs (order statistic ⌈level·N⌉ of the N networks' S²). */
  readonly quantiles: readonly (readonly [number, number])[];
  /** Share of networks with S² < threshold. */
  readonly shareBelow: number;
}

/**
 * Figure 2's quantity for any architecture and activation: `networks` independent networks, each
 * evaluated on its own data set of `dataSize` i.i.d. inputs (one batched forward pass per chunk,
 * the same sampler), and per layer the empirical variance S² = Σ(y − ȳ)²/(B − 1) of unit 0 over the
 * data set; returned as quantiles across networks and the share below `threshold`. (Figure 2 uses
 * one fixed data set for every network; with i.i.d. data a fresh set per network has the same law.)
 *
 * @example empiricalVarianceByDepth({ widths: [8, 8], activation: { name: 'tanh' }, weights: normal(), input: normal(), networks: 100, dataSize: 64, seed: 1 })[1].quantiles
 */
export function empiricalVarianceByDepth(o: EmpiricalVarianceByDepthOptions): EmpiricalVarianceLayer[] {
  const B = o.dataSize;
  if (!Number.isInteger(B) || B < 2) throw new Error(`empiricalVarianceByDepth: options.dataSize must be an integer >= 2, got ${String(B)}`);
  const levels = o.levels ?? [0.1, 0.5, 0.9];
  const threshold = o.threshold ?? 1e-3;
  const layerWidths = sampledLayerWidths({ widths: o.widths, architecture: o.architecture });
  const values = layerWidths.map(() => new Float64Array(o.networks));
  const chunk = Math.max(1, Math.floor(4096 / B));
  for (const c of sampleLayerOutputs({ widths: o.widths, slope: 0, activation: o.activation, gain: o.gain, architecture: o.architecture, weights: o.weights, input: o.input, draws: o.networks, seed: o.seed, inputsPerNetwork: B, chunk })) {
    c.layers.forEach((data, l) => {
      const w = layerWidths[l]!;
      for (let d = 0; d < c.draws; d++) {
        let mean = 0;
        for (let b = 0; b < B; b++) mean += data[(d * B + b) * w]!;
        mean /= B;
        let ss = 0;
        for (let b = 0; b < B; b++) ss += (data[(d * B + b) * w]! - mean) ** 2;
        values[l]![c.start + d] = ss / (B - 1);
      }
    });
  }
  return values.map((v, layer) => {
    const sorted = Float64Array.from(v).sort();
    const N = sorted.length;
    return {
      layer,
      quantiles: levels.map((p) => [p, sorted[Math.min(N - 1, Math.max(0, Math.ceil(p * N) - 1))]!] as const),
      shareBelow: sorted.filter((x) => x < threshold).length / N,
    };
  });
}
