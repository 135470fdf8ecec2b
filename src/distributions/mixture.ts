import { Fraction } from 'fraction.js';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import type {
  ContinuousSymmetricDistribution,
  DiscreteSymmetricDistribution,
  SymmetricDistribution,
} from './types.ts';
import { buildDiscrete, type PositiveAtom } from './internal/buildDiscrete.ts';
import { isContinuousSymmetric, isDiscreteSymmetric } from './guards.ts';
import { fmt } from './internal/validate.ts';

/** Options of {@link mixture}. */
export interface MixtureOptions<D extends SymmetricDistribution = SymmetricDistribution, W = number | Fraction> {
  /** At least one symmetric component. */
  readonly components: readonly D[];
  /**
   * One weight ≥ 0 per component, summing to 1 (exactly when all are Fractions, within 1e-12
   * otherwise).
   */
  readonly weights: readonly W[];
}

/**
 * Finite mixture Σ wᵢ·Dᵢ of symmetric laws (still symmetric, zero mean). Moments are weighted
 * sums: σ² = Σ wᵢσᵢ², E[x⁴] = Σ wᵢ E_i[x⁴], raw kurtosis E[x⁴]/σ⁴ (≥ the weighted mean of the
 * component kurtoses whenever the variances differ). When every component is discrete and every
 * weight is a Fraction, the result is a {@link DiscreteSymmetricDistribution} with merged exact
 * atoms; when all components have densities, it has the mixed density. Sampling: pick a component
 * with one uniform, then sample it (mutable rng idiom).
 *
 * @example mixture({ components: [normal({ variance: 1 }), normal({ variance: 3 })], weights: [0.5, 0.5] }).kurtosis // 3.75  (= 3·5/2² )
 * @example mixture({ components: [rademacher(), symmetricThreePoint({ kurtosis: q(4), scale: q(2) })], weights: [q(1, 2), q(1, 2)] }).exact.kurtosis.toFraction() // '5/2'
 */
export function mixture(
  options: MixtureOptions<DiscreteSymmetricDistribution, Fraction>,
): DiscreteSymmetricDistribution;
export function mixture(options: MixtureOptions): SymmetricDistribution;
export function mixture(options: MixtureOptions): SymmetricDistribution {
  const { components, weights } = options ?? ({} as MixtureOptions);
  if (!Array.isArray(components) || components.length === 0) {
    throw new Error(`mixture: options.components must be a non-empty array, got ${String(components)}`);
  }
  if (!Array.isArray(weights) || weights.length !== components.length) {
    throw new Error(
      `mixture: options.weights must have one weight per component (${components.length}), got ${Array.isArray(weights) ? weights.length : String(weights)}`,
    );
  }
  weights.forEach((w, i) => {
    const ok = w instanceof Fraction ? w.gte(0) : typeof w === 'number' && Number.isFinite(w) && w >= 0;
    if (!ok) throw new Error(`mixture: options.weights[${i}] must be a finite number or Fraction >= 0, got ${String(w)}`);
  });
  const allFractions = weights.every((w) => w instanceof Fraction);
  if (allFractions) {
    const total = (weights as Fraction[]).reduce((a, w) => a.add(w), new Fraction(0));
    if (!total.equals(1)) throw new Error(`mixture: options.weights must sum to exactly 1, got ${total.toFraction()}`);
  } else {
    const total = weights.reduce<number>((a, w) => a + Number(w.valueOf()), 0);
    if (Math.abs(total - 1) > 1e-12) throw new Error(`mixture: options.weights must sum to 1 (±1e-12), got ${total}`);
  }
  const name = `mixture(${components.map((c, i) => `${fmt(weights[i]!)}·${c.name}`).join(', ')})`;

  if (allFractions && components.every(isDiscreteSymmetric)) {
    return discreteMixture(name, components, weights as Fraction[]);
  }

  const w = weights.map((x) => Number(x.valueOf()));
  const variance = components.reduce((a, c, i) => a + w[i]! * c.variance, 0);
  const fourthMoment = components.reduce((a, c, i) => a + w[i]! * c.fourthMoment, 0);
  const cumulative: number[] = [];
  let acc = 0;
  for (const x of w) cumulative.push((acc += x));
  const base: SymmetricDistribution = {
    name,
    variance,
    fourthMoment,
    kurtosis: fourthMoment / (variance * variance),
    halfLineMoment: (k) => components.reduce((a, c, i) => a + w[i]! * c.halfLineMoment(k), 0),
    parts: components.map((component, i) => ({ weight: w[i]!, component })),
    sample: (rng) => {
      const u = uniformFloat64(rng) * acc;
      let i = 0;
      while (i < components.length - 1 && (u >= cumulative[i]! || w[i] === 0)) i++;
      return components[i]!.sample(rng);
    },
  };
  if (components.every(isContinuousSymmetric)) {
    const cs = components as readonly ContinuousSymmetricDistribution[];
    const withDensity: ContinuousSymmetricDistribution = {
      ...base,
      density: (x) => cs.reduce((a, c, i) => a + w[i]! * c.density(x), 0),
    };
    return withDensity;
  }
  return base;
}

function discreteMixture(
  name: string,
  components: readonly DiscreteSymmetricDistribution[],
  weights: readonly Fraction[],
): DiscreteSymmetricDistribution {
  const positive = new Map<string, { value: Fraction; probability: Fraction }>();
  let zero = new Fraction(0);
  components.forEach((c, i) => {
    const wi = weights[i]!;
    if (wi.equals(0)) return;
    for (const a of c.atoms) {
      const p = a.probability.mul(wi);
      if (a.value.equals(0)) zero = zero.add(p);
      else if (a.value.gt(0)) {
        // the pair ±v carries twice the mass of the atom +v
        const key = a.value.toFraction();
        const prev = positive.get(key);
        const pair = p.mul(2);
        positive.set(key, { value: a.value, probability: prev ? prev.probability.add(pair) : pair });
      }
    }
  });
  const atoms: PositiveAtom[] = [...positive.values()];
  return buildDiscrete('mixture', name, atoms, zero);
}
