// Whether dist/ (the compiled JavaScript that bin/vv.mjs runs) is current: a digest of every
// source file that `npm run build` compiles (src/ and properties/ without tests, and the
// tsconfigs) — relative path, size and modification time — written to dist/.stamp.json by
// bin/build-dist.mjs and compared at each start (a few milliseconds). Any edit, added or removed
// source file changes it; so does a checkout that touches a file without changing it (then dist/
// is rebuilt needlessly, never used stale).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const SOURCE_DIRS = ['src', 'properties'];
const SOURCE_FILES = ['tsconfig.json', 'tsconfig.build.json'];
const SOURCE = /\.(ts|mts|cts|js|mjs|cjs|json)$/;
const TEST = /\.test\.[cm]?[jt]s$/;

/** The digest (hex) of the sources under `root` (a folder path). */
export function sourceDigest(root) {
  const files = [];
  const walk = (dir) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (SOURCE.test(e.name) && !TEST.test(e.name)) files.push(path);
    }
  };
  for (const d of SOURCE_DIRS) walk(join(root, d));
  for (const f of SOURCE_FILES) files.push(join(root, f));
  const lines = files.map((path) => {
    const rel = relative(root, path).split(sep).join('/');
    try {
      const s = statSync(path);
      return `${rel}\0${s.size}\0${s.mtimeMs}`;
    } catch {
      return `${rel}\0missing`;
    }
  });
  return createHash('sha256').update(lines.sort().join('\n')).digest('hex');
}

/**
 * 'fresh' when `dist` holds a build of the current sources of `root`, 'missing' when it holds no
 * complete build, 'stale' when the sources changed since it was built.
 */
export function distState(root, dist = join(root, 'dist')) {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(join(dist, '.stamp.json'), 'utf8'));
  } catch {
    return 'missing';
  }
  return stamp.digest === sourceDigest(root) ? 'fresh' : 'stale';
}
