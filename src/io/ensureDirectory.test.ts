import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkOutputDirectory } from './checkOutputDirectory.ts';
import { ensureDirectory } from './ensureDirectory.ts';
import { PathError } from './PathError.ts';

const root = mkdtempSync(join(tmpdir(), 'vv-io-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('ensureDirectory', () => {
  it('creates the missing folders one level at a time and returns them, outermost first', () => {
    const target = join(root, 'a', 'b', 'c');
    expect(ensureDirectory(target)).toEqual([join(root, 'a'), join(root, 'a', 'b'), target]);
    expect(statSync(target).isDirectory()).toBe(true);
    expect(ensureDirectory(target)).toEqual([]);
  });

  it('a file in the way, or a path under a file: PathError naming the label and the file', () => {
    const file = join(root, 'f');
    writeFileSync(file, 'x');
    expect(() => ensureDirectory(file, '--out')).toThrow(new PathError(`--out: '${file}' is a file, not a folder`));
    expect(() => ensureDirectory(join(file, 'x', 'y'), '--out')).toThrow(new PathError(`--out: '${join(file, 'x', 'y')}' is under '${file}', a file, not a folder`));
  });

  it.skipIf(!existsSync('/proc/self'))('a folder under /proc fails at once (Node’s recursive mkdir loops forever there)', () => {
    expect(() => ensureDirectory('/proc/vv-x/y', '--out')).toThrow(/^--out: (cannot create '\/proc\/vv-x' \(ENOENT\)|'\/proc' is not writable)/);
  });
});

describe('checkOutputDirectory', () => {
  it('leaves no folder behind, keeps an existing one, and throws what ensureDirectory throws', () => {
    checkOutputDirectory(join(root, 'p', 'q'), '--out');
    expect(existsSync(join(root, 'p'))).toBe(false);
    checkOutputDirectory(root, '--out');
    expect(existsSync(root)).toBe(true);
    expect(() => checkOutputDirectory('/dev/null/x', '--dest')).toThrow(/^--dest: '\/dev\/null\/x' is under '\/dev\/null', a file, not a folder$/);
  });
});
