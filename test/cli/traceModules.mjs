// `node --import ./test/cli/traceModules.mjs …` with VV_TRACE_MODULES=FILE: appends the URL of
// every module the process (and its worker threads) resolves to FILE, one per line — the module
// graph a command really loads (test/cli/startup.test.ts).
import { register } from 'node:module';

if (process.env.VV_TRACE_MODULES) register('./traceModulesHooks.mjs', import.meta.url, { data: { file: process.env.VV_TRACE_MODULES } });
