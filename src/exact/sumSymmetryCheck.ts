import { Fraction } from 'fraction.js';
import { qToString } from '../algebra/rational.ts';
import { sumOfSymmetricCounterexample } from '../distributions/joint/sumOfSymmetricCounterexample.ts';

const lawOf = (atoms: { v: Fraction; p: Fraction }[]) => {
  const m = new Map<string, Fraction>();
  for (const a of atoms) m.set(a.v.toFraction(), (m.get(a.v.toFraction()) ?? new Fraction(0)).add(a.p));
  return m;
};
const isSymmetric = (atoms: { v: Fraction; p: Fraction }[]) => {
  const law = lawOf(atoms);
  return [...law].every(([v, p]) => (law.get(new Fraction(v).neg().toFraction()) ?? new Fraction(0)).equals(p));
};

/**
 * Evaluates "X, Y symmetric ⇒ X + Y symmetric" on the explicit counterexample, for an exact check.
 *
 * @example sumSymmetryEvidence().holds // false
 */
export function sumSymmetryEvidence(): { holds: boolean; evidence: string } {
  const d = sumOfSymmetricCounterexample();
  const xs = d.atoms.map((a) => ({ v: a.x, p: a.p }));
  const ys = d.atoms.map((a) => ({ v: a.y, p: a.p }));
  const sums = d.atoms.map((a) => ({ v: a.x.add(a.y), p: a.p }));
  const premise = isSymmetric(xs) && isSymmetric(ys);
  return {
    holds: !premise || isSymmetric(sums),
    evidence: `(X, Y) uniform on {(1,1), (−1,0), (0,−1)}: X and Y symmetric (${premise}), X + Y takes ${sums.map((s) => qToString(s.v)).join(', ')} with probability 1/3 each — not symmetric`,
  };
}
