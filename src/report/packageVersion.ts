import { readFileSync } from 'node:fs';

/**
 * The package's version from its package.json (recorded in run manifests and reports).
 *
 * @example packageVersion() // '0.1.0'
 */
export function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}
