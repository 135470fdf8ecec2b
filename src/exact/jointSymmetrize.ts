import { Fraction } from 'fraction.js';
import { normalizedJoint } from '../distributions/joint/normalizedJoint.ts';
import type { JointDiscrete } from '../distributions/joint/types.ts';

type JointAtoms = readonly { readonly x: Fraction; readonly y: Fraction; readonly p: Fraction }[];

/**
 * The law of (x, y) averaged over the chosen reflections, repeated points merged: `x` multiplies x by
 * an independent fair sign ((x, y) =ᵈ (−x, y) afterwards), `y` the same for y, `central` averages
 * with (−x, −y). Each keeps identical, symmetric, zero-mean marginals and Cov[x, y] = 0 when they
 * held, and leaves c = Cov[x², y²] unchanged.
 *
 * @example jointSymmetrize({ atoms: [{ x: q(1), y: q(2), p: q(1) }] }, { x: true, y: true }).atoms.length // 4, each 1/4
 */
export function jointSymmetrize(d: { atoms: JointAtoms }, by: { x?: boolean; y?: boolean; central?: boolean }): JointDiscrete {
  let atoms = [...d.atoms];
  if (by.x) atoms = atoms.flatMap((a) => [a, { x: a.x.neg(), y: a.y, p: a.p }]);
  if (by.y) atoms = atoms.flatMap((a) => [a, { x: a.x, y: a.y.neg(), p: a.p }]);
  if (by.central) atoms = atoms.flatMap((a) => [a, { x: a.x.neg(), y: a.y.neg(), p: a.p }]);
  return normalizedJoint(atoms);
}
