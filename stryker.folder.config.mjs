// @ts-check
/**
 * The per-folder Stryker runs (README, "Mutation testing beyond src/theory/"): one configuration,
 * everything derived from the folder named in VV_MUTATION_FOLDER, e.g.
 *   VV_MUTATION_FOLDER=src/network/init npx stryker run stryker.folder.config.mjs
 * mutates src/network/init/**\/*.ts (not its tests, index.ts or types.ts), runs only that folder's
 * own unit tests (vitest.mutation.config.ts reads VV_MUTATION_TESTS, which the runner processes
 * inherit), and writes reports/mutation/init.json (the folder's last path segment).
 */
const folder = process.env.VV_MUTATION_FOLDER?.replace(/\/+$/, '');
if (!folder) throw new Error('stryker.folder.config.mjs: set VV_MUTATION_FOLDER to a folder under src/, e.g. src/network/init');
const name = folder.split('/').pop();
process.env.VV_MUTATION_TESTS ??= `${folder}/**/*.test.ts`;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  mutate: [`${folder}/**/*.ts`, '!src/**/*.test.ts', `!${folder}/index.ts`, `!${folder}/types.ts`],
  coverageAnalysis: 'perTest',
  concurrency: 1,
  reporters: ['clear-text', 'json', 'progress'],
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  tempDirName: `.stryker-tmp-${name}`,
  timeoutMS: 5000,
  ignoreStatic: true,
  ignorePatterns: ['.stryker-tmp*', 'tmp-prof', 'reports', 'dist'],
};
