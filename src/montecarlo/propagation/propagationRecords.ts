import type { MonteCarloTestRecord } from '../../verify/types.ts';
import type { LayerTests } from './propagationMonteCarlo.ts';

/**
 * The report records of a propagation Monte Carlo run: one per test (variance, κ, and c where
 * defined, at every layer), in layer order, each labelled with its layer and quantity.
 *
 * @example propagationRecords(result.layers, { inputs: 'widths 8,8; normal', samples: 1e5, seed: 1 })[1].quantity // 'layer 0 kurtosis κ_0'
 */
export function propagationRecords(
  layers: readonly LayerTests[],
  context: { readonly inputs: string; readonly samples: number; readonly seed: number; readonly only?: readonly ('variance' | 'kappa' | 'c')[] },
): MonteCarloTestRecord[] {
  const only = context.only ?? ['variance', 'kappa', 'c'];
  const names = { variance: (l: number) => `layer ${l} variance σ²`, kappa: (l: number) => `layer ${l} kurtosis κ_${l}`, c: (l: number) => `layer ${l} c_${l} = Cov[y_i², y_j²]` };
  return layers.flatMap((l) =>
    only.flatMap((q) => {
      const assertion = l[q];
      return assertion === null ? [] : [{ quantity: names[q](l.layer), inputs: context.inputs, samples: context.samples, seed: context.seed, assertion }];
    }),
  );
}
