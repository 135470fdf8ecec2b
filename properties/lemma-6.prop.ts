/**
 * Lemma 6 (Appendix A). "Let x be a zero-mean, symmetric random variable with Var[x] = σ_x².
 * Then E[φ_a²(x)] = (a²+1)/2 · σ_x²."
 */
import fc from 'fast-check';
import { numberField, rationalField } from '../src/algebra/field.ts';
import { qToString } from '../src/algebra/rational.ts';
import { discreteSymmetricDistributionArbitrary } from '../src/arbitraries/discreteSymmetricDistributionArbitrary.ts';
import { rationalSlopeArbitrary } from '../src/arbitraries/rationalSlopeArbitrary.ts';
import { slopeArbitrary } from '../src/arbitraries/slopeArbitrary.ts';
import { symmetricDistributionArbitrary } from '../src/arbitraries/symmetricDistributionArbitrary.ts';
import { leakyReluMomentExact, momentExact, positiveHalfMomentExact } from '../src/exact/leakyReluMomentExact.ts';
import { leakyReluSecondMoment } from '../src/theory/leakyReluSecondMoment.ts';
import { propertyCheck } from '../src/verify/propertyCheck.ts';
import type { StatementSpec } from '../src/verify/types.ts';
import { describeDiscrete } from '../src/exact/describe.ts';
import { QUADRATURE_RELATIVE_TOLERANCE } from '../src/verify/tolerances.ts';

const exactCase = fc.record({ x: discreteSymmetricDistributionArbitrary(), slope: rationalSlopeArbitrary() });
const floatCase = fc.record({ x: symmetricDistributionArbitrary(), slope: slopeArbitrary() });

export const lemma6: StatementSpec = {
  id: 'lemma-6',
  title: 'Lemma 6: second moment of a leaky ReLU of a symmetric variable',
  statement:
    'Let x be a zero-mean, symmetric random variable with Var[x] = σ_x². Then E[φ_a²(x)] = (a²+1)/2 · σ_x².',
  checks: [
    propertyCheck({
      id: 'lemma-6/statement/exact',
      role: 'statement',
      kind: 'exact',
      source: 'Lemma 6',
      description: 'E[φ_a²(x)] summed atom by atom equals (a²+1)/2·σ² for every finite symmetric law and rational slope.',
      arbitrary: exactCase,
      predicate: ({ x, slope }) =>
        leakyReluMomentExact(x.atoms, { slope, power: 2 }).equals(
          leakyReluSecondMoment(rationalField, { slope, variance: x.exact.variance }),
        ),
      explain: ({ x, slope }) => `${describeDiscrete(x)}, a = ${qToString(slope)}`,
    }),
    propertyCheck({
      id: 'lemma-6/statement/continuous',
      role: 'statement',
      kind: 'float',
      source: 'Lemma 6',
      description:
        'For continuous symmetric laws and mixtures: E[x²;x>0] + a²E[x²;x<0] (half-line moments by quadrature) equals (a²+1)/2·σ².',
      arbitrary: floatCase,
      predicate: ({ x, slope }) => {
        const pos = x.halfLineMoment(2);
        const value = pos + slope * slope * (x.variance - pos);
        const claim = leakyReluSecondMoment(numberField, { slope, variance: x.variance });
        return Math.abs(value - claim) <= QUADRATURE_RELATIVE_TOLERANCE * (1 + slope * slope) * x.variance;
      },
      tolerance: `relative ${QUADRATURE_RELATIVE_TOLERANCE} of (1+a²)σ²: the quadrature error bound of halfLineMoment`,
    }),
    propertyCheck({
      id: 'lemma-6/step/half-line',
      role: 'step',
      kind: 'exact',
      source: 'Lemma 6, proof, line 2: ∫_{-∞}^0 x²p(x)dx = ½∫x²p(x)dx',
      description: 'The negative half-line carries exactly half of E[x²] (symmetry), for every finite symmetric law.',
      arbitrary: exactCase,
      predicate: ({ x }) => positiveHalfMomentExact(x.atoms, 2).mul(2).equals(momentExact(x.atoms, 2)),
      explain: ({ x }) => describeDiscrete(x),
    }),
  ],
};
