import { describe, expect, it } from 'vitest';
import { laplace } from '../../distributions/laplace.ts';
import { normal } from '../../distributions/normal.ts';
import { rademacher } from '../../distributions/rademacher.ts';
import { uniform } from '../../distributions/uniform.ts';
import { conditionalLayerOneMonteCarlo } from './conditionalLayerOneMonteCarlo.ts';
import { propagationTheory } from './propagationTheory.ts';

describe('conditionalLayerOneMonteCarlo', () => {
  it('agrees with Propositions 1 and 3 for random weights (decided tests, power ≥ 0.99 against 1%) and uses the input law\'s moments', () => {
    // False alarm 1e-6 per test, 3 tests per run, 3 runs: P(any false alarm) ≤ 9e-6.
    for (const weights of [normal(), uniform(), laplace()]) {
      const r = conditionalLayerOneMonteCarlo({ widths: [16, 16], slope: 0, weights, input: normal(), samples: 20_000, seed: 11, falseAlarm: 1e-6 });
      expect(r.tests.variance.decision).toBe('consistent');
      expect(r.tests.c!.decision).toBe('consistent');
      expect(r.tests.variance.power!).toBeGreaterThanOrEqual(0.99);
      expect(r.tests.kappa.decision).not.toBe('rejected');
      expect(r.tests.decision).toBe(r.tests.kappa.decision === 'out-of-reach' ? 'out-of-reach' : 'consistent');
      expect(r.tests.c!.absoluteDeviation).toBeCloseTo(0.01 * (1 + r.theory.c), 12);
    }
    const u = conditionalLayerOneMonteCarlo({ widths: [4, 4], slope: 0, weights: rademacher(), input: uniform(), samples: 10, seed: 1, falseAlarm: 1e-6 });
    expect(u.inputMoments).toEqual({ mu2: 0.5, mu4: 0.5 * 1.8 });
  });

  it('rejects a theory off by 1% (its teeth, without any mutant)', () => {
    const base = { widths: [16, 16] as const, slope: 0, weights: normal(), input: normal(), samples: 20_000, seed: 5, falseAlarm: 1e-8 };
    const t = propagationTheory({ widths: [16, 16], slope: 0, weightKurtosis: 3, inputVariance: 1, inputKurtosis: 3 })[1]!;
    expect(conditionalLayerOneMonteCarlo({ ...base, theory: { ...t, variance: 1.01 } }).tests.variance.decision).toBe('rejected');
    const off = conditionalLayerOneMonteCarlo({ ...base, theory: { ...t, kappa: 1.01 * t.kappa } });
    expect(off.tests.kappa.decision).toBe('rejected');
    expect(off.tests.decision).toBe('rejected');
    expect(off.tests.c!.decision).toBe('consistent');
  });
});
