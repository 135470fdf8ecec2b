import fc from 'fast-check';
import { checkFinite } from './internal/constraints.ts';

/** Constraints of {@link slopeArbitrary}. */
export interface SlopeConstraints {
  /** Smallest slope, default −10. */
  readonly min?: number;
  /** Largest slope, default 10 (≥ min). */
  readonly max?: number;
}

const SPECIAL_SLOPES = [-1, 0, 0.5, 1, 2];

/**
 * Float leaky-ReLU slopes a in [min, max] (the paper admits any real a): the special slopes
 * −1 (|x|), 0 (ReLU), 0.5, 1 (identity) and 2 — those inside the range — drawn with noticeable
 * probability (≈ 2/5 together), plus any double in range (never NaN, ±∞ or −0).
 * Throws at build time on non-finite bounds or min > max, naming the field.
 *
 * @example fc.sample(slopeArbitrary({ min: 0, max: 1 }), { seed: 1, numRuns: 3 }) // e.g. [0.5, 0.1234…, 0]
 */
export function slopeArbitrary(constraints: SlopeConstraints = {}): fc.Arbitrary<number> {
  const api = 'slopeArbitrary';
  const min = checkFinite(api, 'min', constraints.min ?? -10);
  const max = checkFinite(api, 'max', constraints.max ?? 10);
  if (min > max) throw new Error(`${api}: constraints.max must be >= constraints.min (${min}), got ${max}`);
  const special = SPECIAL_SLOPES.filter((a) => a >= min && a <= max);
  const any = fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((a) => (a === 0 ? 0 : a));
  return special.length === 0
    ? any
    : fc.oneof({ arbitrary: fc.constantFrom(...special), weight: 2 }, { arbitrary: any, weight: 3 });
}
