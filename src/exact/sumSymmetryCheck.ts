import { qToString } from '../algebra/rational.ts';
import { hasSymmetricMarginals } from '../distributions/joint/hasSymmetricMarginals.ts';
import { sumOfSymmetricCounterexample } from '../distributions/joint/sumOfSymmetricCounterexample.ts';

/**
 * Evaluates "X, Y symmetric ⇒ X + Y symmetric" on the explicit counterexample, for an exact check.
 * The law of X + Y is tested as the (identical) marginals of the pair (X + Y, X + Y).
 *
 * @example sumSymmetryEvidence().holds // false
 */
export function sumSymmetryEvidence(): { holds: boolean; evidence: string } {
  const d = sumOfSymmetricCounterexample();
  const sums = d.atoms.map((a) => ({ x: a.x.add(a.y), y: a.x.add(a.y), p: a.p }));
  const premise = hasSymmetricMarginals(d);
  return {
    holds: !premise || hasSymmetricMarginals({ atoms: sums }),
    evidence: `(X, Y) uniform on {(1,1), (−1,0), (0,−1)}: X and Y symmetric (${premise}), X + Y takes ${sums.map((s) => qToString(s.x)).join(', ')} with probability 1/3 each — not symmetric`,
  };
}
