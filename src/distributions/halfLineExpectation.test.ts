import { describe, expect, it } from 'vitest';
import { q } from '../algebra/rational.ts';
import { halfLineExpectation } from './halfLineExpectation.ts';
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
});
