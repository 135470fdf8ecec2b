import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { shardTasks } from '../results/shardTasks.ts';
import { taskKey } from '../results/taskKey.ts';
import type { Task } from '../results/types.ts';
import { checkRecords } from './checkRecords.ts';
import { manifestDifference, shardLabel } from './manifestDifference.ts';
import type { RunManifest } from './runManifest.ts';

/** One input of a merge: a run folder and its manifest. */
export interface ShardInput {
  /** The folder as the user named it (for messages). */
  readonly label: string;
  readonly dir: string;
  readonly manifest: RunManifest;
}

/** Options of {@link checkShardCover}. */
export interface CheckShardCoverOptions {
  readonly inputs: readonly ShardInput[];
  /** The whole grid the manifests' fingerprint stands for; omit to check the manifests only (a folder of folders, as `vv acceptance`). */
  readonly grid?: readonly Task[];
  /** Message prefix (default 'merge'). */
  readonly context?: string;
}

/** A checked cover: the inputs in shard order, and (with `grid`) the tasks each recorded. */
export interface ShardCover {
  /** Inputs sorted by shard index (an unsharded run counts as 1/1). */
  readonly inputs: readonly (ShardInput & { readonly index: number; readonly count: number })[];
  readonly count: number;
}

/**
 * Checks, before a merge writes anything, that the inputs are exactly the shards 1..n of one run:
 * equal figure, scale, grid fingerprint, seed, version and backend; the same n; each index once;
 * and (given `grid`) every shard complete — each record of its own slice and drawn with the
 * run's seed, every task of the slice recorded exactly once — so that together they hold every
 * task of the grid exactly once. An unsharded run is the cover 1/1.
 *
 * @example checkShardCover({ inputs: [s1, s2], grid }).count // 2
 * @throws Error, one line: `merge: seed differs: s2 has 7, s1 has 20261124`, `merge: shard 2/3 is missing`,
 *   `merge: shard 1/2 is given twice (a, b)`, `merge: shard 2/2 (s2) is incomplete: 1 of its 4 tasks has no record (first: …)`.
 */
export function checkShardCover(options: CheckShardCoverOptions): ShardCover {
  const context = options.context ?? 'merge';
  const { inputs } = options;
  if (inputs.length === 0) throw new Error(`${context}: no run folders given`);
  const reference = inputs[0]!;
  for (const input of inputs.slice(1)) {
    const diff = manifestDifference(input.manifest, reference.manifest, { ignoreShard: true });
    if (diff !== null) throw new Error(`${context}: ${diff.field} differs: ${input.label} has ${diff.a}, ${reference.label} has ${diff.b}`);
  }
  const withIndex = inputs.map((i) => ({ ...i, index: i.manifest.shard?.index ?? 1, count: i.manifest.shard?.count ?? 1 }));
  const count = withIndex[0]!.count;
  const odd = withIndex.find((i) => i.count !== count);
  if (odd !== undefined) throw new Error(`${context}: shard count differs: ${odd.label} has ${shardLabel(odd.manifest.shard)}, ${reference.label} has ${shardLabel(reference.manifest.shard)}`);
  const byIndex = new Map<number, string>();
  for (const i of withIndex) {
    const seen = byIndex.get(i.index);
    if (seen !== undefined) throw new Error(`${context}: shard ${i.index}/${count} is given twice (${seen}, ${i.label})`);
    byIndex.set(i.index, i.label);
  }
  const missing = Array.from({ length: count }, (_, k) => k + 1).filter((k) => !byIndex.has(k));
  if (missing.length > 0)
    throw new Error(`${context}: ${missing.length === 1 ? 'shard' : 'shards'} ${missing.map((k) => `${k}/${count}`).join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing (given: ${withIndex.map((i) => `${i.index}/${count}`).sort().join(', ')}); run ${missing.length === 1 ? 'it' : 'them'} with the same --seed and --scale, then merge all ${count}`);
  const sorted = [...withIndex].sort((a, b) => a.index - b.index);
  if (options.grid !== undefined) {
    for (const input of sorted) {
      const slice = count === 1 ? [...options.grid] : shardTasks({ tasks: options.grid, shard: { index: input.index, count } });
      const keys = new Set(slice.map(taskKey));
      const path = join(input.dir, 'results.jsonl');
      const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
      const name = `shard ${input.index}/${count}`;
      const checked = checkRecords({ text, path, seed: reference.manifest.seed, keys, sliceName: `${name} of the grid`, context });
      const absent = [...keys].filter((k) => !checked.keys.has(k)).sort();
      if (absent.length > 0)
        throw new Error(
          `${context}: ${name} (${input.label}) is incomplete: ${absent.length} of its ${keys.size} tasks ${absent.length === 1 ? 'has' : 'have'} no record (first: ${absent[0]})${checked.torn === null ? '' : `; its last line is torn (${checked.torn})`}; finish it with --resume`,
        );
    }
  }
  return { inputs: sorted, count };
}
