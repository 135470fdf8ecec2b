#!/usr/bin/env node
// `npm run replot -- SUMMARY.json…`: thin launcher of src/acceptance/replotReports.ts through tsx, as bin/vv.mjs.
import { register } from 'tsx/esm/api';

register();
const { replotReports } = await import('../src/acceptance/replotReports.ts');
process.exitCode = await replotReports(process.argv.slice(2));
