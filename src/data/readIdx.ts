import { DataError } from './types.ts';

/** Magic number of an IDX file of unsigned bytes: 2049 = 0x00000801 (1-d, labels), 2051 = 0x00000803 (3-d, images). */
export type IdxMagic = 2049 | 2051;

/** Options of {@link readIdx}. */
export interface ReadIdxOptions {
  /** Name of the file the bytes came from, for error messages. */
  readonly file: string;
  /** The magic number the file must have: 2051 (images: count, rows, cols) or 2049 (labels: count). */
  readonly expectMagic: IdxMagic;
}

/** The contents of an IDX file. */
export interface IdxArray {
  readonly magic: IdxMagic;
  /** [count] for labels, [count, rows, cols] for images. */
  readonly dims: readonly number[];
  /** The payload, a copy of the bytes after the header (product of dims bytes). */
  readonly data: Uint8Array;
}

/**
 * Reads an IDX file (LeCun's MNIST format) of unsigned bytes: a big-endian header — the magic
 * number (0x0000 0x08 = ubyte, then the number of dimensions: 2049 labels, 2051 images), then one
 * 32-bit count per dimension — followed by the payload. The byte length must equal header +
 * payload exactly (16 + count·rows·cols for images, 8 + count for labels).
 *
 * @example readIdx(new Uint8Array([0, 0, 8, 1, 0, 0, 0, 2, 5, 0]), { file: 'labels', expectMagic: 2049 })
 * // { magic: 2049, dims: [2], data: Uint8Array [5, 0] }
 * @throws DataError naming `readIdx`, the file and what was expected: wrong magic number, a header
 *   shorter than its dimensions, a zero dimension, or a byte length other than header + payload.
 */
export function readIdx(bytes: Uint8Array, options: ReadIdxOptions): IdxArray {
  const { file, expectMagic } = options;
  const rank = expectMagic === 2051 ? 3 : 1;
  const header = 4 + 4 * rank;
  if (bytes.length < 4) throw new DataError(`readIdx: ${file} has ${bytes.length} bytes, expected at least a ${header}-byte IDX header`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint32(0, false);
  if (magic !== expectMagic) {
    throw new DataError(`readIdx: ${file} has magic number ${magic} (0x${magic.toString(16).padStart(8, '0')}), expected ${expectMagic} (${rank === 3 ? 'images' : 'labels'})`);
  }
  if (bytes.length < header) throw new DataError(`readIdx: ${file} has ${bytes.length} bytes, expected at least the ${header}-byte header`);
  const dims: number[] = [];
  for (let i = 0; i < rank; i++) dims.push(view.getUint32(4 + 4 * i, false));
  if (dims.some((d) => d === 0)) throw new DataError(`readIdx: ${file} has dimensions [${dims.join(', ')}], expected each ≥ 1`);
  const payload = dims.reduce((a, b) => a * b, 1);
  if (bytes.length !== header + payload) {
    throw new DataError(`readIdx: ${file} has ${bytes.length} bytes, expected ${header + payload} (${header}-byte header + ${dims.join('×')} payload)`);
  }
  return { magic: expectMagic, dims, data: bytes.slice(header) };
}
