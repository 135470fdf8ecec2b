import type { ConvPadding } from '../conv/convGeometry.ts';
import type { BranchScale } from '../residual/branchScale.ts';

/**
 * A network architecture for the Monte Carlo sampler (`sampleLayerOutputs`), every layer of one kind:
 * - `plain`: the paper's stack y(l) = W(l) φ(y(l−1));
 * - `residual`: L blocks of one variant (see ResidualLayer) with branch scale `scale`, on constant width;
 * - `conv`: L convolutions with `channels` channels in and out, kernel K, stride S, padding.
 *   1-D: the signal length is the run's width (the number of positions of the input);
 *   2-D: the input is `height` × `width` positions. Conv1d/2d are the only ways to get positions.
 */
export type Architecture =
  | { readonly kind: 'plain' }
  | { readonly kind: 'residual'; readonly scale: BranchScale; readonly variant: 'simple' | 'pre' | 'post' }
  | {
      readonly kind: 'conv';
      readonly dims: 1 | 2;
      readonly channels: number;
      readonly kernel: number;
      readonly stride: number;
      readonly padding: ConvPadding;
      /** 2-D only: the input's height and width. */
      readonly height?: number;
      readonly width?: number;
    };
