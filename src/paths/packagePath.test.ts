import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { packagePath } from './packagePath.ts';

// From dist/src/paths/ (one level deeper) the same answer is checked by test/build/dist.test.ts
// (`vv --version` and `vv verify`'s default expectations file from the compiled CLI).
describe('packagePath', () => {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  it('resolves against the folder whose package.json is named vanishing-variance', () => {
    expect(join(packagePath(), '/')).toBe(root);
    expect((JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { name: string }).name).toBe('vanishing-variance');
    expect(packagePath('fixtures/expectations.json')).toBe(join(root, 'fixtures', 'expectations.json'));
    expect(packagePath('../shared/x')).toBe(join(root, '..', 'shared', 'x'));
  });
});
