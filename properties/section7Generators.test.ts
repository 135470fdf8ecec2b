/**
 * The generators of the Section 5-applied and Section 7 statements reach every class their
 * hypotheses admit (fixed seeds; counts over 400 draws).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseArb } from './section-5-applied.prop.ts';
import { finiteLawArb } from './section-7-bounded.prop.ts';
import { constantWidthArb, tinyLinearArb } from './section-7-linear.prop.ts';
import { claimArb, tinyArb } from './section-7-residual.prop.ts';

const draw = <T>(arb: fc.Arbitrary<T>, seed: number) => fc.sample(arb, { seed, numRuns: 400 });

describe('Section 7 generators reach every admitted class', () => {
  it('linear networks: width 1 and ≥ 2, κ_w = 1 (Rademacher) and heavier, c_0 < 0 inputs; tiny networks with i.i.d. and pair inputs, widths 1–3', () => {
    const cs = draw(constantWidthArb, 1);
    expect(cs.some((c) => c.width === 1)).toBe(true);
    expect(cs.some((c) => c.width >= 2)).toBe(true);
    expect(cs.some((c) => c.kw.equals(1))).toBe(true);
    expect(cs.some((c) => c.kw.compare(3) > 0)).toBe(true);
    expect(cs.some((c) => c.input.u0.compare(1) < 0)).toBe(true);
    const ts = draw(tinyLinearArb, 2);
    expect(new Set(ts.map((t) => t.input.kind))).toEqual(new Set(['iid', 'pair']));
    expect(new Set(ts.flatMap((t) => t.widths))).toEqual(new Set([1, 2, 3]));
  });

  it('residual: every branch-scale kind, α = 0 and α = 1 among the fixed ones, widths 1 and ≥ 2; tiny networks with both input kinds and 1–2 blocks', () => {
    const cs = draw(claimArb, 3);
    expect(new Set(cs.map((c) => c.scale.kind))).toEqual(new Set(['fixed', 'inv-sqrt-depth', 'inv-depth', 'zero']));
    const fixed = cs.flatMap((c) => (c.scale.kind === 'fixed' ? [c.scale.alpha] : []));
    expect(fixed).toContain(0);
    expect(fixed).toContain(1);
    expect(fixed.some((a) => a > 0 && a < 1)).toBe(true);
    expect(cs.some((c) => c.width === 1) && cs.some((c) => c.width > 1)).toBe(true);
    const ts = draw(tinyArb, 4);
    expect(new Set(ts.map((t) => t.input.kind))).toEqual(new Set(['iid', 'pair']));
    expect(new Set(ts.map((t) => t.depth))).toEqual(new Set([1, 2]));
  });

  it('bounded activations: symmetric and asymmetric finite laws; Section 5 applied: n = 2 and 3, widths 1–3, ReLU and other slopes', () => {
    const laws = draw(finiteLawArb, 5);
    const symmetric = (l: { value: number; p: number }[]) => l.every((a) => l.some((b) => b.value === -a.value && Math.abs(b.p - a.p) < 1e-12));
    expect(laws.some(symmetric)).toBe(true);
    expect(laws.some((l) => !symmetric(l))).toBe(true);
    const cs = draw(caseArb, 6);
    expect(new Set(cs.map((c) => c.n))).toEqual(new Set([2, 3]));
    expect(new Set(cs.map((c) => c.width))).toEqual(new Set([1, 2, 3]));
    expect(cs.some((c) => c.slope.equals(0)) && cs.some((c) => !c.slope.equals(0))).toBe(true);
  });
});
