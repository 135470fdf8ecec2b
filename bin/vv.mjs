#!/usr/bin/env node
// Thin launcher: the library and CLI are TypeScript, loaded through tsx so that
// `npx vv …` works straight after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
