import { normal } from '../../distributions/normal.ts';
import type { RandomGenerator } from '../../distributions/types.ts';

/** An input vector law given by a sampler and the statistics Proposition 3 starts from. */
export interface InputVectorLaw {
  readonly name: string;
  /** σ² = E[x_i²]. */
  readonly variance: number;
  /** κ_0 = E[x_i⁴]/σ⁴. */
  readonly kappa0: number;
  /** c_0 = Cov[x_i², x_j²] (raw). */
  readonly c0: number;
  /** Fills `out` with one draw of the whole vector. */
  sample(rng: RandomGenerator, out: Float32Array): void;
}

const standardNormal = normal();

/**
 * x = s·g with g i.i.d. standard normal and one scalar s shared by all entries, s = 1 or `scale`
 * with probability ½ each: a He random vector (zero mean, symmetric, uncorrelated, sign-flip
 * symmetric pairs) whose squared entries are positively correlated, so that the recursion starts
 * from c_0 ≠ 0 — which the coefficients A[0][1] and A[1][1] of Proposition 3 multiply.
 * E[s²] = (1 + S²)/2, E[s⁴] = (1 + S⁴)/2; σ² = E[s²], κ_0 = 3E[s⁴]/E[s²]², c_0 = E[s⁴] − E[s²]².
 *
 * @example scaleMixtureInput({ scale: 2 }) // { variance: 2.5, kappa0: 4.08, c0: 2.25, … }
 * @throws Error naming `options.scale` unless it is finite and > 0.
 */
export function scaleMixtureInput(options: { readonly scale: number }): InputVectorLaw {
  const S = options.scale;
  if (!(Number.isFinite(S) && S > 0)) throw new Error(`scaleMixtureInput: options.scale must be finite and > 0, got ${String(S)}`);
  const m2 = (1 + S * S) / 2;
  const m4 = (1 + S ** 4) / 2;
  return {
    name: `scale-mixture(s ∈ {1, ${S}})·normal`,
    variance: m2,
    kappa0: (3 * m4) / (m2 * m2),
    c0: m4 - m2 * m2,
    sample(rng, out) {
      const s = standardNormal.sample(rng) > 0 ? S : 1;
      for (let i = 0; i < out.length; i++) out[i] = s * standardNormal.sample(rng);
    },
  };
}
