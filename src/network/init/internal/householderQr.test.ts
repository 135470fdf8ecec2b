import { describe, it, expect } from 'vitest';
import { qr } from 'mathjs';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { normal } from '../../../distributions/normal.ts';
import { householderQr } from './householderQr.ts';
import { QR_RELATIVE_TOLERANCE } from './tolerances.ts';

/** m×n Gaussian matrix as nested rows (A[i][j]) from a fixed seed. */
function gaussian(m: number, n: number, seed: number): number[][] {
  const rng = xoroshiro128plus(seed);
  const z = normal();
  return Array.from({ length: m }, () => Array.from({ length: n }, () => z.sample(rng)));
}
function columnMajor(a: number[][]): Float64Array {
  const m = a.length;
  const n = a[0]!.length;
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) out[j * m + i] = a[i]![j]!;
  return out;
}
function frobenius(a: number[][]): number {
  return Math.sqrt(a.flat().reduce((s, x) => s + x * x, 0));
}

describe('householderQr', () => {
  it.each([
    [1, 1],
    [5, 3],
    [12, 12],
    [50, 20],
    [40, 1],
  ])('A = QR, QᵀQ = I, R upper triangular (%i×%i)', (m, n) => {
    const a = gaussian(m, n, 1000 + m * n);
    const { q, r } = householderQr(columnMajor(a), m, n);
    const tol = QR_RELATIVE_TOLERANCE * frobenius(a);
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let k = 0; k <= j; k++) s += q[k * m + i]! * r[j * n + k]!;
        expect(Math.abs(s - a[i]![j]!)).toBeLessThanOrEqual(tol);
      }
    }
    for (let j = 0; j < n; j++) {
      for (let k = 0; k < n; k++) {
        let s = 0;
        for (let i = 0; i < m; i++) s += q[j * m + i]! * q[k * m + i]!;
        expect(Math.abs(s - (j === k ? 1 : 0))).toBeLessThanOrEqual(QR_RELATIVE_TOLERANCE);
      }
      for (let i = j + 1; i < n; i++) expect(r[j * n + i]).toBe(0);
    }
  });

  it("agrees with mathjs's qr once both are normalised to diag(R) > 0 (unique factorisation)", () => {
    const [m, n] = [9, 4];
    const a = gaussian(m, n, 77);
    const mine = householderQr(columnMajor(a), m, n);
    const ref = qr(a) as unknown as { Q: number[][]; R: number[][] };
    for (let j = 0; j < n; j++) {
      const s1 = Math.sign(mine.r[j * n + j]!);
      const s2 = Math.sign(ref.R[j]![j]!);
      for (let i = 0; i < m; i++) {
        expect(Math.abs(s1 * mine.q[j * m + i]! - s2 * ref.Q[i]![j]!)).toBeLessThanOrEqual(QR_RELATIVE_TOLERANCE * frobenius(a));
      }
    }
  });

  it('handles a zero column (rank deficiency) without NaN, Q still orthonormal', () => {
    const a = [
      [0, 1],
      [0, 2],
      [0, 3],
    ];
    const { q, r } = householderQr(columnMajor(a), 3, 2);
    expect(Math.abs(r[0]!)).toBe(0);
    expect(Array.from(q).every(Number.isFinite)).toBe(true);
    let dot = 0;
    for (let i = 0; i < 3; i++) dot += q[i]! * q[3 + i]!;
    expect(Math.abs(dot)).toBeLessThanOrEqual(QR_RELATIVE_TOLERANCE);
  });

  it('uses the reflector α = −sign(x₁)·‖x‖ of its TSDoc: (3, 4) → R = −5, Q = −(0.6, 0.8); (−3, 4) → R = 5', () => {
    // One column x: H x = α e₁ with |α| = ‖x‖ = 5, Q = x/α (Q R = x). The sign is chosen against x₁.
    const pos = householderQr(Float64Array.of(3, 4), 2, 1);
    expect(Array.from(pos.r)).toEqual([-5]);
    Array.from(pos.q).forEach((x, i) => expect(Math.abs(x - [-0.6, -0.8][i]!)).toBeLessThanOrEqual(1e-15));
    const neg = householderQr(Float64Array.of(-3, 4), 2, 1);
    expect(Array.from(neg.r)).toEqual([5]);
    Array.from(neg.q).forEach((x, i) => expect(Math.abs(x - [-0.6, 0.8][i]!)).toBeLessThanOrEqual(1e-15));
  });

  it('rejects shapes that are not tall or do not match the buffer', () => {
    expect(() => householderQr(new Float64Array(6), 2, 3)).toThrow('householderQr: needs integers m >= n >= 1');
    expect(() => householderQr(new Float64Array(5), 3, 2)).toThrow('householderQr');
    // Each of these passes every other condition (m ≥ n, a.length = m·n): only its own check rejects it.
    expect(() => householderQr(new Float64Array(0), 0, 0)).toThrow(/^householderQr: needs integers m >= n >= 1 .*got m=0, n=0,/);
    expect(() => householderQr(new Float64Array(5), 2.5, 2)).toThrow(/^householderQr: needs integers m >= n >= 1 .*got m=2\.5,/);
    expect(() => householderQr(new Float64Array(3), 2, 1.5)).toThrow(/^householderQr: needs integers m >= n >= 1 .*got m=2, n=1\.5,/);
  });
});
