import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runMain } from './helpers.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('vv kurtosis', () => {
  it('--json: layer 1 for width 2, slope 0, κ_w 3, κ_0 3, c_0 0 is κ = 10.5, c = 2.5 exactly', async () => {
    const { code, stdout, stderr } = await runMain(['kurtosis', '--width', '2', '--depth', '2', '--json']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const doc = JSON.parse(stdout) as { layers: Record<string, unknown>[] };
    expect(Object.keys(doc)).toEqual(['layers', 'overflow']);
    expect(doc.layers).toHaveLength(3);
    for (const [i, layer] of doc.layers.entries()) {
      expect(Object.keys(layer)).toEqual(['layer', 'kappa', 'c', 'spectralRadius', 'probVarianceBelow1e-3']);
      expect(layer.layer).toBe(i);
    }
    expect(doc.layers[0]).toMatchObject({ kappa: 3, c: 0 });
    expect(doc.layers[1]).toMatchObject({ layer: 1, kappa: 10.5, c: 2.5, spectralRadius: 3.5 });
    const p = doc.layers[1]!['probVarianceBelow1e-3'] as number;
    expect(p).toBeGreaterThanOrEqual(0);
    expect(p).toBeLessThan(1);
    // Constant --width: the last layer's spectral radius is that of a further width-2 layer.
    expect(doc.layers[2]!.spectralRadius).toBe(3.5);
  });

  it('--widths with exactly depth entries reports null for the last layer; depth+1 entries a number', async () => {
    const short = JSON.parse((await runMain(['kurtosis', '--widths', '2,4', '--depth', '2', '--json'])).stdout);
    expect(short.layers[2].spectralRadius).toBeNull();
    expect(short.layers[1].spectralRadius).toBeTypeOf('number');
    const long = JSON.parse((await runMain(['kurtosis', '--widths', '2,4,8', '--depth', '2', '--json'])).stdout);
    expect(long.layers[2].spectralRadius).toBeTypeOf('number');
    expect(long.layers[1]).toEqual(short.layers[1]);
  });

  it('depth 0 gives the input layer only; negative slopes are accepted', async () => {
    const { code, stdout } = await runMain(['kurtosis', '--width', '3', '--depth', '0', '--slope', '-0.5', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).layers).toHaveLength(1);
  });

  it('prints an aligned text table by default', async () => {
    const { code, stdout } = await runMain(['kurtosis', '--width', '2', '--depth', '3']);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    const table = lines.slice(lines.findIndex((l) => l.includes('kappa')));
    expect(table).toHaveLength(5);
    expect(new Set(table.map((l) => l.length)).size).toBe(1);
    expect(table[2]).toMatch(/^\s*1\s+2\s+10\.5\s+2\.5\s+3\.5\s/);
  });

  it('the launcher bin/vv.mjs works (spawned)', () => {
    const out = execFileSync(process.execPath, ['bin/vv.mjs', 'kurtosis', '--width', '10', '--depth', '3', '--json'], {
      cwd: root,
      encoding: 'utf8',
    });
    const doc = JSON.parse(out);
    expect(doc.layers).toHaveLength(4);
    expect(doc.layers[0]).toMatchObject({ layer: 0, kappa: 3, c: 0 });
  });
});
