import { Fraction } from 'fraction.js';

/** The random initialisers whose theoretical variance Section 6's hypothesis classifies. */
export type RandomInitialiserName = 'he-normal' | 'he-uniform' | 'he-bernoulli' | 'glorot-normal' | 'lecun-normal' | 'orthogonal' | 'gsm';

/** Every {@link RandomInitialiserName}, in the registry's order. */
export const RANDOM_INITIALISER_NAMES: readonly RandomInitialiserName[] = ['he-normal', 'he-uniform', 'he-bernoulli', 'glorot-normal', 'lecun-normal', 'orthogonal', 'gsm'];

/**
 * Exact factor f by which one hidden Linear w → w (constant width, no bias) of the suite's
 * initialiser `name` multiplies the theoretical variance E[z²] of a unit, at leaky-ReLU slope a
 * (φ_a(x) = max(x, ax), any real a), for inputs of the layer that are sign-symmetric (every hidden
 * layer of these networks): E[z'²] = f·E[z²].
 * - i.i.d. entries of variance v (He, Glorot, LeCun): f = fan_in·v·(1 + a²)/2, since
 *   E[φ_a(z)²] = (1 + a²)/2·E[z²] for symmetric z. He (any law): v = 2/(w(1 + a²)) → f = 1;
 *   Glorot v = 2/(w + w), LeCun v = 1/w → f = (1 + a²)/2.
 * - orthogonal with the registry's gain g = √(2/(1 + a²)): every row has squared norm g², so
 *   f = g²(1 + a²)/2 = 1.
 * - GSM, W = [[M, −M], [−M, M]], M entries of variance 2/w: a layer's output is (z, −z), and
 *   φ_a(z) − φ_a(−z) = (1 + a)z for every a, so z' = (1 + a)·M z exactly: f = (1 + a)²·(w/2)·(2/w) = (1 + a)².
 *
 * @example initialiserVarianceFactor('lecun-normal', new Fraction(2), 4).toFraction() // '5/2'
 * @example initialiserVarianceFactor('gsm', new Fraction(-1), 4).toFraction() // '0'
 * @throws Error on an unknown name, or GSM at an odd width.
 */
export function initialiserVarianceFactor(name: RandomInitialiserName, slope: Fraction, width: number): Fraction {
  const one = new Fraction(1);
  const half = one.add(slope.pow(2)).div(2);
  switch (name) {
    case 'he-normal':
    case 'he-uniform':
    case 'he-bernoulli':
    case 'orthogonal':
      return one;
    case 'glorot-normal':
    case 'lecun-normal':
      return half;
    case 'gsm':
      if (width % 2 !== 0) throw new Error(`initialiserVarianceFactor: GSM needs an even width, got ${width}`);
      return one.add(slope).pow(2);
    default:
      throw new Error(`initialiserVarianceFactor: unknown initialiser ${String(name)}`);
  }
}

/** Section 6's two branches: the theoretical variance per layer kept constant or decreasing (f ≤ 1), or increasing (f > 1). */
export type VarianceBranch = 'constant-or-decreasing' | 'increasing';

/** @example varianceBranch(new Fraction(1)) // 'constant-or-decreasing' */
export function varianceBranch(factor: Fraction): VarianceBranch {
  return factor.compare(1) <= 0 ? 'constant-or-decreasing' : 'increasing';
}
