import { buildNetwork, type BuiltNetwork } from '../buildNetwork.ts';
import { metaInit, type MetaInitOptions, type MetaInitResult } from './metaInit.ts';

/** Options of {@link metaInitNetwork}: those of {@link metaInit}, plus `trainable`. */
export interface MetaInitNetworkOptions extends MetaInitOptions {
  /** Make the parameters trainable tf.Variables (default false), as `buildNetwork`. */
  readonly trainable?: boolean;
}

/** A MetaInit-initialised network and the run that produced it. */
export interface MetaInitNetwork extends BuiltNetwork {
  /** Everything {@link metaInit} reported except the matrices (which are `matrices`). */
  readonly metaInit: Omit<MetaInitResult, 'matrices'>;
}

/**
 * Runs {@link metaInit} and builds the network for the shared forward pass from its matrices,
 * through `buildNetwork` (zero biases, the authors' architecture unless `activateInput`), so that
 * MetaInit plugs in wherever a `BuiltNetwork` from a per-layer initialiser does. The caller frees
 * the tensors with `tf.dispose(net.parameters)`.
 *
 * @example metaInitNetwork({ widths: [16, 8, 10], seed: 1, steps: 20 }).layers.length // 2
 * @throws what {@link metaInit} throws.
 */
export function metaInitNetwork(options: MetaInitNetworkOptions): MetaInitNetwork {
  const { matrices, ...report } = metaInit(options);
  const network = buildNetwork({
    widths: options.widths,
    // Hands back the MetaInit matrices in layer order; buildNetwork's own generator goes unused.
    initialiser: ({ layerIndex }) => matrices[layerIndex]!,
    slope: options.slope ?? 0,
    seed: options.seed,
    activateInput: options.activateInput ?? false,
    trainable: options.trainable ?? false,
  });
  return { ...network, metaInit: report };
}
