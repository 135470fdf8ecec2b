import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';

/**
 * Low-level samplers on pure-rand generators (mutable idiom: each call advances `rng`).
 * No @stdlib random samplers are installed in this project, so the classical algorithms are
 * implemented here on pure-rand's 53-bit uniforms (two 32-bit draws each).
 */

/** Uniform on (0, 1] (never 0, so logs are finite). */
export function uniformOpenClosed(rng: RandomGenerator): number {
  return 1 - uniformFloat64(rng);
}

/** Uniform on [0, 1). */
export function uniformClosedOpen(rng: RandomGenerator): number {
  return uniformFloat64(rng);
}

/** ±1 with probability 1/2 each, from the low bit of one 32-bit draw. */
export function randomSign(rng: RandomGenerator): 1 | -1 {
  return (rng.next() & 1) === 0 ? 1 : -1;
}

/** Standard normal by Box–Muller (cosine branch; the sine branch is discarded to stay stateless). */
export function standardNormal(rng: RandomGenerator): number {
  const u1 = uniformOpenClosed(rng);
  const u2 = uniformClosedOpen(rng);
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/**
 * Gamma(shape, 1) by Marsaglia & Tsang (2000), "A simple method for generating gamma variables",
 * ACM TOMS 26(3); shape < 1 through the boost Gamma(a) = Gamma(a+1)·U^{1/a}.
 */
export function standardGamma(rng: RandomGenerator, shape: number): number {
  if (shape < 1) {
    return standardGamma(rng, shape + 1) * Math.pow(uniformOpenClosed(rng), 1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = standardNormal(rng);
    const t = 1 + c * z;
    if (t <= 0) continue;
    const v = t * t * t;
    const u = uniformOpenClosed(rng);
    if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
  }
}
