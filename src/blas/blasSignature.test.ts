import { describe, expect, it } from 'vitest';
import { blasSignature } from './blasSignature.ts';
import type { BlasInfo } from './types.ts';

const openblas: BlasInfo = { provider: 'openblas', library: 'libopenblas.so.0', kernel: 'Zen', config: 'OpenBLAS 0.3.21', threads: 1, source: 'auto', unavailable: [] };

describe('blasSignature', () => {
  it('names provider, kernel and threads, and nothing that does not change the numbers', () => {
    expect(blasSignature(openblas)).toBe('openblas Zen, 1 thread');
    expect(blasSignature({ ...openblas, threads: 2 })).toBe('openblas Zen, 2 threads');
    expect(blasSignature({ ...openblas, kernel: null, threads: null })).toBe("openblas, library's own threads");
    // The library path and how it was chosen do not change a record's numbers.
    expect(blasSignature({ ...openblas, library: '/opt/lib/libopenblas.so', source: 'option' })).toBe(blasSignature(openblas));
    expect(blasSignature({ ...openblas, kernel: 'Haswell' })).not.toBe(blasSignature(openblas));
  });
  it("is 'wasm' without a system BLAS", () => {
    expect(blasSignature({ provider: 'wasm', library: null, kernel: null, config: 'tfjs', threads: 1, source: 'option', unavailable: [] })).toBe('wasm');
  });
});
