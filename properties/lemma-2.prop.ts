/**
 * Lemma 2. "Let x, y be identically distributed, uncorrelated, zero-mean, symmetric random
 * variables with variances σ_x², kurtoses κ_x and Cov[x², y²] = c. Then
 * E[φ_a²(x)φ_a²(y)] = (a²+1)²/4 · (σ_x⁴ + c)."
 *
 * Finding: false as written. Marginal symmetry does not make the four quadrants carry equal
 * shares of E[x²y²]; the proof's step "= ¼(a²+1)²E[x²y²]" needs that. Corrected: add the
 * hypothesis that (x, y) and (−x, y) have the same law (true for every hidden layer of a
 * He-initialised network, and for Proposition 2's z = Wx), or restrict to a = ±1.
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
const paperCounterexample = { pair: lemma2Counterexample(), slope: new Fraction(0) };

export const lemma2: StatementSpec = {
  id: 'lemma-2',
  title: 'Lemma 2: joint second moment of leaky ReLUs of two uncorrelated symmetric variables',
  statement:
    'Let x, y be identically distributed, uncorrelated, zero-mean, symmetric random variables with variances σ_x², kurtoses κ_x and Cov[x², y²] = c. Then E[φ_a²(x)φ_a²(y)] = (a²+1)²/4 · (σ_x⁴ + c).',
  corrected: {
    statement:
      'Under the same hypotheses plus (x, y) =ᵈ (−x, y) (sign-flip symmetry, which every hidden layer of a He-initialised network and Proposition 2\'s z = Wx satisfy), E[φ_a²(x)φ_a²(y)] = (a²+1)²/4 · (σ_x⁴ + c). Without it, for centrally symmetric (x, y): E[φ_a²(x)φ_a²(y)] = (a²+1)²/4 · (σ_x⁴ + c) + (1−a²)²/2 · (Q₊₊ − Q₊₋), Q_st = E[x²y²; sign x = s, sign y = t].',
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
      description: 'The quadrant decomposition itself (with Q₊₋ = Q₋₊) holds for every law meeting the hypotheses.',
      arbitrary: hypotheses,
      predicate: ({ pair, slope }) => {
        const q = quadrantMoments(pair.atoms);
        const a2 = slope.pow(2);
        const paperForm = q.qPP.add(a2.mul(2).mul(q.qPM)).add(a2.pow(2).mul(q.qMM));
        const general = leakyReluCrossMomentGeneral(rationalField, { slope, ...q });
        return general.equals(sides(pair, slope).lhs) && paperForm.equals(general);
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
      role: 'corrected',
      kind: 'exact',
      source: 'Lemma 2 with (x, y) =ᵈ (−x, y) added',
      description: 'With sign-flip symmetry added, the identity holds exactly over the same generated laws (symmetrised) and slopes.',
      arbitrary: signFlipSymmetric,
      predicate: ({ pair, slope }) => {
        const { lhs, rhs } = sides(pair, slope);
        return lhs.equals(rhs);
      },
      explain,
      examples: [{ pair: signFlipSymmetrize(lemma2Counterexample()), slope: new Fraction(0) }],
    }),
    propertyCheck({
      id: 'lemma-2/corrected/general-formula',
      role: 'corrected',
      kind: 'exact',
      source: 'Lemma 2, corrected value',
      description:
        'Without sign-flip symmetry (centrally symmetric laws): E[φ²φ²] = (a²+1)²/4·(σ⁴+c) + (1−a²)²/2·(Q₊₊ − Q₊₋) exactly.',
      arbitrary: hypotheses,
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
