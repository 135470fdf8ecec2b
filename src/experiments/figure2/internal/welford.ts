/**
 * Streaming mean and sum of squared deviations (M2) per layer in float64, merged chunk by chunk
 * with Chan et al.'s parallel formula: within a chunk a two-pass mean/M2, then
 * M2 = M2_a + M2_b + δ²·n_a·n_b/(n_a + n_b), mean = mean_a + δ·n_b/(n_a + n_b).
 */
export class LayerMoments {
  readonly mean: Float64Array;
  readonly m2: Float64Array;
  count = 0;

  constructor(layers: number) {
    this.mean = new Float64Array(layers);
    this.m2 = new Float64Array(layers);
  }

  /** Adds n values per layer: layer l's values are `values[l·stride + 0 … n − 1]`. */
  addChunk(values: Float32Array, stride: number, n: number): void {
    const na = this.count;
    const total = na + n;
    for (let l = 0; l < this.mean.length; l++) {
      const base = l * stride;
      let s = 0;
      for (let i = 0; i < n; i++) s += values[base + i]!;
      const mb = s / n;
      let m2b = 0;
      let c = 0;
      for (let i = 0; i < n; i++) {
        const d = values[base + i]! - mb;
        m2b += d * d;
        c += d;
      }
      m2b -= (c * c) / n; // compensated two-pass (Chan, Golub & LeVeque)
      const delta = mb - this.mean[l]!;
      this.mean[l] = this.mean[l]! + (delta * n) / total;
      this.m2[l] = this.m2[l]! + m2b + (delta * delta * na * n) / total;
    }
    this.count = total;
  }

  /** Unbiased variances M2/(count − 1). */
  variances(): Float64Array {
    const out = new Float64Array(this.mean.length);
    for (let l = 0; l < out.length; l++) out[l] = this.m2[l]! / (this.count - 1);
    return out;
  }
}
