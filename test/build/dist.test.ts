import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distState, sourceDigest } from '../../bin/dist-stamp.mjs';

// Issue 15 §3: `vv` runs compiled JavaScript (dist/, built by `npm ci` through `prepare`). This
// builds the tree as it is into a scratch folder with the real build script (so it does not
// depend on, or disturb, the state of dist/), then checks that the compiled CLI answers exactly as
// the sources do, loads no TypeScript and no tsx — worker threads of a figure job included — and
// that the launcher's freshness stamp and fallback behave.

const root = fileURLToPath(new URL('../../', import.meta.url));
const tracer = fileURLToPath(new URL('../cli/traceModules.mjs', import.meta.url));
// Inside the package (git-ignored tmp/), so that the compiled modules resolve node_modules.
const scratch = join(root, 'tmp', `build-test-${process.pid}`);
const out = join(scratch, 'dist');

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}
const run = (args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Run => {
  const r = spawnSync(process.execPath, args, { cwd: options.cwd ?? root, encoding: 'utf8', env: { ...process.env, ...options.env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};

/** Runs the compiled CLI's `main(argv)` with the module tracer; its result and the module URLs it loaded. */
function compiled(argv: string[]): Run & { modules: string[] } {
  const trace = join(scratch, `trace-${Math.random().toString(36).slice(2)}.txt`);
  // A driver file, not `-e`: worker threads inherit the exec arguments (`--input-type` breaks them).
  const driver = join(scratch, 'driver.mjs');
  writeFileSync(driver, `const { main } = await import(${JSON.stringify(pathToFileURL(join(out, 'src/cli/main.js')).href)});\nprocess.exitCode = await main(JSON.parse(process.argv[2]));\n`);
  const r = run(['--import', tracer, driver, JSON.stringify(argv)], { env: { VV_TRACE_MODULES: trace } });
  return { ...r, modules: readFileSync(trace, 'utf8').split('\n').filter((u) => u !== '') };
}
/** The same command from the TypeScript sources (bin/vv.mjs with VV_FROM_SOURCE=1). */
const fromSource = (argv: string[]): Run => run(['bin/vv.mjs', ...argv], { env: { VV_FROM_SOURCE: '1' } });
const typeScriptOrTsx = (modules: string[]): string[] => modules.filter((u) => /\.[cm]?ts$/.test(u) || u.includes('/node_modules/tsx/'));

describe('the compiled CLI (npm run build → dist/)', () => {
  beforeAll(() => {
    mkdirSync(scratch, { recursive: true });
    const build = run(['bin/build-dist.mjs', '--out', out]);
    if (build.status !== 0) throw new Error(`build failed:\n${build.stderr}`);
  }, 600_000);

  it('the build stamps the digest of the sources it compiled: fresh for this tree', () => {
    const stamp = JSON.parse(readFileSync(join(out, '.stamp.json'), 'utf8')) as { digest: string };
    expect(stamp.digest).toBe(sourceDigest(root));
    expect(distState(root, out)).toBe('fresh');
  });

  it.each([
    [['--help']],
    [['kurtosis', '--help']],
    [['kurtosis', '--width', '10', '--depth', '3', '--json']],
    [['kurtosis', '--widths', '3,4', '--depth', '2', '--slope', '0.5']],
    [['kurtosis', '--width', 'x', '--depth', '2']],
    [['--version']],
    [[]],
  ])('vv %j: the same exit code, stdout and stderr as the sources, and no TypeScript loaded', (argv) => {
    const js = compiled(argv);
    const ts = fromSource(argv);
    expect({ status: js.status, stdout: js.stdout, stderr: js.stderr }).toEqual(ts);
    expect(js.modules.some((u) => u.endsWith('/src/cli/main.js'))).toBe(true);
    expect(typeScriptOrTsx(js.modules)).toEqual([]);
  });

  it('statements are compiled too: vv verify --statement from dist matches the verdict line of the sources', () => {
    const args = ['verify', '--statement', 'lemma-3', '--out', join(scratch, 'verify-js')];
    const js = compiled(args);
    const ts = fromSource(['verify', '--statement', 'lemma-3', '--out', join(scratch, 'verify-ts')]);
    expect(js.status, js.stderr).toBe(ts.status);
    expect(js.stdout.replaceAll('verify-js', 'verify-ts').replace(/\d+(\.\d+)? ?s\b/g, 'T')).toBe(ts.stdout.replace(/\d+(\.\d+)? ?s\b/g, 'T'));
    expect(typeScriptOrTsx(js.modules)).toEqual([]);
  });

  it('a figure job with worker threads runs from dist: workers load the compiled task handler, no tsx', () => {
    const dir = join(scratch, 'fig1');
    const js = compiled(['fig1', '--dataset', 'mnist', '--scale', 'smoke', '--shard', '1/4', '--jobs', '2', '--backend', 'wasm', '--out', dir]);
    expect(js.status, js.stderr).toBe(0);
    expect(readFileSync(join(dir, 'results.jsonl'), 'utf8').trim().split('\n')).toHaveLength(2);
    // Each of the two workers resolved the bootstrap and the compiled handler.
    expect(js.modules.filter((u) => u.endsWith('/src/experiments/pool/internal/workerEntry.mjs')).length).toBeGreaterThanOrEqual(2);
    expect(js.modules.filter((u) => u.endsWith('/src/experiments/figures/taskHandler.js')).length).toBeGreaterThanOrEqual(2);
    expect(typeScriptOrTsx(js.modules)).toEqual([]);
  });
});

describe('bin/vv.mjs: dist/ when its stamp matches the sources, else the sources with a notice', () => {
  // A package-shaped fixture: the real launcher and stamp code, stand-in mains that say which ran.
  const fixture = join(scratch, 'launcher');
  const srcMain = join(fixture, 'src/cli/main.ts');
  const launch = (env: NodeJS.ProcessEnv = {}): Run => run([join(fixture, 'bin/vv.mjs'), 'a', 'b'], { cwd: fixture, env: { VV_FROM_SOURCE: '', ...env } });
  const stamp = (): void => writeFileSync(join(fixture, 'dist/.stamp.json'), JSON.stringify({ digest: sourceDigest(fixture) }));

  beforeAll(() => {
    mkdirSync(join(fixture, 'bin'), { recursive: true });
    for (const f of ['bin/vv.mjs', 'bin/dist-stamp.mjs']) cpSync(join(root, f), join(fixture, f));
    mkdirSync(join(fixture, 'src/cli'), { recursive: true });
    mkdirSync(join(fixture, 'dist/src/cli'), { recursive: true });
    // Type annotations: only runs through tsx.
    writeFileSync(srcMain, "export async function main(argv: string[]): Promise<number> {\n  process.stdout.write(`source ${argv.join(' ')}\\n`);\n  return 3;\n}\n");
    writeFileSync(join(fixture, 'src/cli/main.test.ts'), '// a test file: not compiled, not in the digest\n');
    writeFileSync(join(fixture, 'dist/src/cli/main.js'), "export async function main(argv) {\n  process.stdout.write(`dist ${argv.join(' ')}\\n`);\n  return 4;\n}\n");
    for (const f of ['tsconfig.json', 'tsconfig.build.json']) writeFileSync(join(fixture, f), '{}\n');
  });

  it('no stamp: one notice line, the sources run (their exit code)', () => {
    rmSync(join(fixture, 'dist/.stamp.json'), { force: true });
    expect(distState(fixture)).toBe('missing');
    const r = launch();
    expect(r).toEqual({ status: 3, stdout: 'source a b\n', stderr: expect.stringMatching(/^vv: note: dist\/ is not built; running the TypeScript sources through tsx .*npm run build.*\n$/) });
  });

  it('a current stamp: dist runs, nothing on stderr; VV_FROM_SOURCE=1 runs the sources silently', () => {
    stamp();
    expect(launch()).toEqual({ status: 4, stdout: 'dist a b\n', stderr: '' });
    expect(launch({ VV_FROM_SOURCE: '1' })).toEqual({ status: 3, stdout: 'source a b\n', stderr: '' });
  });

  it('a source edited, added or removed after the build makes it stale (notice, sources); a test file does not', () => {
    stamp();
    const t = new Date(Date.now() + 5000);
    utimesSync(join(fixture, 'src/cli/main.test.ts'), t, t);
    expect(distState(fixture)).toBe('fresh');
    utimesSync(srcMain, t, t);
    expect(distState(fixture)).toBe('stale');
    const r = launch();
    expect([r.status, r.stdout]).toEqual([3, 'source a b\n']);
    expect(r.stderr).toMatch(/^vv: note: dist\/ is older than the sources; .*\n$/);
    stamp();
    writeFileSync(join(fixture, 'src/cli/extra.ts'), 'export const x = 1;\n');
    expect(distState(fixture)).toBe('stale');
    stamp();
    rmSync(join(fixture, 'src/cli/extra.ts'));
    expect(distState(fixture)).toBe('stale');
    stamp();
    writeFileSync(join(fixture, 'tsconfig.build.json'), '{ "compilerOptions": {} }\n');
    expect(distState(fixture)).toBe('stale');
  });
});
