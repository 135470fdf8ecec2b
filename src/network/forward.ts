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
 * tfjs-backend-wasm 4.22 runs a BatchMatMul with transposeA or transposeB in a naive loop, 10–30×
 * slower than the non-transposed product (which goes to XNNPACK): at [90, 3072]·[3072, 200],
 * 3.7 ms plain against 48 ms with transposeB and 172 ms with transposeA. Every Linear here is
 * h·Wᵀ, and its gradients are dy·W (plain) and dyᵀ·h (transposeA); MetaInit's nested gradients
 * use both flags again. This replaces the wasm BatchMatMul kernel, once, by one that materialises
 * the flagged operand's transpose with the wasm Transpose kernel (O(size), cheap) and runs the
 * original kernel without flags. It is the same op for tfjs (same kernel name, inputs, attrs,
 * gradient), so the tape, tf.grad nesting, tf.tidy and memory accounting are untouched; only the
 * float32 summation order of a transposed product can differ in the last bits. Deterministic.
 * Other backends are left alone.
 */
let wasmMatMulInstalled = false;
function installWasmMatMul(): void {
  if (wasmMatMulInstalled || tf.getBackend() !== 'wasm') return;
  wasmMatMulInstalled = true;
  const original = tf.getKernel('BatchMatMul', 'wasm');
  const transpose = tf.getKernel('Transpose', 'wasm');
  if (original === undefined || transpose === undefined) return;
  type WasmBackend = tf.KernelBackend & { disposeData(dataId: tf.DataId): boolean };
  const swapLast = (info: tf.TensorInfo, backend: WasmBackend): tf.TensorInfo => {
    const rank = info.shape.length;
    const perm = [...Array(rank).keys()];
    [perm[rank - 2], perm[rank - 1]] = [perm[rank - 1]!, perm[rank - 2]!];
    return transpose.kernelFunc({ inputs: { x: info }, backend, attrs: { perm } }) as tf.TensorInfo;
  };
  const kernelFunc: tf.KernelFunc = ({ inputs, backend, attrs }) => {
    const { transposeA, transposeB } = attrs as unknown as { transposeA: boolean; transposeB: boolean };
    if (!transposeA && !transposeB) return original.kernelFunc({ inputs, backend, attrs });
    const wasm = backend as WasmBackend;
    const a = transposeA ? swapLast(inputs['a']!, wasm) : inputs['a']!;
    const b = transposeB ? swapLast(inputs['b']!, wasm) : inputs['b']!;
    try {
      return original.kernelFunc({ inputs: { a, b }, backend, attrs: { ...attrs, transposeA: false, transposeB: false } });
    } finally {
      if (transposeA) wasm.disposeData(a.dataId);
      if (transposeB) wasm.disposeData(b.dataId);
    }
  };
  tf.unregisterKernel('BatchMatMul', 'wasm');
  tf.registerKernel({ ...original, kernelFunc });
}
