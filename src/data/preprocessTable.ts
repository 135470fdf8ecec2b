import type { PreprocessParameters } from './preprocessTypes.ts';

/**
 * The float32 value table of a preprocessing: table[c·256 + b] = fround((b/255 − mean[c])/std[c]),
 * computed in float64 and rounded once — exactly the value {@link preprocess} stores for byte b in
 * channel c (PyTorch computes ToTensor/Normalize in float32, which may differ by an ulp).
 *
 * @example preprocessTable({ method: 'authors', mean: [0.1307], std: [0.3081] })[0] // −0.42421296… (float32)
 */
export function preprocessTable(parameters: PreprocessParameters): Float64Array {
  const channels = parameters.mean.length;
  const table = new Float64Array(256 * channels);
  for (let c = 0; c < channels; c++) {
    const m = parameters.mean[c]!;
    const s = parameters.std[c]!;
    for (let b = 0; b < 256; b++) table[c * 256 + b] = Math.fround((b / 255 - m) / s);
  }
  return table;
}
