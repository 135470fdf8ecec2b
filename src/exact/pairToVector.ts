import type { Fraction } from 'fraction.js';
import type { VectorDistribution } from './vectorDistribution.ts';

/**
 * A finite joint law of (x, y) as the law of the 2-vector (x, y).
 *
 * @example pairToVector({ atoms: [{ x: q(1), y: q(0), p: q(1) }] }).atoms[0].x // [1, 0]
 */
export function pairToVector(d: { atoms: readonly { x: Fraction; y: Fraction; p: Fraction }[] }): VectorDistribution {
  return { atoms: d.atoms.map((a) => ({ x: [a.x, a.y], p: a.p })) };
}
