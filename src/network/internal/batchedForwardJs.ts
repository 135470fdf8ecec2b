/**
 * The paper's network for many independent networks at once, in JavaScript: draw d has its own
 * weights (layer l: `weights[l]` holds the n stacked [w_{l+1} × w_l] matrices, row-major, draw
 * after draw — the layout `sampleLayerOutputs` draws) and its own input x_d (row d of `input`,
 * n × w_0); y⁽ˡ⁺¹⁾_d = W⁽ˡ⁾_d φ_a(y⁽ˡ⁾_d) (φ_a on the input too when `activateInput`). Returns every
 * layer's output, n × w_l each (float32; each entry accumulated in float64 and rounded once). The
 * Monte Carlo sampler's fast path: for the narrow layers Monte Carlo uses (w ≤ 16), one pass over
 * each tiny matrix beats tfjs's batched product (one kernel per layer, but a naive batched loop on
 * wasm) and its tensor copies.
 *
 * @example batchedForwardJs({ widths: [2, 1], weights: [new Float32Array([1, -1])], input: new Float32Array([2, -3]), draws: 1, slope: 0, activateInput: true })
 * // [Float32Array [2, -3], Float32Array [2]]  (φ_0(2, −3) = (2, 0); 1·2 − 1·0)
 */
export function batchedForwardJs(options: { readonly widths: readonly number[]; readonly weights: readonly Float32Array[]; readonly input: Float32Array; readonly draws: number; readonly slope: number; readonly activateInput: boolean }): Float32Array[] {
  const { widths, weights, input, draws, slope, activateInput } = options;
  const out: Float32Array[] = [input];
  const maxWidth = Math.max(...widths);
  const h = new Float64Array(maxWidth);
  for (let l = 0; l + 1 < widths.length; l++) {
    const nIn = widths[l]!;
    const nOut = widths[l + 1]!;
    const prev = out[l]!;
    const next = new Float32Array(draws * nOut);
    const w = weights[l]!;
    const activate = l > 0 || activateInput;
    for (let d = 0; d < draws; d++) {
      const xo = d * nIn;
      for (let j = 0; j < nIn; j++) {
        const v = prev[xo + j]!;
        h[j] = !activate || v > 0 ? v : slope * v;
      }
      const wo = d * nOut * nIn;
      const yo = d * nOut;
      for (let i = 0; i < nOut; i++) {
        let s = 0;
        const row = wo + i * nIn;
        for (let j = 0; j < nIn; j++) s += w[row + j]! * h[j]!;
        next[yo + i] = s;
      }
    }
    out.push(next);
  }
  return out;
}
