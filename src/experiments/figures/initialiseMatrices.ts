import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { INITIALISERS } from '../../network/init/initialisers.ts';
import type { WeightMatrix } from '../../network/init/types.ts';
import { metaInit } from '../../network/metainit/metaInit.ts';

/** What MetaInit did for one network (recorded with its results). */
export interface MetaInitSummary {
  readonly restarts: number;
  readonly signFlips: number;
  readonly gradientQuotientInitial: number;
  readonly gradientQuotientFinal: number;
}

/** Options of {@link initialiseMatrices}. */
export interface InitialiseMatricesOptions {
  /** Widths (n_0, …, n_L) of the L Linears, e.g. `referenceWidths(…)`. */
  readonly widths: readonly number[];
  /** An `INITIALISERS` name (he-normal, he-uniform, he-bernoulli, glorot-normal, orthogonal, gsm, zero, …) or 'metainit'. */
  readonly init: string;
  /** Non-negative safe integer: the initialisers' generator seed (MetaInit's He-normal draw and restarts). */
  readonly seed: number;
  /** MetaInit's sign-SGD steps (default 500); ignored by the other initialisers. */
  readonly metainitSteps?: number;
}

/**
 * The weight matrices of one ReLU network (slope 0) of the acceptance experiments, [fanOut × fanIn]
 * float32, drawn exactly as `buildNetwork({ widths, initialiser, seed })` draws them (same generator,
 * layer order), or by MetaInit from He-normal. Biases are zero in every experiment, so only the
 * matrices are returned.
 *
 * @example initialiseMatrices({ widths: [3072, 10, 10], init: 'zero', seed: 0 }).matrices[1].data[0] // 1 (ZerO: identity)
 * @throws Error naming `init` when it is not a known initialiser.
 */
export function initialiseMatrices(options: InitialiseMatricesOptions): { readonly matrices: WeightMatrix[]; readonly metainit: MetaInitSummary | null } {
  const { widths, init, seed } = options;
  if (init === 'metainit') {
    const r = metaInit({ widths, slope: 0, seed, steps: options.metainitSteps ?? 500 });
    return {
      matrices: r.matrices,
      metainit: { restarts: r.restarts, signFlips: r.signFlips, gradientQuotientInitial: r.gradientQuotient.initial, gradientQuotientFinal: r.gradientQuotient.final },
    };
  }
  const initialiser = (INITIALISERS as Readonly<Record<string, (typeof INITIALISERS)['he-normal']>>)[init];
  if (initialiser === undefined) throw new Error(`initialiseMatrices: unknown init ${JSON.stringify(init)} (expected one of ${[...Object.keys(INITIALISERS), 'metainit'].join(', ')})`);
  // The same generator derivation as buildNetwork, so a network built from these matrices is the one buildNetwork draws.
  const rng = xoroshiro128plus((seed >>> 0) ^ Math.floor(seed / 2 ** 32));
  const layerCount = widths.length - 1;
  const matrices = widths.slice(1).map((fanOut, layerIndex) => initialiser({ fanIn: widths[layerIndex]!, fanOut, layerIndex, layerCount, slope: 0, rng }));
  return { matrices, metainit: null };
}
