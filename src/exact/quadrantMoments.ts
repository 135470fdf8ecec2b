import { Fraction } from 'fraction.js';

type JointAtoms = readonly { readonly x: Fraction; readonly y: Fraction; readonly p: Fraction }[];

/**
 * Quadrant moments Q_st = E[x²y²; sign x = s, sign y = t] of a finite joint law (atoms on an axis
 * contribute nothing to any of them, and nothing to E[φ²(x)φ²(y)]).
 *
 * @example quadrantMoments(lemma2Counterexample().atoms) // { qPP: 2/5, qPM: 8/5, qMP: 8/5, qMM: 2/5 }
 */
export function quadrantMoments(atoms: JointAtoms): { qPP: Fraction; qPM: Fraction; qMP: Fraction; qMM: Fraction } {
  const zero = new Fraction(0);
  const q = { qPP: zero, qPM: zero, qMP: zero, qMM: zero };
  for (const a of atoms) {
    const sx = a.x.compare(0);
    const sy = a.y.compare(0);
    if (sx === 0 || sy === 0) continue;
    const m = a.p.mul(a.x.pow(2)).mul(a.y.pow(2));
    const key = sx > 0 ? (sy > 0 ? 'qPP' : 'qPM') : sy > 0 ? 'qMP' : 'qMM';
    q[key] = q[key].add(m);
  }
  return q;
}

/**
 * The law of (εx, y) with ε = ±1 a fair sign independent of (x, y): the sign-flip symmetrisation.
 * It keeps x and y uncorrelated, zero-mean, symmetric and identically distributed when they were,
 * and makes (x, y) and (−x, y) equal in law (the hypothesis Lemma 2's proof actually uses).
 *
 * @example signFlipSymmetrize({ atoms: [{ x: q(1), y: q(1), p: q(1) }] }) // P(1,1) = P(-1,1) = 1/2
 */
export function signFlipSymmetrize<A extends { atoms: JointAtoms }>(d: A): { atoms: JointAtoms } {
  const half = new Fraction(1, 2);
  return {
    atoms: d.atoms.flatMap((a) => [
      { x: a.x, y: a.y, p: a.p.mul(half) },
      { x: a.x.neg(), y: a.y, p: a.p.mul(half) },
    ]),
  };
}
