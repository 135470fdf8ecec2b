/**
 * Lemma 4. "The largest eigenvalue of any matrix A^(l) from Proposition 3 is larger than 1."
 *
 * Findings: (1) false for w_l = 1 with |a| = 1 and κ_w = 1 (Proposition 3 admits w_l = 1; Lemma 3's
 * "w > 1" is not repeated here): then λ_max = 1 exactly. The exact criterion is
 * λ_max > 1 ⟺ 2(a⁴+1)(κ_w + 3w − 3) > w(a²+1)², true for all w ≥ 2. (2) The proof's case split
 * (κ_w < 3, κ_w > 3) omits κ_w = 3 — the normal distribution; the conclusion holds there (det = 0 < tr − 1).
 */
import { Fraction } from 'fraction.js';
import fc from 'fast-check';
import { rationalField } from '../src/algebra/field.ts';
import { qToString } from '../src/algebra/rational.ts';
import { rationalKurtosisArbitrary } from '../src/arbitraries/rationalKurtosisArbitrary.ts';
import { rationalSlopeArbitrary } from '../src/arbitraries/rationalSlopeArbitrary.ts';
import { largestEigenvalueExceedsOne } from '../src/theory/largestEigenvalueExceedsOne.ts';
import { reducedTraceAndDeterminant } from '../src/theory/reducedTraceAndDeterminant.ts';
import { reducedTransitionMatrix } from '../src/theory/reducedTransitionMatrix.ts';
import { eigenvalues2x2 } from '../src/theory/eigenvalues2x2.ts';
import { propertyCheck } from '../src/verify/propertyCheck.ts';
import { symbolicIdentityCheck } from '../src/verify/symbolicIdentityCheck.ts';
import type { StatementSpec } from '../src/verify/types.ts';

const q = (n: number, d = 1) => new Fraction(n, d);
const widthArb = (min: number) => fc.oneof(fc.integer({ min, max: 8 }), fc.integer({ min, max: 10_000 }));
const caseArb = (minWidth: number) =>
  fc.record({ width: widthArb(minWidth), slope: rationalSlopeArbitrary(), kw: rationalKurtosisArbitrary() });
type Case = { width: number; slope: Fraction; kw: Fraction };

/** Trace and determinant of A₋ computed from the matrix entries (not from the paper's closed forms). */
function traceDet({ width, slope, kw }: Case) {
  const M = reducedTransitionMatrix(rationalField, { slope, width, weightKurtosis: kw, variance: q(1) });
  return {
    trace: M[0]![0]!.add(M[1]![1]!),
    determinant: M[0]![0]!.mul(M[1]![1]!).sub(M[0]![1]!.mul(M[1]![0]!)),
  };
}
const lambdaMaxExceedsOne = (c: Case) => largestEigenvalueExceedsOne(rationalField, traceDet(c));
const explain = (c: Case) => {
  const { trace, determinant } = traceDet(c);
  const { max } = eigenvalues2x2({ trace: trace.valueOf(), determinant: determinant.valueOf() });
  return `w = ${c.width}, a = ${qToString(c.slope)}, κ_w = ${qToString(c.kw)}: tr(A₋) = ${qToString(trace)}, det(A₋) = ${qToString(determinant)}, λ_max(A) = max(${max}, 1)`;
};
const boundary: Case = { width: 1, slope: q(1), kw: q(1) };

/** Paper's g = 2(a⁴+1)/(w(a²+1)²) and the bound used in case κ_w > 3. */
function caseQuantities({ width, slope, kw }: Case) {
  const a2 = slope.pow(2);
  const g = q(2).mul(a2.pow(2).add(1)).div(a2.add(1).pow(2).mul(width));
  return { g, ...reducedTraceAndDeterminant(rationalField, { slope, width, weightKurtosis: kw, variance: q(1) }) };
}

export const lemma4: StatementSpec = {
  id: 'lemma-4',
  title: 'Lemma 4: the largest eigenvalue of A^(l) exceeds 1',
  statement: 'The largest eigenvalue of any matrix A^(l) from Proposition 3 is larger than 1.',
  corrected: {
    statement:
      'For every width w_l ≥ 2, slope a and κ_w ≥ 1, λ_max(A^(l)) > 1. In general λ_max(A^(l)) > 1 ⟺ 2(a⁴+1)(κ_w + 3w_l − 3) > w_l(a²+1)², which fails only at w_l = 1, |a| = 1, κ_w = 1.',
  },
  checks: [
    propertyCheck({
      id: 'lemma-4/statement/exact',
      role: 'statement',
      kind: 'exact',
      source: 'Lemma 4',
      description: 'Every width Proposition 3 admits (w ≥ 1), rational slopes, κ_w ≥ 1: λ_max(A₋) > 1, decided exactly from tr and det.',
      arbitrary: caseArb(1),
      predicate: lambdaMaxExceedsOne,
      explain,
      examples: [boundary],
    }),
    propertyCheck({
      id: 'lemma-4/corrected/width-at-least-2',
      role: 'corrected',
      kind: 'exact',
      source: 'Lemma 4 with w_l ≥ 2',
      description: 'λ_max(A^(l)) > 1 for every w ≥ 2, rational slope and κ_w ≥ 1 (exact).',
      arbitrary: caseArb(2),
      predicate: lambdaMaxExceedsOne,
      explain,
      examples: [{ width: 2, slope: q(1), kw: q(1) }, { width: 10_000, slope: q(1), kw: q(1) }],
    }),
    propertyCheck({
      id: 'lemma-4/corrected/criterion',
      role: 'corrected',
      kind: 'exact',
      source: 'Lemma 4, exact criterion',
      description: 'λ_max(A^(l)) > 1 ⟺ 2(a⁴+1)(κ_w + 3w − 3) > w(a²+1)², for every w ≥ 1.',
      arbitrary: caseArb(1),
      predicate: (c) => {
        const a2 = c.slope.pow(2);
        const criterion = q(2).mul(a2.pow(2).add(1)).mul(c.kw.add(3 * c.width - 3)).compare(a2.add(1).pow(2).mul(c.width)) > 0;
        return criterion === lambdaMaxExceedsOne(c);
      },
      explain,
      examples: [boundary],
    }),
    symbolicIdentityCheck({
      id: 'lemma-4/step/trace',
      role: 'step',
      source: 'Lemma 4, proof: tr(A₋) = 2(a⁴+1)κ_w/(w(a²+1)²) − 1/w + 1',
      description: 'Sum of the diagonal entries of A₋ (Proposition 3) against the printed closed form.',
      lhs: '2*(a^4+1)*k_w/(w*(a^2+1)^2) + (w-1)/w',
      rhs: '2*(a^4+1)*k_w/(w*(a^2+1)^2) - 1/w + 1',
    }),
    symbolicIdentityCheck({
      id: 'lemma-4/step/determinant',
      role: 'step',
      source: 'Lemma 4, proof: det(A₋) = 2(a⁴+1)(w−1)(κ_w−3)/(w²(a²+1)²)',
      description: 'Determinant of A₋ from Proposition 3\'s entries against the printed closed form.',
      lhs: 'det([[2*(a^4+1)*k_w/(w*(a^2+1)^2), 3*(w-1)/(w*s)], [2*(a^4+1)*s/(w*(a^2+1)^2), (w-1)/w]])',
      rhs: '2*(a^4+1)*(w-1)*(k_w-3)/(w^2*(a^2+1)^2)',
    }),
    symbolicIdentityCheck({
      id: 'lemma-4/step/characteristic-polynomial',
      role: 'step',
      source: 'Lemma 4, proof: det(A^(l) − λI) = (λ² + bλ + c)(1 − λ), λ² + bλ + c the characteristic polynomial of A₋',
      description: 'The 3×3 characteristic polynomial factors as (λ² − tr(A₋)λ + det(A₋))(1 − λ).',
      lhs: 'det([[2*(a^4+1)*k_w/(w*(a^2+1)^2) - x, 3*(w-1)/(w*s), 3*(w-1)/w], [2*(a^4+1)*s/(w*(a^2+1)^2), (w-1)/w - x, -s/w], [0, 0, 1 - x]])',
      rhs: '(x^2 - (2*(a^4+1)*k_w/(w*(a^2+1)^2) - 1/w + 1)*x + 2*(a^4+1)*(w-1)*(k_w-3)/(w^2*(a^2+1)^2))*(1-x)',
    }),
    propertyCheck({
      id: 'lemma-4/step/closed-forms-match-matrix',
      role: 'step',
      kind: 'exact',
      source: 'Lemma 4, proof: tr and det closed forms',
      description: 'The closed forms (as implemented) equal tr and det of the implemented A₋, exactly, over generated cases.',
      arbitrary: caseArb(1),
      predicate: (c) => {
        const fromMatrix = traceDet(c);
        const closed = caseQuantities(c);
        return fromMatrix.trace.equals(closed.trace) && fromMatrix.determinant.equals(closed.determinant);
      },
      explain,
    }),
    propertyCheck({
      id: 'lemma-4/step/distinct-real-eigenvalues',
      role: 'step',
      kind: 'exact',
      source: 'Lemma 4, proof: "A₋ is positive and by the Perron theorem it has two distinct real eigenvalues … λ_max > tr/2"',
      description: 'For w ≥ 2, A₋ is entrywise positive and tr² − 4det > 0 (so λ_max > tr/2).',
      arbitrary: caseArb(2),
      predicate: (c) => {
        const M = reducedTransitionMatrix(rationalField, { slope: c.slope, width: c.width, weightKurtosis: c.kw, variance: q(1) });
        const { trace, determinant } = traceDet(c);
        return M.flat().every((e) => e.compare(0) > 0) && trace.pow(2).sub(determinant.mul(4)).compare(0) > 0;
      },
      explain,
    }),
    propertyCheck({
      id: 'lemma-4/step/trace-at-least-one',
      role: 'step',
      kind: 'exact',
      source: 'Lemma 4, proof: "Otherwise, if 1 ≤ tr(A₋) < 2" (the two cases presume tr ≥ 1)',
      description: 'tr(A₋) ≥ 1 for every w ≥ 1, a and κ_w ≥ 1.',
      arbitrary: caseArb(1),
      predicate: (c) => traceDet(c).trace.compare(1) >= 0,
      explain,
    }),
    propertyCheck({
      id: 'lemma-4/step/equivalence-chain',
      role: 'step',
      kind: 'float',
      source: 'Lemma 4, proof: λ_max > 1 ⟺ √(tr² − 4det) > 2 − tr ⟺ tr > det + 1 (for 1 ≤ tr < 2)',
      description: 'With λ_max = (tr + √(tr² − 4det))/2 in float64: for tr < 2, λ_max > 1 iff tr > det + 1 (cases within 1e-9 of the boundary skipped).',
      arbitrary: caseArb(2),
      predicate: (c) => {
        const { trace, determinant } = traceDet(c);
        const t = trace.valueOf();
        const d = determinant.valueOf();
        if (t >= 2) return true;
        const lambdaMax = eigenvalues2x2({ trace: t, determinant: d }).max;
        if (Math.abs(lambdaMax - 1) < 1e-9) return true;
        return lambdaMax > 1 === t > d + 1;
      },
      tolerance: 'cases with |λ_max − 1| < 1e-9 are skipped: float64 square roots are accurate to ~1e-16 relative',
      explain,
    }),
    propertyCheck({
      id: 'lemma-4/step/case-split',
      role: 'step',
      kind: 'exact',
      source: 'Lemma 4, proof: "for κ_w < 3, det + 1 < 1 ≤ tr, and for κ_w > 3, det < 2(a⁴+1)(κ_w−3)/(w(a²+1)²) < 2(a⁴+1)(κ_w−1)/(w(a²+1)²) ≤ tr − 1"',
      description: 'The two cases as written, over every κ_w ≥ 1 and w ≥ 2: one of them must apply and its inequalities hold.',
      arbitrary: caseArb(2),
      predicate: (c) => {
        const { g, trace, determinant } = caseQuantities(c);
        if (c.kw.compare(3) < 0) return determinant.add(1).compare(1) < 0 && trace.compare(1) >= 0;
        if (c.kw.compare(3) > 0) {
          return determinant.compare(g.mul(c.kw.sub(3))) < 0 && g.mul(c.kw.sub(3)).compare(g.mul(c.kw.sub(1))) < 0 && g.mul(c.kw.sub(1)).compare(trace.sub(1)) <= 0;
        }
        return false; // κ_w = 3: neither case of the proof applies.
      },
      explain,
      examples: [{ width: 2, slope: q(0), kw: q(3) }],
    }),
    propertyCheck({
      id: 'lemma-4/step/case-normal-weights',
      role: 'step',
      kind: 'exact',
      source: 'Lemma 4, proof, the missing case κ_w = 3',
      description: 'At κ_w = 3 (normal weights): det(A₋) = 0 and tr(A₋) > 1, so tr > det + 1 and λ_max > 1.',
      arbitrary: fc.record({ width: widthArb(2), slope: rationalSlopeArbitrary(), kw: fc.constant(q(3)) }),
      predicate: (c) => {
        const { trace, determinant } = traceDet(c);
        return determinant.equals(0) && trace.compare(1) > 0;
      },
      explain,
    }),
  ],
};

