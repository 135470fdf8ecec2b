import { describe, it, expect } from 'vitest';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { laplace } from './laplace.ts';
import { mixture } from './mixture.ts';
import { normal } from './normal.ts';
import { rademacher } from './rademacher.ts';
import { sampleMany } from './sampleMany.ts';
import { studentT } from './studentT.ts';
import { uniform } from './uniform.ts';

describe('sampleMany', () => {
  const families = [normal(), uniform(), laplace(), studentT({ nu: 6 }), rademacher(), mixture({ components: [normal(), laplace()], weights: [0.5, 0.5] })];

  it('is reproducible: same seed → same samples, and a longer run extends a shorter one', () => {
    for (const d of families) {
      const a = sampleMany(d, { seed: 123, n: 200 });
      expect(sampleMany(d, { seed: 123, n: 200 })).toEqual(a);
      expect(Array.from(sampleMany(d, { seed: 123, n: 50 }))).toEqual(Array.from(a.subarray(0, 50)));
      expect(sampleMany(d, { seed: 124, n: 200 })).not.toEqual(a);
      expect(a.every(Number.isFinite)).toBe(true);
    }
  });

  it('draws with a fresh xoroshiro128+(seed), in order', () => {
    const rng = xoroshiro128plus(77);
    const d = laplace();
    expect(Array.from(sampleMany(d, { seed: 77, n: 5 }))).toEqual(Array.from({ length: 5 }, () => d.sample(rng)));
  });

  it('sample(rng) advances the generator in place (pure-rand mutable idiom)', () => {
    const rng = xoroshiro128plus(9);
    const copy = rng.clone();
    const first = normal().sample(rng);
    expect(normal().sample(copy)).toBe(first);
    expect(normal().sample(rng)).not.toBe(first);
  });

  it('validates its options', () => {
    expect(() => sampleMany(normal(), { seed: 1.5, n: 3 })).toThrow('sampleMany: options.seed must be a 32-bit integer');
    expect(() => sampleMany(normal(), { seed: 1, n: -1 })).toThrow('sampleMany: options.n must be an integer >= 0, got -1');
    expect(() => sampleMany(normal(), { seed: 1, n: 2.5 })).toThrow('sampleMany: options.n must be an integer >= 0, got 2.5');
    expect(() => sampleMany(normal(), undefined as unknown as { seed: number; n: number })).toThrow('sampleMany: options.seed must be a 32-bit integer, got undefined');
    // Seeds from −2³¹ (int32) up to 2³² − 1 (uint32) are accepted; one beyond either end is not.
    expect(sampleMany(normal(), { seed: -0x80000000, n: 2 })).toHaveLength(2);
    expect(sampleMany(normal(), { seed: 0xffffffff, n: 2 })).toHaveLength(2);
    expect(sampleMany(normal(), { seed: 7, n: 0 })).toHaveLength(0);
    expect(() => sampleMany(normal(), { seed: -0x80000001, n: 2 })).toThrow('sampleMany: options.seed must be a 32-bit integer, got -2147483649');
    expect(() => sampleMany(normal(), { seed: 0x100000000, n: 2 })).toThrow('sampleMany: options.seed must be a 32-bit integer, got 4294967296');
  });
});
