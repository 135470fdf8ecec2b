import * as tf from '@tensorflow/tfjs-core';
import { currentGemm } from '../../blas/initBlas.ts';
import type { Gemm } from '../../blas/types.ts';
import type { WeightMatrix } from '../../network/init/types.ts';
import { jsKernel } from './internal/jsKernel.ts';
import { simdKernel, type HiddenKernel } from './internal/simdKernel.ts';
import { validateOptions } from './internal/validate.ts';
import { LayerMoments } from './internal/welford.ts';

export interface LayerVariancesOptions {
  /** count × size float32 values, image-major (e.g. preprocess(cifar,{method:'authors'}).train.values). */
  readonly images: Float32Array;
  /** Number of images, integer ≥ 2. */
  readonly count: number;
  /** Values per image = columns of every network's first matrix. */
  readonly size: number;
  /**
   * One entry per network: its Linear layers' weight matrices in order ({rows: fanOut, cols: fanIn,
   * data row-major}); consecutive shapes must chain. Networks may differ in shape.
   */
  readonly networks: readonly (readonly WeightMatrix[])[];
  /** Output unit whose variance is measured at every layer, default 0 (< rows of every layer). */
  readonly unit?: number;
  /** Negative slope a of φ_a between Linears, default 0 (ReLU). */
  readonly slope?: number;
  /** Images per chunk, default 2048 (memory ≈ chunkSize·(4·size + 4·10·networksPerGemm + 4·layers) bytes). */
  readonly chunkSize?: number;
  /** Networks whose first Linears share one GEMM, default 32. */
  readonly networksPerGemm?: number;
  /** Hidden-layer kernel: 'simd' (WebAssembly SIMD), 'js' (portable), 'auto' (default: SIMD where it can). */
  readonly kernel?: 'auto' | 'simd' | 'js';
  /**
   * GEMM of the first Linear (default `currentGemm()`): a system BLAS computes images · [W(0) of each
   * network stacked]ᵀ in place with transB; on the 'wasm' GEMM the product stays tfjs's matMul on
   * one pre-transposed weight tensor (XNNPACK packs it once per block of networks).
   */
  readonly gemm?: Gemm;
}

/**
 * Figure 2's measurement: for each network, the unbiased empirical variance over the images,
 * Var = Σ_i (y_i − ȳ)² / (count − 1), of output unit `unit` of every Linear layer's pre-activation,
 * in the authors' architecture y(0) = W(0) x, y(l) = W(l) φ_a(y(l−1)) for l ≥ 1 (no activation
 * on the raw input, none after the last Linear). Biases are omitted: the authors' Linear biases are
 * zero-initialised, so at initialisation they do not change any output.
 *
 * Arithmetic: products in float32 (like PyTorch): the first Linear of `networksPerGemm` networks
 * at once as one GEMM images·[W(0)ᵀ of each network side by side] through the GEMM interface (the
 * system BLAS where one is found; else the current TensorFlow.js backend — call
 * `initBackend({ requested: 'wasm' })` first for speed: XNNPACK ≈ 30 GFLOP/s), the
 * hidden Linears in a generated WebAssembly SIMD kernel (four images per vector; the 'js' kernel
 * sums in float64 and rounds each layer to float32). Statistics in float64: per chunk of images a
 * compensated two-pass mean and sum of squares, merged across chunks with Chan's formula.
 * Memory is bounded by the chunk, whatever `count`. Every tensor it creates is disposed.
 *
 * @example
 * // one network W(0) = [[1, 0]], W(1) = [[2]]; images (1, 5), (−1, 0), (3, 2): y(0) = 1, −1, 3,
 * // y(1) = 2·φ(y(0)) = 2, 0, 6
 * layerVariances({ images: new Float32Array([1, 5, -1, 0, 3, 2]), count: 3, size: 2,
 *   networks: [[{ rows: 1, cols: 2, data: new Float32Array([1, 0]) }, { rows: 1, cols: 1, data: new Float32Array([2]) }]] })
 * // [Float64Array [4, 9.333…]]  (mean 1: (0 + 4 + 4)/2 = 4; mean 8/3: (4/9 + 64/9 + 100/9)/2 = 28/3)
 * @throws Error naming the option when sizes mismatch, shapes do not chain, count < 2 or unit is out of range.
 */
export function layerVariances(options: LayerVariancesOptions): Float64Array[] {
  validateOptions(options);
  const { images, count, size, networks } = options;
  const unit = options.unit ?? 0;
  const slope = options.slope ?? 0;
  const chunkSize = Math.min(options.chunkSize ?? 2048, count);
  const perGemm = options.networksPerGemm ?? 32;
  const mode = options.kernel ?? 'auto';
  const moments = networks.map((net) => new LayerMoments(net.length));
  const gemm = options.gemm ?? currentGemm();

  const kernelFor = (net: readonly WeightMatrix[]): HiddenKernel => {
    const shapes = net.slice(1).map((m) => [m.rows, m.cols] as const);
    const rows0 = net[0]!.rows;
    const simd = mode === 'js' ? undefined : simdKernel(rows0, shapes, unit, slope);
    if (simd !== undefined) return simd;
    if (mode === 'simd') throw new Error('layerVariances: options.kernel = \'simd\' but WebAssembly SIMD is unavailable or a hidden layer exceeds the unrolled size');
    return jsKernel(rows0, shapes, unit, slope);
  };

  for (let start = 0; start < networks.length; start += perGemm) {
    const batch = networks.slice(start, start + perGemm);
    const kernels = batch.map(kernelFor);
    const offsets: number[] = [];
    let width = 0;
    for (const net of batch) {
      offsets.push(width);
      width += net[0]!.rows;
    }
    const firstLinear = gemm.info.provider === 'wasm' ? tfjsFirstLinear(batch, offsets, width, size) : blasFirstLinear(batch, offsets, width, size, gemm, chunkSize);
    try {
      for (let first = 0; first < count; first += chunkSize) {
        const n = Math.min(chunkSize, count - first);
        const nPad = 4 * Math.ceil(n / 4);
        const out = firstLinear.run(images.subarray(first * size, (first + n) * size), n);
        batch.forEach((net, k) => {
          const kernel = kernels[k]!;
          const rows0 = net[0]!.rows;
          const off = offsets[k]!;
          const { input, output } = kernel.prepare(nPad);
          for (let u = 0; u < rows0; u++) {
            const base = u * nPad;
            for (let i = 0; i < n; i++) input[base + i] = out[i * width + off + u]!;
            for (let i = n; i < nPad; i++) input[base + i] = 0;
          }
          kernel.run(net.slice(1));
          moments[start + k]!.addChunk(output, nPad, n);
        });
      }
    } finally {
      firstLinear.dispose();
    }
  }
  return moments.map((m) => m.variances());
}

/** The first Linear of a block of networks: chunk (n × size) ↦ n × width, network k in columns offsets[k]…. */
interface FirstLinear {
  run(chunk: Float32Array, n: number): Float32Array;
  dispose(): void;
}

/** Through the system BLAS: C = chunk · Bᵀ with B the networks' W(0) stacked row-wise (their own layout, no transpose). */
function blasFirstLinear(batch: readonly (readonly WeightMatrix[])[], offsets: readonly number[], width: number, size: number, gemm: Gemm, chunkSize: number): FirstLinear {
  const stacked = new Float32Array(width * size);
  batch.forEach((net, k) => stacked.set(net[0]!.data, offsets[k]! * size));
  const out = new Float32Array(chunkSize * width);
  return {
    run(chunk, n) {
      gemm.sgemm({ transA: false, transB: true, m: n, n: width, k: size, alpha: 1, a: chunk, lda: size, b: stacked, ldb: size, beta: 0, c: out, ldc: width });
      return out;
    },
    dispose() {},
  };
}

/** Through tfjs: [size, width] = W(0)ᵀ of every network side by side (explicit transpose: wasm's transposeB is slow). */
function tfjsFirstLinear(batch: readonly (readonly WeightMatrix[])[], offsets: readonly number[], width: number, size: number): FirstLinear {
  const stacked = new Float32Array(size * width);
  batch.forEach((net, k) => {
    const { rows, data } = net[0]!;
    const off = offsets[k]!;
    for (let r = 0; r < rows; r++) for (let c = 0; c < size; c++) stacked[c * width + off + r] = data[r * size + c]!;
  });
  const w0 = tf.tensor2d(stacked, [size, width]);
  return {
    run(chunk, n) {
      const y0 = tf.tidy(() => tf.matMul(tf.tensor2d(chunk, [n, size]), w0));
      try {
        return y0.dataSync() as Float32Array;
      } finally {
        y0.dispose();
      }
    },
    dispose: () => w0.dispose(),
  };
}
