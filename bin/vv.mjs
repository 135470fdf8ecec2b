#!/usr/bin/env node
// Launcher: runs the compiled JavaScript in dist/ (built by `npm ci` through the `prepare` script,
// or by `npm run build`), which starts in a fraction of a second. When dist/ is missing or older
// than the sources (bin/dist-stamp.mjs), it says so in one line on stderr and runs the TypeScript
// sources through tsx instead (seconds to start); VV_FROM_SOURCE=1 chooses the sources silently.
import { fileURLToPath } from 'node:url';
import { distState } from './dist-stamp.mjs';

const fromSource = process.env.VV_FROM_SOURCE === '1';
const state = fromSource ? 'skipped' : distState(fileURLToPath(new URL('../', import.meta.url)));
let main;
if (state === 'fresh') {
  ({ main } = await import('../dist/src/cli/main.js'));
} else {
  if (!fromSource) process.stderr.write(`vv: note: dist/ is ${state === 'missing' ? 'not built' : 'older than the sources'}; running the TypeScript sources through tsx (slow start; 'npm run build' compiles dist/)\n`);
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
