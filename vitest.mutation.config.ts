import { defineConfig } from 'vitest/config';

/**
 * The vitest configuration of the per-folder Stryker runs (README, "Mutation testing"):
 * only the test files named in VV_MUTATION_TESTS (comma-separated globs), e.g. a folder's own unit
 * tests, so that each mutant reruns seconds of tests instead of the whole suite.
 */
export default defineConfig({
  test: {
    include: (process.env.VV_MUTATION_TESTS ?? 'src/**/*.test.ts').split(',').map((s) => s.trim()),
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
