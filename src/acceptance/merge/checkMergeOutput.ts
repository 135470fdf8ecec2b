import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { MANIFEST_FILE } from '../../experiments/manifest/runManifest.ts';
import type { MergePlan } from './planMerge.ts';

/** Files in `dir` that show it holds a run (any of them makes --out "in use"). */
const RUN_FILES = [MANIFEST_FILE, 'results.jsonl', 'summary.json', 'acceptance.json'];

/**
 * Refuses an output folder that is one of the inputs, or that already holds a run (without `force`).
 *
 * @example checkMergeOutput(plan, '/runs/merged', false) // throws '--out /runs/merged already holds a run (manifest.json); choose another --out or pass --force'
 */
export function checkMergeOutput(plan: MergePlan, out: string, force: boolean): void {
  const all = plan.figures.flatMap((f) => f.shards ?? []).concat(plan.shards);
  const clash = all.find((s) => resolve(s.dir) === resolve(out) || resolve(out).startsWith(`${resolve(s.dir)}/`));
  if (clash !== undefined) throw new Error(`merge: --out ${out} is inside the input ${clash.label}; choose another --out`);
  if (force || !existsSync(out)) return;
  const dirs = plan.kind === 'figure' ? [out] : [out, ...plan.figures.map((f) => join(out, f.name))];
  for (const d of dirs) {
    const used = RUN_FILES.find((f) => existsSync(join(d, f)));
    if (used !== undefined) throw new Error(`merge: --out ${out} already holds a run (${d === out ? used : join(basename(d), used)}); choose another --out or pass --force`);
  }
}

