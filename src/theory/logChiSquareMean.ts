/** Euler–Mascheroni constant γ. */
const EULER_GAMMA = 0.5772156649015329;

/**
 * E[log χ²_m] = ψ(m/2) + log 2 for an integer m ≥ 1 degrees of freedom, with the digamma at
 * half-integers in closed form: ψ(1) = −γ, ψ(1/2) = −γ − 2 log 2, ψ(x + 1) = ψ(x) + 1/x.
 * It is the per-layer drift of log S² in a linear Gaussian network (see section-6-hypothesis);
 * by Jensen E[log χ²_m] < log m.
 *
 * @example logChiSquareMean(2) // 0.11593151565841244  (= log 2 − γ)
 * @throws Error when m is not an integer ≥ 1.
 */
export function logChiSquareMean(m: number): number {
  if (!Number.isInteger(m) || m < 1) throw new Error(`logChiSquareMean: m must be an integer ≥ 1, got ${String(m)}`);
  let x = m % 2 === 0 ? 1 : 0.5;
  let psi = m % 2 === 0 ? -EULER_GAMMA : -EULER_GAMMA - 2 * Math.LN2;
  while (x < m / 2) {
    psi += 1 / x;
    x += 1;
  }
  return psi + Math.LN2;
}
