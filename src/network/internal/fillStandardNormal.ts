import type { RandomGenerator } from '../../distributions/types.ts';

const TWO_POW_32 = 2 ** 32;

/**
 * Fills `out` with independent N(0, scale²) values, rounded to float32: Box–Muller with BOTH
 * branches (r·cos θ and r·sin θ from one pair of uniforms), each uniform from ONE 32-bit draw —
 * four times fewer generator calls and half the log/sqrt of `normal().sample` (two 53-bit uniforms
 * per value, cosine branch only). u₁ ∈ (0, 1] (never 0), so |z| ≤ √(−2 ln 2⁻³²) ≈ 6.66: the tails
 * beyond 6.66σ (probability 2.7e-11) are cut. A different stream from `normal().sample`'s: the
 * Monte Carlo sampler's fast path (`sampleLayerOutputs({ fast: true })`), tested against the law.
 *
 * @example const z = new Float32Array(4); fillStandardNormal(xoroshiro128plus(1), z, 1); // four N(0, 1) values
 */
export function fillStandardNormal(rng: RandomGenerator, out: Float32Array, scale: number): void {
  const n = out.length;
  for (let i = 0; i < n; i += 2) {
    const u1 = ((rng.next() >>> 0) + 1) / TWO_POW_32;
    const theta = (2 * Math.PI * (rng.next() >>> 0)) / TWO_POW_32;
    const r = scale * Math.sqrt(-2 * Math.log(u1));
    out[i] = r * Math.cos(theta);
    if (i + 1 < n) out[i + 1] = r * Math.sin(theta);
  }
}
