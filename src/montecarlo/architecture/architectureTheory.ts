import { numberField } from '../../algebra/field.ts';
import type { Activation } from '../../network/activation/types.ts';
import type { Architecture } from '../../network/architecture/types.ts';
import { branchScaleValue } from '../../network/residual/branchScale.ts';
import { propagateResidualLinear } from '../../theory/propagateResidualLinear.ts';
import { propagationTheory, type LayerTheory } from '../propagation/propagationTheory.ts';

export interface ArchitectureTheoryOptions {
  readonly widths: readonly number[];
  readonly architecture: Architecture;
  readonly activation: Activation;
  /** The initialisation gain in use (weights of variance gain²/fan_in). */
  readonly gain: number;
  readonly weightKurtosis: number;
  readonly inputVariance: number;
  readonly inputKurtosis: number;
  readonly c0?: number;
}

/**
 * The exact per-layer (σ², κ, c) where the suite has a recursion for the architecture, else null:
 * - plain leaky ReLU (any slope, He gain) and plain identity (gain 1, = leaky ReLU at a = 1):
 *   Proposition 3 (exact from an input with sign-flip symmetric pairs, e.g. i.i.d.);
 * - residual `simple` blocks with the identity activation: the linear residual recursion
 *   (`residualLinearStep`, weight variance gain²/w), exact for exchangeable inputs.
 * Everything else (residual with a nonlinearity, pre/post variants, conv, other activations)
 * has no closed recursion here: null (the Monte Carlo then reports estimates only).
 *
 * @example architectureTheory({ widths: [8, 8], architecture: { kind: 'residual', scale: { kind: 'fixed', alpha: 0.5 }, variant: 'simple' }, activation: { name: 'identity' }, gain: 1, weightKurtosis: 3, inputVariance: 1, inputKurtosis: 3 })![1]
 * // { variance: 1.25, kappa: 3.27, c: 0.0966… }
 */
export function architectureTheory(o: ArchitectureTheoryOptions): LayerTheory[] | null {
  const { architecture: arch, activation: act } = o;
  if (arch.kind === 'plain') {
    const slope = act.name === 'leaky-relu' ? act.slope : act.name === 'identity' ? 1 : null;
    if (slope === null) return null;
    const heGain = Math.sqrt(2 / (1 + slope * slope));
    if (Math.abs(o.gain - heGain) > 1e-12 * heGain) return null;
    return propagationTheory({ widths: o.widths, slope, weightKurtosis: o.weightKurtosis, inputVariance: o.inputVariance, inputKurtosis: o.inputKurtosis, c0: o.c0 ?? 0 });
  }
  if (arch.kind === 'residual' && arch.variant === 'simple' && (act.name === 'identity' || (act.name === 'leaky-relu' && act.slope === 1))) {
    const w = o.widths[0]!;
    const depth = o.widths.length - 1;
    const s4 = o.inputVariance * o.inputVariance;
    const layers = propagateResidualLinear(numberField, {
      width: w,
      depth,
      alphaSquared: branchScaleValue(arch.scale, depth) ** 2,
      weightVariance: (o.gain * o.gain) / w,
      weightKurtosis: o.weightKurtosis,
      input: { m2: o.inputVariance, m4: o.inputKurtosis * s4, m22: (o.c0 ?? 0) + s4 },
    });
    return layers.map((l) => ({ variance: l.variance, kappa: l.kappa, c: l.c }));
  }
  return null;
}
