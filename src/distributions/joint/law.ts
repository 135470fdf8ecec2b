import type { Fraction } from 'fraction.js';
import type { JointDiscrete } from './types.ts';

/** Canonical key of a rational (lowest terms). */
export function keyOf(x: Fraction): string {
  return x.toFraction();
}

/** A finite law as a map from canonical key to (value, total probability), zero masses dropped. */
export type Law<V> = Map<string, { readonly value: V; readonly p: Fraction }>;

function addTo<V>(law: Law<V>, key: string, value: V, p: Fraction): void {
  const prev = law.get(key);
  law.set(key, { value, p: prev ? prev.p.add(p) : p });
}

function dropZeros<V>(law: Law<V>): Law<V> {
  for (const [k, e] of law) if (e.p.equals(0)) law.delete(k);
  return law;
}

/**
 * Law of the point (x, y) after an exact map of the atoms, repeated points merged.
 *
 * @example pointLaw(J, (x, y) => [x.neg(), y]) // law of (−x, y)
 */
export function pointLaw(
  J: JointDiscrete,
  map: (x: Fraction, y: Fraction) => readonly [Fraction, Fraction] = (x, y) => [x, y],
): Law<readonly [Fraction, Fraction]> {
  const law: Law<readonly [Fraction, Fraction]> = new Map();
  for (const a of J.atoms) {
    const pt = map(a.x, a.y);
    addTo(law, `${keyOf(pt[0])},${keyOf(pt[1])}`, pt, a.p);
  }
  return dropZeros(law);
}

/**
 * Law of one coordinate, optionally negated.
 *
 * @example marginalLaw(J, 'x').get('1')?.p // P(x = 1)
 */
export function marginalLaw(J: JointDiscrete, coordinate: 'x' | 'y', negate = false): Law<Fraction> {
  const law: Law<Fraction> = new Map();
  for (const a of J.atoms) {
    const v = negate ? a[coordinate].neg() : a[coordinate];
    addTo(law, keyOf(v), v, a.p);
  }
  return dropZeros(law);
}

/** Exact equality of two finite laws (same support, same masses). */
export function lawsEqual<V>(a: Law<V>, b: Law<V>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, e] of a) {
    const f = b.get(k);
    if (f === undefined || !f.p.equals(e.p)) return false;
  }
  return true;
}
