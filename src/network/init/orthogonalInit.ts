import { normal } from '../../distributions/normal.ts';
import type { RandomLayerShape, WeightMatrix } from './types.ts';
import { householderQr } from './internal/householderQr.ts';
import { checkFan, checkOptions, checkRng } from './internal/validate.ts';

/** Options of {@link orthogonalInit}. */
export interface OrthogonalInitOptions extends RandomLayerShape {
  /** Factor applied to the orthogonal matrix, finite > 0; default √2 (PyTorch's ReLU gain, the authors' choice). */
  readonly gain?: number;
}

/**
 * Orthogonal initialisation (Saxe et al. 2014), exactly as PyTorch's `nn.init.orthogonal_`:
 * draw G (rows × cols = fanOut × fanIn) with i.i.d. standard normal entries (row-major order);
 * if rows < cols work with Gᵀ; take its thin QR; multiply Q's columns by sign(diag R), which makes
 * the result independent of the QR's sign convention and Haar-distributed (Mezzadri 2007);
 * transpose back; multiply by `gain`. Hence W Wᵀ = gain²·I when fanOut ≤ fanIn (orthonormal rows)
 * and Wᵀ W = gain²·I when fanOut ≥ fanIn (orthonormal columns). The authors use gain √2 for every
 * Linear. QR in float64 by Householder (see `internal/householderQr.ts` for why not mathjs's
 * `qr`); the entries are rounded once to float32. sign(0) is taken as +1 (PyTorch's 0 would zero
 * a column; R[k][k] = 0 has probability 0 for a Gaussian G).
 *
 * @example orthogonalInit({ fanIn: 2, fanOut: 2, gain: 1, rng: xoroshiro128plus(1) }).data
 * // Float32Array [0.98664081, -0.16291068, 0.16291068, 0.98664081]  (a rotation: W Wᵀ = I)
 * @throws Error naming `orthogonalInit` and the field (fanIn, fanOut, gain, rng).
 */
export function orthogonalInit(options: OrthogonalInitOptions): WeightMatrix {
  const api = 'orthogonalInit';
  checkOptions(api, options);
  const cols = checkFan(api, 'fanIn', options.fanIn);
  const rows = checkFan(api, 'fanOut', options.fanOut);
  const gain = options.gain ?? Math.SQRT2;
  if (typeof gain !== 'number' || !Number.isFinite(gain) || gain <= 0) {
    throw new Error(`${api}: options.gain must be a finite number > 0, got ${String(gain)}`);
  }
  const rng = checkRng(api, options.rng);
  const standard = normal();
  const g = new Float64Array(rows * cols);
  for (let t = 0; t < g.length; t++) g[t] = standard.sample(rng);

  const transposed = rows < cols;
  const m = Math.max(rows, cols);
  const n = Math.min(rows, cols);
  let a: Float64Array;
  if (transposed) {
    a = g; // G row-major (rows × cols) is Gᵀ (cols × rows = m × n) column-major.
  } else {
    a = new Float64Array(m * n); // column-major copy of G (m × n).
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) a[j * m + i] = g[i * cols + j]!;
  }
  const { q, r } = householderQr(a, m, n);
  const colScale = new Float64Array(n);
  for (let j = 0; j < n; j++) colScale[j] = (r[j * n + j]! < 0 ? -1 : 1) * gain;

  const data = new Float32Array(rows * cols);
  if (transposed) {
    // W = (Q·diag(s))ᵀ, n × m: W[j][i] = s_j Q[i][j] = s_j q[j·m + i], i.e. data = q row by row.
    for (let j = 0; j < n; j++) for (let i = 0; i < m; i++) data[j * m + i] = colScale[j]! * q[j * m + i]!;
  } else {
    // W = Q·diag(s), m × n: W[i][j] = s_j q[j·m + i].
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) data[i * n + j] = colScale[j]! * q[j * m + i]!;
  }
  return { rows, cols, data };
}
