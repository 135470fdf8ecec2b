import { checkSplit } from './inputStatsHistogram.ts';
import type { Split } from '../types.ts';

/** Per-image ‖x‖² and Σ_j x_j⁴ of a split's preprocessed images. */
export interface ImageNorms {
  /** Number of values per image (the first layer's fan-in d). */
  readonly size: number;
  /** ‖x‖² of each image, float64. */
  readonly norm2: Float64Array;
  /** Σ_j x_j⁴ of each image, float64. */
  readonly sum4: Float64Array;
}

/**
 * ‖x‖² and Σx⁴ of every image of `split` after the value table (table[c·256 + b] is the value of
 * byte b in channel c; channel = contiguous block of size/channels bytes). Per image the bytes are
 * counted per channel and ‖x‖² = Σ_{c,b} n_{c,b} t_{c,b}², Σx⁴ = Σ n t⁴ in float64 (≤ 256·C
 * non-negative terms: relative error ≤ 256·C·2⁻⁵³ ≈ 1e-13).
 *
 * @example inputStatsImageNorms({ count: 1, size: 2, pixels: Uint8Array.of(0, 1), labels: Uint8Array.of(0) }, 1, table)
 * // with table[0] = 1, table[1] = 2: norm2 [5], sum4 [17]
 */
export function inputStatsImageNorms(split: Split, channels: number, table: Float64Array): ImageNorms {
  checkSplit(split, channels);
  if (table.length !== 256 * channels) throw new Error(`inputStatsImageNorms: table must have 256 × channels = ${256 * channels} entries, got ${table.length}`);
  const plane = split.size / channels;
  const norm2 = new Float64Array(split.count);
  const sum4 = new Float64Array(split.count);
  const counts = new Uint32Array(256 * channels);
  const t2 = table.map((t) => t * t);
  const t4 = t2.map((t) => t * t);
  const px = split.pixels;
  for (let i = 0; i < split.count; i++) {
    counts.fill(0);
    const base = i * split.size;
    for (let c = 0; c < channels; c++) {
      const off = c * 256;
      const start = base + c * plane;
      for (let k = 0; k < plane; k++) counts[off + px[start + k]!]! += 1;
    }
    let a = 0;
    let q = 0;
    for (let k = 0; k < counts.length; k++) {
      const n = counts[k]!;
      if (n === 0) continue;
      a += n * t2[k]!;
      q += n * t4[k]!;
    }
    norm2[i] = a;
    sum4[i] = q;
  }
  return { size: split.size, norm2, sum4 };
}
