import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoGrid } from '../results/internal/demoGrid.ts';
import { gridFingerprint } from './gridFingerprint.ts';
import { demoManifest } from './internal/demoManifest.ts';
import { manifestDifference, type ManifestDifference } from './manifestDifference.ts';
import { readManifest } from './readManifest.ts';
import { writeManifest } from './writeManifest.ts';

describe('gridFingerprint', () => {
  it('depends on the set of tasks only, and on every task', () => {
    const grid = demoGrid();
    const f = gridFingerprint(grid);
    expect(f).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(gridFingerprint([...grid].reverse())).toBe(f);
    expect(gridFingerprint(grid.map((t) => Object.fromEntries(Object.entries(t).reverse())))).toBe(f); // field order
    expect(gridFingerprint(grid.slice(1))).not.toBe(f);
    expect(gridFingerprint(grid.map((t, i) => (i === 59 ? { ...t, rep: 99 } : t)))).not.toBe(f);
    expect(() => gridFingerprint([grid[0]!, grid[0]!])).toThrow(/twice/);
  });
});

describe('manifestDifference', () => {
  it('names the first differing field with both values, for every field', () => {
    const m = demoManifest();
    const seen = new Set<ManifestDifference['field']>();
    const cases: [Partial<Parameters<typeof demoManifest>[0]>, ManifestDifference][] = [
      [{ figure: 'other' }, { field: 'figure', a: 'demo', b: 'other' }],
      [{ scale: 'reduced' }, { field: 'scale', a: 'smoke', b: 'reduced' }],
      [{ seed: 20261124 }, { field: 'seed', a: '7', b: '20261124' }],
      [{ shard: { index: 1, count: 2 } }, { field: 'shard', a: 'none (the whole grid)', b: '1/2' }],
      [{ version: '0.2.0' }, { field: 'version', a: '0.1.0', b: '0.2.0' }],
      [{ backend: 'cpu' }, { field: 'backend', a: 'wasm', b: 'cpu' }],
    ];
    for (const [over, diff] of cases) {
      expect(manifestDifference(m, demoManifest(over))).toEqual(diff);
      seen.add(diff.field);
    }
    const grid = manifestDifference(m, { ...m, grid: { fingerprint: gridFingerprint(demoGrid().slice(1)), tasks: 59 } });
    expect(grid).toMatchObject({ field: 'grid', a: expect.stringMatching(/^60 tasks \(sha256:/), b: expect.stringMatching(/^59 tasks \(sha256:/) });
    seen.add(grid!.field);
    expect(seen.size).toBe(7); // every compared field is reached
    expect(manifestDifference(m, demoManifest())).toBeNull();
    expect(manifestDifference(m, demoManifest({ shard: { index: 1, count: 2 } }), { ignoreShard: true })).toBeNull();
    // figure before scale before seed: the most telling difference is named
    expect(manifestDifference(m, demoManifest({ scale: 'paper', seed: 1 }))?.field).toBe('scale');
  });
});

describe('writeManifest + readManifest', () => {
  it('round-trips, returns null without a manifest and names a damaged one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vv-manifest-'));
    try {
      expect(readManifest(dir)).toBeNull();
      writeManifest(join(dir, 'run'), demoManifest({ shard: { index: 2, count: 3 } }));
      expect(readManifest(join(dir, 'run'))).toEqual(demoManifest({ shard: { index: 2, count: 3 } }));
      writeFileSync(join(dir, 'run', 'manifest.json'), '{"format":');
      expect(() => readManifest(join(dir, 'run'))).toThrow(/run\/manifest\.json is not valid JSON/);
      writeFileSync(join(dir, 'run', 'manifest.json'), JSON.stringify({ ...demoManifest(), seed: 'x' }));
      expect(() => readManifest(join(dir, 'run'))).toThrow(/not a run manifest: field seed is not an integer/);
      writeFileSync(join(dir, 'run', 'manifest.json'), JSON.stringify({ ...demoManifest(), format: 'v0' }));
      expect(() => readManifest(join(dir, 'run'))).toThrow(/format is "v0"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
