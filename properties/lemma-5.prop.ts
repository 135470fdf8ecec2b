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
import { perronCertificate } from '../src/theory/perronCertificate.ts';
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


/** Exact case of the proof-step checks: any width Proposition 3 admits, rational slope, κ_w and σ². */
interface StepCase {
  readonly width: number;
  readonly slope: Fraction;
  readonly kw: Fraction;
  readonly variance: Fraction;
}
const stepCase = (minWidth: number) =>
  fc.record({
    width: fc.integer({ min: minWidth, max: 40 }),
    slope: rationalSlopeArbitrary(),
    kw: rationalKurtosisArbitrary(),
    variance: fc.integer({ min: 1, max: 9 }).map((n) => new Fraction(n, 3)),
  });
/** Powers checked exactly (m = 1 … STEP_POWERS); the entries grow geometrically, denominators stay small. */
const STEP_POWERS = 8;
const one = new Fraction(1);
/** Lemma 3 parameters (α_m, β_m, γ_m, δ_m) of A^m for m = 1 … count, with whether A^m has Lemma 3's form. */
function powerParameters(c: StepCase, count = STEP_POWERS) {
  const A = transitionMatrix(rationalField, { slope: c.slope, width: c.width, weightKurtosis: c.kw, variance: c.variance });
  const out: { m: number; M: Matrix<Fraction>; p: ReturnType<typeof lemma3Parameters<Fraction>> }[] = [];
  let M = A;
  for (let m = 1; m <= count; m++) {
    out.push({ m, M, p: lemma3Parameters(rationalField, M, c.variance) });
    M = matMul(rationalField, M, A);
  }
  return out;
}
const describeCase = (c: StepCase) => `w = ${c.width}, a = ${qToString(c.slope)}, κ_w = ${qToString(c.kw)}, σ² = ${qToString(c.variance)}`;
const maxOf = (xs: readonly Fraction[]) => xs.reduce((a, b) => (a.compare(b) >= 0 ? a : b));
const minOf = (xs: readonly Fraction[]) => xs.reduce((a, b) => (a.compare(b) <= 0 ? a : b));
/** A₋ = the top-left 2×2 block of A^(l), in the coordinates of the case's σ². */
const reducedExact = (c: StepCase): Matrix<Fraction> =>
  reducedTransitionMatrix(rationalField, { slope: c.slope, width: c.width, weightKurtosis: c.kw, variance: c.variance });
/** The Collatz–Wielandt certificate of ‖A^m‖ → ∞, or why there is none. */
function divergenceCertificate(c: StepCase) {
  const R = reducedExact(c);
  if (R[0]![1]!.mul(R[1]![0]!).equals(0)) {
    // Triangular (w = 1: β = δ = 0): the diagonal of A₋^m is (p^m, s^m), so ‖A^m‖ → ∞ iff max(p, s) > 1.
    const top = maxOf([R[0]![0]!, R[1]![1]!]);
    return { ok: top.compare(1) > 0, why: `A₋ = [${R.flat().map(qToString).join(', ')}] is triangular with largest diagonal entry ${qToString(top)}${top.compare(1) > 0 ? ' > 1' : ' ≤ 1: λ_max(A₋) ≤ 1, so ‖A^m‖ stays bounded'}` };
  }
  const cert = perronCertificate(R);
  return { ok: cert.holds && cert.r.compare(1) > 0, cert, why: `certificate r = ${cert.r.valueOf()} (A₋v ≥ rv with v = (${cert.v.map((x) => x.valueOf()).join(', ')}) ${cert.holds ? 'holds' : 'fails'}), r > 1 ${cert.r.compare(1) > 0 ? 'holds' : 'fails'}` };
}

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

    propertyCheck({
      id: 'lemma-5/step/norm-diverges',
      role: 'step',
      kind: 'exact',
      source: 'Lemma 5, proof: "By Lemma 4 λ_max(A) > 1 so lim_{m→∞} ‖A^m‖ = ∞"',
      description:
        'Exact certificate of the divergence: a rational r > 1 and a rational v > 0 with A₋v ≥ rv entrywise (checked in rational arithmetic), so A₋^m v ≥ r^m v and ‖A^m‖ ≥ r^m·min(v)/max(v) → ∞ (for a triangular A₋, w = 1: a diagonal entry > 1). Every width Proposition 3 admits (1 ≤ w ≤ 40), rational slopes, κ_w and σ².',
      arbitrary: stepCase(1),
      predicate: (c) => divergenceCertificate(c).ok,
      explain: (c) => `${describeCase(c)}: ${divergenceCertificate(c).why}`,
      examples: [{ width: 1, slope: one, kw: one, variance: one }],
    }),
    propertyCheck({
      id: 'lemma-5/step/norm-bounds-parameters',
      role: 'step',
      kind: 'exact',
      source: 'Lemma 5, proof: "‖A^m‖ → ∞, so it must be that at least one of α_m, β_m, γ_m, δ_m goes to infinity"',
      description:
        'A^m has Lemma 3\'s form exactly for m = 1…8, and every entry is at most K·(max(α_m, β_m, γ_m, δ_m) + 1) with K = max(1, σ⁴, σ⁻⁴), so an unbounded norm forces an unbounded parameter. (The proof then treats "unbounded" as "tends to infinity"; the corrected check below shows all four do tend to infinity for w ≥ 2.)',
      arbitrary: stepCase(1),
      predicate: (c) => {
        const s4 = c.variance.pow(2);
        const K = maxOf([one, s4, one.div(s4)]);
        return powerParameters(c).every(({ M, p }) => {
          const bound = K.mul(maxOf([p.alpha, p.beta, p.gamma, p.delta]).add(1));
          return p.matchesForm && M.flat().every((e) => e.abs().compare(bound) <= 0);
        });
      },
      explain: describeCase,
    }),
    propertyCheck({
      id: 'lemma-5/step/case-analysis',
      role: 'step',
      kind: 'exact',
      source:
        'Lemma 5, proof, cases 1–4: γ_{m+1} = γ_1α_m + δ_1γ_m > γ_1α_m; δ_{m+1} = γ_mβ_1 + δ_mδ_1 > γ_mβ_1 (printed "δ_mδ_2"); β_m > δ_m; α_{m+1} ≥ β_mγ_1; α_m ≥ γ_m; β_m ≥ δ_m',
      description:
        'Every inequality the four cases use, with the positive multipliers the inferences "… so X_m must tend to infinity" need (γ_1 > 0, β_1 > 0, δ_1 > 0, the strict ones strict), exactly for m = 1…8, at every width Proposition 3 admits (1 ≤ w ≤ 40).',
      arbitrary: stepCase(1),
      predicate: (c) => {
        const ps = powerParameters(c, STEP_POWERS + 1);
        const p1 = ps[0]!.p;
        if (!(p1.gamma.compare(0) > 0 && p1.beta.compare(0) > 0 && p1.delta.compare(0) > 0)) return false;
        return ps.slice(0, -1).every(({ p }, i) => {
          const next = ps[i + 1]!.p;
          return (
            next.gamma.compare(p1.gamma.mul(p.alpha)) > 0 &&
            next.delta.compare(p.gamma.mul(p1.beta)) > 0 &&
            p.beta.compare(p.delta) > 0 &&
            next.alpha.compare(p.beta.mul(p1.gamma)) >= 0 &&
            p.alpha.compare(p.gamma) >= 0 &&
            p.beta.compare(p.delta) >= 0
          );
        });
      },
      explain: (c) => {
        const p1 = powerParameters(c, 1)[0]!.p;
        return `${describeCase(c)}: β_1 = ${qToString(p1.beta)}, δ_1 = ${qToString(p1.delta)}, γ_1 = ${qToString(p1.gamma)} — with β_1 = 0, δ_{m+1} = δ_mδ_1 and case 1's "δ_m must tend to infinity" fails (δ_m = ${qToString(powerParameters(c, 3)[2]!.p.delta)} at m = 3)`;
      },
      examples: [{ width: 1, slope: new Fraction(0), kw: new Fraction(3), variance: one }],
    }),
    propertyCheck({
      id: 'lemma-5/step/beta-exceeds-delta-strictly',
      role: 'step',
      kind: 'exact',
      source: 'Lemma 5, proof, case 1: "Because β_m > δ_m" (Lemma 3 gives only β ≥ δ)',
      description: 'β_m > δ_m strictly, exactly for m = 1…8, at every width Proposition 3 admits (1 ≤ w ≤ 40).',
      arbitrary: stepCase(1),
      predicate: (c) => powerParameters(c).every(({ p }) => p.beta.compare(p.delta) > 0),
      explain: (c) => `${describeCase(c)}: ${powerParameters(c, 3).map(({ m, p }) => `β_${m} = ${qToString(p.beta)}, δ_${m} = ${qToString(p.delta)}`).join('; ')}`,
      examples: [{ width: 1, slope: new Fraction(1, 2), kw: new Fraction(2), variance: one }],
    }),
    propertyCheck({
      id: 'lemma-5/corrected/beta-exceeds-delta-width-at-least-2',
      role: 'corrected',
      kind: 'exact',
      source: 'Lemma 5, case 1, for w ≥ 2: β − δ = (α_1 − γ_1)β_m + (β_1 − δ_1)δ_m with β_1 − δ_1 = 2(w−1)/w > 0',
      description: 'For 2 ≤ w ≤ 40, β_m > δ_m strictly, exactly for m = 1…8.',
      arbitrary: stepCase(2),
      predicate: (c) => powerParameters(c).every(({ p }) => p.beta.compare(p.delta) > 0),
      explain: describeCase,
    }),
    propertyCheck({
      id: 'lemma-5/corrected/exact-divergence-certificate',
      role: 'corrected',
      kind: 'exact',
      source: 'Lemma 5 for w ≥ 2, proved without the case analysis',
      description:
        'For 2 ≤ w ≤ 40: A₋ is entrywise positive and has a Collatz–Wielandt certificate (r > 1, v > 0, A₋v ≥ rv); then (A₋^m)_{ij} ≥ min(A₋)·Σ_k(A₋^{m−1})_{ik} ≥ min(A₋)·r^{m−1}·min(v)/max(v) → ∞ for every entry, i.e. α_m, β_m/σ⁴, γ_mσ⁴, δ_m → ∞. The certificate, the positivity and the bound at m = 1…8 are checked exactly.',
      arbitrary: stepCase(2),
      predicate: (c) => {
        const d = divergenceCertificate(c);
        if (!d.ok || d.cert === undefined) return false;
        const R = reducedExact(c);
        const minA = minOf(R.flat());
        if (minA.compare(0) <= 0) return false;
        const ratio = minOf([...d.cert.v]).div(maxOf([...d.cert.v]));
        let M = R;
        let rPow = one;
        for (let m = 1; m <= STEP_POWERS; m++) {
          const bound = minA.mul(rPow).mul(ratio);
          if (!M.flat().every((e) => e.compare(bound) >= 0)) return false;
          M = matMul(rationalField, M, R);
          rPow = rPow.mul(d.cert.r);
        }
        return true;
      },
      explain: (c) => `${describeCase(c)}: ${divergenceCertificate(c).why}`,
      examples: [{ width: 2, slope: one, kw: one, variance: one }, { width: 40, slope: one, kw: one, variance: one }],
    }),
  ],
};
