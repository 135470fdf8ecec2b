import { Fraction } from 'fraction.js';
import { describe, expect, it } from 'vitest';
import { numberField, rationalField } from '../algebra/field.ts';
import { entryMoments } from '../exact/entryMoments.ts';
import { iidVector } from '../exact/iidVector.ts';
import { pushForwardLayer } from '../exact/pushForwardLayer.ts';
import { pushForwardResidualLinear } from '../exact/pushForwardResidualLinear.ts';
import { propagateKurtosis } from './kurtosisRecursion.ts';
import { propagateResidualLinear } from './propagateResidualLinear.ts';
import { residualLinearStep } from './residualLinearStep.ts';

const q = (n: number, d = 1) => new Fraction(n, d);
const rademacher = [
  { value: q(-1), probability: q(1, 2) },
  { value: q(1), probability: q(1, 2) },
];
const threePoint = [
  { value: q(-2), probability: q(1, 8) },
  { value: q(0), probability: q(3, 4) },
  { value: q(2), probability: q(1, 8) },
];

describe('residualLinearStep', () => {
  it('hand-computed example (TSDoc): width 2, α = 1, v = 1/2, κ_w = 3 from (1, 3, 1)', () => {
    expect(residualLinearStep(numberField, { m2: 1, m4: 3, m22: 1 }, { width: 2, alphaSquared: 1, weightVariance: 0.5, weightKurtosis: 3 })).toEqual({ m2: 2, m4: 21, m22: 7 });
  });

  it('equals exact enumeration of y + αRy (width 2, three-point input entries, Rademacher weights, α = 2/3, two blocks)', () => {
    let law = iidVector({ atoms: threePoint }, 2);
    let m = { m2: q(1), m4: q(4), m22: q(1) }; // E[x²] = 1, E[x⁴] = 4, independent entries
    const e0 = entryMoments(law);
    expect([e0.second[0], e0.fourth[0], e0.crossSquares[0]]).toEqual([m.m2, m.m4, m.m22]);
    for (let l = 0; l < 2; l++) {
      law = pushForwardResidualLinear(law, { weights: rademacher, alpha: q(2, 3) });
      m = residualLinearStep(rationalField, m, { width: 2, alphaSquared: q(4, 9), weightVariance: q(1), weightKurtosis: q(1) });
      const e = entryMoments(law);
      expect(e.second[0]!.equals(m.m2)).toBe(true);
      expect(e.fourth[0]!.equals(m.m4)).toBe(true);
      expect(e.crossSquares[0]!.equals(m.m22)).toBe(true);
    }
  });

  it('has teeth: the 6α² coefficient changed to 5α² no longer matches the enumeration', () => {
    const law = pushForwardResidualLinear(iidVector({ atoms: threePoint }, 2), { weights: rademacher, alpha: q(1, 2) });
    const y = { m2: q(1), m4: q(4), m22: q(1) };
    const a2 = q(1, 4);
    const S = y.m4.add(y.m22);
    const wrong = y.m4.add(q(5).mul(a2).mul(S)).add(a2.pow(2).mul(q(1 * 2).mul(y.m4).add(q(6).mul(y.m22))));
    expect(entryMoments(law).fourth[0]!.equals(wrong)).toBe(false);
  });

  it('α = 0 is the identity; the branch alone (α → ∞, rescaled) is Proposition 3 at a = 1', () => {
    const y = { m2: q(2), m4: q(13), m22: q(5) };
    expect(residualLinearStep(rationalField, y, { width: 3, alphaSquared: q(0), weightVariance: q(1, 3), weightKurtosis: q(9, 5) })).toEqual(y);
    // α⁴ terms over α⁴: E[z⁴] = v²(κ_w w m4 + 3w(w−1)m22), E[z²] = v w m2, which Proposition 3 gives at a = 1.
    const big = 1e6;
    const r = residualLinearStep(numberField, { m2: 1, m4: 3, m22: 1 }, { width: 4, alphaSquared: big * big, weightVariance: 0.25, weightKurtosis: 3 });
    const [, p3] = propagateKurtosis(numberField, { widths: [4], slope: 1, weightKurtosis: 3, variance: 1, kappa0: 3, c0: 0 });
    expect(r.m4 / r.m2 ** 2).toBeCloseTo(p3!.kappa, 6);
    expect(r.m22 / r.m2 ** 2 - 1).toBeCloseTo(p3!.c, 6);
  });

  it('propagateResidualLinear: variance (1 + α²)^L at gain 1, and a plain layer is not a residual one', () => {
    const layers = propagateResidualLinear(numberField, { width: 8, depth: 3, alphaSquared: 0.25, weightVariance: 1 / 8, weightKurtosis: 3, input: { m2: 1, m4: 3, m22: 1 } });
    layers.forEach((l, i) => expect(l.variance).toBeCloseTo(1.25 ** i, 12));
    expect(layers[1]!.kappa).toBeCloseTo(3.27, 12);
    const plain = entryMoments(pushForwardLayer(iidVector({ atoms: threePoint }, 2), { weights: rademacher, widthOut: 2, slope: q(1) }));
    const residual = entryMoments(pushForwardResidualLinear(iidVector({ atoms: threePoint }, 2), { weights: rademacher, alpha: q(1) }));
    expect(plain.fourth[0]!.equals(residual.fourth[0]!)).toBe(false);
  });
});
