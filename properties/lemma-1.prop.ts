/**
 * Lemma 1. "Let x be a zero-mean, symmetric random variable with Var[x] = σ_x² and Kurt[x] = κ_x.
 * Then E[φ_a⁴(x)] = (a⁴+1)/2 · σ_x⁴ κ_x."
 */
import fc from 'fast-check';
import { numberField, rationalField } from '../src/algebra/field.ts';
import { qToString } from '../src/algebra/rational.ts';
import { discreteSymmetricDistributionArbitrary } from '../src/arbitraries/discreteSymmetricDistributionArbitrary.ts';
import { rationalSlopeArbitrary } from '../src/arbitraries/rationalSlopeArbitrary.ts';
import { slopeArbitrary } from '../src/arbitraries/slopeArbitrary.ts';
import { symmetricDistributionArbitrary } from '../src/arbitraries/symmetricDistributionArbitrary.ts';
import { describeDiscrete } from '../src/exact/describe.ts';
import { leakyReluMomentExact, momentExact, positiveHalfMomentExact } from '../src/exact/leakyReluMomentExact.ts';
import { leakyReluFourthMoment } from '../src/theory/leakyReluFourthMoment.ts';
import { propertyCheck } from '../src/verify/propertyCheck.ts';
import { QUADRATURE_RELATIVE_TOLERANCE } from '../src/verify/tolerances.ts';
import type { StatementSpec } from '../src/verify/types.ts';

const exactCase = fc.record({ x: discreteSymmetricDistributionArbitrary(), slope: rationalSlopeArbitrary() });
const floatCase = fc.record({ x: symmetricDistributionArbitrary(), slope: slopeArbitrary() });

export const lemma1: StatementSpec = {
  id: 'lemma-1',
  title: 'Lemma 1: fourth moment of a leaky ReLU of a symmetric variable',
  statement:
    'Let x be a zero-mean, symmetric random variable with Var[x] = σ_x² and Kurt[x] = κ_x. Then E[φ_a⁴(x)] = (a⁴+1)/2 · σ_x⁴ κ_x.',
  checks: [
    propertyCheck({
      id: 'lemma-1/statement/exact',
      role: 'statement',
      kind: 'exact',
      source: 'Lemma 1',
      description: 'E[φ_a⁴(x)] summed atom by atom equals (a⁴+1)/2·σ⁴κ for every finite symmetric law and rational slope.',
      arbitrary: exactCase,
      predicate: ({ x, slope }) =>
        leakyReluMomentExact(x.atoms, { slope, power: 4 }).equals(
          leakyReluFourthMoment(rationalField, { slope, variance: x.exact.variance, kurtosis: x.exact.kurtosis }),
        ),
      explain: ({ x, slope }) => `${describeDiscrete(x)}, a = ${qToString(slope)}`,
    }),
    propertyCheck({
      id: 'lemma-1/statement/continuous',
      role: 'statement',
      kind: 'float',
      source: 'Lemma 1',
      description:
        'For continuous symmetric laws and mixtures (normal, uniform, Laplace, Student-t ν>4, …): E[x⁴;x>0] + a⁴E[x⁴;x<0] by quadrature equals (a⁴+1)/2·σ⁴κ.',
      arbitrary: floatCase,
      predicate: ({ x, slope }) => {
        const pos = x.halfLineMoment(4);
        const a4 = slope ** 4;
        const value = pos + a4 * (x.fourthMoment - pos);
        const claim = leakyReluFourthMoment(numberField, { slope, variance: x.variance, kurtosis: x.kurtosis });
        return Math.abs(value - claim) <= QUADRATURE_RELATIVE_TOLERANCE * (1 + a4) * x.fourthMoment;
      },
      tolerance: `relative ${QUADRATURE_RELATIVE_TOLERANCE} of (1+a⁴)E[x⁴]: the quadrature error bound of halfLineMoment`,
    }),
    propertyCheck({
      id: 'lemma-1/step/half-line',
      role: 'step',
      kind: 'exact',
      source: 'Lemma 1, proof: ∫_{-∞}^0 a⁴x⁴p(x)dx = ½a⁴∫x⁴p(x)dx',
      description: 'The negative half-line carries exactly half of E[x⁴], for every finite symmetric law.',
      arbitrary: exactCase,
      predicate: ({ x }) => positiveHalfMomentExact(x.atoms, 4).mul(2).equals(momentExact(x.atoms, 4)),
      explain: ({ x }) => describeDiscrete(x),
    }),
    propertyCheck({
      id: 'lemma-1/step/kurtosis',
      role: 'step',
      kind: 'exact',
      source: 'Lemma 1, proof, last equality: E[x⁴] = σ_x⁴κ_x',
      description: 'E[x⁴] = σ⁴κ with κ the raw (non-excess) kurtosis E[x⁴]/σ⁴ of Section 4.',
      arbitrary: exactCase,
      predicate: ({ x }) => momentExact(x.atoms, 4).equals(x.exact.variance.pow(2).mul(x.exact.kurtosis)),
      explain: ({ x }) => describeDiscrete(x),
    }),
  ],
};
