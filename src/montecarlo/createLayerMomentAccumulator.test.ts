import { describe, expect, it } from 'vitest';
import { sampleCovariance, sampleSkewness, sampleStandardDeviation } from 'simple-statistics';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { normal } from '../distributions/normal.ts';
import { laplace } from '../distributions/laplace.ts';
import { FLOAT_FORMULA_RELATIVE_TOLERANCE } from '../verify/tolerances.ts';
import { createLayerMomentAccumulator } from './createLayerMomentAccumulator.ts';
import type { Estimate, LayerMomentSummary } from './types.ts';

const REL = FLOAT_FORMULA_RELATIVE_TOLERANCE;
const SEED = 20261124;

function expectRel(actual: number | null, expected: number, what: string): void {
  expect(actual, what).not.toBeNull();
  const tol = REL * Math.max(Math.abs(expected), Number.MIN_VALUE);
  expect(Math.abs((actual as number) - expected), `${what}: got ${actual}, expected ${expected}, tol ${tol}`).toBeLessThanOrEqual(tol);
}

function expectSummariesClose(a: LayerMomentSummary, b: LayerMomentSummary, rel: number): void {
  expect([a.n, a.width, a.batches, a.minBatchDraws]).toEqual([b.n, b.width, b.batches, b.minBatchDraws]);
  for (const k of ['variance', 'kappa', 'c', 'cNormalized'] as const) {
    const x = a[k] as Estimate;
    const y = b[k] as Estimate;
    for (const f of ['estimate', 'stderr', 'deltaStderr', 'batchSkewness'] as const) {
      const u = x[f] as number;
      const v = y[f] as number;
      expect(Math.abs(u - v), `${k}.${f}: ${u} vs ${v}`).toBeLessThanOrEqual(rel * Math.abs(v) + 1e-300);
    }
    expect(x.df).toBe(y.df);
  }
}

/** Row-major [draws × width] normal data from a fixed seed. */
function gaussianData(seed: number, draws: number, width: number): Float64Array {
  const rng = xoroshiro128plus(seed);
  const d = normal({ variance: 2 });
  const out = new Float64Array(draws * width);
  for (let i = 0; i < out.length; i++) out[i] = d.sample(rng);
  return out;
}

describe('createLayerMomentAccumulator: hand-computed cases', () => {
  // 4 draws × w = 2, B = 2. Per draw (a = y²): [1,2] → a = (1,4): s₂ 2.5, s₄ 8.5, s₂₂ = 2·1·4/2 = 4;
  // [1,0] → 0.5, 0.5, 0; [3,1] → 5, 41, 9; [2,2] → 4, 16, 16.
  // Pooled: m₂ = 12/4 = 3, m₄ = 66/4 = 16.5, m₂₂ = 29/4 = 7.25 ⇒ κ = 11/6, c = −1.75, c/σ⁴ = −7/36.
  // Batches {0, 2} and {1, 3}: m₂ 3.75 | 2.25, m₄ 24.75 | 8.25, m₂₂ 6.5 | 8. With B = 2 the jackknife
  // pseudo-values differ by exactly the difference of the two batch estimates, so stderr = |Δ|/2:
  // σ²: 1.5/2; κ: (1.76 − 44/27)/2; c: (−7.5625 − 2.9375)/2 → 5.25; c/σ⁴: (6.5/14.0625 − 8/5.0625)/2.
  const data = Object.freeze([1, 2, 1, 0, 3, 1, 2, 2]);

  it('w = 2: estimates and batch standard errors', () => {
    const s = createLayerMomentAccumulator({ width: 2, batches: 2 }).addDraws(data).summary();
    expect([s.n, s.width, s.batches, s.minBatchDraws]).toEqual([4, 2, 2, 2]);
    expectRel(s.variance.estimate, 3, 'σ²');
    expectRel(s.kappa.estimate, 11 / 6, 'κ');
    expectRel(s.c?.estimate ?? null, -1.75, 'c');
    expectRel(s.cNormalized?.estimate ?? null, -7 / 36, 'c/σ⁴');
    expectRel(s.variance.stderr, 0.75, 'σ² stderr');
    expectRel(s.kappa.stderr, (1.76 - 44 / 27) / 2, 'κ stderr');
    expectRel(s.c?.stderr ?? null, 5.25, 'c stderr');
    expectRel(s.cNormalized?.stderr ?? null, (8 / 5.0625 - 6.5 / 14.0625) / 2, 'c/σ⁴ stderr');
    expect(s.kappa.df).toBe(1);
    expect(s.kappa.batchSkewness).toBeNull(); // needs B ≥ 3
    // Delta method for σ²: s₂ = (2.5, 0.5, 5, 4), deviations (−0.5, −2.5, 2, 1), Σ² = 11.5 ⇒ √(11.5/3/4).
    expectRel(s.variance.deltaStderr, Math.sqrt(11.5 / 12), 'σ² delta stderr');
  });

  it('w = 1: c and c/σ⁴ are null (no pairs), never a throw; σ² and κ as usual', () => {
    // Draws 1, 2, 3: s₂ = 1, 4, 9, s₄ = 1, 16, 81 ⇒ m₂ = 14/3, m₄ = 98/3, κ = (98/3)/(14/3)² = 1.5.
    // B = 2: batches {1, 3} and {2}: means 5 and 4 (sizes 2 and 1); pseudo-values 16/3 and 13/3 ⇒ stderr 0.5.
    const s = createLayerMomentAccumulator({ width: 1, batches: 2 }).addDraws([1, 2, 3]).summary();
    expect(s.c).toBeNull();
    expect(s.cNormalized).toBeNull();
    expectRel(s.variance.estimate, 14 / 3, 'σ²');
    expectRel(s.kappa.estimate, 1.5, 'κ');
    expectRel(s.variance.stderr, 0.5, 'σ² stderr');
    expect(s.minBatchDraws).toBe(1);
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });

  it('no draws or one draw: nulls where undefined, never NaN, never a throw', () => {
    const empty = createLayerMomentAccumulator({ width: 3 }).summary();
    expect(empty.n).toBe(0);
    expect(empty.batches).toBe(0);
    expect(empty.kappa).toEqual({ estimate: null, stderr: null, df: null, deltaStderr: null, batchSkewness: null });
    expect(empty.c).toEqual({ estimate: null, stderr: null, df: null, deltaStderr: null, batchSkewness: null });
    const one = createLayerMomentAccumulator({ width: 2 }).addDraw([1, 2]).summary();
    expectRel(one.kappa.estimate, 8.5 / 6.25, 'κ of one draw');
    expect(one.kappa.stderr).toBeNull();
    expect(one.kappa.deltaStderr).toBeNull();
    const zero = createLayerMomentAccumulator({ width: 2, batches: 2 }).addDraws([0, 0, 0, 0]).summary();
    expect(zero.variance.estimate).toBe(0);
    expect(zero.kappa.estimate).toBeNull(); // 0/0
    expect(JSON.parse(JSON.stringify(zero))).toEqual(zero);
  });

  it('addDraw and addDraws agree; float32 storage gives the same result for representable values', () => {
    const a = createLayerMomentAccumulator({ width: 2, batches: 2 });
    for (let i = 0; i < data.length; i += 2) a.addDraw(data.slice(i, i + 2));
    const b = createLayerMomentAccumulator({ width: 2, batches: 2 }).addDraws(new Float32Array(data));
    expect(a.summary()).toEqual(createLayerMomentAccumulator({ width: 2, batches: 2 }).addDraws(data).summary());
    expect(b.summary()).toEqual(a.summary());
  });
});

describe('createLayerMomentAccumulator: cross-checks against an independent brute-force computation', () => {
  it('pooled estimates, jackknife and delta-method standard errors (w = 5, B = 8, n = 203)', () => {
    const w = 5;
    const B = 8;
    const n = 203;
    const data = gaussianData(SEED, n, w);
    const s = createLayerMomentAccumulator({ width: w, batches: B }).addDraws(data).summary();
    // Per-draw moments with the O(w²) definition of s₂₂.
    const s2: number[] = [];
    const s4: number[] = [];
    const s22: number[] = [];
    for (let k = 0; k < n; k++) {
      const y = data.subarray(k * w, (k + 1) * w);
      let a = 0, b = 0, c = 0;
      for (let i = 0; i < w; i++) {
        a += y[i] ** 2 / w;
        b += y[i] ** 4 / w;
        for (let j = 0; j < w; j++) if (i !== j) c += (y[i] ** 2 * y[j] ** 2) / (w * (w - 1));
      }
      s2.push(a); s4.push(b); s22.push(c);
    }
    const mean = (x: number[]) => x.reduce((u, v) => u + v, 0) / x.length;
    const fs = {
      variance: (m2: number) => m2,
      kappa: (m2: number, m4: number) => m4 / m2 ** 2,
      c: (m2: number, _m4: number, m22: number) => m22 - m2 ** 2,
      cNormalized: (m2: number, _m4: number, m22: number) => m22 / m2 ** 2 - 1,
    };
    const m = [mean(s2), mean(s4), mean(s22)];
    const cov = [[s2, s2], [s2, s4], [s2, s22], [s4, s4], [s4, s22], [s22, s22]].map(([x, y]) => sampleCovariance(x, y));
    const Sigma = [[cov[0], cov[1], cov[2]], [cov[1], cov[3], cov[4]], [cov[2], cov[4], cov[5]]];
    for (const [key, g] of Object.entries(fs) as [keyof typeof fs, (a: number, b: number, c: number) => number][]) {
      const est = s[key] as Estimate;
      const theta = g(m[0], m[1], m[2]);
      expectRel(est.estimate, theta, `${key} estimate`);
      // Jackknife: recompute each leave-one-batch-out estimate from the raw per-draw values.
      const pseudo: number[] = [];
      for (let b = 0; b < B; b++) {
        const keep = (_: number, k: number) => k % B !== b;
        pseudo.push(B * theta - (B - 1) * g(mean(s2.filter(keep)), mean(s4.filter(keep)), mean(s22.filter(keep))));
      }
      expect(Math.abs((est.stderr as number) / (sampleStandardDeviation(pseudo) / Math.sqrt(B)) - 1), `${key} stderr`).toBeLessThan(1e-9);
      expect(Math.abs((est.batchSkewness as number) - sampleSkewness(pseudo)), `${key} skewness`).toBeLessThan(1e-7);
      expect(est.df).toBe(B - 1);
      // Delta method with a numerical gradient (central differences, h = 1e-6 relative).
      const grad = [0, 1, 2].map((j) => {
        const h = 1e-6 * m[j];
        const up = [...m]; up[j] += h;
        const dn = [...m]; dn[j] -= h;
        return (g(up[0], up[1], up[2]) - g(dn[0], dn[1], dn[2])) / (2 * h);
      });
      let q = 0;
      for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) q += grad[i] * Sigma[i][j] * grad[j];
      expect(Math.abs((est.deltaStderr as number) / Math.sqrt(q / n) - 1), `${key} delta stderr`).toBeLessThan(1e-6);
    }
  });

  it('is invariant under permuting entries within a draw and equivariant under y → 2y (exact in binary)', () => {
    const w = 6;
    const data = gaussianData(SEED + 1, 300, w);
    const base = createLayerMomentAccumulator({ width: w, batches: 16 }).addDraws(data).summary();
    const perm = new Float64Array(data.length);
    for (let k = 0; k < 300; k++) for (let i = 0; i < w; i++) perm[k * w + i] = data[k * w + ((i * 5 + k) % w)];
    expectSummariesClose(createLayerMomentAccumulator({ width: w, batches: 16 }).addDraws(perm).summary(), base, 1e-10);
    const doubled = createLayerMomentAccumulator({ width: w, batches: 16 }).addDraws(data.map((x) => 2 * x)).summary();
    expect(doubled.kappa).toEqual(base.kappa);
    expect(doubled.cNormalized).toEqual(base.cNormalized);
    expect(doubled.variance.estimate).toBe(4 * (base.variance.estimate as number));
    expect(doubled.c?.estimate).toBe(16 * (base.c?.estimate as number));
  });
});

describe('createLayerMomentAccumulator: merge', () => {
  const w = 4;
  const B = 8;
  const n = 1000;
  const rng = xoroshiro128plus(SEED + 2);
  const lap = laplace();
  const data = new Float64Array(n * w).map(() => lap.sample(rng));
  const whole = createLayerMomentAccumulator({ width: w, batches: B }).addDraws(data);
  const part = (from: number, to: number) =>
    createLayerMomentAccumulator({ width: w, batches: B, firstDrawIndex: from }).addDraws(data.subarray(from * w, to * w));

  // Merged blocks cut the plain summation blocks (≤ 1,024 draws, then compensated) elsewhere than
  // one accumulator does: sums agree to the blocks' rounding (≤ 1024·2⁻⁵³ ≈ 1e-13 of Σ|x|), which the
  // derived diagnostics (batch skewness: a cancelling third moment) amplify ~10×. A wrong batch
  // assignment, a lost or doubled draw moves every field by ≥ 1e-4 here.
  const MERGE_REL = 1e-12;
  it('consecutive blocks merged in either order equal one accumulator (same batches; sums to the block rounding)', () => {
    for (const cut of [0, 1, 137, 500, 999, 1000]) {
      const forward = part(0, cut).merge(part(cut, n));
      const backward = part(cut, n).merge(part(0, cut));
      for (const m of [forward, backward]) {
        expect(m.count).toBe(n);
        expect(m.firstDrawIndex).toBe(0);
        expect(m.state().batchCounts).toEqual(whole.state().batchCounts);
        expectSummariesClose(m.summary(), whole.summary(), MERGE_REL);
      }
    }
  });

  it('teeth of MERGE_REL: one draw changed (its first entry doubled) is told apart', () => {
    const changed = data.slice();
    changed[500 * w] *= 2;
    const other = createLayerMomentAccumulator({ width: w, batches: B }).addDraws(changed).summary();
    expect(() => expectSummariesClose(other, whole.summary(), MERGE_REL)).toThrow();
  });

  it('merges three blocks, and states that went through JSON (as from a worker)', () => {
    const viaJson = createLayerMomentAccumulator({ width: w, batches: B })
      .merge(JSON.parse(JSON.stringify(part(0, 300).state())))
      .merge(JSON.parse(JSON.stringify(part(300, 650).state())))
      .merge(part(650, n));
    expectSummariesClose(viaJson.summary(), whole.summary(), MERGE_REL);
    // It keeps streaming at the right global index: adding more draws equals a longer single run.
    const extra = gaussianData(SEED + 3, 10, w);
    const longer = createLayerMomentAccumulator({ width: w, batches: B }).addDraws(data).addDraws(extra);
    expectSummariesClose(viaJson.addDraws(extra).summary(), longer.summary(), MERGE_REL);
  });

  it('leaves the other accumulator unchanged', () => {
    const other = part(500, n);
    const before = JSON.stringify(other.state());
    part(0, 500).merge(other);
    expect(JSON.stringify(other.state())).toBe(before);
  });

  it('refuses non-adjacent blocks and mismatched or malformed states, naming the field', () => {
    expect(() => part(0, 100).merge(part(200, 300))).toThrow(
      "createLayerMomentAccumulator: merge: other covers draws [200, 300), not adjacent to this accumulator's [0, 100)",
    );
    expect(() => part(0, 100).merge(createLayerMomentAccumulator({ width: 3, batches: B, firstDrawIndex: 100 }).addDraw([1, 2, 3]))).toThrow(
      'createLayerMomentAccumulator: merge: other.width 3 differs from width 4',
    );
    expect(() => part(0, 100).merge(createLayerMomentAccumulator({ width: w, batches: 9, firstDrawIndex: 100 }))).toThrow('other.batches 9 differs');
    const bad = { ...part(100, 200).state(), drawSums: [1, 2] };
    expect(() => part(0, 100).merge(bad)).toThrow('other.drawSums must have length 18');
  });
});

describe('createLayerMomentAccumulator: merge validation and edge cases', () => {
  const acc = () => createLayerMomentAccumulator({ width: 2, batches: 2 }).addDraws([1, 2, 1, 0]);
  const good = () => createLayerMomentAccumulator({ width: 2, batches: 2, firstDrawIndex: 2 }).addDraws([3, 1, 2, 2]).state();
  it('rejects a malformed count, firstDrawIndex, batchCounts or batchSums, naming the field and the expected length', () => {
    const where = 'createLayerMomentAccumulator: merge: ';
    expect(() => acc().merge({ ...good(), count: -1 })).toThrow(`${where}other.count must be an integer >= 0, got -1`);
    expect(() => acc().merge({ ...good(), count: 1.5 })).toThrow('other.count must be an integer >= 0, got 1.5');
    expect(() => acc().merge({ ...good(), firstDrawIndex: -2 })).toThrow(`${where}other.firstDrawIndex must be an integer >= 0, got -2`);
    expect(() => acc().merge({ ...good(), firstDrawIndex: 0.5 })).toThrow('other.firstDrawIndex must be an integer >= 0, got 0.5');
    expect(() => acc().merge({ ...good(), batchCounts: [1] })).toThrow(`${where}other.batchCounts must have length 2`);
    expect(() => acc().merge({ ...good(), batchSums: [0, 0, 0] })).toThrow(`${where}other.batchSums must have length 12`);
    expect(() => acc().merge({ ...good(), drawSums: [] })).toThrow(`${where}other.drawSums must have length 18`);
    // The same state, well-formed, merges: the hand example of 4 draws (m₂ = 3).
    expect(acc().merge(good()).summary().variance.estimate).toBe(3);
  });
  it('an empty other changes nothing (wherever it claims to start); into an empty accumulator, the other’s start is taken', () => {
    const a = acc();
    const before = JSON.stringify(a.state());
    a.merge(createLayerMomentAccumulator({ width: 2, batches: 2, firstDrawIndex: 77 }));
    expect(JSON.stringify(a.state())).toBe(before);
    const e = createLayerMomentAccumulator({ width: 2, batches: 2 }).merge(good());
    expect([e.firstDrawIndex, e.count]).toEqual([2, 2]);
    expect(e.state().batchCounts).toEqual([1, 1]);
    // It continues at draw 4: merging the draws [0, 2) in front now works.
    expect(e.merge(acc()).firstDrawIndex).toBe(0);
    expect(e.summary().variance.estimate).toBe(3);
  });
  it('two draws already have a delta-method stderr: s₂ = 5/2, 1/2, sample variance 2, so √(2/2) = 1 for σ²', () => {
    const s = acc().summary();
    expect(s.variance.deltaStderr).toBeCloseTo(1, 14);
    expect(s.variance.stderr).toBeCloseTo(1, 14); // two batches of one draw: |5/2 − 1/2|/2
    expect(s.kappa.deltaStderr).not.toBeNull();
  });
  it('fewer draws than batches: the jackknife runs over the non-empty batches only (w = 1, draws 1, 2, 3, B = 4)', () => {
    // 3 non-empty batches of one draw: the pseudo-values of the linear σ̂² are the s₂ = 1, 4, 9
    // themselves; sd = √(((11/3)² + (2/3)² + (13/3)²)/2) = 7/√3, stderr = 7/3, df = 2.
    const s = createLayerMomentAccumulator({ width: 1, batches: 4 }).addDraws([1, 2, 3]).summary();
    expect([s.batches, s.minBatchDraws, s.variance.df]).toEqual([3, 1, 2]);
    expect(s.variance.stderr).toBeCloseTo(7 / 3, 13);
    expect(s.variance.batchSkewness).toBeCloseTo(sampleSkewness([1, 4, 9]), 12);
  });
  it('minBatchDraws is the smallest non-empty batch, wherever it lies (draws start at batch 1: counts 1 and 2)', () => {
    const s = createLayerMomentAccumulator({ width: 1, batches: 2, firstDrawIndex: 1 }).addDraws([1, 2, 3]).summary();
    expect([s.batches, s.minBatchDraws]).toEqual([2, 1]);
  });
  it('width 1 keeps no pair sums (s₂₂ = 0), also through addDraws', () => {
    const st = createLayerMomentAccumulator({ width: 1, batches: 2 }).addDraws([1, 2, 3]).state();
    expect(st.drawSums.slice(4, 6)).toEqual([0, 0]);
    expect(st.batchSums.slice(4, 6)).toEqual([0, 0]);
  });
  it('names the field when called without options or with a missing array (JavaScript callers)', () => {
    const none = undefined as unknown as { width: number };
    expect(() => createLayerMomentAccumulator(none)).toThrow('createLayerMomentAccumulator: options.width must be an integer >= 1, got undefined');
    const a = createLayerMomentAccumulator({ width: 2 });
    expect(() => a.addDraw(undefined as unknown as number[])).toThrow('addDraw(y): y.length must equal width 2, got undefined');
    expect(() => a.addDraws(undefined as unknown as number[])).toThrow('addDraws(data): data.length must be a multiple of width 2, got undefined');
    const st = { ...createLayerMomentAccumulator({ width: 2 }).state() } as Record<string, unknown>;
    for (const field of ['batchCounts', 'batchSums', 'drawSums']) {
      expect(() => a.merge({ ...st, [field]: undefined } as never)).toThrow(`other.${field} must have length`);
    }
  });
  it('addMoments puts draw k into batch (firstDrawIndex + k) mod B, and ignores s₂₂ at width 1', () => {
    const a = createLayerMomentAccumulator({ width: 2, batches: 3, firstDrawIndex: 2 }).addMoments(1, 2, 3);
    expect(a.state().batchCounts).toEqual([0, 0, 1]);
    a.addMoments(1, 2, 3);
    expect(a.state().batchCounts).toEqual([1, 0, 1]);
    const one = createLayerMomentAccumulator({ width: 1, batches: 2 }).addMoments(1, 1, 5);
    expect(one.state().drawSums.slice(4, 6)).toEqual([0, 0]); // the s₂₂ pair
    expect(one.state().batchSums.slice(4, 6)).toEqual([0, 0]);
  });
  it('addDraws at an offset: draw k goes to batch (firstDrawIndex + k) mod B', () => {
    const a = createLayerMomentAccumulator({ width: 1, batches: 4, firstDrawIndex: 6 }).addDraws([1, 2, 3]);
    expect(a.state().batchCounts).toEqual([1, 0, 1, 1]);
    a.addDraws([4, 5]);
    expect(a.state().batchCounts).toEqual([1, 1, 2, 1]);
  });
});

describe('createLayerMomentAccumulator: bad inputs', () => {
  it('rejects bad options at creation, naming the field', () => {
    expect(() => createLayerMomentAccumulator({ width: 0 })).toThrow('createLayerMomentAccumulator: options.width must be an integer >= 1, got 0');
    expect(() => createLayerMomentAccumulator({ width: 2.5 })).toThrow('options.width');
    expect(() => createLayerMomentAccumulator({ width: 2, batches: 1 })).toThrow('createLayerMomentAccumulator: options.batches must be an integer >= 2, got 1');
    expect(() => createLayerMomentAccumulator({ width: 2, firstDrawIndex: -1 })).toThrow('options.firstDrawIndex must be an integer >= 0, got -1');
  });

  it('rejects data whose length is not a multiple of the width, and adds nothing', () => {
    const acc = createLayerMomentAccumulator({ width: 3 });
    expect(() => acc.addDraws(new Float32Array(7))).toThrow('createLayerMomentAccumulator: addDraws(data): data.length must be a multiple of width 3, got 7');
    expect(() => acc.addDraw([1, 2])).toThrow('addDraw(y): y.length must equal width 3, got 2');
    expect(acc.count).toBe(0);
  });
});

describe('createLayerMomentAccumulator: addMoments (per-draw statistics, e.g. conditional expectations)', () => {
  it('adding each draw\'s (s₂, s₄, s₂₂) equals adding its entries', () => {
    const data = [1, 2, 1, 0, 3, 1, 2, 2, -1, 4, 0.5, -2];
    const a = createLayerMomentAccumulator({ width: 2, batches: 3 }).addDraws(data);
    const b = createLayerMomentAccumulator({ width: 2, batches: 3 });
    for (let d = 0; d < data.length; d += 2) {
      const [x, y] = [data[d]! ** 2, data[d + 1]! ** 2];
      b.addMoments((x + y) / 2, (x * x + y * y) / 2, x * y);
    }
    expect(b.count).toBe(a.count);
    const [sa, sb] = [a.summary(), b.summary()];
    for (const k of ['variance', 'kappa', 'c'] as const) {
      expect(sb[k]!.estimate!).toBeCloseTo(sa[k]!.estimate!, 12);
      expect(sb[k]!.stderr!).toBeCloseTo(sa[k]!.stderr!, 12);
      expect(sb[k]!.deltaStderr!).toBeCloseTo(sa[k]!.deltaStderr!, 12);
    }
  });
  it('rejects non-finite statistics naming the method', () => {
    expect(() => createLayerMomentAccumulator({ width: 2 }).addMoments(1, Number.NaN, 1)).toThrow(/addMoments\(s2, s4, s22\): each must be a finite number/);
  });
});
