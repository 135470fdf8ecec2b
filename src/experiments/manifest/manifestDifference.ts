import type { Shard } from '../results/parseShard.ts';
import type { RunManifest } from './runManifest.ts';

/** A field in which two manifests differ, with both values as they are printed. */
export interface ManifestDifference {
  readonly field: 'figure' | 'scale' | 'grid' | 'seed' | 'shard' | 'version' | 'backend';
  readonly a: string;
  readonly b: string;
}

/** A shard as printed: '1/2', or 'none (the whole grid)'. */
export function shardLabel(shard: Shard | null): string {
  return shard === null ? 'none (the whole grid)' : `${shard.index}/${shard.count}`;
}

const gridLabel = (m: RunManifest): string => `${m.grid.tasks} tasks (${m.grid.fingerprint.slice(0, 19)}…)`;

/**
 * The first field, in the order figure, scale, grid, seed, shard, version, backend, in which `a`
 * and `b` differ, or null when they describe the same run (`tasks` and `job` follow from figure,
 * scale, grid and shard). With `ignoreShard` (merging shards of one grid) the shard is not compared.
 *
 * @example manifestDifference({ ...m, seed: 20261124 }, { ...m, seed: 7 }) // { field: 'seed', a: '20261124', b: '7' }
 */
export function manifestDifference(a: RunManifest, b: RunManifest, options: { readonly ignoreShard?: boolean } = {}): ManifestDifference | null {
  if (a.figure !== b.figure) return { field: 'figure', a: a.figure, b: b.figure };
  if (a.scale !== b.scale) return { field: 'scale', a: a.scale, b: b.scale };
  if (a.grid.fingerprint !== b.grid.fingerprint || a.grid.tasks !== b.grid.tasks) return { field: 'grid', a: gridLabel(a), b: gridLabel(b) };
  if (a.seed !== b.seed) return { field: 'seed', a: String(a.seed), b: String(b.seed) };
  if (options.ignoreShard !== true && shardLabel(a.shard) !== shardLabel(b.shard)) return { field: 'shard', a: shardLabel(a.shard), b: shardLabel(b.shard) };
  if (a.version !== b.version) return { field: 'version', a: a.version, b: b.version };
  if (a.backend !== b.backend) return { field: 'backend', a: a.backend, b: b.backend };
  return null;
}
