import * as tf from '@tensorflow/tfjs-core';

/**
 * One Linear layer in the paper's (and PyTorch's) layout: `weight` has shape [..., fanOut, fanIn]
 * so that y = W x; leading dimensions, when present, index independent networks evaluated in one
 * batched product (Monte Carlo). `bias` has shape [fanOut] (or broadcastable to the output).
 */
export interface LinearLayer {
  readonly weight: tf.Tensor;
  readonly bias?: tf.Tensor;
}

/**
 * A fully connected leaky-ReLU network.
 * - `activateInput: true` is the paper's network: y(0) = x, y(l) = W(l) φ_a(y(l−1)) (φ_a applied
 *   before every matrix, the first included).
 * - `activateInput: false` is the authors' code (REFERENCE-SETUP.md): the first Linear acts on the
 *   raw input, φ_a between Linears, no activation after the last.
 */
export interface Network {
  readonly layers: readonly LinearLayer[];
  /** Negative slope a of φ_a (0 for ReLU). */
  readonly slope: number;
  readonly activateInput: boolean;
}

export interface ForwardOptions {
  /** Also return every Linear's pre-activation output (kept; the caller disposes them). */
  readonly tap?: boolean;
}

export interface ForwardResult {
  /** The last Linear's output. */
  readonly output: tf.Tensor;
  /** With `tap`: the output of Linear 1, …, L in order (the last one is `output` itself). */
  readonly taps: readonly tf.Tensor[];
}

/**
 * The single forward pass used by Monte Carlo and by training. Shapes: `x` is [batch, fanIn] with
 * unbatched weights, or [networks, batch, fanIn] with weights [networks, fanOut, fanIn]; the
 * output has the same leading shape with fanIn replaced by the last fanOut. Intermediate tensors
 * are released with tf.tidy; only `output` and the taps survive. Gradients flow through it
 * (weights may be tf.Variables).
 *
 * @example forward({ layers: [{ weight: tf.tensor2d([[1, -1]]) }], slope: 0, activateInput: true }, tf.tensor2d([[2, -3]])).output
 * // [[2]]  (φ_0([2, −3]) = [2, 0]; 1·2 − 1·0)
 */
export function forward(network: Network, x: tf.Tensor, options: ForwardOptions = {}): ForwardResult {
  if (network.layers.length === 0) throw new Error('forward: network.layers must not be empty');
  const tap = options.tap ?? false;
  installWasmMatMul();
  const kept: tf.Tensor[] = [];
  const output = tf.tidy(() => {
    let h = x;
    network.layers.forEach((layer, index) => {
      if (index > 0 || network.activateInput) h = activate(h, network.slope);
      // h [.., batch, in] · Wᵀ [.., in, out]
      let y = tf.matMul(h, layer.weight, false, true);
      if (layer.bias !== undefined) y = tf.add(y, layer.bias);
      if (tap) kept.push(tf.keep(y));
      h = y;
    });
    return h;
  });
  return { output, taps: kept };
}

/** φ_a(x) = x for x > 0, a·x otherwise; a = 0 is ReLU. */
function activate(h: tf.Tensor, slope: number): tf.Tensor {
  return slope === 0 ? tf.relu(h) : tf.leakyRelu(h, slope);
}

/**
 * tfjs-backend-wasm 4.22 sends a BatchMatMul to XNNPACK only when it is unbatched and has neither
 * transposeA nor transposeB; everything else runs a naive loop, 10–30× slower: at
 * [90, 3072]·[3072, 200], 3.7 ms plain against 48 ms with transposeB and 172 ms with transposeA.
 * Every Linear here is h·Wᵀ, its gradients are dy·W and dyᵀ·h (transposeA), MetaInit's nested
 * gradients use both flags again, and Monte Carlo's products are batched [networks, …]. So this
 * replaces the wasm BatchMatMul kernel, once, by one that
 * - materialises a flagged operand's transpose with the wasm Transpose kernel (O(size)) and runs
 *   the original kernel without flags;
 * - splits a batched product (identical batch shapes) into one such unbatched product per batch
 *   entry, on copies of its slices (O(size) memcpy), written into one output.
 * It is the same op for tfjs (same kernel name, inputs, attrs, output, gradient), so the tape,
 * nested tf.grads, tf.tidy and memory accounting are untouched; only the float32 summation order
 * of a product can differ in the last bits from the naive loop's. Deterministic. Tiny products
 * (m·k·n < 2^15 per batch entry, e.g. width-10 layers) and broadcast batches keep the original
 * kernel (bit-identical results): there the extra calls cost more than they save. Other backends
 * are left alone.
 */
let wasmMatMulInstalled = false;
const FLAGGED_MATMUL_MIN_WORK = 32768;
function installWasmMatMul(): void {
  if (wasmMatMulInstalled || tf.getBackend() !== 'wasm') return;
  wasmMatMulInstalled = true;
  const original = tf.getKernel('BatchMatMul', 'wasm');
  const transpose = tf.getKernel('Transpose', 'wasm');
  if (original === undefined || transpose === undefined) return;
  type WasmBackend = tf.KernelBackend & {
    disposeData(dataId: tf.DataId): boolean;
    makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
    typedArrayFromHeap(info: tf.TensorInfo): Float32Array;
  };
  const swapLast = (info: tf.TensorInfo, backend: WasmBackend): tf.TensorInfo => {
    const rank = info.shape.length;
    const perm = [...Array(rank).keys()];
    [perm[rank - 2], perm[rank - 1]] = [perm[rank - 1]!, perm[rank - 2]!];
    return transpose.kernelFunc({ inputs: { x: info }, backend, attrs: { perm } }) as tf.TensorInfo;
  };
  /** One unbatched product op(a)·op(b) through the original kernel without flags (XNNPACK). */
  const plain = (a0: tf.TensorInfo, b0: tf.TensorInfo, tA: boolean, tB: boolean, backend: WasmBackend, attrs: tf.NamedAttrMap): tf.TensorInfo => {
    const a = tA ? swapLast(a0, backend) : a0;
    const b = tB ? swapLast(b0, backend) : b0;
    try {
      return original.kernelFunc({ inputs: { a, b }, backend, attrs: { ...attrs, transposeA: false, transposeB: false } }) as tf.TensorInfo;
    } finally {
      if (tA) backend.disposeData(a.dataId);
      if (tB) backend.disposeData(b.dataId);
    }
  };
  const kernelFunc: tf.KernelFunc = ({ inputs, backend, attrs = {} }) => {
    const { transposeA, transposeB } = attrs as unknown as { transposeA: boolean; transposeB: boolean };
    const a = inputs['a']!;
    const b = inputs['b']!;
    const [ma, ka] = a.shape.slice(-2) as [number, number];
    const [mb, kb] = b.shape.slice(-2) as [number, number];
    const rows = transposeA ? ka : ma;
    const cols = transposeB ? mb : kb;
    // m·k·n of one product: below ~2^15 the extra calls cost more than they save (measured:
    // [90,10]·[10,10] 26 µs flagged vs 67 µs transposed; [90,32]·[32,32] 92 vs 22 µs).
    if (rows * (transposeA ? ma : ka) * cols < FLAGGED_MATMUL_MIN_WORK || a.dtype !== 'float32' || b.dtype !== 'float32') {
      return original.kernelFunc({ inputs, backend, attrs });
    }
    const wasm = backend as WasmBackend;
    const batchShape = a.shape.slice(0, -2);
    const batch = batchShape.reduce((n, d) => n * d, 1);
    const batchB = b.shape.slice(0, -2).reduce((n, d) => n * d, 1);
    if (batch === 1 && batchB === 1) {
      if (!transposeA && !transposeB) return original.kernelFunc({ inputs, backend, attrs });
      return plain(a, b, transposeA, transposeB, wasm, attrs);
    }
    // Batched ([networks, …] in Monte Carlo): the wasm kernel's batched path is the naive loop
    // even without flags, so run one XNNPACK product per batch entry on copies of its slices.
    // Only for identical batch shapes (no broadcasting); anything else keeps the original kernel.
    if (a.shape.length !== b.shape.length || batchB !== batch || b.shape.slice(0, -2).some((d, i) => d !== batchShape[i])) {
      return original.kernelFunc({ inputs, backend, attrs });
    }
    const out = wasm.makeOutput([...batchShape, rows, cols], 'float32');
    for (let z = 0; z < batch; z++) {
      const az = wasm.makeOutput([ma, ka], 'float32');
      const bz = wasm.makeOutput([mb, kb], 'float32');
      // Views are re-taken after every allocation: a heap growth detaches the old ones.
      wasm.typedArrayFromHeap(az).set(wasm.typedArrayFromHeap(a).subarray(z * ma * ka, (z + 1) * ma * ka));
      wasm.typedArrayFromHeap(bz).set(wasm.typedArrayFromHeap(b).subarray(z * mb * kb, (z + 1) * mb * kb));
      const cz = plain(az, bz, transposeA, transposeB, wasm, attrs);
      wasm.typedArrayFromHeap(out).set(wasm.typedArrayFromHeap(cz), z * rows * cols);
      wasm.disposeData(az.dataId);
      wasm.disposeData(bz.dataId);
      wasm.disposeData(cz.dataId);
    }
    return out;
  };
  tf.unregisterKernel('BatchMatMul', 'wasm');
  tf.registerKernel({ ...original, kernelFunc });
}
