/**
 * Lemma 2. "Let x, y be identically distributed, uncorrelated, zero-mean, symmetric random
 * variables with variances σ_x², kurtoses κ_x and Cov[x², y²] = c. Then
 * E[φ_a²(x)φ_a²(y)] = (a²+1)²/4 · (σ_x⁴ + c)."
 *
 * Finding: false as written. Marginal symmetry does not make the four quadrants carry equal
 * shares of E[x²y²]; the proof's step "= ¼(a²+1)²E[x²y²]" needs that. The proof's second line
 * (2a²∫_{R₊×R₋}) also needs Q₊₋ = Q₋₊, false for laws neither exchangeable nor centrally symmetric.
 * Corrected: add BOTH sign-flip symmetries (x, y) =ᵈ (−x, y) =ᵈ (x, −y) (true for every hidden
 * layer of a He-initialised network, and for Proposition 2's z = Wx), or restrict to a = ±1. One
 * flip alone is not enough once the law need not be centrally symmetric (the earlier correction,
 * refuted by the widened generator). In general the gap is
 * (1−a²)²/4·(Q₊₊+Q₋₋−Q₊₋−Q₋₊) + (1−a⁴)/2·(Q₊₊−Q₋₋) (`leakyReluCrossMomentGap`).
 */
import { Fraction } from 'fraction.js';
import fc from 'fast-check';
import { rationalField } from '../src/algebra/field.ts';
import { qToString } from '../src/algebra/rational.ts';
import { rationalSlopeArbitrary } from '../src/arbitraries/rationalSlopeArbitrary.ts';
import { uncorrelatedSymmetricPairArbitrary } from '../src/arbitraries/uncorrelatedSymmetricPairArbitrary.ts';
import { lemma2Counterexample } from '../src/distributions/joint/lemma2Counterexample.ts';
import { describeJoint } from '../src/exact/describe.ts';
import { quadrantMoments, signFlipSymmetrize } from '../src/exact/quadrantMoments.ts';
import { leakyReluCrossMoment } from '../src/theory/leakyReluCrossMoment.ts';
import { leakyReluCrossMomentGeneral } from '../src/theory/leakyReluCrossMomentGeneral.ts';
import { leakyReluCrossMomentGap } from '../src/theory/leakyReluCrossMomentGap.ts';
import { jointSymmetrize } from '../src/exact/jointSymmetrize.ts';
import { leakyRelu } from '../src/theory/leakyRelu.ts';
import { exactCheck } from '../src/verify/exactCheck.ts';
import { propertyCheck } from '../src/verify/propertyCheck.ts';
import { symbolicIdentityCheck } from '../src/verify/symbolicIdentityCheck.ts';
import type { StatementSpec } from '../src/verify/types.ts';

type Joint = { atoms: readonly { x: Fraction; y: Fraction; p: Fraction }[] };
const E = (d: Joint, f: (x: Fraction, y: Fraction) => Fraction) =>
  d.atoms.reduce((acc, a) => acc.add(a.p.mul(f(a.x, a.y))), new Fraction(0));

/** Left side E[φ²(x)φ²(y)], atom by atom, and the paper's right side (a²+1)²/4 (σ⁴ + c). */
function sides(d: Joint, slope: Fraction) {
  const lhs = E(d, (x, y) => leakyRelu(rationalField, x, slope).pow(2).mul(leakyRelu(rationalField, y, slope).pow(2)));
  const variance = E(d, (x) => x.pow(2));
  const c = E(d, (x, y) => x.pow(2).mul(y.pow(2))).sub(variance.pow(2));
  const rhs = leakyReluCrossMoment(rationalField, { slope, variance, covarianceOfSquares: c });
  return { lhs, rhs };
}
const explain = ({ pair, slope }: { pair: Joint; slope: Fraction }) => {
  const { lhs, rhs } = sides(pair, slope);
  return `a = ${qToString(slope)}; ${describeJoint(pair)}; E[φ²(x)φ²(y)] = ${qToString(lhs)} but (a²+1)²/4·(σ⁴+c) = ${qToString(rhs)}`;
};

const hypotheses = fc.record({ pair: uncorrelatedSymmetricPairArbitrary(), slope: rationalSlopeArbitrary() });
const signFlipSymmetric = fc.record({
  pair: uncorrelatedSymmetricPairArbitrary().map(signFlipSymmetrize),
  slope: rationalSlopeArbitrary(),
});
const bothSignFlips = fc.record({
  pair: uncorrelatedSymmetricPairArbitrary().map((d) => jointSymmetrize(d, { x: true, y: true })),
  slope: rationalSlopeArbitrary(),
});
const centrallySymmetric = fc.record({
  pair: uncorrelatedSymmetricPairArbitrary().map((d) => jointSymmetrize(d, { central: true })),
  slope: rationalSlopeArbitrary(),
});
const paperCounterexample = { pair: lemma2Counterexample(), slope: new Fraction(0) };
/**
 * A law with (x, y) =ᵈ (−x, y) but not (x, −y), not centrally symmetric: x = ε|x| with a fair sign ε,
 * |x| = 1 when y ∈ {1, −2} and 2 when y ∈ {−1, 2}, y uniform on {±1, ±2}. At a = 0,
 * E[φ²(x)φ²(y)] = Q₊₊ = 17/8 but (a²+1)²/4·(σ⁴+c) = 25/16.
 */
const xFlipOnlyCounterexample = {
  pair: jointSymmetrize(
    {
      atoms: [
        [1, 1],
        [2, -1],
        [2, 2],
        [1, -2],
      ].map(([x, y]) => ({ x: new Fraction(x!), y: new Fraction(y!), p: new Fraction(1, 4) })),
    },
    { x: true },
  ),
  slope: new Fraction(0),
};

export const lemma2: StatementSpec = {
  id: 'lemma-2',
  title: 'Lemma 2: joint second moment of leaky ReLUs of two uncorrelated symmetric variables',
  statement:
    'Let x, y be identically distributed, uncorrelated, zero-mean, symmetric random variables with variances σ_x², kurtoses κ_x and Cov[x², y²] = c. Then E[φ_a²(x)φ_a²(y)] = (a²+1)²/4 · (σ_x⁴ + c).',
  corrected: {
    statement:
      'Under the same hypotheses plus (x, y) =ᵈ (−x, y) =ᵈ (x, −y) (both sign flips, which every hidden layer of a He-initialised network and Proposition 2\'s z = Wx satisfy), E[φ_a²(x)φ_a²(y)] = (a²+1)²/4 · (σ_x⁴ + c); it holds for every a iff Q₊₊ = Q₋₋ = (Q₊₋ + Q₋₊)/2, Q_st = E[x²y²; sign x = s, sign y = t]. In general E[φ_a²(x)φ_a²(y)] = (a²+1)²/4 · (σ_x⁴ + c) + (1−a²)²/4 · (Q₊₊ + Q₋₋ − Q₊₋ − Q₋₊) + (1−a⁴)/2 · (Q₊₊ − Q₋₋) (for centrally symmetric laws: + (1−a²)²/2 · (Q₊₊ − Q₊₋)).',
  },
  checks: [
    propertyCheck({
      id: 'lemma-2/statement/exact',
      role: 'statement',
      kind: 'exact',
      source: 'Lemma 2',
      description:
        'Over finite joint laws meeting every hypothesis exactly (identically distributed, uncorrelated, zero-mean, symmetric; dependent or not) and rational slopes.',
      arbitrary: hypotheses,
      predicate: ({ pair, slope }) => {
        const { lhs, rhs } = sides(pair, slope);
        return lhs.equals(rhs);
      },
      explain,
      examples: [paperCounterexample],
    }),
    propertyCheck({
      id: 'lemma-2/step/quadrants-equal',
      role: 'step',
      kind: 'exact',
      source: 'Lemma 2, proof, third line: … = ¼(a²+1)²E[x²y²]',
      description:
        'The proof splits E[φ²φ²] into quadrants and then needs each quadrant to carry ¼ of E[x²y²]; marginal symmetry does not give that.',
      arbitrary: hypotheses,
      predicate: ({ pair }) => {
        const q = quadrantMoments(pair.atoms);
        return q.qPP.equals(q.qPM) && q.qPM.equals(q.qMP) && q.qMP.equals(q.qMM);
      },
      explain: ({ pair }) => {
        const q = quadrantMoments(pair.atoms);
        return `${describeJoint(pair)}; Q₊₊ = ${qToString(q.qPP)}, Q₊₋ = ${qToString(q.qPM)}, Q₋₊ = ${qToString(q.qMP)}, Q₋₋ = ${qToString(q.qMM)}`;
      },
      examples: [paperCounterexample],
    }),
    propertyCheck({
      id: 'lemma-2/step/quadrant-decomposition',
      role: 'step',
      kind: 'exact',
      source: 'Lemma 2, proof, second line: ∫φ²φ²p = ∫_{R₊²} + 2a²∫_{R₊×R₋} + a⁴∫_{R₋²}',
      description:
        'The printed decomposition, with one mixed quadrant counted twice (Q₊₋ = Q₋₊): true when (x, y) is exchangeable or centrally symmetric, not in general.',
      arbitrary: hypotheses,
      predicate: ({ pair, slope }) => {
        const q = quadrantMoments(pair.atoms);
        const a2 = slope.pow(2);
        const paperForm = q.qPP.add(a2.mul(2).mul(q.qPM)).add(a2.pow(2).mul(q.qMM));
        return paperForm.equals(sides(pair, slope).lhs);
      },
      explain: ({ pair, slope }) => {
        const q = quadrantMoments(pair.atoms);
        return `${explain({ pair, slope })}; Q₊₊ = ${qToString(q.qPP)}, Q₊₋ = ${qToString(q.qPM)}, Q₋₊ = ${qToString(q.qMP)}, Q₋₋ = ${qToString(q.qMM)}`;
      },
    }),
    propertyCheck({
      id: 'lemma-2/step/quadrant-decomposition-general',
      role: 'step',
      kind: 'exact',
      source: 'Lemma 2, proof, second line, corrected: ∫φ²φ²p = Q₊₊ + a²(Q₊₋ + Q₋₊) + a⁴Q₋₋',
      description: 'The quadrant decomposition with both mixed quadrants holds for every law meeting the hypotheses.',
      arbitrary: hypotheses,
      predicate: ({ pair, slope }) => {
        const q = quadrantMoments(pair.atoms);
        return leakyReluCrossMomentGeneral(rationalField, { slope, ...q }).equals(sides(pair, slope).lhs);
      },
      explain,
    }),
    symbolicIdentityCheck({
      id: 'lemma-2/step/covariance-identity',
      role: 'step',
      source: 'Lemma 2, proof: E[x²y²] = Cov[x², y²] + E[x²]E[y²]',
      description: 'Substituting E[x²y²] = c + σ⁴ into ¼(a²+1)²E[x²y²] gives the stated form.',
      lhs: '(a^2+1)^2/4*((c + s^2*s^2) - s^4 + s^4)',
      rhs: '(a^2+1)^2/4*(s^4 + c)',
    }),
    exactCheck({
      id: 'lemma-2/statement/counterexample',
      role: 'statement',
      source: 'Lemma 2',
      description:
        'The explicit law P(1,1) = P(−1,−1) = 2/5, P(2,−2) = P(−2,2) = 1/10 meets every hypothesis; at a = 0 the two sides differ.',
      evaluate: () => {
        const { lhs, rhs } = sides(paperCounterexample.pair, paperCounterexample.slope);
        return { holds: lhs.equals(rhs), evidence: explain(paperCounterexample) };
      },
    }),
    propertyCheck({
      id: 'lemma-2/corrected/sign-flip-symmetric',
      role: 'step',
      kind: 'exact',
      source: 'Lemma 2 with (x, y) =ᵈ (−x, y) alone (the suite\'s earlier correction)',
      description:
        'One sign flip added (x ↦ εx, ε a fair sign): enough for centrally symmetric laws, NOT in general — Q₊₊ = Q₋₊ and Q₊₋ = Q₋₋ follow, Q₊₊ = Q₊₋ does not. Kept as a finding.',
      arbitrary: signFlipSymmetric,
      predicate: ({ pair, slope }) => {
        const { lhs, rhs } = sides(pair, slope);
        return lhs.equals(rhs);
      },
      explain: ({ pair, slope }) => explain({ pair: jointSymmetrize(pair, {}), slope }),
      examples: [{ pair: signFlipSymmetrize(lemma2Counterexample()), slope: new Fraction(0) }, xFlipOnlyCounterexample],
    }),
    propertyCheck({
      id: 'lemma-2/corrected/both-sign-flips',
      role: 'corrected',
      kind: 'exact',
      source: 'Lemma 2 with (x, y) =ᵈ (−x, y) =ᵈ (x, −y) added',
      description:
        'With both sign-flip symmetries (x ↦ ε₁x, y ↦ ε₂y, independent fair signs; equivalently one flip plus central symmetry) the identity holds exactly over the generated laws and slopes.',
      arbitrary: bothSignFlips,
      predicate: ({ pair, slope }) => {
        const { lhs, rhs } = sides(pair, slope);
        return lhs.equals(rhs);
      },
      explain,
      examples: [
        { pair: jointSymmetrize(lemma2Counterexample(), { x: true, y: true }), slope: new Fraction(0) },
        { pair: jointSymmetrize(xFlipOnlyCounterexample.pair, { y: true }), slope: new Fraction(0) },
      ],
    }),
    propertyCheck({
      id: 'lemma-2/corrected/general-formula',
      role: 'corrected',
      kind: 'exact',
      source: 'Lemma 2, corrected value for every law meeting the hypotheses',
      description:
        'E[φ²φ²] = (a²+1)²/4·(σ⁴+c) + (1−a²)²/4·(Q₊₊+Q₋₋−Q₊₋−Q₋₊) + (1−a⁴)/2·(Q₊₊−Q₋₋) exactly (not centrally symmetric, not exchangeable, any sign-flip symmetry or none).',
      arbitrary: hypotheses,
      predicate: ({ pair, slope }) => {
        const { lhs, rhs } = sides(pair, slope);
        const gap = leakyReluCrossMomentGap(rationalField, { slope, ...quadrantMoments(pair.atoms) });
        return lhs.equals(rhs.add(gap));
      },
      explain,
      examples: [paperCounterexample, xFlipOnlyCounterexample],
    }),
    propertyCheck({
      id: 'lemma-2/corrected/central-symmetric-formula',
      role: 'corrected',
      kind: 'exact',
      source: 'Lemma 2, corrected value, centrally symmetric laws',
      description:
        'For centrally symmetric laws ((x, y) =ᵈ (−x, −y); generated laws symmetrised): E[φ²φ²] = (a²+1)²/4·(σ⁴+c) + (1−a²)²/2·(Q₊₊ − Q₊₋) exactly.',
      arbitrary: centrallySymmetric,
      predicate: ({ pair, slope }) => {
        const { lhs, rhs } = sides(pair, slope);
        const q = quadrantMoments(pair.atoms);
        const gap = new Fraction(1).sub(slope.pow(2)).pow(2).div(2).mul(q.qPP.sub(q.qPM));
        return lhs.equals(rhs.add(gap));
      },
      explain,
      examples: [paperCounterexample],
    }),
    propertyCheck({
      id: 'lemma-2/corrected/exact-condition',
      role: 'corrected',
      kind: 'exact',
      source: 'Lemma 2: when the identity holds for every slope',
      description:
        'The identity holds at a = 0, 1/2 and 2 (hence, a polynomial of degree 2 in a², at every a) iff Q₊₊ = Q₋₋ = (Q₊₋ + Q₋₊)/2 — the narrowest hypothesis on the law.',
      arbitrary: uncorrelatedSymmetricPairArbitrary(),
      predicate: (pair) => {
        const q = quadrantMoments(pair.atoms);
        const balanced = q.qPP.equals(q.qMM) && q.qPP.mul(2).equals(q.qPM.add(q.qMP));
        const holds = [new Fraction(0), new Fraction(1, 2), new Fraction(2)].every((a) => {
          const { lhs, rhs } = sides(pair, a);
          return lhs.equals(rhs);
        });
        return holds === balanced;
      },
      explain: (pair) => {
        const q = quadrantMoments(pair.atoms);
        return `${describeJoint(pair)}; Q₊₊ = ${qToString(q.qPP)}, Q₊₋ = ${qToString(q.qPM)}, Q₋₊ = ${qToString(q.qMP)}, Q₋₋ = ${qToString(q.qMM)}`;
      },
      examples: [lemma2Counterexample(), xFlipOnlyCounterexample.pair, jointSymmetrize(lemma2Counterexample(), { x: true, y: true })],
    }),
    propertyCheck({
      id: 'lemma-2/corrected/unit-slope',
      role: 'corrected',
      kind: 'exact',
      source: 'Lemma 2 at a = ±1',
      description: 'For a = ±1 (φ_a² = x²) the identity holds under the paper\'s hypotheses alone.',
      arbitrary: fc.record({ pair: uncorrelatedSymmetricPairArbitrary(), slope: fc.constantFrom(new Fraction(1), new Fraction(-1)) }),
      predicate: ({ pair, slope }) => {
        const { lhs, rhs } = sides(pair, slope);
        return lhs.equals(rhs);
      },
      explain,
    }),
  ],
};
