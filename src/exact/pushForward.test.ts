import { describe, expect, it } from 'vitest';
import { q } from '../algebra/rational.ts';
import { entryMoments } from './entryMoments.ts';
import { oneUnitMoments } from './oneUnitMoments.ts';
import { pushForwardLayer } from './pushForwardLayer.ts';
import { pushForwardResidualLinear } from './pushForwardResidualLinear.ts';
import type { ScalarAtoms, VectorDistribution } from './vectorDistribution.ts';

// A skewed ±1 weight law, so that a wrong probability or a wrong entry shows: P(R = 1) = 1/4, P(R = −1) = 3/4.
const R: ScalarAtoms = [{ value: q(1), probability: q(1, 4) }, { value: q(-1), probability: q(3, 4) }];
const sortedLaw = (d: VectorDistribution) =>
  d.atoms.map((a) => [a.x.map((v) => v.toFraction()).join(','), a.p.toFraction()]).sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0));
/** The law of two independent coordinates with laws u and v, sorted like `sortedLaw`. */
const product = (u: [string, number, number][], v: [string, number, number][]) =>
  u
    .flatMap(([a, n1, d1]) => v.map(([b, n2, d2]) => [`${a},${b}`, q(n1 * n2, d1 * d2).toFraction()]))
    .sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0));

describe('pushForwardLayer', () => {
  it('one input atom x = (2, −2), slope 1/2, two output units: the rows are i.i.d. copies of R·φ(x)', () => {
    // φ(x) = (2, −1). One row (R₁, R₂): (1, 1) w.p. 1/16 → 1; (1, −1) 3/16 → 3; (−1, 1) 3/16 → −3;
    // (−1, −1) 9/16 → −1. The two rows use disjoint, independent entries: P(y₁, y₂) = P(y₁)·P(y₂).
    const row: [string, number, number][] = [['1', 1, 16], ['3', 3, 16], ['-3', 3, 16], ['-1', 9, 16]];
    const d = pushForwardLayer({ atoms: [{ x: [q(2), q(-2)], p: q(1) }] }, { weights: R, widthOut: 2, slope: q(1, 2) });
    expect(sortedLaw(d)).toEqual(product(row, row));
  });
  it('a mixture input, ReLU, one output unit: P(y = 0) = 1/3 + 2/3·6/16 = 7/12, P(2) = 1/24, P(−2) = 3/8', () => {
    // x = (−1, 0) w.p. 1/3: φ = (0, 0), y = 0. x = (1, 1) w.p. 2/3: y = R₁ + R₂ ∈ {2: 1/16, 0: 6/16, −2: 9/16}.
    const input = { atoms: [{ x: [q(-1), q(0)], p: q(1, 3) }, { x: [q(1), q(1)], p: q(2, 3) }] };
    const d = pushForwardLayer(input, { weights: R, widthOut: 1, slope: q(0) });
    expect(sortedLaw(d)).toEqual([['-2', '3/8'], ['0', '7/12'], ['2', '1/24']]);
  });
  it('a three-point weight law {0: 1/2, 2: 1/3, −3: 1/6}, one input unit x = −4 with slope −1/2 (φ = 2): y = 2R', () => {
    const W: ScalarAtoms = [{ value: q(0), probability: q(1, 2) }, { value: q(2), probability: q(1, 3) }, { value: q(-3), probability: q(1, 6) }];
    const d = pushForwardLayer({ atoms: [{ x: [q(-4)], p: q(1) }] }, { weights: W, widthOut: 2, slope: q(-1, 2) });
    const unit: [string, number, number][] = [['0', 1, 2], ['4', 1, 3], ['-6', 1, 6]];
    expect(sortedLaw(d)).toEqual(product(unit, unit));
  });
  it('refuses more than 10⁶ weight configurations, saying how many', () => {
    const input = { atoms: [{ x: [q(1), q(1), q(1), q(1)], p: q(1) }] };
    expect(() => pushForwardLayer(input, { weights: R, widthOut: 5, slope: q(0) })).toThrow(/pushForwardLayer: 1048576 weight configurations is too many to enumerate/);
  });
});

describe('pushForwardResidualLinear', () => {
  it('y = (1, 2), α = 1/2: y′_i = y_i + (R_i1 + 2R_i2)/2, the two rows independent', () => {
    // R_i1 + 2R_i2: (1, 1) 1/16 → 3; (1, −1) 3/16 → −1; (−1, 1) 3/16 → 1; (−1, −1) 9/16 → −3.
    // y′₁ = 1 + that/2 ∈ {5/2, 1/2, 3/2, −1/2}; y′₂ = 2 + that/2 ∈ {7/2, 3/2, 5/2, 1/2}.
    const d = pushForwardResidualLinear({ atoms: [{ x: [q(1), q(2)], p: q(1) }] }, { weights: R, alpha: q(1, 2) });
    const first: [string, number, number][] = [['5/2', 1, 16], ['1/2', 3, 16], ['3/2', 3, 16], ['-1/2', 9, 16]];
    const second: [string, number, number][] = [['7/2', 1, 16], ['3/2', 3, 16], ['5/2', 3, 16], ['1/2', 9, 16]];
    expect(sortedLaw(d)).toEqual(product(first, second));
  });
  it('width 1, a mixture input: y′ = y(1 + αR), α = 2: y = 1 → {3: 1/4, −1: 3/4}, y = −1 → {−3: 1/4, 1: 3/4}', () => {
    const input = { atoms: [{ x: [q(1)], p: q(1, 3) }, { x: [q(-1)], p: q(2, 3) }] };
    const d = pushForwardResidualLinear(input, { weights: R, alpha: q(2) });
    // P(3) = 1/12, P(−1) = 1/4, P(−3) = 1/6, P(1) = 1/2.
    expect(sortedLaw(d)).toEqual([['-1', '1/4'], ['-3', '1/6'], ['1', '1/2'], ['3', '1/12']]);
  });
  it('refuses more than 10⁶ weight configurations (w = 5: 2^25), saying how many', () => {
    const input = { atoms: [{ x: [q(1), q(1), q(1), q(1), q(1)], p: q(1) }] };
    expect(() => pushForwardResidualLinear(input, { weights: R, alpha: q(1) })).toThrow(/pushForwardResidualLinear: 33554432 weight configurations is too many to enumerate/);
  });
});

describe('oneUnitMoments', () => {
  // x = (2, −2) w.p. 1/2 (slope 1/2: φ = (2, −1)) and x = (1, 1) w.p. 1/2 (φ = (1, 1)).
  // φ = (2, −1): s = R·φ ∈ {1: 1/16, 3: 3/16, −3: 3/16, −1: 9/16}: E[s²] = (1 + 27 + 27 + 9)/16 = 4,
  //   E[s⁴] = (1 + 243 + 243 + 9)/16 = 31. φ = (1, 1): s ∈ {2: 1/16, 0: 6/16, −2: 9/16}: E[s²] = 5/2, E[s⁴] = 10.
  // m2 = (4 + 5/2)/2 = 13/4, m4 = (31 + 10)/2 = 41/2, m22 = (4² + (5/2)²)/2 = 89/8.
  const input = { atoms: [{ x: [q(2), q(-2)], p: q(1, 2) }, { x: [q(1), q(1)], p: q(1, 2) }] };
  it('m2, m4, m22 by hand', () => {
    const m = oneUnitMoments(input, { weights: R, slope: q(1, 2) });
    expect([m.m2, m.m4, m.m22].map((v) => v.toFraction())).toEqual(['13/4', '41/2', '89/8']);
  });
  it('agrees with the moments of the full next-layer law (pushForwardLayer, two units)', () => {
    const full = entryMoments(pushForwardLayer(input, { weights: R, widthOut: 2, slope: q(1, 2) }));
    const m = oneUnitMoments(input, { weights: R, slope: q(1, 2) });
    expect([m.m2, m.m4, m.m22].map((v) => v.toFraction())).toEqual([full.second[1]!, full.fourth[0]!, full.crossSquares[0]!].map((v) => v.toFraction()));
  });
  it('a three-point weight law and slope −1: φ(x) = |x|, so x = (−1, 2) gives s = R₁ + 2R₂', () => {
    // W ∈ {0: 1/2, 1: 1/4, −1: 1/4}: E[W] = 0, E[W²] = 1/2, E[W⁴] = 1/2. s = W₁ + 2W₂:
    // E[s²] = 1/2 + 4/2 = 5/2; E[s⁴] = E[W₁⁴] + 6·4·E[W₁²]E[W₂²] + 16·E[W₂⁴] = 1/2 + 6 + 8 = 29/2; m22 = (5/2)² = 25/4.
    const W: ScalarAtoms = [{ value: q(0), probability: q(1, 2) }, { value: q(1), probability: q(1, 4) }, { value: q(-1), probability: q(1, 4) }];
    const m = oneUnitMoments({ atoms: [{ x: [q(-1), q(2)], p: q(1) }] }, { weights: W, slope: q(-1) });
    expect([m.m2, m.m4, m.m22].map((v) => v.toFraction())).toEqual(['5/2', '29/2', '25/4']);
  });
});
