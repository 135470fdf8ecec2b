import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupTempDirs, fakeStatements, listFiles, runMain, tempDir } from './helpers.ts';

afterAll(cleanupTempDirs);

const VV = fileURLToPath(new URL('../../bin/vv.mjs', import.meta.url));
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Exit 2, nothing on stdout, one `vv: error:` line naming the argument. */
function expectOneLine(r: { code: number | null; stdout: string; stderr: string }, pattern: RegExp) {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trimEnd().split('\n').filter((l) => !/^(backend|blas): /.test(l));
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^vv: error: /);
  expect(lines[0]).toMatch(pattern);
}

// A path under /proc cannot be created: mkdir answers ENOENT although /proc exists, and Node's
// recursive mkdir retries that forever at 100% CPU (a synchronous loop no in-process timeout can
// stop), so these run as child processes with a kill timeout.
describe.skipIf(!existsSync('/proc/self'))('an --out/--dest under /proc fails at once (exit 2, one line)', () => {
  const cwd = tempDir();
  const run = (argv: string[]) => {
    const r = spawnSync(process.execPath, [VV, ...argv], { cwd, encoding: 'utf8', timeout: 90_000, env: { ...process.env, VV_BACKEND: 'cpu' } });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr, signal: r.signal };
  };
  it.each([
    ['verify', ['verify', '--statement', 'lemma-3', '--out', '/proc/vv-out/x'], /--out/],
    ['fig1', ['fig1', '--dataset', 'mnist', '--scale', 'smoke', '--jobs', '1', '--out', '/proc/vv-out/x'], /--out/],
    ['acceptance', ['acceptance', '--scale', 'smoke', '--jobs', '1', '--out', '/proc/vv-out/x'], /--out/],
    ['merge', ['merge', cwd, '--out', '/proc/vv-out/x'], /--out/],
    ['data fetch', ['data', 'fetch', 'cifar10', '--dest', '/proc/vv-out/x', '--url', 'http://127.0.0.1:9/none.tar.gz'], /--dest/],
  ])('%s', (_name, argv, pattern) => {
    const r = run(argv);
    expect(r.signal, 'killed by the timeout: the command hung').toBeNull();
    expectOneLine(r, pattern);
  }, 120_000);
});

describe('--out is validated before any work: one line naming it, exit 2, nothing written', () => {
  const expectationsDir = tempDir('vv-exp-');
  const expectationsPath = join(expectationsDir, 'expectations.json');
  writeFileSync(expectationsPath, '{}\n');
  const bad = (cwd: string): [string, string, RegExp][] => {
    writeFileSync(join(cwd, 'file'), 'x');
    return [
      ['a path under a file', join(cwd, 'file', 'sub'), /--out: '.*file\/sub' is under '.*file', a file, not a folder/],
      ['a file where a folder is expected', join(cwd, 'file'), /--out: .*file.* is a file, not a folder/],
      ['a path under /dev/null', '/dev/null/x', /--out: .*\/dev\/null.* is .*not a folder/],
    ];
  };

  it('verify (no check runs: nothing but the error on stderr)', async () => {
    for (const [what, out, pattern] of bad(tempDir())) {
      const cwd = tempDir();
      const r = await runMain(['verify', '--out', out], { cwd, statements: fakeStatements(), expectationsPath });
      expectOneLine(r, pattern);
      expect(listFiles(cwd), what).toEqual([]);
    }
  });

  it.each([
    ['fig1', ['fig1', '--dataset', 'mnist', '--scale', 'smoke']],
    ['fig3', ['fig3', '--width', '10', '--scale', 'smoke']],
    ['acceptance', ['acceptance', '--scale', 'smoke']],
  ])('%s (before the data are loaded)', async (_name, argv) => {
    for (const [, out, pattern] of bad(tempDir())) {
      const r = await runMain([...argv, '--out', out, '--jobs', '1', '--data-dir', '/nonexistent/data'], { cwd: tempDir() });
      expectOneLine(r, pattern);
    }
  });

  it('merge', async () => {
    for (const [, out, pattern] of bad(tempDir())) {
      const r = await runMain(['merge', tempDir(), '--out', out], { cwd: tempDir() });
      expectOneLine(r, pattern);
    }
  });

  it('data fetch --dest (no download is attempted)', async () => {
    const d = tempDir();
    writeFileSync(join(d, 'file'), 'x');
    for (const dest of [join(d, 'file', 'sub'), join(d, 'file'), '/dev/null/x']) {
      const r = await runMain(['data', 'fetch', 'cifar10', '--dest', dest, '--url', 'http://127.0.0.1:9/none.tar.gz'], { cwd: tempDir() });
      expectOneLine(r, /--dest: .* is .*(a file|not a folder)/);
    }
  });

  it('verify --write-expectations into a path under a file: one line naming --expectations, nothing run', async () => {
    const d = tempDir();
    writeFileSync(join(d, 'file'), 'x');
    const r = await runMain(['verify', '--write-expectations', '--expectations', join(d, 'file', 'e.json'), '--out', join(d, 'out')], { cwd: d, statements: fakeStatements() });
    expectOneLine(r, /--expectations: '.*file' is (a file|under)/);
    expect(listFiles(d)).toEqual(['file']);
  });

  it.skipIf(isRoot)('an unwritable folder (skipped as root, who may write anywhere)', async () => {
    const ro = join(tempDir(), 'ro');
    mkdirSync(ro);
    chmodSync(ro, 0o555);
    const r = await runMain(['verify', '--out', join(ro, 'out')], { cwd: tempDir(), statements: fakeStatements(), expectationsPath });
    expectOneLine(r, /--out: .*ro.* is not writable/);
    chmodSync(ro, 0o755);
  });
});
