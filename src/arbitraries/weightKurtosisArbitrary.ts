import fc from 'fast-check';
import { checkFinite } from './internal/constraints.ts';
import { uniformRealArbitrary } from './internal/uniformReal.ts';

/** Constraints of {@link weightKurtosisArbitrary}. */
export interface WeightKurtosisConstraints {
  /** Largest kurtosis, finite and ≥ 1, default 1e4. */
  readonly max?: number;
}

/**
 * Float RAW kurtoses κ = E[w⁴]/σ⁴ of a weight law, in [1, max] (1 is the smallest possible):
 * the constants 1 (Rademacher), 1.8 (uniform), 3 (normal), 6 (Laplace) often, values just above 1
 * (1 + 10^-u, u uniform in [2, 12]), values on both sides of 3 (3 ± 10^-u), and log-uniform values up to max.
 * Values outside [1, max] are never produced. Throws at build time when max is not a finite number ≥ 1.
 *
 * @example fc.sample(weightKurtosisArbitrary({ max: 10 }), { seed: 1, numRuns: 3 }) // e.g. [3, 1.0042…, 7.71…]
 */
export function weightKurtosisArbitrary(constraints: WeightKurtosisConstraints = {}): fc.Arbitrary<number> {
  const api = 'weightKurtosisArbitrary';
  const max = checkFinite(api, 'max', constraints.max ?? 1e4);
  if (max < 1) throw new Error(`${api}: constraints.max must be >= 1 (kurtosis is at least 1), got ${max}`);
  const clamp = (k: number) => Math.min(max, Math.max(1, k));
  const arbs: fc.WeightedArbitrary<number>[] = [
    { arbitrary: fc.constantFrom(...[1, 1.8, 3, 6].filter((k) => k <= max)), weight: 3 },
    {
      arbitrary: uniformRealArbitrary(0, Math.log(max)).map((e) => clamp(Math.exp(e))),
      weight: 2,
    },
  ];
  // offsets 10^-u with u uniform in [2, 12]: from 1e-2 down to 1e-12
  const offset = uniformRealArbitrary(2, 12).map((u) => Math.pow(10, -u));
  if (max > 1) {
    arbs.push({ arbitrary: offset.map((d) => clamp(1 + d)), weight: 1 });
  }
  if (max >= 3) {
    arbs.push({
      arbitrary: fc.tuple(fc.boolean(), offset).map(([below, d]) => clamp(below ? 3 - d : 3 + d)),
      weight: 1,
    });
  }
  return fc.oneof(...arbs);
}
