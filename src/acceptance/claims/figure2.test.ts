import { describe, expect, it } from 'vitest';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { figure2Claims } from './figure2.ts';
import type { ClaimResult } from './types.ts';

const L = 101;
const byId = (cs: ClaimResult[], id: string): ClaimResult => {
  const c = cs.find((x) => x.id === id);
  if (!c) throw new Error(`no claim ${id}`);
  return c;
};

/** n networks whose log-variance drifts by `slope` per layer, with noise; vanishing when slope < 0. */
function nets(n: number, slope: number, seed: number): Float64Array[] {
  const rng = xoroshiro128plus(seed);
  return Array.from({ length: n }, () => {
    const v = new Float64Array(L);
    const offset = uniformFloat64(rng) * 2 - 1;
    for (let l = 0; l < L; l++) v[l] = Math.exp(offset + slope * l + 0.3 * (uniformFloat64(rng) - 0.5));
    return v;
  });
}

describe('figure2Claims', () => {
  it('clearly true: vanishing variances (n = 600) → q90 and quantile-decrease supported (for q ≤ 0.99 bounds exist)', () => {
    const cs = figure2Claims({ variances: { 'he-normal': nets(600, -0.25, 1) }, checkpoints: [40, 60, 80, 100] });
    const q90 = byId(cs, 'fig2.he-normal.q90-below-1e-3-after-80');
    expect(q90.verdict).toBe('supported');
    expect(q90.evidence).toHaveLength(20);
    const dec = byId(cs, 'fig2.he-normal.quantiles-decrease-after-40');
    // 600 networks cannot bound the 0.999 quantile from above: inconclusive, saying how many are needed
    expect(dec.verdict).toBe('inconclusive');
    expect(dec.reason).toMatch(/needs ≥ 4,?38\d networks/);
    expect(dec.evidence.filter((e) => e.label.startsWith('q90') || e.label.startsWith('q99 ')).every((e) => e.outcome === 'for')).toBe(true);
    expect(dec.statistics['q90@40']).toBeGreaterThan(dec.statistics['q90@100'] as number);
    expect(dec.statistics['q90.increasingSteps']).toBeTypeOf('number');
    expect(JSON.parse(JSON.stringify(cs))).toEqual(cs);
  });

  it('enough networks bound the 0.999 quantile → quantile-decrease supported', () => {
    const cs = figure2Claims({ variances: { gsm: nets(4500, -0.25, 2) } });
    expect(byId(cs, 'fig2.gsm.quantiles-decrease-after-40').verdict).toBe('supported');
  });

  it('clearly false: growing variances → refuted', () => {
    const cs = figure2Claims({ variances: { orthogonal: nets(300, 0.02, 3) } });
    expect(byId(cs, 'fig2.orthogonal.q90-below-1e-3-after-80').verdict).toBe('refuted');
    expect(byId(cs, 'fig2.orthogonal.quantiles-decrease-after-40').verdict).toBe('refuted');
  });

  it('too few networks → inconclusive with the needed count', () => {
    const cs = figure2Claims({ variances: { 'glorot-normal': nets(20, -0.25, 4) } });
    const q = byId(cs, 'fig2.glorot-normal.q90-below-1e-3-after-80');
    expect(q.verdict).toBe('inconclusive');
    expect(q.reason).toMatch(/needs ≥ 36 networks/);
    expect(byId(cs, 'fig2.glorot-normal.quantiles-decrease-after-40').verdict).toBe('inconclusive');
  });

  it('MetaInit: explode → supported; stable → refuted; 3 networks → inconclusive', () => {
    expect(byId(figure2Claims({ variances: { metainit: nets(20, 0.1, 5) } }), 'fig2.metainit.variances-explode').verdict).toBe('supported');
    expect(byId(figure2Claims({ variances: { metainit: nets(20, 0, 6) } }), 'fig2.metainit.variances-explode').verdict).toBe('refuted');
    const few = byId(figure2Claims({ variances: { metainit: nets(3, 0.1, 7) } }), 'fig2.metainit.variances-explode');
    expect(few.verdict).toBe('inconclusive');
    expect(few.reason).toMatch(/needs ≥ 6 networks/);
  });

  it('MetaInit: exploding in the middle and collapsing at the output (as measured) → output reading refuted, hidden-layer reading supported', () => {
    const bump = Array.from({ length: 10 }, () => Float64Array.from({ length: L }, (_, l) => (l === 0 ? 10 : l === L - 1 ? 1e-11 : 10 * Math.exp(-((l - 60) ** 2) / 200) * 1e18 + 1e-11)));
    const cs = figure2Claims({ variances: { metainit: bump } });
    expect(byId(cs, 'fig2.metainit.variances-explode').verdict).toBe('refuted');
    expect(byId(cs, 'fig2.metainit.variances-explode-in-hidden-layers').verdict).toBe('supported');
    const flat = figure2Claims({ variances: { metainit: nets(20, 0, 6) } });
    expect(byId(flat, 'fig2.metainit.variances-explode-in-hidden-layers').verdict).toBe('refuted');
  });

  it('MetaInit: a non-finite last variance counts as exploding', () => {
    const v = nets(8, 0, 8).map((x) => { x[L - 1] = NaN; return x; });
    expect(byId(figure2Claims({ variances: { metainit: v } }), 'fig2.metainit.variances-explode').statistics['exploding']).toBe(8);
  });

  it('ZerO: constant after layer 1 → supported; drifting → refuted; 2 layers → inconclusive; falseAlarm 0', () => {
    const flat = Float64Array.from({ length: L }, (_, l) => (l === 0 ? 1 : 0.5 * (1 + (l % 2 ? 1e-7 : -1e-7))));
    const ok = byId(figure2Claims({ variances: { zero: [flat, flat] } }), 'fig2.zero.constant-after-first-layer');
    expect(ok.verdict).toBe('supported');
    expect(ok.falseAlarm).toBe(0);
    expect(ok.statistics['networksIdentical']).toBe(true);
    const drift = Float64Array.from(flat);
    drift[70] = 0.5 * (1 + 1e-5);
    const bad = byId(figure2Claims({ variances: { zero: [drift] } }), 'fig2.zero.constant-after-first-layer');
    expect(bad.verdict).toBe('refuted');
    expect(bad.statistics['worstLayer']).toBe(70);
    expect(byId(figure2Claims({ variances: { zero: [[1, 2]] } }), 'fig2.zero.constant-after-first-layer').verdict).toBe('inconclusive');
  });

  it('false alarm of the q90 rule at the boundary: exactly 90% below (n = 200 per layer, 21 layers, 300 sims) → supported ≤ α/2 + 3 sd', () => {
    const rng = xoroshiro128plus(11);
    const reps = 300;
    let sup = 0;
    for (let r = 0; r < reps; r++) {
      const v = Array.from({ length: 200 }, () => Float64Array.from({ length: L }, () => (uniformFloat64(rng) < 0.9 ? 1e-5 : 1)));
      if (figure2Claims({ variances: { 'he-normal': v }, checkpoints: [40] })[0]!.verdict === 'supported') sup++;
    }
    expect(sup / reps).toBeLessThanOrEqual(0.025 + 3 * Math.sqrt((0.025 * 0.975) / reps));
  });

  it('rejects networks of different depths', () => {
    expect(() => figure2Claims({ variances: { gsm: [[1, 2, 3], [1, 2]] } })).toThrow('different numbers of layers');
  });
});
