import fc from 'fast-check';
import { checkInteger } from './internal/constraints.ts';
import { widthArbitrary } from './widthArbitrary.ts';

/** Constraints of {@link widthSequenceArbitrary}. */
export interface WidthSequenceConstraints {
  /** Smallest width, integer ≥ 1, default 1. */
  readonly min?: number;
  /** Largest width, integer ≥ min, default 64. */
  readonly max?: number;
  /** Shortest sequence, integer ≥ 0, default 1. */
  readonly minLength?: number;
  /** Longest sequence, integer ≥ minLength, default 12. */
  readonly maxLength?: number;
}

/**
 * Sequences of layer widths (each from {@link widthArbitrary}) whose length is in
 * [minLength, maxLength]: free sequences, sequences forced to contain two different widths
 * (whenever max > min and maxLength ≥ 2 — about half of the draws), and some constant sequences.
 * Throws at build time on bad bounds, naming the field.
 *
 * @example fc.sample(widthSequenceArbitrary({ max: 8, maxLength: 4 }), { seed: 1, numRuns: 2 }) // e.g. [[1, 5, 2], [3, 3]]
 */
export function widthSequenceArbitrary(constraints: WidthSequenceConstraints = {}): fc.Arbitrary<number[]> {
  const api = 'widthSequenceArbitrary';
  const min = checkInteger(api, 'min', constraints.min ?? 1, 1);
  const max = checkInteger(api, 'max', constraints.max ?? 64, min);
  const minLength = checkInteger(api, 'minLength', constraints.minLength ?? 1, 0);
  const maxLength = checkInteger(api, 'maxLength', constraints.maxLength ?? 12, minLength);
  const width = widthArbitrary({ min, max });
  const arbs: fc.WeightedArbitrary<number[]>[] = [
    { arbitrary: fc.array(width, { minLength, maxLength }), weight: 2 },
    {
      arbitrary: fc
        .tuple(width, fc.integer({ min: minLength, max: maxLength }))
        .map(([w, n]) => Array.from({ length: n }, () => w)),
      weight: 1,
    },
  ];
  if (max > min && maxLength >= 2) {
    const varying = fc
      .tuple(
        fc.array(width, { minLength: Math.max(2, minLength), maxLength }),
        fc.nat(),
        fc.integer({ min, max: max - 1 }),
      )
      .map(([ws, i, w]) => {
        const out = [...ws];
        // put a width different from out[0] at some position j ≥ 1
        out[1 + (i % (out.length - 1))] = w >= out[0]! ? w + 1 : w;
        return out;
      });
    arbs.push({ arbitrary: varying, weight: 3 });
  }
  return fc.oneof(...arbs);
}
