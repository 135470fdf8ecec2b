import fc from 'fast-check';
import { checkInteger } from './internal/constraints.ts';
import { uniformRealArbitrary } from './internal/uniformReal.ts';

/** Constraints of {@link widthArbitrary}. */
export interface WidthConstraints {
  /** Smallest width, integer ≥ 1, default 1. */
  readonly min?: number;
  /** Largest width, integer ≥ min, default 64. */
  readonly max?: number;
}

/**
 * Layer widths n in [min, max], small values favoured: min itself, min..min+3, log-uniform over
 * the range, and uniform over the range. Throws at build time on bad bounds, e.g.
 * `widthArbitrary: constraints.min must be an integer >= 1, got 0`.
 *
 * @example fc.sample(widthArbitrary({ max: 8 }), { seed: 1, numRuns: 4 }) // e.g. [1, 3, 2, 7]
 */
export function widthArbitrary(constraints: WidthConstraints = {}): fc.Arbitrary<number> {
  const api = 'widthArbitrary';
  const min = checkInteger(api, 'min', constraints.min ?? 1, 1);
  const max = checkInteger(api, 'max', constraints.max ?? 64, min);
  const logUniform = uniformRealArbitrary(Math.log(min), Math.log(max + 1)).map((e) => Math.min(max, Math.max(min, Math.floor(Math.exp(e)))));
  return fc.oneof(
    { arbitrary: fc.constant(min), weight: 1 },
    { arbitrary: fc.integer({ min, max: Math.min(max, min + 3) }), weight: 3 },
    { arbitrary: logUniform, weight: 2 },
    { arbitrary: fc.integer({ min, max }), weight: 1 },
  );
}
