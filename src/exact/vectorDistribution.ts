import { Fraction } from 'fraction.js';

/** A finitely supported distribution of a random vector with exact rational atoms and probabilities. */
export interface VectorDistribution {
  readonly atoms: readonly { readonly x: readonly Fraction[]; readonly p: Fraction }[];
}

/** A finitely supported scalar law (e.g. of a weight entry), exact. */
export type ScalarAtoms = readonly { readonly value: Fraction; readonly probability: Fraction }[];

/**
 * Merges equal atoms (same vector) by adding their probabilities and drops zero-probability atoms;
 * the order of first appearance is kept so results are deterministic.
 *
 * @example mergeAtoms({ atoms: [{ x: [q(1)], p: q(1, 2) }, { x: [q(1)], p: q(1, 2) }] }) // one atom, p = 1
 */
export function mergeAtoms(d: VectorDistribution): VectorDistribution {
  const byKey = new Map<string, { x: readonly Fraction[]; p: Fraction }>();
  for (const a of d.atoms) {
    if (a.p.equals(0)) continue;
    const key = a.x.map((v) => v.toFraction()).join(',');
    const prev = byKey.get(key);
    byKey.set(key, prev ? { x: prev.x, p: prev.p.add(a.p) } : { x: a.x, p: a.p });
  }
  return { atoms: [...byKey.values()] };
}

/** E[f(x)] exactly. */
export function vectorExpectation(d: VectorDistribution, f: (x: readonly Fraction[]) => Fraction): Fraction {
  return d.atoms.reduce((acc, a) => acc.add(a.p.mul(f(a.x))), new Fraction(0));
}
