import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { describe, expect, it } from 'vitest';
import { normal } from '../distributions/normal.ts';
import { inputStatisticsFromNorms } from './inputStatisticsFromNorms.ts';
import { inputStatisticsSamplingError } from './inputStatisticsSamplingError.ts';

describe('inputStatisticsSamplingError', () => {
  it('equal norms (z i.i.d. N(0, S)): SE σ̂² = S/√n, SE κ̂ = √(12/n) (= √(24/(2n)) for 2n normals), SE ĉ = 2S²/√n', () => {
    const stats = inputStatisticsFromNorms({ norm2: Float64Array.of(3, 3), sum4: Float64Array.of(1, 1) }, { weightKurtosis: 3, fanIn: 2 });
    const S = 3; // v = 1
    const e = inputStatisticsSamplingError(stats, { samples: 100 });
    expect(e.sigma2).toBeCloseTo(S / 10, 14);
    expect(e.kappa0).toBeCloseTo(Math.sqrt(12 / 100), 14);
    expect(e.c0).toBeCloseTo((2 * S * S) / 10, 13);
    expect(e.c0Normalized).toBeCloseTo(2 / 10, 14);
  });

  it('matches the spread of simulated estimators (unequal norms, 400 replicates of n = 2000)', () => {
    // Simulation of the model itself: per draw a random image (norms 1, 2, 6), z_i, z_j i.i.d. N(0, v‖x‖²).
    // The sd of R = 400 replicate estimates has relative sd ≈ 1/√(2R) = 3.5% (more for κ̂, whose
    // estimates are skewed); ±25% is > 5 of those: the false-fail probability is negligible, and a
    // formula off by a factor √2 (e.g. counting 2n independent draws instead of n) fails.
    const norm2 = Float64Array.of(1, 2, 6);
    const stats = inputStatisticsFromNorms({ norm2, sum4: Float64Array.of(1, 1, 1) }, { weightKurtosis: 3, fanIn: 2 });
    const n = 2000;
    const R = 400;
    const predicted = inputStatisticsSamplingError(stats, { samples: n });
    const rng = xoroshiro128plus(12345);
    const g = normal();
    const est: number[][] = [[], [], [], []];
    for (let r = 0; r < R; r++) {
      let su = 0, sq = 0, sb = 0;
      for (let k = 0; k < n; k++) {
        const sd = Math.sqrt(stats.weightVariance * norm2[uniformInt(rng, 0, 2)]!);
        const a = (g.sample(rng) * sd) ** 2;
        const b = (g.sample(rng) * sd) ** 2;
        su += (a + b) / 2; sq += (a * a + b * b) / 2; sb += a * b;
      }
      const u = su / n, q = sq / n, b = sb / n;
      est[0]!.push(u); est[1]!.push(q / (u * u)); est[2]!.push(b - u * u); est[3]!.push(b / (u * u) - 1);
    }
    const sd = (a: number[]) => { const m = a.reduce((p, v) => p + v, 0) / a.length; return Math.sqrt(a.reduce((p, v) => p + (v - m) ** 2, 0) / (a.length - 1)); };
    const ratios = [sd(est[0]!) / predicted.sigma2, sd(est[1]!) / predicted.kappa0, sd(est[2]!) / predicted.c0, sd(est[3]!) / predicted.c0Normalized];
    for (const r of ratios) expect(r, `ratios ${ratios.map((x) => x.toFixed(3))}`).toBeGreaterThan(0.75);
    for (const r of ratios) expect(r, `ratios ${ratios.map((x) => x.toFixed(3))}`).toBeLessThan(1.25);
  });

  it('names options.samples', () => {
    const stats = inputStatisticsFromNorms({ norm2: Float64Array.of(1, 2), sum4: Float64Array.of(1, 1) }, { weightKurtosis: 3, fanIn: 2 });
    expect(() => inputStatisticsSamplingError(stats, { samples: 1 })).toThrow(/options\.samples/);
  });
});
