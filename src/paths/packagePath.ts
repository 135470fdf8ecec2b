import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_NAME = 'vanishing-variance';

function findRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === PACKAGE_NAME) return dir;
      } catch {
        // an unreadable package.json is not ours: keep looking
      }
    }
    if (dirname(dir) === dir) throw new Error(`packagePath: no package.json named '${PACKAGE_NAME}' above ${start}`);
  }
}

let root: string | undefined;

/**
 * The absolute path of `relative` under the package root: the nearest folder above this module
 * whose package.json is named "vanishing-variance". The same from the TypeScript sources
 * (src/paths/) and from the compiled JavaScript (dist/src/paths/, one level deeper), which is why
 * files outside the module graph (fixtures, package.json, bench scripts) are found through it
 * rather than through a fixed `new URL('../../…', import.meta.url)`.
 *
 * @example packagePath('fixtures/expectations.json') // '/work/main/fixtures/expectations.json'
 */
export function packagePath(relative = ''): string {
  root ??= findRoot(dirname(fileURLToPath(import.meta.url)));
  return join(root, relative);
}
