import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Fraction } from 'fraction.js';
import { entryMoments } from '../exact/entryMoments.ts';
import { isVectorInvariant } from '../exact/isVectorInvariant.ts';
import { mergeAtoms, type VectorDistribution } from '../exact/vectorDistribution.ts';
import { hasEqualSquareCovariances, isHeRandomVector } from '../exact/vectorPredicates.ts';
import { couplingVectorArbitrary } from './couplingVectorArbitrary.ts';

/** 500 draws at width 3 (each law is built over n² index pairs; 1,000 take ≈ 30 s on a shared core). */
const DRAWS = 500;
/** Width 4: up to 625 points per law, and the independence test builds the product of 4 marginals. */
const DRAWS_W4 = 200;
const MIN_SHARE = 0.03;

/** Law of coordinate i, as a sorted key. */
const marginalKey = (d: VectorDistribution, i: number) =>
  mergeAtoms({ atoms: d.atoms.map((a) => ({ x: [a.x[i]!], p: a.p })) })
    .atoms.map((a) => `${a.x[0]!.toFraction()}:${a.p.toFraction()}`)
    .sort()
    .join(';');

/** Exactly: the law is the product of its marginals. */
function isIndependentVector(d: VectorDistribution): boolean {
  const w = d.atoms[0]!.x.length;
  const merged = mergeAtoms(d);
  const marginals = [...Array(w).keys()].map((i) => mergeAtoms({ atoms: d.atoms.map((a) => ({ x: [a.x[i]!], p: a.p })) }).atoms);
  const mass = new Map(merged.atoms.map((a) => [a.x.map((v) => v.toFraction()).join(','), a.p]));
  let product: { x: Fraction[]; p: Fraction }[] = [{ x: [], p: new Fraction(1) }];
  for (const m of marginals) product = product.flatMap((a) => m.map((b) => ({ x: [...a.x, b.x[0]!], p: a.p.mul(b.p) })));
  return product.length === merged.atoms.length && product.every((a) => mass.get(a.x.map((v) => v.toFraction()).join(','))?.equals(a.p) === true);
}

function classesOf(d: VectorDistribution): string[] {
  const w = d.atoms[0]!.x.length;
  const flips = [...Array(w).keys()].filter((i) => isVectorInvariant(d, (x) => x.map((v, m) => (m === i ? v.neg() : v))));
  const m = entryMoments(d);
  const c = m.crossSquares[0]!.sub(m.second[0]!.pow(2));
  const out: string[] = [];
  if (!isVectorInvariant(d, (x) => x.map((v) => v.neg()))) out.push('not centrally symmetric');
  if (!isVectorInvariant(d, (x) => [x[1]!, x[0]!, ...x.slice(2)])) out.push('not exchangeable');
  out.push(flips.length === 0 ? 'no sign flip' : flips.length === w ? 'every sign flip' : 'some sign flips, not all');
  if (!isIndependentVector(d)) out.push(c.lt(0) ? 'dependent, c < 0' : c.equals(0) ? 'dependent, c = 0' : 'dependent, c > 0');
  return out;
}
const CLASSES = ['not centrally symmetric', 'not exchangeable', 'no sign flip', 'some sign flips, not all', 'every sign flip', 'dependent, c < 0', 'dependent, c = 0', 'dependent, c > 0'];

describe('couplingVectorArbitrary', () => {
  it.for([2, 3, 4])('width %i: every law is a He random vector with identically distributed entries and equal c over pairs', (width) => {
    fc.assert(
      fc.property(couplingVectorArbitrary({ width }), (d) => {
        expect(d.atoms.every((a) => a.x.length === width && a.p.gt(0))).toBe(true);
        expect(d.atoms.reduce((s, a) => s.add(a.p), new Fraction(0)).equals(1)).toBe(true);
        expect(isHeRandomVector(d)).toBe(true);
        expect(hasEqualSquareCovariances(d)).toBe(true);
        for (let i = 1; i < width; i++) expect(marginalKey(d, i)).toBe(marginalKey(d, 0));
        expect(entryMoments(d).second[0]!.gt(0)).toBe(true);
      }),
      { seed: 1401, numRuns: width <= 3 ? 200 : 100 },
    );
  });

  it.for<[number, number]>([
    [3, DRAWS],
    [4, DRAWS_W4],
  ])(`width %i (Proposition 3's inputs, w₀ > 2): each class in ≥ ${MIN_SHARE * 100}% of %i draws (seed 15)`, { timeout: 300_000 }, ([width, draws]) => {
    const counts = new Map(CLASSES.map((k) => [k, 0]));
    for (const d of fc.sample(couplingVectorArbitrary({ width }), { seed: 15, numRuns: draws })) for (const k of classesOf(d)) counts.set(k, counts.get(k)! + 1);
    console.log(`width-${width} classes over ${draws} draws:`, Object.fromEntries(counts));
    for (const k of CLASSES) expect(counts.get(k)!, `class '${k}'`).toBeGreaterThanOrEqual(MIN_SHARE * draws);
  });

  it('rejects bad constraints at build time', () => {
    expect(() => couplingVectorArbitrary({ width: 5 })).toThrow('couplingVectorArbitrary: constraints.width must be 2 to 4, got 5');
    expect(() => couplingVectorArbitrary({ maxAtoms: 0 })).toThrow('couplingVectorArbitrary: constraints.maxAtoms must be an integer >= 1, got 0');
  });
});
