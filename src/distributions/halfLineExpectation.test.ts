import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Fraction } from 'fraction.js';
import { q } from '../algebra/rational.ts';
import { halfLineExpectation, withinReach } from './halfLineExpectation.ts';
import type { ContinuousSymmetricDistribution, DiscreteSymmetricDistribution, SymmetricDistribution } from './types.ts';
import { laplace } from './laplace.ts';
import { mixture } from './mixture.ts';
import { normal } from './normal.ts';
import { rademacher } from './rademacher.ts';
import { studentT } from './studentT.ts';
import { uniform } from './uniform.ts';
import { twoPieceNormal } from './internal/twoPieceNormal.ts';

describe('halfLineExpectation', () => {
  it.each([
    ['normal σ² = 2', normal({ variance: 2 }), 2, 3 * 4],
    ['uniform σ² = 3 (a = 3, jump at the edge)', uniform({ variance: 3 }), 3, 81 / 5],
    ['Laplace σ² = 2', laplace({ variance: 2 }), 2, 6 * 4],
    ['Student-t ν = 4.5', studentT({ nu: 4.5, variance: 1 }), 1, studentT({ nu: 4.5, variance: 1 }).fourthMoment],
  ] as const)('%s: each half-line carries half of E[x²] and E[x⁴] (closed forms, relative 1e-9)', (_n, d, v2, m4) => {
    for (const side of [1, -1] as const) {
      expect(halfLineExpectation(d, 2, side) / (v2 / 2)).toBeCloseTo(1, 9);
      expect(halfLineExpectation(d, 4, side) / (m4 / 2)).toBeCloseTo(1, 9);
    }
  });

  it('sums atoms and mixture parts on the chosen side only', () => {
    expect(halfLineExpectation(rademacher({ scale: q(2) }), 4, -1)).toBe(8);
    const m = mixture({ components: [normal({ variance: 1 }), rademacher()], weights: [0.25, 0.75] });
    expect(halfLineExpectation(m, 2, 1)).toBeCloseTo(0.25 * 0.5 + 0.75 * 0.5, 12);
  });

  it('sees an asymmetric density: the two half-lines of a two-piece normal (1, 2) differ', () => {
    const d = twoPieceNormal(1, 2);
    const c = 2 / (Math.sqrt(2 * Math.PI) * 3);
    // ∫₀^∞ x⁴ e^{−x²/(2s²)} dx = 3s⁵√(2π)/2
    expect(halfLineExpectation(d, 4, -1) / ((c * 3 * Math.sqrt(2 * Math.PI)) / 2)).toBeCloseTo(1, 9);
    expect(halfLineExpectation(d, 4, 1) / ((c * 3 * 32 * Math.sqrt(2 * Math.PI)) / 2)).toBeCloseTo(1, 9);
  });

  it('sums |x|^k over the atoms on that side only: an asymmetric atom list, and odd k', () => {
    // Atoms −1 and 2 (1/2 each), posing as a discrete symmetric law: the half-lines differ.
    const atoms = [
      { value: q(-1), probability: q(1, 2) },
      { value: q(2), probability: q(1, 2) },
    ];
    const lopsided = { name: 'lopsided', atoms, exact: { variance: q(5, 2), fourthMoment: q(17, 2), kurtosis: q(34, 25) } } as unknown as DiscreteSymmetricDistribution;
    expect(halfLineExpectation(lopsided, 2, 1)).toBe(2);
    expect(halfLineExpectation(lopsided, 2, -1)).toBe(0.5);
    expect(halfLineExpectation(lopsided, 4, 1)).toBe(8);
    // E[|x|³; x < 0] for ±2 is (1/2)·8 = 4: the absolute value, not x³ = −8.
    expect(halfLineExpectation(rademacher({ scale: q(2) }), 3 as 2, -1)).toBe(4);
  });

  it("splits the quadrature at the density's breakpoints (given in any order)", () => {
    // f = 1/4 on |x| ≤ 1, (1/4)e^(−(|x|−1)) beyond: a kink at ±1. On x < 0: E[x²] = 1/12 + (1/4)·∫(t+1)²e^(−t)dt
    // = 1/12 + 5/4 = 4/3, E[x⁴] = 1/20 + 65/4 = 16.3. Without the split the exp-sinh tail does not converge.
    const kinked = (breakpoints?: number[]): ContinuousSymmetricDistribution => ({
      name: 'kinked',
      variance: 8 / 3,
      fourthMoment: 32.6,
      kurtosis: 32.6 / (64 / 9),
      halfLineMoment: () => Number.NaN,
      density: (x) => (Math.abs(x) <= 1 ? 0.25 : 0.25 * Math.exp(-(Math.abs(x) - 1))),
      sample: () => Number.NaN,
      ...(breakpoints ? { breakpoints } : {}),
    });
    for (const breakpoints of [[1], [1, 0.5]]) {
      expect(halfLineExpectation(kinked(breakpoints), 2, -1) / (4 / 3)).toBeCloseTo(1, 12);
      expect(halfLineExpectation(kinked(breakpoints), 4, 1) / 16.3).toBeCloseTo(1, 12);
    }
    expect(() => halfLineExpectation(kinked(), 2, 1)).toThrow('halfLineIntegral: no convergence');
  });

  it('with a support, breakpoints inside it split the pieces and the rest are ignored', () => {
    // f = 3/8 on |x| ≤ 1, 1/8 on 1 < |x| ≤ 2: E[x²; x > 0] = 1/8 + 7/24 = 5/12, E[x⁴; x > 0] = 3/40 + 31/40 = 17/20.
    const step: ContinuousSymmetricDistribution = {
      name: 'step',
      variance: 5 / 6,
      fourthMoment: 17 / 10,
      kurtosis: (17 / 10) / (25 / 36),
      halfLineMoment: () => Number.NaN,
      density: (x) => (Math.abs(x) <= 1 ? 3 / 8 : Math.abs(x) <= 2 ? 1 / 8 : 0),
      breakpoints: [2, 1, 3, -1],
      support: 2,
      sample: () => Number.NaN,
    };
    expect(halfLineExpectation(step, 2, 1) / (5 / 12)).toBeCloseTo(1, 12);
    expect(halfLineExpectation(step, 4, -1) / (17 / 20)).toBeCloseTo(1, 12);
  });

  it('refuses a law with neither atoms, parts nor a density, naming it', () => {
    const bare = { name: 'bare', variance: 1, fourthMoment: 1, kurtosis: 1, halfLineMoment: () => 0.5, sample: () => 0 } as SymmetricDistribution;
    expect(() => halfLineExpectation(bare, 2, 1)).toThrow('halfLineExpectation: bare has neither atoms, mixture parts nor a density');
  });

  it('withinReach: returns the value, turns "no convergence" into a skipped fast-check case, lets other errors through', () => {
    expect(withinReach(() => 42)).toBe(42);
    expect(() => withinReach(() => { throw new Error('boom'); })).toThrow('boom');
    const out = fc.check(fc.property(fc.constant(0), () => withinReach(() => { throw new Error('x: no convergence on [0, 1]'); })), { numRuns: 5 });
    expect(out.failed).toBe(true); // every case skipped: fast-check reports that no run satisfied the precondition
    expect(out.numRuns).toBe(0);
    expect(out.numSkips).toBeGreaterThan(0);
  });

  it('each finite piece is integrated to relative accuracy, however small its values (support 10⁻³)', () => {
    // f(x) = π/(4s)·cos(πx/(2s)) on |x| ≤ s: E[x²; x > 0] = s²(1/2 − 4/π²), E[x⁴; x > 0] = s⁴(1/2 − 24/π² + 192/π⁴)
    // (integration by parts). Values ~1e-7 and ~1e-13: an absolute tolerance would be far too loose.
    const s = 1e-3;
    const bump: ContinuousSymmetricDistribution = {
      name: 'cosine bump',
      variance: s * s * (1 - 8 / Math.PI ** 2),
      fourthMoment: s ** 4 * (1 - 48 / Math.PI ** 2 + 384 / Math.PI ** 4),
      kurtosis: Number.NaN,
      halfLineMoment: () => Number.NaN,
      density: (x) => (Math.abs(x) <= s ? (Math.PI / (4 * s)) * Math.cos((Math.PI * x) / (2 * s)) : 0),
      support: s,
      sample: () => Number.NaN,
    };
    expect(halfLineExpectation(bump, 2, 1) / (s * s * (0.5 - 4 / Math.PI ** 2))).toBeCloseTo(1, 12);
    expect(halfLineExpectation(bump, 4, -1) / (s ** 4 * (0.5 - 24 / Math.PI ** 2 + 192 / Math.PI ** 4))).toBeCloseTo(1, 12);
  });

  it('reports a piece that is not finite as no convergence, naming the interval and the law', () => {
    const broken: ContinuousSymmetricDistribution = { ...uniform({ variance: 3 }), name: 'broken', density: (x) => (Math.abs(x) > 1 ? Number.NaN : 1 / 6) };
    expect(() => halfLineExpectation(broken, 2, 1)).toThrow('halfLineExpectation: no convergence on [0, 3] for broken');
  });
});
