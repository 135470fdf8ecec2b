import type { DiscreteSymmetricDistribution } from '../types.ts';
import type { JointAtom, JointDiscrete } from './types.ts';

/**
 * The product law of x ~ d1 and y ~ d2 (independent): atoms (a, b) with mass P₁(a)·P₂(b).
 *
 * @example independentJoint(rademacher(), rademacher()).atoms.map((a) => a.p.toFraction()) // ['1/4', '1/4', '1/4', '1/4']
 */
export function independentJoint(
  d1: DiscreteSymmetricDistribution,
  d2: DiscreteSymmetricDistribution,
): JointDiscrete {
  const atoms: JointAtom[] = [];
  for (const a of d1.atoms) for (const b of d2.atoms) atoms.push({ x: a.value, y: b.value, p: a.probability.mul(b.probability) });
  return { atoms };
}
