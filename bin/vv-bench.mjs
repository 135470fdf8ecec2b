#!/usr/bin/env node
// `npm run bench`: thin launcher of src/bench/main.ts through tsx, as bin/vv.mjs.
import { register } from 'tsx/esm/api';

register();
const { benchMain } = await import('../src/bench/main.ts');
process.exitCode = await benchMain(process.argv.slice(2));
