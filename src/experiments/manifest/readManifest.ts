import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MANIFEST_FILE, MANIFEST_FORMAT, type RunManifest } from './runManifest.ts';

/** Why `v` is not a run manifest, or null when it is one. */
function problem(v: unknown): string | null {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return 'not a JSON object';
  const m = v as Record<string, unknown>;
  if (m.format !== MANIFEST_FORMAT) return `format is ${JSON.stringify(m.format)}, not '${MANIFEST_FORMAT}'`;
  for (const field of ['figure', 'scale', 'version', 'backend'] as const) if (typeof m[field] !== 'string') return `field ${field} is not a string`;
  if (!Number.isSafeInteger(m.seed)) return 'field seed is not an integer';
  if (!Number.isSafeInteger(m.tasks)) return 'field tasks is not an integer';
  const grid = m.grid as Record<string, unknown> | null;
  if (grid === null || typeof grid !== 'object' || typeof grid.fingerprint !== 'string' || !Number.isSafeInteger(grid.tasks)) return 'field grid is not { fingerprint, tasks }';
  const shard = m.shard as Record<string, unknown> | null;
  if (shard !== null && (typeof shard !== 'object' || !Number.isSafeInteger(shard.index) || !Number.isSafeInteger(shard.count))) return 'field shard is neither null nor { index, count }';
  if (!('job' in m)) return 'field job is missing';
  return null;
}

/**
 * The manifest of the run folder `dir`, or null when it has none (an empty folder, or one written
 * before manifests existed).
 *
 * @example readManifest('reports/fig1-mnist-smoke')?.seed // 20261124
 * @throws Error naming the file when it exists but is not a valid manifest.
 */
export function readManifest(dir: string): RunManifest | null {
  const path = join(dir, MANIFEST_FILE);
  if (!existsSync(path)) return null;
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new Error(`${path} is not valid JSON (a damaged run manifest); restore it or choose another folder`);
  }
  const why = problem(value);
  if (why !== null) throw new Error(`${path} is not a run manifest: ${why}`);
  return value as RunManifest;
}
