/**
 * Lemma 5. "Consider the matrix A = A^(l) from Proposition 3 raised to the power m. If m → ∞, then
 * α_m, β_m, γ_m, δ_m from the representation of A^m in the form from Lemma 3 go to infinity."
 *
 * Finding: false for w_l = 1, which Proposition 3 admits: then β_m = δ_m = 0 for every m. True for w_l ≥ 2.
 */
import { Fraction } from 'fraction.js';
import fc from 'fast-check';
import { numberField, rationalField } from '../src/algebra/field.ts';
import { qToString } from '../src/algebra/rational.ts';
import { rationalKurtosisArbitrary } from '../src/arbitraries/rationalKurtosisArbitrary.ts';
import { rationalSlopeArbitrary } from '../src/arbitraries/rationalSlopeArbitrary.ts';
import { slopeArbitrary } from '../src/arbitraries/slopeArbitrary.ts';
import { weightKurtosisArbitrary } from '../src/arbitraries/weightKurtosisArbitrary.ts';
import { lemma3Parameters } from '../src/theory/lemma3Parameters.ts';
import { matMul, type Matrix } from '../src/theory/matrix.ts';
import { reducedTransitionMatrix } from '../src/theory/reducedTransitionMatrix.ts';
import { transitionMatrix } from '../src/theory/transitionMatrix.ts';
import { exactCheck } from '../src/verify/exactCheck.ts';
import { propertyCheck } from '../src/verify/propertyCheck.ts';
import type { StatementSpec } from '../src/verify/types.ts';

/** Lower bound the four parameters must pass at m = 2^14 (float check). */
const DIVERGENCE_LEVEL = 1e6;
const SQUARINGS = 14;

/** (α_m, β_m/σ⁴, γ_mσ⁴, δ_m) = entries of A₋^m (the top-left block of A^m), by repeated squaring in float64. */
function reducedPowerEntries(p: { width: number; slope: number; kw: number }): number[] {
  let M: Matrix<number> = reducedTransitionMatrix(numberField, { slope: p.slope, width: p.width, weightKurtosis: p.kw, variance: 1 });
  for (let i = 0; i < SQUARINGS; i++) M = matMul(numberField, M, M);
  return M.flat();
}
const floatCase = (minWidth: number) =>
  fc.record({ width: fc.integer({ min: minWidth, max: 64 }), slope: slopeArbitrary({ min: -4, max: 4 }), kw: weightKurtosisArbitrary({ max: 100 }) });

export const lemma5: StatementSpec = {
  id: 'lemma-5',
  title: 'Lemma 5: the Lemma 3 parameters of A^m diverge',
  statement:
    'Consider the matrix A = A^(l) from Proposition 3 raised to the power m. If m → ∞, then α_m, β_m, γ_m, δ_m from the representation of A^m in the form from Lemma 3 go to infinity.',
  corrected: { statement: 'For w_l ≥ 2 (every slope, κ_w ≥ 1), α_m, β_m, γ_m, δ_m of A^m go to infinity (geometrically, at rate λ_max(A₋) > 1).' },
  checks: [
    propertyCheck({
      id: 'lemma-5/statement/float',
      role: 'statement',
      kind: 'float',
      source: 'Lemma 5',
      description: `Every width Proposition 3 admits (1 ≤ w ≤ 64): all four parameters of A^m exceed ${DIVERGENCE_LEVEL} at m = 2^${SQUARINGS}.`,
      arbitrary: floatCase(1),
      predicate: (c) => reducedPowerEntries(c).every((e) => e > DIVERGENCE_LEVEL),
      explain: (c) => `w = ${c.width}, a = ${c.slope}, κ_w = ${c.kw}: entries of A₋^m = [${reducedPowerEntries(c).join(', ')}]`,
      tolerance: `divergence witnessed as every parameter > ${DIVERGENCE_LEVEL} at m = 2^${SQUARINGS} (λ_max(A₋) ≥ 1.02 for w ≤ 64)`,
      examples: [{ width: 1, slope: 0, kw: 3 }],
    }),
    exactCheck({
      id: 'lemma-5/statement/width-one',
      role: 'statement',
      source: 'Lemma 5 at w_l = 1',
      description: 'For w = 1 (a = 0, κ_w = 3), the exact A^m has β_m = δ_m = 0 for m = 1, …, 12.',
      evaluate: () => {
        const A = transitionMatrix(rationalField, { slope: new Fraction(0), width: 1, weightKurtosis: new Fraction(3), variance: new Fraction(1) });
        let M = A;
        const seen: string[] = [];
        let allZero = true;
        for (let m = 1; m <= 12; m++) {
          const p = lemma3Parameters(rationalField, M, new Fraction(1));
          if (m <= 3) seen.push(`m=${m}: α=${qToString(p.alpha)}, β=${qToString(p.beta)}, γ=${qToString(p.gamma)}, δ=${qToString(p.delta)}`);
          allZero &&= p.beta.equals(0) && p.delta.equals(0);
          M = matMul(rationalField, A, M);
        }
        return { holds: !allZero, evidence: `w = 1, a = 0, κ_w = 3: β_m = δ_m = 0 for all m ≤ 12 (${seen.join('; ')}; …)` };
      },
    }),
    propertyCheck({
      id: 'lemma-5/corrected/width-at-least-2',
      role: 'corrected',
      kind: 'float',
      source: 'Lemma 5 with w_l ≥ 2',
      description: `For 2 ≤ w ≤ 64: all four parameters of A^m exceed ${DIVERGENCE_LEVEL} at m = 2^${SQUARINGS}.`,
      arbitrary: floatCase(2),
      predicate: (c) => reducedPowerEntries(c).every((e) => e > DIVERGENCE_LEVEL),
      explain: (c) => `w = ${c.width}, a = ${c.slope}, κ_w = ${c.kw}`,
      tolerance: `divergence witnessed as every parameter > ${DIVERGENCE_LEVEL} at m = 2^${SQUARINGS}`,
      examples: [{ width: 64, slope: 1, kw: 1 }],
    }),
    propertyCheck({
      id: 'lemma-5/step/parameter-recursions',
      role: 'step',
      kind: 'exact',
      source: 'Lemma 5, proof: α_{m+1} = α_mα_1 + β_mγ_1, γ_{m+1} = γ_1α_m + δ_1γ_m, δ_{m+1} = γ_mβ_1 + δ_mδ_1 (printed "δ_mδ_2")',
      description: 'The parameter recursions of A^(m+1) = A^m·A hold exactly for m ≤ 6 (reading the printed δ_2 as δ_1).',
      arbitrary: fc.record({ width: fc.integer({ min: 1, max: 50 }), slope: rationalSlopeArbitrary(), kw: rationalKurtosisArbitrary() }),
      predicate: ({ width, slope, kw }) => {
        const one = new Fraction(1);
        const A = transitionMatrix(rationalField, { slope, width, weightKurtosis: kw, variance: one });
        const p1 = lemma3Parameters(rationalField, A, one);
        let M = A;
        for (let m = 1; m <= 6; m++) {
          const pm = lemma3Parameters(rationalField, M, one);
          const next = lemma3Parameters(rationalField, matMul(rationalField, M, A), one);
          const ok =
            next.alpha.equals(pm.alpha.mul(p1.alpha).add(pm.beta.mul(p1.gamma))) &&
            next.gamma.equals(p1.gamma.mul(pm.alpha).add(p1.delta.mul(pm.gamma))) &&
            next.delta.equals(pm.gamma.mul(p1.beta).add(pm.delta.mul(p1.delta)));
          if (!ok) return false;
          M = matMul(rationalField, M, A);
        }
        return true;
      },
    }),
  ],
};
