/**
 * Eigenvalues of a 2×2 matrix from its trace and determinant (real case):
 * λ = (tr ± √(tr² − 4 det)) / 2 (Lemma 4). Throws when the eigenvalues are complex.
 *
 * @example eigenvalues2x2({ trace: 3.5, determinant: 0 }) // { max: 3.5, min: 0 }
 */
export function eigenvalues2x2(p: { trace: number; determinant: number }): { max: number; min: number } {
  const disc = p.trace * p.trace - 4 * p.determinant;
  if (disc < 0) throw new Error(`eigenvalues2x2: complex eigenvalues (discriminant ${disc})`);
  const root = Math.sqrt(disc);
  // Stable form: the larger-magnitude root first, the other from det = λ₁λ₂.
  const big = p.trace >= 0 ? (p.trace + root) / 2 : (p.trace - root) / 2;
  const small = big === 0 ? 0 : p.determinant / big;
  return { max: Math.max(big, small), min: Math.min(big, small) };
}
