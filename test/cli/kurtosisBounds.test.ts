import { describe, expect, it } from 'vitest';
import { runMain } from './helpers.ts';

const K = ['kurtosis', '--width', '2', '--depth', '3'];

describe('vv kurtosis: impossible inputs are rejected (c_0 ∈ [max(−σ⁴, −(κ_0−1)σ⁴), (κ_0−1)σ⁴])', () => {
  // E[x_i² x_j²] ≥ 0 gives c_0 ≥ −σ⁴; Cauchy–Schwarz with Var[x²] = (κ_0 − 1)σ⁴ gives |c_0| ≤ (κ_0 − 1)σ⁴.
  it.each([
    ['below −σ⁴', ['--input-cov', '-5'], /--input-cov must be in \[-1, 2\] .*got -5/],
    ['above (κ_0 − 1)σ⁴', ['--input-cov', '2.5'], /--input-cov must be in \[-1, 2\] .*got 2\.5/],
    ['scaled by σ⁴ = 4', ['--variance', '2', '--input-cov', '8.5'], /--input-cov must be in \[-4, 8\] .*got 8\.5/],
    ['κ_0 = 1.5: |c_0| ≤ σ⁴/2', ['--input-kurtosis', '1.5', '--input-cov', '-0.75'], /--input-cov must be in \[-0\.5, 0\.5\] .*got -0\.75/],
  ])('%s: exit 2, one line', async (_name, extra, pattern) => {
    const r = await runMain([...K, ...extra]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(pattern);
  });

  it('the bounds themselves are admissible, and no kurtosis printed is negative', async () => {
    for (const c0 of ['-1', '2']) {
      const r = await runMain([...K, '--input-cov', c0, '--json']);
      expect(r.code, r.stderr).toBe(0);
      const layers = (JSON.parse(r.stdout) as { layers: { kappa: number }[] }).layers;
      for (const l of layers) expect(l.kappa).toBeGreaterThanOrEqual(1);
    }
  });
});

describe('vv kurtosis: a depth whose kappa overflows a double', () => {
  const deep = ['kurtosis', '--width', '2', '--depth', '700'];
  it('text: no Infinity or NaN; one clear line says from which layer the values exceed a double', async () => {
    const r = await runMain(deep);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/Infinity|NaN/);
    expect(r.stdout).toMatch(/^kappa or c exceeds the largest double \(1\.8e\+308\) from layer (\d+) on: layers \1–700 are not shown$/m);
    const last = Number(/from layer (\d+) on/.exec(r.stdout)![1]);
    expect(last).toBeGreaterThan(500);
    // Every layer before it is printed.
    expect(r.stdout).toMatch(new RegExp(`^\\s+${last - 1}\\s+2\\s`, 'm'));
  });

  it('--json: finite numbers only, and an overflow entry naming the layer', async () => {
    const r = await runMain([...deep, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { layers: { layer: number; kappa: number; c: number }[]; overflow: { fromLayer: number } | null };
    expect(doc.overflow).not.toBeNull();
    expect(doc.layers).toHaveLength(doc.overflow!.fromLayer);
    for (const l of doc.layers) expect(Number.isFinite(l.kappa) && Number.isFinite(l.c)).toBe(true);
    const shallow = JSON.parse((await runMain([...K, '--json'])).stdout) as { overflow: unknown };
    expect(shallow.overflow).toBeNull();
  });
});
