import type { WeightMatrix } from '../../../network/init/types.ts';
import type { HiddenKernel } from './simdKernel.ts';

/**
 * The portable hidden-layer kernel (same layout and contract as the SIMD one, see simdKernel.ts):
 * image by image, each layer's sums in float64, every layer's output rounded to float32 before the
 * next layer (as a float32 network stores it). Used where WebAssembly SIMD is missing or a hidden
 * layer is too large to unroll, and as the cross-check of the SIMD kernel in the tests.
 */
export function jsKernel(cols0: number, shapes: readonly (readonly [number, number])[], unit: number, slope: number): HiddenKernel {
  const layers = shapes.length + 1;
  const maxWidth = Math.max(cols0, ...shapes.map(([r, c]) => Math.max(r, c)));
  let a = new Float32Array(maxWidth);
  let b = new Float32Array(maxWidth);
  let nPad = 0;
  let input = new Float32Array(0);
  let output = new Float32Array(0);
  return {
    prepare(n: number) {
      nPad = n;
      if (input.length < cols0 * n) input = new Float32Array(cols0 * n);
      if (output.length < layers * n) output = new Float32Array(layers * n);
      return { input: input.subarray(0, cols0 * n), output: output.subarray(0, layers * n) };
    },
    run(hidden: readonly WeightMatrix[]) {
      for (let i = 0; i < nPad; i++) {
        for (let u = 0; u < cols0; u++) a[u] = input[u * nPad + i]!;
        output[i] = a[unit]!;
        for (let l = 0; l < hidden.length; l++) {
          const { rows, cols, data } = hidden[l]!;
          for (let j = 0; j < cols; j++) {
            const v = a[j]!;
            a[j] = v >= 0 ? v : slope * v;
          }
          for (let r = 0; r < rows; r++) {
            let s = 0;
            const base = r * cols;
            for (let j = 0; j < cols; j++) s += data[base + j]! * a[j]!;
            b[r] = s;
          }
          output[(l + 1) * nPad + i] = b[unit]!;
          const t = a;
          a = b;
          b = t;
        }
      }
    },
  };
}
