import { currentGemm } from '../../../blas/initBlas.ts';
import type { Gemm } from '../../../blas/types.ts';
import { createFloat32Pool, type Float32Pool } from './float32Pool.ts';
import type { ScaleDerivatives } from './scaleDerivatives.ts';

/** Inputs of {@link fusedGradientQuotientAndScaleDerivatives}: the network and batch as plain arrays. */
export interface FusedGradientQuotientInputs {
  /** (n_0, …, n_L). */
  readonly widths: readonly number[];
  /** W_l row-major n_l × n_{l−1}, l = 1…L. */
  readonly weights: readonly Float32Array[];
  /** b_l (n_l entries) or null for a Linear without bias, one per weight matrix. */
  readonly biases: readonly (Float32Array | null)[];
  readonly slope: number;
  readonly activateInput: boolean;
  /** Inputs, batch × n_0 row-major. */
  readonly x: Float32Array;
  /** Class indices, one per row of x. */
  readonly labels: Int32Array;
  readonly eps: number;
  /** The GEMM of every product (default `currentGemm()`). */
  readonly gemm?: Gemm;
  /**
   * Buffers kept from the previous call (a MetaInit run passes one pool to all its steps); default:
   * a fresh pool, i.e. every matrix newly allocated. The call recycles it before returning.
   */
  readonly pool?: Float32Pool;
}

/** A row-major float32 matrix. */
interface Mat {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float32Array;
}

/**
 * `explicitGradientQuotientAndScaleDerivatives` (explicitGradientQuotient.ts: the gradient quotient
 * GQ of the mean cross-entropy over all weights and biases, by backprop and the R-operator, and
 * ⟨W_j, ∂GQ/∂W_j⟩ for every weight matrix by its hand-written adjoint) on Float32Arrays: the same
 * formulas, term for term, with every product through the GEMM interface (the system BLAS's
 * transposes instead of explicit ones, so layer 1 needs no transposed layout) and the elementwise
 * work in JavaScript — no tfjs kernel, no tape. Each elementwise value is computed in float64 and
 * stored in float32; GQ's sum and the scale derivatives' ⟨X, Y⟩ sums are accumulated in float64.
 *
 * @example fusedGradientQuotientAndScaleDerivatives({ widths: [2, 2], weights: [new Float32Array([1, 0, 0, 1])], biases: [null],
 *   slope: 0, activateInput: false, x: new Float32Array([1, 0]), labels: new Int32Array([0]), eps: 1e-5 })
 * // { gradientQuotient: ≈ 0.6966, scaleDerivatives: [≈ −0.0909] }
 */
export function fusedGradientQuotientAndScaleDerivatives(inputs: FusedGradientQuotientInputs): ScaleDerivatives {
  const { widths, weights, biases, slope, activateInput, labels, eps } = inputs;
  const gemm = inputs.gemm ?? currentGemm();
  const pool = inputs.pool ?? createFloat32Pool();
  // Every matrix below is written in full before it is read (products with beta = 0 overwrite),
  // so a recycled buffer's old contents never leak into a value.
  const mat = (rows: number, cols: number): Mat => ({ rows, cols, data: pool.take(rows * cols) });
  const L = weights.length;
  if (L === 0 || biases.length !== L || widths.length !== L + 1) throw new Error('fusedGradientQuotientAndScaleDerivatives: widths (L + 1), weights and biases (L each) expected');
  const B = labels.length;
  const last = L - 1;
  const W: Mat[] = weights.map((data, l) => ({ rows: widths[l + 1]!, cols: widths[l]!, data }));

  /** op(a)·op(b). */
  const mm = (a: Mat, b: Mat, tA = false, tB = false): Mat => {
    const m = tA ? a.cols : a.rows;
    const k = tA ? a.rows : a.cols;
    const n = tB ? b.rows : b.cols;
    const c = mat(m, n);
    gemm.sgemm({ transA: tA, transB: tB, m, n, k, alpha: 1, a: a.data, lda: a.cols, b: b.data, ldb: b.cols, beta: 0, c: c.data, ldc: n });
    return c;
  };
  // add and mul as their own loops, not one loop over a callback: the callback site saw two
  // functions and was not inlined (≈ a third of a width-200 step's time).
  const add = (a: Mat, b: Mat): Mat => {
    const c = mat(a.rows, a.cols);
    addInto(a.data, b.data, c.data);
    return c;
  };
  const mul = (a: Mat, b: Mat): Mat => {
    const c = mat(a.rows, a.cols);
    const [x, y, z] = [a.data, b.data, c.data];
    for (let i = 0; i < z.length; i++) z[i] = x[i]! * y[i]!;
    return c;
  };
  const scale = (a: Mat, s: number): Mat => {
    const c = mat(a.rows, a.cols);
    for (let i = 0; i < c.data.length; i++) c.data[i] = a.data[i]! * s;
    return c;
  };
  /** a + row vector v (broadcast over the rows). */
  const addRow = (a: Mat, v: Float32Array): Mat => {
    const c = mat(a.rows, a.cols);
    for (let r = 0; r < a.rows; r++) for (let j = 0; j < a.cols; j++) c.data[r * a.cols + j] = a.data[r * a.cols + j]! + v[j]!;
    return c;
  };
  const colSum = (a: Mat): Float32Array => {
    const acc = new Float64Array(a.cols);
    for (let r = 0; r < a.rows; r++) for (let j = 0; j < a.cols; j++) acc[j]! += a.data[r * a.cols + j]!;
    return Float32Array.from(acc);
  };
  /** Row sums as a rows × 1 column. */
  const rowSum = (a: Mat): Float32Array => {
    const out = new Float32Array(a.rows);
    for (let r = 0; r < a.rows; r++) {
      let s = 0;
      for (let j = 0; j < a.cols; j++) s += a.data[r * a.cols + j]!;
      out[r] = s;
    }
    return out;
  };
  /** a − col ⊙ b, with col broadcast along each row (col = null: a). */
  const subColTimes = (a: Mat, col: Float32Array, b: Mat): Mat => {
    const c = mat(a.rows, a.cols);
    for (let r = 0; r < a.rows; r++) for (let j = 0; j < a.cols; j++) c.data[r * a.cols + j] = a.data[r * a.cols + j]! - col[r]! * b.data[r * a.cols + j]!;
    return c;
  };
  /** ((m₀ + m₁) + m₂) + …, left to right; the partial sums after the first in place. */
  const sumAll = (ms: readonly Mat[]): Mat => {
    if (ms.length === 1) return ms[0]!;
    const c = add(ms[0]!, ms[1]!);
    for (let k = 2; k < ms.length; k++) addInto(c.data, ms[k]!.data, c.data);
    return c;
  };
  const step = (z: Mat): Mat => {
    const c = mat(z.rows, z.cols);
    for (let i = 0; i < c.data.length; i++) c.data[i] = z.data[i]! > 0 ? 1 : slope;
    return c;
  };
  const activate = (z: Mat): Mat => {
    const c = mat(z.rows, z.cols);
    for (let i = 0; i < c.data.length; i++) {
      const v = z.data[i]!;
      c.data[i] = v > 0 ? v : v !== v ? v : slope === 0 ? 0 : slope * v;
    }
    return c;
  };

  // ---- forward: network, backprop (g), R-operator along V = g (Hg) ----
  const x: Mat = { rows: B, cols: widths[0]!, data: inputs.x };
  const h: Mat[] = [activateInput ? activate(x) : x];
  const hW: Mat[] = [];
  const masks: Mat[] = [];
  let z: Mat = x;
  for (let l = 0; l < L; l++) {
    hW.push(mm(h[l]!, W[l]!, false, true));
    z = biases[l] === null ? hW[l]! : addRow(hW[l]!, biases[l]!);
    if (l < last) {
      masks.push(step(z));
      h.push(mul(z, masks[l]!));
    }
  }
  const C = widths[L]!;
  const p = mat(B, C);
  for (let r = 0; r < B; r++) {
    let max = -Infinity;
    for (let c = 0; c < C; c++) max = Math.max(max, z.data[r * C + c]!);
    let s = 0;
    for (let c = 0; c < C; c++) s += Math.exp(z.data[r * C + c]! - max);
    for (let c = 0; c < C; c++) p.data[r * C + c] = Math.exp(z.data[r * C + c]! - max) / s;
  }
  const delta: Mat[] = new Array<Mat>(L);
  const deltaW: (Mat | undefined)[] = new Array<Mat | undefined>(L).fill(undefined);
  delta[last] = mat(B, C);
  for (let r = 0; r < B; r++) for (let c = 0; c < C; c++) delta[last]!.data[r * C + c] = (p.data[r * C + c]! - (labels[r] === c ? 1 : 0)) / B;
  for (let l = last; l > 0; l--) {
    deltaW[l] = mm(delta[l]!, W[l]!);
    delta[l - 1] = mul(deltaW[l]!, masks[l - 1]!);
  }
  const gW = delta.map((d, l) => mm(d, h[l]!, true, false));
  const gb = delta.map((d, l) => (biases[l] === null ? null : colSum(d)));
  const rh: (Mat | undefined)[] = [undefined];
  const rhW: (Mat | undefined)[] = [undefined];
  let rz: Mat = x;
  for (let l = 0; l < L; l++) {
    const direction = mm(h[l]!, gW[l]!, false, true);
    if (l > 0) rhW.push(mm(rh[l]!, W[l]!, false, true));
    rz = l > 0 ? add(rhW[l]!, direction) : direction;
    if (gb[l] !== null) rz = addRow(rz, gb[l]!);
    if (l < last) rh.push(mul(rz, masks[l]!));
  }
  const pr = mul(p, rz);
  const prRowSum = rowSum(pr);
  const rdelta: Mat[] = new Array<Mat>(L);
  const rdeltaW: (Mat | undefined)[] = new Array<Mat | undefined>(L).fill(undefined);
  rdelta[last] = scale(subColTimes(pr, prRowSum, p), 1 / B);
  for (let l = last; l > 0; l--) {
    rdeltaW[l] = mm(rdelta[l]!, W[l]!);
    rdelta[l - 1] = mul(add(rdeltaW[l]!, mm(delta[l]!, gW[l]!)), masks[l - 1]!);
  }
  const hgW = rdelta.map((rd, l) => (l === 0 ? mm(rd, h[0]!, true, false) : add(mm(rd, h[l]!, true, false), mm(delta[l]!, rh[l]!, true, false))));
  const hgb = rdelta.map((rd, l) => (biases[l] === null ? null : colSum(rd)));
  // Flat g, Hg over every parameter (weights, then the biases present); GQ.
  const g = concat(pool, [...gW.map((m) => m.data), ...gb.filter((v): v is Float32Array => v !== null)]);
  const hg = concat(pool, [...hgW.map((m) => m.data), ...hgb.filter((v): v is Float32Array => v !== null)]);
  const N = g.length;
  const signs = pool.take(N);
  const denominator = pool.take(N);
  const q1 = pool.take(N);
  const gq = Math.fround(quotientTerms(g, hg, eps, signs, denominator, q1) / N);

  // ---- reverse: the adjoint, held to ⟨W_j, ∂GQ/∂W_j⟩ ----
  const gBar = pool.take(N);
  const hgBar = pool.take(N);
  quotientAdjointSeeds(hg, eps, signs, denominator, q1, gBar, hgBar);
  let offset = 0;
  const take = (rows: number, cols: number, from: Float32Array): Mat => {
    const m: Mat = { rows, cols, data: from.subarray(offset, offset + rows * cols) };
    offset += rows * cols;
    return m;
  };
  const gWBar: Mat[][] = W.map((w) => [take(w.rows, w.cols, gBar)]);
  const gbBar: Mat[][] = biases.map((b, l) => (b === null ? [] : [take(1, widths[l + 1]!, gBar)]));
  offset = 0;
  const hgWBar = W.map((w) => take(w.rows, w.cols, hgBar));
  const hgbBar = biases.map((b, l) => (b === null ? null : take(1, widths[l + 1]!, hgBar).data));
  const terms = (): { full: Mat[]; rows: Float32Array[] }[] => W.map(() => ({ full: [], rows: [] }));
  const deltaBar = terms();
  const rdeltaBar = terms();
  const hBar: Mat[][] = W.map(() => []);
  const rhBar: Mat[][] = W.map(() => []);
  const scaleDot = new Float64Array(L);
  const pair = (l: number, a: Mat, b: Mat): void => {
    let s = 0;
    for (let i = 0; i < a.data.length; i++) s += a.data[i]! * b.data[i]!;
    scaleDot[l]! += s;
  };
  const totalOf = (acc: { full: Mat[]; rows: Float32Array[] }): Mat => {
    let t = sumAll(acc.full);
    for (const row of acc.rows) t = addRow(t, row);
    return t;
  };
  for (let l = 0; l < L; l++) {
    rdeltaBar[l]!.full.push(mm(h[l]!, hgWBar[l]!, false, true));
    if (hgbBar[l] !== null) rdeltaBar[l]!.rows.push(hgbBar[l]!);
    if (l > 0) {
      hBar[l]!.push(mm(rdelta[l]!, hgWBar[l]!));
      deltaBar[l]!.full.push(mm(rh[l]!, hgWBar[l]!, false, true));
      rhBar[l]!.push(mm(delta[l]!, hgWBar[l]!));
    }
  }
  for (let l = 1; l < L; l++) {
    const a = mul(totalOf(rdeltaBar[l - 1]!), masks[l - 1]!);
    rdeltaBar[l]!.full.push(mm(a, W[l]!, false, true));
    deltaBar[l]!.full.push(mm(a, gW[l]!, false, true));
    gWBar[l]!.push(mm(delta[l]!, a, true, false));
    pair(l, rdeltaW[l]!, a);
  }
  const rdeltaLastBar = scale(totalOf(rdeltaBar[last]!), 1 / B);
  const qBar = subColTimes(rdeltaLastBar, rowSum(mul(rdeltaLastBar, p)), onesLike(pool, p));
  const negPrRowSum = prRowSum.map((v) => -v);
  const pBar: Mat[] = [mul(qBar, rz), timesCol(pool, rdeltaLastBar, negPrRowSum)];
  let rzBar = mul(qBar, p);
  for (let l = last; l >= 0; l--) {
    gWBar[l]!.push(mm(rzBar, h[l]!, true, false));
    if (biases[l] !== null) gbBar[l]!.push({ rows: 1, cols: widths[l + 1]!, data: colSum(rzBar) });
    if (l > 0) {
      hBar[l]!.push(mm(rzBar, gW[l]!));
      pair(l, rzBar, rhW[l]!);
      rhBar[l]!.push(mm(rzBar, W[l]!));
      rzBar = mul(sumAll(rhBar[l]!), masks[l - 1]!);
    }
  }
  for (let l = 0; l < L; l++) {
    const gwb = sumAll(gWBar[l]!);
    deltaBar[l]!.full.push(mm(h[l]!, gwb, false, true));
    if (l > 0) hBar[l]!.push(mm(delta[l]!, gwb));
    if (gbBar[l]!.length > 0) deltaBar[l]!.rows.push(sumAll(gbBar[l]!).data);
  }
  for (let l = 1; l < L; l++) {
    const a = mul(totalOf(deltaBar[l - 1]!), masks[l - 1]!);
    deltaBar[l]!.full.push(mm(a, W[l]!, false, true));
    pair(l, deltaW[l]!, a);
  }
  pBar.push(scale(totalOf(deltaBar[last]!), 1 / B));
  const pb = sumAll(pBar);
  let zBar = mul(p, subColTimes(pb, rowSum(mul(pb, p)), onesLike(pool, p)));
  for (let l = last; l >= 0; l--) {
    pair(l, zBar, hW[l]!);
    if (l > 0) {
      hBar[l]!.push(mm(zBar, W[l]!));
      zBar = mul(sumAll(hBar[l]!), masks[l - 1]!);
    }
  }
  pool.recycle();
  return { gradientQuotient: gq, scaleDerivatives: Array.from(scaleDot) };
}

// The two loops over every parameter live in their own small functions: inside the long function
// above they ran unoptimised (≈ 100 ns per parameter, over half of a width-200 step); here TurboFan
// compiles them. Same float operations in the same order, so the same values.

/**
 * GQ's per-parameter terms (Dauphin & Schoenholz's quotient, ε-regularised by the sign of g):
 * signs_i = sign(g_i) (+1 at 0), denominator_i = g_i + ε·signs_i, q1_i = (g_i − Hg_i)/denominator_i − 1,
 * each stored in float32; returns Σ|q1_i| in float64.
 *
 * @example quotientTerms(new Float32Array([2]), new Float32Array([1]), 0, s, d, q) // 0.5 (q1 = −0.5)
 */
function quotientTerms(g: Float32Array, hg: Float32Array, eps: number, signs: Float32Array, denominator: Float32Array, q1: Float32Array): number {
  let total = 0;
  for (let i = 0; i < g.length; i++) {
    // Locals with Math.fround = the float32 stores and reloads, without the reloads.
    const gi = g[i]!;
    const sign = gi < 0 ? -1 : 1;
    const d = Math.fround(gi + eps * sign);
    const q = Math.fround((gi - hg[i]!) / d - 1);
    signs[i] = sign;
    denominator[i] = d;
    q1[i] = q;
    total += Math.abs(q);
  }
  return total;
}

/**
 * The adjoint of GQ = Σ|q1_i|/N with respect to g and Hg: with weight_i = sign(q1_i)/(N·denominator_i),
 * ∂GQ/∂g_i = weight_i·(Hg_i + ε·signs_i)/denominator_i and ∂GQ/∂Hg_i = −weight_i (written into gBar, hgBar).
 *
 * @example g = [2], Hg = [1], ε = 0: q1 = −0.5, weight = −0.5, gBar = [−0.25], hgBar = [0.5]
 */
function quotientAdjointSeeds(hg: Float32Array, eps: number, signs: Float32Array, denominator: Float32Array, q1: Float32Array, gBar: Float32Array, hgBar: Float32Array): void {
  const N = q1.length;
  for (let i = 0; i < N; i++) {
    const weight = Math.sign(q1[i]!) / (N * denominator[i]!);
    gBar[i] = (weight * (hg[i]! + eps * signs[i]!)) / denominator[i]!;
    hgBar[i] = -weight;
  }
}

/** z_i = x_i + y_i (z may be x: the in-place partial sums of sumAll). */
function addInto(x: Float32Array, y: Float32Array, z: Float32Array): void {
  for (let i = 0; i < z.length; i++) z[i] = x[i]! + y[i]!;
}

function concat(pool: Float32Pool, parts: readonly Float32Array[]): Float32Array {
  const out = pool.take(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function onesLike(pool: Float32Pool, m: Mat): Mat {
  return { rows: m.rows, cols: m.cols, data: pool.take(m.data.length).fill(1) };
}

/** a ⊙ col (col broadcast along each row). */
function timesCol(pool: Float32Pool, a: Mat, col: Float32Array): Mat {
  const c = { rows: a.rows, cols: a.cols, data: pool.take(a.data.length) };
  for (let r = 0; r < a.rows; r++) for (let j = 0; j < a.cols; j++) c.data[r * a.cols + j] = a.data[r * a.cols + j]! * col[r]!;
  return c;
}
