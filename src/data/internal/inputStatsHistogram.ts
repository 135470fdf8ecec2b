import { DataError, type Split } from '../types.ts';

/**
 * Byte histogram of each channel of a split: counts[c·256 + b] = number of pixels of channel c
 * (over all images) whose byte is b. Channel c of an image is the c-th contiguous block of
 * size/channels bytes (CHW; MNIST has one channel). Counts are integers < 2⁵³, exact in float64.
 *
 * @throws DataError when the split's pixels do not hold count × size bytes or size is not a
 *   multiple of channels.
 * @example channelByteHistograms({ count: 1, size: 2, pixels: Uint8Array.of(0, 255), labels: Uint8Array.of(0) }, 2)
 * // counts[0] = 1, counts[256 + 255] = 1
 */
export function channelByteHistograms(split: Split, channels: number): Float64Array {
  checkSplit(split, channels);
  const plane = split.size / channels;
  const counts = new Float64Array(256 * channels);
  const px = split.pixels;
  for (let i = 0; i < split.count; i++) {
    const base = i * split.size;
    for (let c = 0; c < channels; c++) {
      const off = c * 256;
      const start = base + c * plane;
      for (let k = 0; k < plane; k++) counts[off + px[start + k]!]! += 1;
    }
  }
  return counts;
}

/** Validates a split's shape against `channels`; throws DataError naming the field. */
export function checkSplit(split: Split, channels: number): void {
  if (!Number.isInteger(channels) || channels < 1) throw new DataError(`dataset.channels must be an integer >= 1, got ${String(channels)}`);
  if (!Number.isInteger(split.count) || split.count < 1) throw new DataError(`split.count must be an integer >= 1, got ${String(split.count)}`);
  if (!Number.isInteger(split.size) || split.size < 1 || split.size % channels !== 0) {
    throw new DataError(`split.size must be a positive multiple of channels (${channels}), got ${String(split.size)}`);
  }
  if (split.pixels.length !== split.count * split.size) {
    throw new DataError(`split.pixels must hold count × size = ${split.count * split.size} bytes, got ${split.pixels.length}`);
  }
}
