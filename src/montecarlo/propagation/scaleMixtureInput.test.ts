import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { describe, expect, it } from 'vitest';
import { createLayerMomentAccumulator } from '../createLayerMomentAccumulator.ts';
import { scaleMixtureInput } from './scaleMixtureInput.ts';

describe('scaleMixtureInput', () => {
  it('states σ², κ_0 and c_0 of x = s·g, s ∈ {1, S}', () => {
    const law = scaleMixtureInput({ scale: 2 });
    // E[s²] = 5/2, E[s⁴] = 17/2: κ_0 = 3·8.5/6.25, c_0 = 8.5 − 6.25.
    expect(law.variance).toBe(2.5);
    expect(law.kappa0).toBeCloseTo(4.08, 12);
    expect(law.c0).toBeCloseTo(2.25, 12);
    expect(law.name).toBe('scale-mixture(s ∈ {1, 2})·normal');
  });

  it('samples what it states (within 5 batch-means stderr; n = 10⁵ vectors of width 4, seed 17)', () => {
    const law = scaleMixtureInput({ scale: 2 });
    const rng = xoroshiro128plus(17);
    const data = new Float32Array(4 * 100_000);
    for (let d = 0; d < 100_000; d++) law.sample(rng, data.subarray(4 * d, 4 * d + 4));
    const s = createLayerMomentAccumulator({ width: 4 }).addDraws(data).summary();
    // Each |t| > 5 has probability ≈ 4e-6 (t_63); three checks: ≈ 1e-5 false-fail.
    expect(Math.abs(s.variance.estimate! - law.variance)).toBeLessThan(5 * s.variance.stderr!);
    expect(Math.abs(s.kappa.estimate! - law.kappa0)).toBeLessThan(5 * s.kappa.stderr!);
    expect(Math.abs(s.c!.estimate! - law.c0)).toBeLessThan(5 * s.c!.stderr!);
    // And precisely: Var s₂ per draw = E[s⁴]·(1 + 2/4) − E[s²]² = 6.5, so stderr(σ̂²) ≈ √(6.5/10⁵) ≈ 0.008;
    // 0.02 leaves a factor 2.5 for the batch-means estimate of it (its relative sd ≈ 9% with 64 batches).
    expect(s.variance.stderr!).toBeLessThan(0.02);
  });

  it('rejects a bad scale naming the field', () => {
    expect(() => scaleMixtureInput({ scale: 0 })).toThrow(/options.scale/);
  });
});
