import type { LayerShape, WeightMatrix } from './types.ts';
import { partialIdentity } from './internal/partialIdentity.ts';
import { checkOptions } from './internal/validate.ts';
import { hadamardEntry } from './internal/hadamardEntry.ts';

/** Options of {@link zeroInit}. */
export type ZeroInitOptions = LayerShape;

/**
 * ZerO initialisation (Zhao, Schäfer & Anandkumar 2022, TMLR, Algorithm 1), deterministic, for an
 * m×n matrix (m = fanOut rows, n = fanIn columns):
 * - m ≤ n: the partial identity I(m×n) (ones on the main diagonal);
 * - m > n: I(m×p) · H_p / 2^(log₂(p)/2) · I(p×n) with p = 2^⌈log₂ m⌉ and H_p the Sylvester
 *   Hadamard matrix (see `sylvesterHadamard`), i.e. W[i][j] = H_p[i][j]/√p for i < m, j < n:
 *   the top-left m×n corner of the orthogonal matrix H_p/√p (Wᵀ W = I exactly when m = p;
 *   otherwise the columns are neither orthogonal nor of unit norm in general, e.g. 3×1 → p = 4:
 *   the column (1, 1, 1)/2 has squared norm 3/4).
 * As in the authors' code, this applies to every Linear (the first, 3072 → w, is then a partial
 * identity keeping the first w pixels). Entries are 0, ±1 or ±p^(−1/2) rounded once to float32
 * (the same float32 value as PyTorch's float32 division H/2^(log₂(p)/2), checked for p = 2 … 2048).
 *
 * @example zeroInit({ fanIn: 1, fanOut: 3 }).data // Float32Array [0.5, 0.5, 0.5]  (p = 4, H_4's first column / 2)
 * @example zeroInit({ fanIn: 3, fanOut: 2 }).data // Float32Array [1, 0, 0,  0, 1, 0]
 * @throws Error naming `zeroInit` and the field (fanIn, fanOut).
 */
export function zeroInit(options: ZeroInitOptions): WeightMatrix {
  checkOptions('zeroInit', options);
  const w = partialIdentity('zeroInit', options);
  const { rows: m, cols: n } = w;
  if (m <= n) return w;
  let p = 1; // 2^⌈log₂ m⌉, by doubling (exact, unlike ceil(Math.log2(m)) near large powers of two)
  while (p < m) p *= 2;
  const scale = 1 / 2 ** (Math.log2(p) / 2);
  // Only the top-left m×n corner of H_p is needed: read it entry by entry (H_p itself is p² ≥ m²).
  const data = w.data;
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) data[i * n + j] = hadamardEntry(i, j) * scale;
  return w;
}
