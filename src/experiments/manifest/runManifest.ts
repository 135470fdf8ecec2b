import type { Shard } from '../results/parseShard.ts';
import type { TaskValue } from '../results/types.ts';

/** The manifest's file name in a run folder. */
export const MANIFEST_FILE = 'manifest.json';

/** The manifest format this code writes and reads. */
export const MANIFEST_FORMAT = 'vanishing-variance run manifest 1';

/**
 * What a run folder holds, written (atomically) before its first task runs: `vv fig1|fig2|fig3`
 * folders, each figure folder of `vv acceptance` and the acceptance folder itself, shards and
 * merges alike. `--resume`, a new run into the folder and `vv merge` compare these fields and
 * refuse any difference (see {@link manifestDifference}).
 *
 * @example
 * // vv fig1 --dataset mnist --scale smoke --shard 1/2 writes
 * // { format, figure: 'fig1-mnist', scale: 'smoke', seed: 20261124, grid: { fingerprint: 'sha256:…', tasks: 8 },
 * //   shard: { index: 1, count: 2 }, tasks: 4, version: '0.1.0', backend: 'wasm', job: { figure: 'fig1', dataset: 'mnist', scale: 'smoke' } }
 */
export interface RunManifest {
  readonly format: typeof MANIFEST_FORMAT;
  /** The figure run (e.g. 'fig1-mnist', 'fig2', 'fig3-w200'), or 'acceptance' for a `vv acceptance` folder. */
  readonly figure: string;
  readonly scale: string;
  /** The run seed (`--seed`); every task's seed derives from it. */
  readonly seed: number;
  /** The WHOLE grid (all shards): {@link gridFingerprint} of its task keys, and its size. */
  readonly grid: { readonly fingerprint: string; readonly tasks: number };
  /** This folder's slice (`--shard k/n`), or null for the whole grid. */
  readonly shard: Shard | null;
  /** Tasks in this folder's slice. */
  readonly tasks: number;
  /** The package version that wrote it. */
  readonly version: string;
  /** The TensorFlow.js backend the tasks run on (node, wasm, cpu). */
  readonly backend: string;
  /** What the folder runs, as plain JSON (a figure job; the job list of an acceptance run). Not compared: `figure`, `scale` and `grid` pin it. */
  readonly job: TaskValue;
}
