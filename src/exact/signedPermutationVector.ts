import { Fraction } from 'fraction.js';
import { mergeAtoms, type ScalarAtoms, type VectorDistribution } from './vectorDistribution.ts';

function permutations(n: number): number[][] {
  if (n === 0) return [[]];
  return permutations(n - 1).flatMap((p) => Array.from({ length: n }, (_, k) => [...p.slice(0, k), n - 1, ...p.slice(k)]));
}

/**
 * Exact law of x = s·(ε_1 v_π(1), …, ε_w v_π(w)): a fixed rational vector v, a uniformly random
 * permutation π, independent uniform signs ε_i and an independent positive scale s with law
 * `scale` (atoms with probabilities). A He random vector that is not i.i.d.: its entries are
 * identically distributed, symmetric, zero-mean and uncorrelated, every pair is sign-flip
 * symmetric ((x_i, x_j) =ᵈ (−x_i, x_j)), and the entries are dependent — through π (v = (1, 0, 0)
 * is the random signed one-hot vector, c_0 = −σ⁴) and through s (a scale mixture, c_0 > 0 when
 * s is not constant). Its variance is E[s²]·‖v‖²/w, not 1 in general.
 *
 * @example signedPermutationVector([q(1), q(0)], [{ value: q(1), probability: q(1) }]).atoms.length // 4: ±e_1, ±e_2
 * @throws Error naming the function when v is empty, v is all zero, or a scale atom is not > 0.
 */
export function signedPermutationVector(v: readonly Fraction[], scale: ScalarAtoms): VectorDistribution {
  const w = v.length;
  if (w === 0 || v.every((x) => x.equals(0))) throw new Error('signedPermutationVector: v must have a non-zero entry');
  if (scale.length === 0 || scale.some((a) => a.value.compare(0) <= 0)) throw new Error('signedPermutationVector: every scale atom must be > 0');
  const perms = permutations(w);
  const pSigns = new Fraction(1, 2 ** w);
  const atoms: { x: Fraction[]; p: Fraction }[] = [];
  for (const s of scale)
    for (const pi of perms)
      for (let signs = 0; signs < 2 ** w; signs++) {
        const x = pi.map((j, i) => v[j]!.mul(s.value).mul((signs >> i) & 1 ? -1 : 1));
        atoms.push({ x, p: s.probability.mul(pSigns).div(perms.length) });
      }
  return mergeAtoms({ atoms });
}
