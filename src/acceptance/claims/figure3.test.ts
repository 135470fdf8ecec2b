import { describe, expect, it } from 'vitest';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { normal } from '../../distributions/normal.ts';
import { figure3Claims } from './figure3.ts';
import type { ClaimResult, TrainingRun } from './types.ts';

const z = normal();
const DEPTHS = [0, 10, 50, 100, 200];
const INITS = ['he-normal', 'glorot-normal', 'orthogonal', 'gsm', 'metainit', 'zero'];
const byId = (cs: ClaimResult[], s: string): ClaimResult => cs.find((c) => c.id.endsWith(s))!;

/** Runs with mean accuracy mean(init, depth) + N(0, 0.01²); accuracy < 0 → diverged. */
function runs(mean: (init: string, depth: number) => number, reps: number, seed: number, width = 10): TrainingRun[] {
  const rng = xoroshiro128plus(seed);
  const out: TrainingRun[] = [];
  for (const init of INITS)
    for (const depth of DEPTHS)
      for (let rep = 0; rep < reps; rep++) {
        const m = mean(init, depth);
        const acc = m < 0 ? null : Math.min(1, m + 0.01 * z.sample(rng));
        out.push({ width, depth, init, rep, status: acc === null ? 'diverged' : 'ok', accuracy: acc });
      }
  return out;
}

describe('figure3Claims', () => {
  it('clearly true: random inits collapse with depth (diverging at 200), ZerO flat → all supported', () => {
    const data = runs((i, d) => (i === 'zero' ? 0.95 : d >= 200 ? -1 : d >= 10 ? 0.3 : 0.95), 5, 1);
    const cs = figure3Claims({ runs: data, width: 10 });
    for (const c of cs) expect(c.verdict, c.id + ': ' + c.reason).toBe('supported');
    const fail = byId(cs, 'random-fail-at-depth');
    expect(fail.id).toBe('fig3.w10.random-fail-at-depth');
    expect(fail.evidence).toHaveLength(5 * 4); // 5 random inits × depths 10, 50, 100, 200
    expect(fail.statistics['divergedRuns']).toBe(25);
    expect(fail.statistics['he-normal@200.mean']).toBeCloseTo(0.1, 12);
    expect(JSON.parse(JSON.stringify(cs))).toEqual(cs);
  });

  it('clearly false: random inits beat ZerO and ZerO degrades → all refuted', () => {
    const data = runs((i, d) => (i === 'zero' ? 0.95 - d * 0.003 : 0.97), 5, 2);
    const cs = figure3Claims({ runs: data, width: 10 });
    for (const c of cs) expect(c.verdict, c.id + ': ' + c.reason).toBe('refuted');
  });

  it('too little data (one rep) → inconclusive; width without a default Dmin throws', () => {
    const data = runs((i, d) => (i === 'zero' ? 0.95 : d >= 10 ? 0.3 : 0.95), 1, 3);
    for (const c of figure3Claims({ runs: data, width: 10 })) {
      expect(c.verdict).toBe('inconclusive');
      expect(c.reason).toMatch(/needs ≥ 2 runs per group/);
    }
    expect(() => figure3Claims({ runs: data, width: 37 })).toThrow('pass options.failMinDepth');
    expect(figure3Claims({ runs: data, width: 37, failMinDepth: 10 })[0]!.statistics['runs']).toBe(0);
  });

  it('width 200 uses Dmin = 100 by default', () => {
    const data = runs((i, d) => (i === 'zero' ? 0.95 : d >= 100 ? 0.2 : 0.95), 4, 4, 200);
    const c = figure3Claims({ runs: data, width: 200 })[0]!;
    expect(c.statistics['failMinDepth']).toBe(100);
    expect(c.verdict).toBe('supported');
  });

  it('false alarms of the IUT at the boundary (all means equal, 3 reps, 400 sims): supported ≤ α/2 + 3 sd for both comparison claims', () => {
    let sup = 0;
    let supKeep = 0;
    const reps = 400;
    for (let r = 0; r < reps; r++) {
      const cs = figure3Claims({ runs: runs((_, d) => (d === 0 ? 0.95 : 0.9), 3, 1000 + r), width: 10 }); // ZerO exactly at the margin
      if (byId(cs, 'random-fail-at-depth').verdict === 'supported') sup++;
      if (byId(cs, 'zero-keeps-training').verdict === 'supported') supKeep++;
    }
    const tol = 3 * Math.sqrt((0.025 * 0.975) / reps);
    expect(sup / reps).toBeLessThanOrEqual(0.025 + tol);
    expect(supKeep / reps).toBeLessThanOrEqual(0.025 + tol);
  });
});
