#!/usr/bin/env node
// `npm run build` (and `npm ci`/`npm install`, through the `prepare` script): compiles src/ and
// properties/ with tsc (tsconfig.build.json) into dist/ — or `--out DIR` (relative to the package
// root; the build test uses it) — and writes the sources' digest to <out>/.stamp.json, which
// bin/vv.mjs checks before running dist/. A type error fails the build (and so `npm ci`), with
// nothing left in <out>. Without TypeScript (`npm ci --omit=dev`) it builds nothing and says so:
// bin/vv.mjs then runs the sources through tsx.
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceDigest } from './dist-stamp.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const args = process.argv.slice(2);
if (args.length !== 0 && !(args.length === 2 && args[0] === '--out' && args[1] !== '')) {
  process.stderr.write(`build-dist: error: usage: node bin/build-dist.mjs [--out DIR], got '${args.join(' ')}'\n`);
  process.exit(2);
}
const out = resolve(root, args[1] ?? 'dist');

let tsc;
try {
  tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
} catch {
  process.stderr.write('build-dist: TypeScript is not installed (dev dependencies omitted): dist/ not built; bin/vv.mjs runs the sources through tsx\n');
  process.exit(0);
}
// Taken before compiling: a source edited during the build leaves the output stale, not stamped current.
const digest = sourceDigest(root);
rmSync(out, { recursive: true, force: true });
const r = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json'), '--outDir', out], { stdio: 'inherit' });
if (r.status !== 0) {
  rmSync(out, { recursive: true, force: true });
  process.stderr.write(`build-dist: error: tsc failed (above); nothing left in ${out}\n`);
  process.exit(r.status ?? 1);
}
writeFileSync(join(out, '.stamp.json'), `${JSON.stringify({ digest, builtAt: new Date().toISOString() })}\n`);
process.stderr.write(`build-dist: compiled to ${out}\n`);
