import { currentGemm } from '../../blas/initBlas.ts';
import type { Gemm } from '../../blas/types.ts';
import { adamKernel, type AdamKernel } from './internal/adamKernel.ts';
import { elementwiseKernels, type ElementwiseKernels } from './internal/elementwiseKernels.ts';
import { parameterLayout, type ParameterLayout } from './internal/layout.ts';
import type { FusedAdamOptions, FusedNetworkSpec } from './types.ts';

/** Examples to train on or score: count × size float32 values, image-major, and their labels. */
export interface FusedData {
  readonly values: Float32Array;
  readonly labels: Uint8Array;
  readonly count: number;
  readonly size: number;
}

/** Options of {@link createFusedTrainer}. */
export interface FusedTrainerOptions {
  /** The network; its arrays are copied in (the trainer owns its parameters). */
  readonly network: FusedNetworkSpec;
  /** Largest batch `lossAndGradients` will see, integer ≥ 1. */
  readonly maxBatch: number;
  /** Examples per forward pass of `evaluate`, integer ≥ 1 (default 1000; only memory depends on it). */
  readonly evalChunk?: number;
  readonly adam: FusedAdamOptions;
  /** The GEMM of every matrix product (default `currentGemm()`: the system BLAS, else wasm). */
  readonly gemm?: Gemm;
  /**
   * Adam's update: 'simd' (a WebAssembly f32x4 kernel on the trainer's memory, every operation in
   * float32 as PyTorch's), 'js' (`createAdam`'s JavaScript loop: float64 per element, rounded when
   * stored), 'auto' (default: SIMD where the runtime has it).
   */
  readonly adamUpdate?: 'auto' | 'simd' | 'js';
  /**
   * The per-layer elementwise passes (bias, φ_a, its derivative, the bias gradient's column sums):
   * 'simd' (WebAssembly f32x4 kernels, `elementwiseKernels`, on layers whose width is a multiple
   * of 4, for slopes a ≥ 0; JavaScript elsewhere), 'js' (JavaScript loops throughout), 'auto'
   * (default: SIMD where the runtime has it). The SIMD passes equal the JavaScript ones exactly
   * for a = 0 (the bias gradient's sums always); for a ≠ 0 they multiply by a rounded to float32.
   */
  readonly elementwise?: 'auto' | 'simd' | 'js';
}

/** Outcome of {@link FusedTrainer.evaluate}, as `evaluateAccuracy`'s. */
export interface FusedAccuracy {
  readonly accuracy: number | null;
  readonly correct: number;
  readonly count: number;
  readonly nonFinite: number;
}

/** A network with its gradients, Adam state and every work buffer in one allocation. */
export interface FusedTrainer {
  readonly layout: ParameterLayout;
  /** Flat parameters [W_1, b_1, W_2, b_2, …] (PyTorch's `parameters()` order), updated in place. */
  readonly params: Float32Array;
  /** Flat gradients of the last `lossAndGradients` call, same layout. */
  readonly grads: Float32Array;
  /** W_l (1-based l) as a view of `params`, n_l × n_{l−1} row-major. */
  weight(l: number): Float32Array;
  /** b_l as a view of `params`, or null without biases. */
  bias(l: number): Float32Array | null;
  /**
   * Mean softmax cross-entropy of the batch `indices` of `data`, and (when it is finite) its
   * gradient with respect to every parameter in `grads`.
   */
  lossAndGradients(data: FusedData, indices: Int32Array): number;
  /** One PyTorch Adam update of `params` from `grads`. */
  adamStep(): void;
  /** Top-1 accuracy on every example of `data` (ties: the first maximal class, as torch.argmax). */
  evaluate(data: FusedData): FusedAccuracy;
  readonly gemm: Gemm;
  /** Which Adam update runs ('simd' or 'js'). */
  readonly adamUpdate: 'simd' | 'js';
  /** Which elementwise passes run ('simd' where they apply, or 'js'). */
  readonly elementwise: 'simd' | 'js';
}

function integer(name: string, v: number, min: number): number {
  if (!Number.isSafeInteger(v) || v < min) throw new Error(`createFusedTrainer: options.${name} must be an integer ≥ ${min}, got ${String(v)}`);
  return v;
}

/**
 * The fused, tape-free training engine: forward pass with activation masks, backward pass,
 * softmax cross-entropy and PyTorch's Adam written out on Float32Arrays, every large product
 * through the GEMM interface (`sgemm`, row-major). For a batch X (B × n_0):
 *   H_0 = φ_a(X) if activateInput else X;  Z_l = H_{l−1}·W_lᵀ + b_l;  H_l = φ_a(Z_l) (l < L), mask_l = [Z_l > 0];
 *   loss = mean_r (log Σ_c exp Z_L[r,c] − Z_L[r,y_r]),  dZ_L = (softmax(Z_L) − onehot(y)) / B;
 *   dW_l = dZ_lᵀ·H_{l−1},  db_l = Σ_r dZ_l[r,·],  dZ_{l−1} = (dZ_l·W_l) ⊙ (mask ? 1 : a).
 * The derivative of φ_a at 0 is a (tfjs's `step`/`leakyRelu` gradient, PyTorch's too). Adam is
 * `createAdam`'s update (PyTorch's order: m, v in float32, bias corrections in float64) as a
 * WebAssembly SIMD kernel, or its JavaScript loop (`adamUpdate`). Parameters, gradients, Adam
 * state, activations, masks and evaluation buffers live in ONE allocation made here (a
 * WebAssembly.Memory for the SIMD kernels); nothing is allocated per step (the GEMM's wasm fallback aside).
 * The per-layer elementwise passes run as SIMD kernels (`elementwiseKernels`) on widths that are
 * multiples of 4 — for a ≥ 0 the backward pass then reads φ_a's derivative from H_l (H > 0 ⇔ Z > 0)
 * and keeps no mask; elsewhere, and for a < 0, the JavaScript loops with masks.
 * Deterministic for a given GEMM.
 *
 * @example const t = createFusedTrainer({ network: { widths: [784, 10, 10], weights, biases, slope: 0, activateInput: false },
 *   maxBatch: 90, adam: { learningRate: 1e-3, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 } });
 * const loss = t.lossAndGradients(train, indices); t.adamStep(); t.evaluate(test).accuracy // e.g. 0.41
 * @throws Error naming the field when the network or an option is malformed.
 */
export function createFusedTrainer(options: FusedTrainerOptions): FusedTrainer {
  const { network, adam } = options;
  const { widths, slope, activateInput } = network;
  if (!Array.isArray(widths) || widths.length < 2) throw new Error('createFusedTrainer: options.network.widths needs at least 2 entries');
  widths.forEach((w, i) => integer(`network.widths[${i}]`, w, 1));
  const L = widths.length - 1;
  if (network.weights.length !== L) throw new Error(`createFusedTrainer: options.network.weights must hold ${L} matrices, got ${network.weights.length}`);
  if (network.biases !== null && network.biases.length !== L) throw new Error(`createFusedTrainer: options.network.biases must hold ${L} vectors or be null, got ${network.biases.length}`);
  if (!Number.isFinite(slope)) throw new Error(`createFusedTrainer: options.network.slope must be finite, got ${String(slope)}`);
  const maxBatch = integer('maxBatch', options.maxBatch, 1);
  const evalChunk = integer('evalChunk', options.evalChunk ?? 1000, 1);
  const gemm = options.gemm ?? currentGemm();
  const layout = parameterLayout(widths, network.biases !== null);
  const P = layout.size;
  const n0 = widths[0]!;
  const maxOut = Math.max(...widths.slice(1));
  const actSum = widths.reduce((s, w) => s + w, 0);

  // One allocation — a WebAssembly.Memory when the SIMD Adam kernel runs (it works on the same
  // bytes) — float64 scratch, then float32 sections (parameters, gradients, m, v padded to a
  // multiple of 4 and 16-byte aligned for f32x4), then the Uint8 masks of the hidden layers that keep
  // one (those outside the SIMD passes; the memory grows once for them, before any view is taken).
  const P4 = 4 * Math.ceil(P / 4);
  const f64Count = 2 * Math.ceil(maxOut / 2);
  const f32Count = 4 * P4 + maxBatch * actSum + 2 * maxBatch * maxOut + 2 * evalChunk * maxOut + (activateInput ? evalChunk * n0 : 0);
  const floatBytes = 8 * f64Count + 4 * f32Count;
  const wantSimd = (options.adamUpdate ?? 'auto') !== 'js';
  const wantSimdElementwise = (options.elementwise ?? 'auto') !== 'js';
  const memory = wantSimd || wantSimdElementwise ? new WebAssembly.Memory({ initial: Math.max(1, Math.ceil(floatBytes / 65536)) }) : null;
  const kernel: AdamKernel | null = memory === null || !wantSimd ? null : adamKernel(memory);
  const ew: ElementwiseKernels | null = memory === null || !wantSimdElementwise ? null : elementwiseKernels(memory);
  if (options.adamUpdate === 'simd' && kernel === null) throw new Error("createFusedTrainer: options.adamUpdate is 'simd' but this runtime has no WebAssembly SIMD");
  if (options.elementwise === 'simd' && ew === null) throw new Error("createFusedTrainer: options.elementwise is 'simd' but this runtime has no WebAssembly SIMD");
  /** Whether hidden layer l trains through the SIMD passes (its backward reads φ_a's output, valid for a ≥ 0): then it keeps no mask. */
  const simdLayer = (l: number): boolean => ew !== null && slope >= 0 && widths[l]! % 4 === 0;
  const maskWidth = (l: number): number => (l === 0 || l === L || simdLayer(l) ? 0 : widths[l]!);
  const bytes = floatBytes + maxBatch * widths.reduce((sum, _, l) => sum + maskWidth(l), 0);
  if (memory !== null && bytes > memory.buffer.byteLength) memory.grow(Math.ceil((bytes - memory.buffer.byteLength) / 65536));
  const buffer: ArrayBuffer = kernel !== null || ew !== null ? memory!.buffer : new ArrayBuffer(bytes);
  const colSum = new Float64Array(buffer, 0, f64Count);
  let f32At = 8 * f64Count;
  const f32 = (n: number): Float32Array => {
    const view = new Float32Array(buffer, f32At, n);
    f32At += 4 * n;
    return view;
  };
  const pPtr = f32At;
  const params = f32(P4).subarray(0, P);
  const gPtr = f32At;
  const grads = f32(P4).subarray(0, P);
  const mPtr = f32At;
  const m = f32(P4);
  const vPtr = f32At;
  const v = f32(P4);
  const act = widths.map((w) => f32(maxBatch * w)); // act[0] = H_0, act[l] = H_l (l < L), act[L] = logits
  const dA = f32(maxBatch * maxOut);
  const dB = f32(maxBatch * maxOut);
  const e0 = f32(evalChunk * maxOut);
  const e1 = f32(evalChunk * maxOut);
  const eIn = activateInput ? f32(evalChunk * n0) : null;
  let u8At = f32At;
  const masks = widths.map((_, l) => {
    const view = new Uint8Array(buffer, u8At, maxBatch * maskWidth(l));
    u8At += view.length;
    return view;
  });

  const W = (l: number): Float32Array => params.subarray(layout.weightOffset[l - 1]!, layout.weightOffset[l - 1]! + widths[l]! * widths[l - 1]!);
  const B = (l: number): Float32Array | null => (layout.biasOffset[l - 1]! < 0 ? null : params.subarray(layout.biasOffset[l - 1]!, layout.biasOffset[l - 1]! + widths[l]!));
  for (let l = 1; l <= L; l++) {
    const w = network.weights[l - 1]!;
    if (!(w instanceof Float32Array) || w.length !== widths[l]! * widths[l - 1]!) throw new Error(`createFusedTrainer: options.network.weights[${l - 1}] must be a Float32Array of ${widths[l]! * widths[l - 1]!} entries`);
    W(l).set(w);
    if (network.biases !== null) {
      const b = network.biases[l - 1]!;
      if (!(b instanceof Float32Array) || b.length !== widths[l]!) throw new Error(`createFusedTrainer: options.network.biases[${l - 1}] must be a Float32Array of ${widths[l]!} entries`);
      B(l)!.set(b);
    }
  }
  const weights = Array.from({ length: L + 1 }, (_, l) => (l === 0 ? new Float32Array(0) : W(l)));
  const biases = Array.from({ length: L + 1 }, (_, l) => (l === 0 ? null : B(l)));
  const gradWeights = weights.map((w, l) => (l === 0 ? w : grads.subarray(layout.weightOffset[l - 1]!, layout.weightOffset[l - 1]! + w.length)));
  const gradBiases = biases.map((b, l) => (b === null ? null : grads.subarray(layout.biasOffset[l - 1]!, layout.biasOffset[l - 1]! + b.length)));
  const a = slope;

  /** φ_a in place on rows × width entries; records the mask when one is given. */
  const activate = (z: Float32Array, count: number, mask: Uint8Array | null): void => {
    for (let i = 0; i < count; i++) {
      const x = z[i]!;
      if (x > 0) {
        if (mask !== null) mask[i] = 1;
      } else {
        if (mask !== null) mask[i] = 0;
        // NaN stays NaN; relu(−∞) = 0 (as max(0, x)), not 0·(−∞).
        z[i] = x !== x ? x : a === 0 ? 0 : a * x;
      }
    }
  };
  const addBias = (z: Float32Array, rows: number, b: Float32Array | null): void => {
    if (b === null) return;
    const n = b.length;
    for (let r = 0; r < rows; r++) {
      const o = r * n;
      for (let j = 0; j < n; j++) z[o + j]! += b[j]!;
    }
  };
  /** Z = H·Wᵀ (no bias): rows × widths[l]. */
  const product = (h: Float32Array, rows: number, l: number, z: Float32Array): void => {
    const nIn = widths[l - 1]!;
    const nOut = widths[l]!;
    gemm.sgemm({ transA: false, transB: true, m: rows, n: nOut, k: nIn, alpha: 1, a: h, lda: nIn, b: weights[l]!, ldb: nIn, beta: 0, c: z, ldc: nOut });
  };
  /** Whether the SIMD passes run on `count` entries (forward only: any slope). */
  const simdForward = (count: number): boolean => ew !== null && count % 4 === 0;
  /** φ_a in place on `count` entries, no mask (inputs, evaluation). */
  const activateForward = (z: Float32Array, count: number): void => {
    if (simdForward(count)) ew!.activate(z.byteOffset, 0, 1, count / 4, a, 0);
    else activate(z, count, null);
  };
  /** H_l = φ_a(H_{l−1}·W_lᵀ + b_l) for a hidden layer l; records the mask where the backward needs it (`simdLayer` false). */
  const hidden = (h: Float32Array, rows: number, l: number, z: Float32Array, mask: Uint8Array | null): void => {
    product(h, rows, l, z);
    const n = widths[l]!;
    const b = biases[l]!;
    if (mask === null ? simdForward(n) : simdLayer(l)) ew!.activate(z.byteOffset, b === null ? 0 : b.byteOffset, rows, n / 4, a, b === null ? 0 : 1);
    else {
      addBias(z, rows, b);
      activate(z, rows * n, mask);
    }
  };

  /** Z_L = H_{L−1}·W_Lᵀ + b_L (no activation). */
  const outputLayer = (h: Float32Array, rows: number, z: Float32Array): void => {
    product(h, rows, L, z);
    addBias(z, rows, biases[L]!);
  };

  let t = 0;
  const { learningRate, beta1, beta2, epsilon } = adam;
  const [c1, c2] = [1 - beta1, 1 - beta2];

  return {
    layout,
    params,
    grads,
    gemm,
    adamUpdate: kernel === null ? 'js' : 'simd',
    elementwise: ew === null ? 'js' : 'simd',
    weight: (l) => weights[l]!,
    bias: (l) => biases[l]!,
    lossAndGradients(data, indices) {
      const rows = indices.length;
      if (rows < 1 || rows > maxBatch) throw new Error(`fused trainer: a batch must hold 1…${maxBatch} examples, got ${rows}`);
      const { size, values, labels } = data;
      const x = act[0]!;
      for (let r = 0; r < rows; r++) {
        const index = indices[r]!;
        x.set(values.subarray(index * size, (index + 1) * size), r * size);
      }
      if (activateInput) activateForward(x, rows * n0);
      for (let l = 1; l < L; l++) hidden(act[l - 1]!, rows, l, act[l]!, masks[l]!);
      outputLayer(act[L - 1]!, rows, act[L]!);
      // Softmax cross-entropy (float64 per row) and dZ_L = (softmax − onehot) / B.
      const C = widths[L]!;
      const logits = act[L]!;
      let dZ = dA;
      let total = 0;
      for (let r = 0; r < rows; r++) {
        const o = r * C;
        let max = -Infinity;
        for (let c = 0; c < C; c++) max = Math.max(max, logits[o + c]!);
        let s = 0;
        for (let c = 0; c < C; c++) s += Math.exp(logits[o + c]! - max);
        const lse = max + Math.log(s);
        const y = labels[indices[r]!]!;
        total += lse - logits[o + y]!;
        for (let c = 0; c < C; c++) dZ[o + c] = (Math.exp(logits[o + c]! - lse) - (c === y ? 1 : 0)) / rows;
      }
      const loss = total / rows;
      if (!Number.isFinite(loss)) return loss;
      for (let l = L; l >= 1; l--) {
        const nIn = widths[l - 1]!;
        const nOut = widths[l]!;
        gemm.sgemm({ transA: true, transB: false, m: nOut, n: nIn, k: rows, alpha: 1, a: dZ, lda: nOut, b: act[l - 1]!, ldb: nIn, beta: 0, c: gradWeights[l]!, ldc: nIn });
        const gb = gradBiases[l]!;
        if (gb !== null) {
          colSum.fill(0, 0, nOut);
          if (simdForward(nOut)) ew!.columnSums(dZ.byteOffset, colSum.byteOffset, rows, nOut / 4);
          else
            for (let r = 0; r < rows; r++) {
              const o = r * nOut;
              for (let j = 0; j < nOut; j++) colSum[j]! += dZ[o + j]!;
            }
          for (let j = 0; j < nOut; j++) gb[j] = colSum[j]!;
        }
        if (l === 1) break;
        const next = dZ === dA ? dB : dA;
        gemm.sgemm({ transA: false, transB: false, m: rows, n: nIn, k: nOut, alpha: 1, a: dZ, lda: nOut, b: weights[l]!, ldb: nIn, beta: 0, c: next, ldc: nIn });
        const mask = masks[l - 1]!;
        const count = rows * nIn;
        if (simdLayer(l - 1)) ew!.backward(next.byteOffset, act[l - 1]!.byteOffset, count / 4, a);
        else if (a === 0) for (let i = 0; i < count; i++) next[i] = mask[i]! === 1 ? next[i]! : next[i]! * 0;
        else for (let i = 0; i < count; i++) if (mask[i]! === 0) next[i]! *= a;
        dZ = next;
      }
      return loss;
    },
    adamStep() {
      t++;
      const bc2Sqrt = Math.sqrt(1 - beta2 ** t);
      const stepSize = learningRate / (1 - beta1 ** t);
      if (kernel !== null) {
        // Padding entries (P…P4) have g = m = v = p = 0 and stay 0.
        kernel(pPtr, gPtr, mPtr, vPtr, P4 / 4, beta1, c1, beta2, c2, stepSize, bc2Sqrt, epsilon);
        return;
      }
      for (let k = 0; k < P; k++) {
        const gk = grads[k]!;
        const mk = (m[k] = beta1 * m[k]! + c1 * gk);
        const vk = (v[k] = beta2 * v[k]! + c2 * gk * gk);
        params[k] = params[k]! - (stepSize * mk) / (Math.sqrt(vk) / bc2Sqrt + epsilon);
      }
    },
    evaluate(data) {
      const { count, size, values, labels } = data;
      if (size !== n0) throw new Error(`fused trainer: data.size must equal the input width ${n0}, got ${size}`);
      const C = widths[L]!;
      let correct = 0;
      let nonFinite = 0;
      for (let start = 0; start < count; start += evalChunk) {
        const rows = Math.min(evalChunk, count - start);
        let h = values.subarray(start * size, (start + rows) * size);
        if (eIn !== null) {
          eIn.set(h);
          h = eIn.subarray(0, rows * size);
          activateForward(h, rows * size);
        }
        let out = e0;
        for (let l = 1; l <= L; l++) {
          if (l < L) hidden(h, rows, l, out, null);
          else outputLayer(h, rows, out);
          h = out;
          out = out === e0 ? e1 : e0;
        }
        for (let r = 0; r < rows; r++) {
          let best = 0;
          let finite = true;
          const o = r * C;
          for (let c = 0; c < C; c++) {
            const z = h[o + c]!;
            if (!Number.isFinite(z)) finite = false;
            else if (z > h[o + best]!) best = c;
          }
          if (!finite) nonFinite++;
          else if (best === labels[start + r]) correct++;
        }
      }
      return { accuracy: nonFinite > 0 ? null : correct / count, correct, count, nonFinite };
    },
  };
}
