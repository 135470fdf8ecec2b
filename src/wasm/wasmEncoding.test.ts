import { describe, expect, it } from 'vitest';
import { wasmEncoding } from './wasmEncoding.ts';

describe('wasmEncoding', () => {
  it('LEB128 as the specification and its Wikipedia examples give', () => {
    expect(wasmEncoding.u32(0)).toEqual([0]);
    expect(wasmEncoding.u32(127)).toEqual([0x7f]);
    expect(wasmEncoding.u32(128)).toEqual([0x80, 0x01]);
    expect(wasmEncoding.u32(624485)).toEqual([0xe5, 0x8e, 0x26]);
    expect(wasmEncoding.s32(-1)).toEqual([0x7f]);
    expect(wasmEncoding.s32(63)).toEqual([0x3f]);
    expect(wasmEncoding.s32(64)).toEqual([0xc0, 0x00]);
    expect(wasmEncoding.s32(-123456)).toEqual([0xc0, 0xbb, 0x78]);
  });
  it('vectors, sections and names carry their lengths', () => {
    expect(wasmEncoding.vec([[1, 2], [3]])).toEqual([2, 1, 2, 3]);
    expect(wasmEncoding.section(7, [9, 9, 9])).toEqual([7, 3, 9, 9, 9]);
    expect(wasmEncoding.name('é')).toEqual([2, 0xc3, 0xa9]);
  });
});
