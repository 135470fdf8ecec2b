import { readFileSync } from 'node:fs';
import { packagePath } from './packagePath.ts';

/**
 * The package's version from its package.json (recorded in run manifests and reports), found
 * through {@link packagePath} so that the sources and the compiled dist/ agree.
 *
 * @example packageVersion() // '0.1.0'
 */
export function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}
