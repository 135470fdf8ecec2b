import { describe, expect, it } from 'vitest';
import { readIdx } from './readIdx.ts';
import { DataError } from './types.ts';

/** An IDX file: big-endian magic, dims, then payload. */
function idx(magic: number, dims: number[], payload: number[]): Uint8Array {
  const bytes = new Uint8Array(4 + 4 * dims.length + payload.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, magic, false);
  dims.forEach((d, i) => view.setUint32(4 + 4 * i, d, false));
  bytes.set(payload, 4 + 4 * dims.length);
  return bytes;
}

describe('readIdx', () => {
  it('reads a label file (magic 2049: count) — the TSDoc example', () => {
    const r = readIdx(new Uint8Array([0, 0, 8, 1, 0, 0, 0, 2, 5, 0]), { file: 'labels', expectMagic: 2049 });
    expect(r.magic).toBe(2049);
    expect(r.dims).toEqual([2]);
    expect(Array.from(r.data)).toEqual([5, 0]);
  });

  it('reads an image file (magic 2051: count, rows, cols) big-endian, payload image-major row-major', () => {
    const payload = Array.from({ length: 2 * 3 * 258 }, (_, i) => i % 256);
    const bytes = idx(2051, [2, 3, 258], payload); // 258 > 255: a little-endian read would give 0x02010000
    const r = readIdx(bytes, { file: 'images', expectMagic: 2051 });
    expect(r.dims).toEqual([2, 3, 258]);
    expect(Array.from(r.data)).toEqual(payload);
    r.data[0] = 99; // a copy: the input is untouched
    expect(bytes[16]).toBe(0);
  });

  it('reads from a view with a non-zero byte offset', () => {
    const inner = idx(2049, [3], [1, 2, 3]);
    const outer = new Uint8Array(inner.length + 5);
    outer.set(inner, 5);
    expect(Array.from(readIdx(outer.subarray(5), { file: 'f', expectMagic: 2049 }).data)).toEqual([1, 2, 3]);
  });

  const bad: [string, Uint8Array, 2049 | 2051, RegExp][] = [
    ['wrong magic (labels given, images expected)', idx(2049, [2], [0, 1]), 2051, /magic number 2049 \(0x00000801\), expected 2051 \(images\)/],
    ['wrong magic (garbage)', new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0]), 2049, /magic number .*expected 2049 \(labels\)/],
    ['fewer than 4 bytes', new Uint8Array([0, 0]), 2049, /has 2 bytes, expected at least a 8-byte IDX header/],
    ['header cut short', idx(2051, [2], []), 2051, /has 8 bytes, expected at least the 16-byte header/],
    ['a zero dimension', idx(2051, [0, 28, 28], []), 2051, /dimensions \[0, 28, 28\], expected each ≥ 1/],
    ['truncated payload', idx(2051, [2, 2, 2], [1, 2, 3, 4, 5, 6, 7]), 2051, /has 23 bytes, expected 24 \(16-byte header \+ 2×2×2 payload\)/],
    ['trailing bytes', idx(2049, [2], [1, 2, 3]), 2049, /has 11 bytes, expected 10 \(8-byte header \+ 2 payload\)/],
  ];
  it.each(bad)('%s: DataError naming readIdx, the file and what was expected', (_, bytes, expectMagic, pattern) => {
    const call = () => readIdx(bytes, { file: '/x/some-file-ubyte', expectMagic });
    expect(call).toThrow(DataError);
    expect(call).toThrow(/^readIdx: \/x\/some-file-ubyte /);
    expect(call).toThrow(pattern);
  });
});
