import { describe, expect, it } from 'vitest';
import { TEST_MUTANTS, testMutant } from './testMutant.ts';

describe('testMutant (test-only injection point)', () => {
  it('is off unless VV_TEST_MUTANT names the mutant (comma-separated list)', () => {
    for (const m of TEST_MUTANTS) {
      expect(testMutant(m, {})).toBe(false);
      expect(testMutant(m, { VV_TEST_MUTANT: '' })).toBe(false);
      expect(testMutant(m, { VV_TEST_MUTANT: 'something-else' })).toBe(false);
      expect(testMutant(m, { VV_TEST_MUTANT: m })).toBe(true);
      expect(testMutant(m, { VV_TEST_MUTANT: `other, ${m}` })).toBe(true);
    }
  });
});
