import { join } from 'node:path';
import { writeFileAtomic } from '../../report/atomicWrite.ts';
import { MANIFEST_FILE, type RunManifest } from './runManifest.ts';

/**
 * Writes `dir/manifest.json` atomically (temp file, then rename; `dir` is created if missing).
 *
 * @example writeManifest('out/shard-1', manifest) // out/shard-1/manifest.json, 2-space JSON
 */
export function writeManifest(dir: string, manifest: RunManifest): void {
  writeFileAtomic(join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
}
