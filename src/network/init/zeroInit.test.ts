import { describe, it, expect } from 'vitest';
import { zeroInit } from './zeroInit.ts';

// Independent reference for Zhao et al. (2022), Algorithm 1, computed from scratch here: the
// Sylvester recursion for H_p and the literal triple product I(m×p) · H_p / 2^(log₂(p)/2) · I(p×n).
function recursiveHadamard(p: number): number[][] {
  if (p === 1) return [[1]];
  const h = recursiveHadamard(p / 2);
  return [...h.map((row) => [...row, ...row]), ...h.map((row) => [...row, ...row.map((x) => -x)])];
}
function eye(r: number, c: number): number[][] {
  return Array.from({ length: r }, (_, i) => Array.from({ length: c }, (_, j) => (i === j ? 1 : 0)));
}
function matmul(a: number[][], b: number[][]): number[][] {
  return a.map((row) => b[0]!.map((_, j) => row.reduce((s, x, k) => s + x * b[k]![j]!, 0)));
}
function referenceZerO(m: number, n: number): number[][] {
  if (m <= n) return eye(m, n);
  const p = 2 ** Math.ceil(Math.log2(m));
  const h = recursiveHadamard(p);
  // The reference test of the Hadamard matrix itself: H Hᵀ = p·I.
  const hht = matmul(h, h[0]!.map((_, j) => h.map((row) => row[j]!)));
  expect(hht).toEqual(eye(p, p).map((row) => row.map((x) => x * p)));
  const scaled = h.map((row) => row.map((x) => x / 2 ** (Math.log2(p) / 2)));
  return matmul(matmul(eye(m, p), scaled), eye(p, n));
}

describe('zeroInit', () => {
  it.each([
    { fanOut: 10, fanIn: 3072, p: 0 }, // CIFAR-10 → width 10: m ≤ n, partial identity
    { fanOut: 200, fanIn: 200, p: 0 }, // square hidden layer: identity
    { fanOut: 10, fanIn: 200, p: 0 }, // final layer 200 → 10
    { fanOut: 1, fanIn: 1, p: 0 },
    { fanOut: 200, fanIn: 10, p: 256 }, // m > n: p = 2^⌈log₂ 200⌉ = 256
    { fanOut: 10, fanIn: 5, p: 16 }, // final layer at width 5 (Figure 1): 5 → 10
    { fanOut: 3, fanIn: 1, p: 4 },
    { fanOut: 16, fanIn: 4, p: 16 }, // m a power of two: p = m
    { fanOut: 33, fanIn: 32, p: 64 },
    { fanOut: 2, fanIn: 1, p: 2 }, // p = 2: entries ±1/√2, an irrational scale
  ])('equals the independent construction exactly ($fanOut×$fanIn, p = $p)', ({ fanOut, fanIn, p }) => {
    const w = zeroInit({ fanIn, fanOut });
    expect([w.rows, w.cols]).toEqual([fanOut, fanIn]);
    expect(Array.from(w.data)).toEqual(referenceZerO(fanOut, fanIn).flat().map(Math.fround));
    if (p === 0) {
      expect(w.data.every((x, t) => x === (Math.floor(t / fanIn) === t % fanIn ? 1 : 0))).toBe(true);
    } else {
      expect(w.data.every((x) => Math.abs(x) === Math.fround(1 / Math.sqrt(p)))).toBe(true);
    }
  });

  it('200×10 uses p = 256: entries ±1/16, first column all +1/16 (H_p column 0 is all ones)', () => {
    const w = zeroInit({ fanIn: 10, fanOut: 200 });
    for (let i = 0; i < 200; i++) expect(w.data[i * 10]).toBe(1 / 16);
    expect(w.data[1 * 10 + 1]).toBe(-1 / 16); // H[1][1] = (−1)^popcount(1 & 1)
  });

  it("stores the same float32 as PyTorch's float32 division H/2^(log₂(p)/2) (odd log₂ p: irrational scale)", () => {
    // For float32 operands, float64 division then one rounding equals IEEE float32 division
    // (53 ≥ 2·24 + 2, so the double rounding is innocuous).
    for (const k of [1, 3, 5, 7, 9, 11]) {
      const p = 2 ** k;
      const torch = Math.fround(1 / Math.fround(2 ** (k / 2)));
      expect(zeroInit({ fanIn: 1, fanOut: p }).data[0]).toBe(torch);
    }
  });

  it('is deterministic', () => {
    expect(zeroInit({ fanIn: 7, fanOut: 40 }).data).toEqual(zeroInit({ fanIn: 7, fanOut: 40 }).data);
  });

  it('rejects bad options, naming zeroInit and the field', () => {
    expect(() => zeroInit({ fanIn: 0, fanOut: 2 })).toThrow('zeroInit: options.fanIn must be an integer >= 1, got 0');
    expect(() => zeroInit({ fanIn: 2, fanOut: -1 })).toThrow('zeroInit: options.fanOut must be an integer >= 1, got -1');
    expect(() => zeroInit({ fanIn: 2, fanOut: 1.5 })).toThrow('zeroInit: options.fanOut');
    expect(() => zeroInit(null as unknown as { fanIn: number; fanOut: number })).toThrow('zeroInit: options must be an object');
  });
});
