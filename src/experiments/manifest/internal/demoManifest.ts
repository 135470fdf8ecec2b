import { demoGrid } from '../../results/internal/demoGrid.ts';
import type { Shard } from '../../results/parseShard.ts';
import { gridFingerprint } from '../gridFingerprint.ts';
import { MANIFEST_FORMAT, type RunManifest } from '../runManifest.ts';

/** A manifest of the demo grid (60 tasks) for the manifest tests. */
export function demoManifest(over: { seed?: number; shard?: Shard | null } & Partial<Omit<RunManifest, 'seed' | 'shard'>> = {}): RunManifest {
  const grid = demoGrid();
  const shard = over.shard ?? null;
  return {
    format: MANIFEST_FORMAT,
    figure: 'demo',
    scale: 'smoke',
    seed: 7,
    grid: { fingerprint: gridFingerprint(grid), tasks: grid.length },
    tasks: shard === null ? grid.length : Math.ceil(grid.length / shard.count),
    version: '0.1.0',
    backend: 'wasm',
    job: { figure: 'demo' },
    ...over,
    shard,
  };
}
