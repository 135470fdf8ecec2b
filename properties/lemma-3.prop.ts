/**
 * Lemma 3. "Consider the product of matrices B = ∏_{l=0}^{d} A^(d−l) as given in Proposition 3,
 * with w > 1. B is of the form [[α, β/σ_x⁴, β], [γσ_x⁴, δ, σ_x⁴(δ−1)], [0, 0, 1]] (1)
 * with γ > 0, α ≥ γ, δ > 0, β ≥ δ."
 */
import { Fraction } from 'fraction.js';
import fc from 'fast-check';
import { rationalField } from '../src/algebra/field.ts';
import { rationalKurtosisArbitrary } from '../src/arbitraries/rationalKurtosisArbitrary.ts';
import { rationalSlopeArbitrary } from '../src/arbitraries/rationalSlopeArbitrary.ts';
import { widthSequenceArbitrary } from '../src/arbitraries/widthSequenceArbitrary.ts';
import { lemma3Parameters } from '../src/theory/lemma3Parameters.ts';
import { matMul } from '../src/theory/matrix.ts';
import { transitionProduct } from '../src/theory/transitionProduct.ts';
import { propertyCheck } from '../src/verify/propertyCheck.ts';
import { symbolicIdentityCheck } from '../src/verify/symbolicIdentityCheck.ts';
import type { StatementSpec } from '../src/verify/types.ts';

const positiveRational = fc
  .tuple(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 12 }))
  .map(([n, d]) => new Fraction(n, d));
const varianceArb = fc.integer({ min: 1, max: 12 }).map((n) => new Fraction(n, 4));
const productCase = fc.record({
  widths: widthSequenceArbitrary({ min: 2, max: 16, minLength: 1, maxLength: 10 }),
  slope: rationalSlopeArbitrary(),
  kw: rationalKurtosisArbitrary(),
  variance: varianceArb,
});
/** (α_i, β_i, γ_i, δ_i) meeting the induction hypothesis: γ > 0, α ≥ γ, δ > 0, β ≥ δ (equality included). */
const nonNegativeRational = positiveRational.chain((r) => fc.constantFrom(new Fraction(0), r));
const lemma3Quadruple = fc
  .tuple(positiveRational, nonNegativeRational, positiveRational, nonNegativeRational)
  .map(([gamma, alphaExcess, delta, betaExcess]) => ({ alpha: gamma.add(alphaExcess), gamma, delta, beta: delta.add(betaExcess) }));

/** The generic Lemma 3 matrix in Algebrite syntax (s = σ⁴). */
const form = (i: string) => `[[al${i}, be${i}/s, be${i}], [ga${i}*s, de${i}, s*(de${i}-1)], [0, 0, 1]]`;

export const lemma3: StatementSpec = {
  id: 'lemma-3',
  title: 'Lemma 3: the (α, β, γ, δ) form of products of transition matrices',
  statement:
    'The product B = ∏_{l=0}^{d} A^(d−l) of Proposition 3 matrices, with w > 1, is of the form [[α, β/σ_x⁴, β], [γσ_x⁴, δ, σ_x⁴(δ−1)], [0, 0, 1]] with γ > 0, α ≥ γ, δ > 0, β ≥ δ.',
  checks: [
    propertyCheck({
      id: 'lemma-3/statement/exact',
      role: 'statement',
      kind: 'exact',
      source: 'Lemma 3, eq. (1)',
      description:
        'For generated varying width sequences (every w_l ≥ 2), rational slopes (negative, 0, in (0,1), 1, > 1), κ_w ≥ 1 and σ²: the exact product has form (1) and its parameters satisfy the inequalities.',
      arbitrary: productCase,
      predicate: ({ widths, slope, kw, variance }) => {
        const p = lemma3Parameters(rationalField, transitionProduct(rationalField, { widths, slope, weightKurtosis: kw, variance }), variance);
        return p.matchesForm && p.gamma.compare(0) > 0 && p.alpha.compare(p.gamma) >= 0 && p.delta.compare(0) > 0 && p.beta.compare(p.delta) >= 0;
      },
    }),
    propertyCheck({
      id: 'lemma-3/step/base-case',
      role: 'step',
      kind: 'exact',
      source: 'Lemma 3, proof: "For d = 0 we have B = A^(0), which is satisfied by the definition of A^(0)"',
      description: 'A single A^(l) with w ≥ 2 has form (1) with γ > 0, α ≥ γ (κ_w ≥ 1), δ > 0, β ≥ δ.',
      arbitrary: fc.record({ width: fc.integer({ min: 2, max: 1000 }), slope: rationalSlopeArbitrary(), kw: rationalKurtosisArbitrary(), variance: varianceArb }),
      predicate: ({ width, slope, kw, variance }) => {
        const p = lemma3Parameters(rationalField, transitionProduct(rationalField, { widths: [width], slope, weightKurtosis: kw, variance }), variance);
        return p.matchesForm && p.gamma.compare(0) > 0 && p.alpha.compare(p.gamma) >= 0 && p.delta.compare(0) > 0 && p.beta.compare(p.delta) >= 0;
      },
    }),
    symbolicIdentityCheck({
      id: 'lemma-3/step/product-entries',
      role: 'step',
      source: 'Lemma 3, proof: A^(d+1)C = [[α₁α₂+β₁γ₂, (α₁β₂+β₁δ₂)/σ⁴, α₁β₂+β₁δ₂], [(γ₁α₂+δ₁γ₂)σ⁴, γ₁β₂+δ₁δ₂, σ⁴(γ₁β₂+δ₁δ₂−1)], [0, 0, 1]]',
      description: 'The product of two matrices of form (1), entry by entry, symbolically.',
      lhs: `dot(${form('1')}, ${form('2')})`,
      rhs: '[[al1*al2+be1*ga2, (al1*be2+be1*de2)/s, al1*be2+be1*de2], [(ga1*al2+de1*ga2)*s, ga1*be2+de1*de2, s*(ga1*be2+de1*de2-1)], [0, 0, 1]]',
    }),
    propertyCheck({
      id: 'lemma-3/step/inequalities-preserved',
      role: 'step',
      kind: 'exact',
      source: 'Lemma 3, proof, last display: γ > 0, α ≥ γ > 0, δ > 0, β ≥ δ > 0',
      description: 'If both factors satisfy the inequalities, so does the product (exact over generated rational parameters).',
      arbitrary: fc.tuple(lemma3Quadruple, lemma3Quadruple),
      predicate: ([m1, m2]) => {
        const [[alpha, beta], [gamma, delta]] = matMul(rationalField, [[m1.alpha, m1.beta], [m1.gamma, m1.delta]], [[m2.alpha, m2.beta], [m2.gamma, m2.delta]]) as Fraction[][] as [[Fraction, Fraction], [Fraction, Fraction]];
        return gamma.compare(0) > 0 && alpha.compare(gamma) >= 0 && delta.compare(0) > 0 && beta.compare(delta) >= 0;
      },
    }),
  ],
};
