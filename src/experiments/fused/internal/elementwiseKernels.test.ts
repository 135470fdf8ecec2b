import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { elementwiseKernels } from './elementwiseKernels.ts';

// Scalar references written from the definitions (not from the engine's loops).
const f32 = Math.fround;
const phi = (x: number, a: number): number => (x > 0 ? x : Number.isNaN(x) ? x : a === 0 ? 0 : f32(f32(a) * x));
const dphi = (d: number, h: number, a: number): number => (h > 0 ? d : f32(d * f32(a)));

const memory = new WebAssembly.Memory({ initial: 4 });
const k = elementwiseKernels(memory)!;
const SPECIAL = [0, -0, Number.NaN, Infinity, -Infinity, 1e-45, -1e-45, 3.4e38, -3.4e38];
const entry = fc.oneof(fc.constantFrom(...SPECIAL), fc.float({ noNaN: true, min: -10, max: 10 }));
const shape = fc.record({ rows: fc.integer({ min: 0, max: 6 }), blocks: fc.integer({ min: 0, max: 5 }), a: fc.constantFrom(0, 0.01, 0.25, 1, -0.3, -1, 2) });

/** Views at byte offsets that are NOT 16-byte aligned too (the kernels must not assume alignment). */
function place(values: number[], at: number): Float32Array {
  const view = new Float32Array(memory.buffer, at, values.length);
  view.set(values);
  return view;
}

describe('elementwiseKernels (WebAssembly SIMD)', () => {
  it('is available in this runtime (Node ≥ 16 has WebAssembly SIMD)', () => {
    expect(k).not.toBeNull();
  });

  it('activate: z ← φ_a(z + b) row by row, NaN kept, −∞ ↦ 0 at a = 0, with and without the bias', () => {
    const reached = { nan: 0, negInf: 0, zero: 0, leaky: 0, relu: 0, noBias: 0 };
    fc.assert(
      fc.property(shape.chain((s) => fc.record({ s: fc.constant(s), z: fc.array(entry, { minLength: s.rows * s.blocks * 4, maxLength: s.rows * s.blocks * 4 }), b: fc.array(entry, { minLength: s.blocks * 4, maxLength: s.blocks * 4 }), hasBias: fc.boolean(), shift: fc.constantFrom(0, 4, 8) })), ({ s, z, b, hasBias, shift }) => {
        const zv = place(z, 64 + shift);
        const bv = place(b, 32768 + shift);
        k.activate(zv.byteOffset, bv.byteOffset, s.rows, s.blocks, s.a, hasBias ? 1 : 0);
        const n = 4 * s.blocks;
        z.forEach((x, i) => {
          const pre = hasBias ? f32(f32(x) + bv[i % n]!) : f32(x);
          if (Number.isNaN(pre)) reached.nan++;
          if (pre === -Infinity) reached.negInf++;
          if (pre === 0) reached.zero++;
          expect(Object.is(zv[i], phi(pre, s.a)) || (Number.isNaN(zv[i]!) && Number.isNaN(phi(pre, s.a))), `entry ${i}: φ(${pre}) with a = ${s.a}`).toBe(true);
        });
        if (s.a === 0) reached.relu++;
        else reached.leaky++;
        if (!hasBias) reached.noBias++;
      }),
      { seed: 31, numRuns: 300 },
    );
    for (const [name, n] of Object.entries(reached)) expect(n, name).toBeGreaterThan(5);
  });

  it('backward: d ← d where h > 0, else a·d (±∞ and NaN as multiplication gives them)', () => {
    fc.assert(
      fc.property(shape.chain((s) => fc.record({ s: fc.constant(s), d: fc.array(entry, { minLength: s.blocks * 4, maxLength: s.blocks * 4 }), h: fc.array(entry, { minLength: s.blocks * 4, maxLength: s.blocks * 4 }) })), ({ s, d, h }) => {
        const dv = place(d, 64);
        const hv = place(h, 32768 + 4);
        k.backward(dv.byteOffset, hv.byteOffset, s.blocks, s.a);
        d.forEach((x, i) => {
          const want = dphi(f32(x), hv[i]!, s.a);
          expect(Object.is(dv[i], want) || (Number.isNaN(dv[i]!) && Number.isNaN(want)), `entry ${i}`).toBe(true);
        });
      }),
      { seed: 37, numRuns: 300 },
    );
  });

  it('columnSums: out[j] += Σ_r d[r, j] in float64, rows in order', () => {
    fc.assert(
      fc.property(shape.chain((s) => fc.record({ s: fc.constant(s), d: fc.array(fc.float({ noNaN: true, min: -1e3, max: 1e3 }), { minLength: s.rows * s.blocks * 4, maxLength: s.rows * s.blocks * 4 }), start: fc.array(fc.double({ noNaN: true, min: -1, max: 1 }), { minLength: s.blocks * 4, maxLength: s.blocks * 4 }) })), ({ s, d, start }) => {
        const dv = place(d, 64 + 4);
        const out = new Float64Array(memory.buffer, 65536, start.length);
        out.set(start);
        k.columnSums(dv.byteOffset, out.byteOffset, s.rows, s.blocks);
        const n = 4 * s.blocks;
        const want = start.slice();
        for (let r = 0; r < s.rows; r++) for (let j = 0; j < n; j++) want[j]! += dv[r * n + j]!;
        expect(Array.from(out)).toEqual(want);
      }),
      { seed: 41, numRuns: 300 },
    );
  });

  it('teeth: the references above tell a wrong derivative at 0, a dropped bias and a float32-summed column apart', () => {
    const zv = place([0, -1, 2, 0.5], 64);
    const bv = place([0.5, 0.5, -3, 0.25], 32768);
    k.activate(zv.byteOffset, bv.byteOffset, 1, 1, 0.25, 1);
    expect(Array.from(zv)).toEqual([0.5, -0.125, -0.25, 0.75]);
    expect(Array.from(zv)).not.toEqual([0, -0.25, 2, 0.5].map((x) => phi(x, 0.25))); // bias dropped
    const dv = place([1, 1, 1, 1], 64);
    const hv = place([0, 1, -0, 2], 32768);
    k.backward(dv.byteOffset, hv.byteOffset, 1, 0.25);
    expect(Array.from(dv)).toEqual([0.25, 1, 0.25, 1]); // derivative at 0 is a, not 1
    const big = place([1e8, 0, 0, 0, 1, 0, 0, 0, -1e8, 0, 0, 0, 1, 0, 0, 0], 64);
    const out = new Float64Array(memory.buffer, 65536, 4).fill(0);
    k.columnSums(big.byteOffset, out.byteOffset, 4, 1);
    expect(out[0]).toBe(2); // float32 accumulation would give 1e8 + 1 = 1e8, then 0 + 1 = 1
  });
});
