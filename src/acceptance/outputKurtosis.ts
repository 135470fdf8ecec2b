import { numberField } from '../algebra/field.ts';
import { propagateKurtosis } from '../theory/kurtosisRecursion.ts';

/** Options of {@link outputKurtosis}. */
export interface OutputKurtosisOptions {
  /** Hidden width w of the authors' network. */
  readonly width: number;
  /** Depth d of the authors' network (d = 0: a single Linear). */
  readonly depth: number;
  /** Raw kurtosis κ_w of the weight law (Bernoulli 1, uniform 1.8, normal 3). */
  readonly weightKurtosis: number;
  /** κ0 of the He random vector (the first Linear's output). */
  readonly kappa0: number;
  /** c0/σ⁴ of the He random vector. */
  readonly c0Normalized: number;
}

/**
 * Figure 1's x value: the theoretical kurtosis of the output at initialisation, Proposition 3's
 * recursion iterated `depth` times (slope 0, width w at every step, σ² = 1 so c is c/σ⁴) from the
 * He random vector's (κ0, c0/σ⁴) — what the authors' code computes. May overflow to Infinity for
 * very deep narrow networks.
 *
 * @example outputKurtosis({ width: 10, depth: 10, weightKurtosis: 3, kappa0: 3.2887, c0Normalized: 0.0962 }) // ≈ 1.9e2
 */
export function outputKurtosis(options: OutputKurtosisOptions): number {
  const { width, depth } = options;
  if (!Number.isInteger(depth) || depth < 0) throw new Error(`outputKurtosis: options.depth must be an integer >= 0, got ${String(depth)}`);
  const layers = propagateKurtosis(numberField, {
    widths: Array.from({ length: depth }, () => width),
    slope: 0,
    weightKurtosis: options.weightKurtosis,
    variance: 1,
    kappa0: options.kappa0,
    c0: options.c0Normalized,
  });
  return layers[layers.length - 1]!.kappa;
}
