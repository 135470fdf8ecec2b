import { Fraction } from 'fraction.js';
import type { JointAtom, JointDiscrete } from './types.ts';
import { keyOf } from './law.ts';

/**
 * The joint law proportional to the given non-negative masses: repeated points merged (first
 * appearance order kept), zero masses dropped, probabilities divided by their total so they sum
 * to exactly 1. Throws when a mass is negative or the total is 0.
 *
 * @example normalizedJoint([{ x: q(1), y: q(1), p: q(3) }, { x: q(1), y: q(1), p: q(1) }]).atoms[0].p.toFraction() // '1'
 */
export function normalizedJoint(atoms: readonly JointAtom[]): JointDiscrete {
  const merged = new Map<string, { x: Fraction; y: Fraction; p: Fraction }>();
  let total = new Fraction(0);
  for (const a of atoms) {
    if (a.p.lt(0)) throw new Error(`normalizedJoint: masses must be >= 0, got ${a.p.toFraction()}`);
    const key = `${keyOf(a.x)},${keyOf(a.y)}`;
    const prev = merged.get(key);
    merged.set(key, { x: a.x, y: a.y, p: prev ? prev.p.add(a.p) : a.p });
    total = total.add(a.p);
  }
  if (total.equals(0)) throw new Error('normalizedJoint: total mass must be > 0, got 0');
  return {
    atoms: [...merged.values()].filter((a) => !a.p.equals(0)).map((a) => ({ x: a.x, y: a.y, p: a.p.div(total) })),
  };
}
