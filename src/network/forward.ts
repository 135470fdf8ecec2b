import * as tf from '@tensorflow/tfjs-core';
import { applyActivation } from './activation/applyActivation.ts';
import type { Activation } from './activation/types.ts';
import type { ConvGeometry } from './conv/convGeometry.ts';

/**
 * One Linear layer in the paper's (and PyTorch's) layout: `weight` has shape [..., fanOut, fanIn]
 * so that y = W x; leading dimensions, when present, index independent networks evaluated in one
 * batched product (Monte Carlo). `bias` has shape [fanOut] (or broadcastable to the output).
 */
export interface LinearLayer {
  readonly kind?: 'linear';
  readonly weight: tf.Tensor;
  readonly bias?: tf.Tensor;
}

/**
 * A convolution (1-D or 2-D, `geometry` from `convGeometry`) on the flat layout: features are
 * position-major, channel-minor ([..., positions·C]). `weight` has shape [..., C_out, taps·C_in]
 * (tap-major, channel-minor: fan-in C_in·K, or C_in·K² in 2-D); `bias` [C_out]. Computed as
 * im2col + one (batched) matrix product: the patches are gathered with the geometry's index
 * table (zero padding reads an appended zero position), so the same code serves one network
 * (training) and [networks, …] stacks (Monte Carlo), and gradients flow.
 */
export interface ConvLayer {
  readonly kind: 'conv';
  readonly weight: tf.Tensor;
  readonly bias?: tf.Tensor;
  readonly geometry: ConvGeometry;
}

/**
 * A residual block on constant width, with branch scale `alpha` (see `branchScaleValue`):
 * - `simple`: y ← y + α·W·φ(y) (one matrix, `weight`);
 * - `pre`: y ← y + α·W₂·φ(W₁·φ(y)) (pre-activation block, He et al. 2016, "Identity mappings");
 * - `post`: y ← φ(y + α·W₂·φ(W₁·y)) (the original post-activation block, He et al. 2016).
 * W₁ = `weight`, W₂ = `weight2` (both [..., w, w]). Normalisation layers are left out, as in the
 * paper's networks. The activation φ is the network's.
 */
export interface ResidualLayer {
  readonly kind: 'residual';
  readonly variant: 'simple' | 'pre' | 'post';
  readonly alpha: number;
  readonly weight: tf.Tensor;
  readonly weight2?: tf.Tensor;
  readonly bias?: tf.Tensor;
}

export type Layer = LinearLayer | ConvLayer | ResidualLayer;

/**
 * A feed-forward network on the one forward pass: Linear and conv layers (φ before each, see
 * `activateInput`) and residual blocks (φ inside the block).
 * - `activateInput: true` is the paper's network: y(0) = x, y(l) = W(l) φ(y(l−1)) (φ applied
 *   before every matrix, the first included).
 * - `activateInput: false` is the authors' code (REFERENCE-SETUP.md): the first Linear acts on the
 *   raw input, φ between Linears, no activation after the last.
 * φ is `activation` when given, else the leaky ReLU φ_a with a = `slope`.
 */
export interface Network {
  readonly layers: readonly Layer[];
  /** Negative slope a of φ_a (0 for ReLU); used when `activation` is absent. */
  readonly slope: number;
  readonly activateInput: boolean;
  /** The activation φ (default: leaky ReLU with `slope`). */
  readonly activation?: Activation;
}

export interface ForwardOptions {
  /** Also return every layer's output (kept; the caller disposes them). */
  readonly tap?: boolean;
}

export interface ForwardResult {
  /** The last layer's output. */
  readonly output: tf.Tensor;
  /** With `tap`: the output of layer 1, …, L in order (the last one is `output` itself); for Linears and convs the pre-activation output, for residual blocks the block's output. */
  readonly taps: readonly tf.Tensor[];
}

/**
 * The single forward pass used by Monte Carlo and by training. Shapes: `x` is [batch, features]
 * with unbatched weights, or [networks, batch, features] with weights [networks, …]; the
 * output has the same leading shape with the features of the last layer. Intermediate tensors
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
  const phi = network.activation ?? { name: 'leaky-relu' as const, slope: network.slope };
  const act = (h: tf.Tensor) => applyActivation(h, phi);
  const output = tf.tidy(() => {
    let h = x;
    network.layers.forEach((layer, index) => {
      let y: tf.Tensor;
      if (layer.kind === 'residual') {
        y = residual(h, layer, act);
      } else {
        if (index > 0 || network.activateInput) h = act(h);
        y = layer.kind === 'conv' ? convolve(h, layer) : tf.matMul(h, layer.weight, false, true); // h [.., batch, in] · Wᵀ [.., in, out]
        if (layer.bias !== undefined) y = tf.add(y, layer.kind === 'conv' ? tf.tile(layer.bias, [layer.geometry.positionsOut]) : layer.bias);
      }
      if (tap) kept.push(tf.keep(y));
      h = y;
    });
    return h;
  });
  return { output, taps: kept };
}

function residual(h: tf.Tensor, layer: ResidualLayer, act: (t: tf.Tensor) => tf.Tensor): tf.Tensor {
  const mm = (t: tf.Tensor, w: tf.Tensor) => tf.matMul(t, w, false, true);
  const second = () => {
    if (layer.weight2 === undefined) throw new Error(`forward: a '${layer.variant}' residual block needs weight2`);
    return layer.weight2;
  };
  let branch: tf.Tensor;
  if (layer.variant === 'simple') branch = mm(act(h), layer.weight);
  else if (layer.variant === 'pre') branch = mm(act(mm(act(h), layer.weight)), second());
  else branch = mm(act(mm(h, layer.weight)), second());
  if (layer.bias !== undefined) branch = tf.add(branch, layer.bias);
  const sum = layer.alpha === 0 ? h : tf.add(h, tf.mul(branch, layer.alpha));
  return layer.variant === 'post' ? act(sum) : sum;
}

/** im2col + matMul (see ConvLayer). h: [...lead, positionsIn·C_in] → [...lead, positionsOut·C_out]. */
function convolve(h: tf.Tensor, layer: ConvLayer): tf.Tensor {
  const g = layer.geometry;
  const lead = h.shape.slice(0, -1);
  if (h.shape[h.shape.length - 1] !== g.positionsIn * g.channelsIn) {
    throw new Error(`forward: conv layer expects ${g.positionsIn}·${g.channelsIn} features, got ${String(h.shape[h.shape.length - 1])}`);
  }
  let grid = tf.reshape(h, [...lead, g.positionsIn, g.channelsIn]);
  if (g.padding === 'zero') grid = tf.pad(grid, [...lead.map((): [number, number] => [0, 0]), [0, 1], [0, 0]]);
  const patches = tf.gather(grid, tf.tensor1d(g.indices, 'int32'), lead.length);
  // Networks' axis (if any) stays a batch axis of the product; everything else becomes rows.
  const networkDims = layer.weight.shape.length - 2;
  const rows = lead.slice(networkDims).reduce((a, b) => a * b, 1) * g.positionsOut;
  const flat = tf.reshape(patches, [...lead.slice(0, networkDims), rows, g.taps * g.channelsIn]);
  const y = tf.matMul(flat, layer.weight, false, true);
  return tf.reshape(y, [...lead, g.positionsOut * g.channelsOut]);
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
