/**
 * Injection points for the suite's mutation tests (issue 14 §4) — FOR TESTS ONLY. A mutant is a
 * deliberate 1% error planted in production code, switched on by the environment variable
 * `VV_TEST_MUTANT` (a comma-separated list of the names below); the mutation tests set it and
 * check that `vv verify` then exits 1. Unset (always, outside those tests), nothing changes.
 *
 * - `he-variance-a2-plus-1.01`: heInit's variance 2/(fan_in(a² + 1.01)) instead of 2/(fan_in(a² + 1)).
 * - `kappa-estimator-bias-1pct`: the moment accumulator's κ̂ = 1.01·m₄/m₂² instead of m₄/m₂².
 *
 * A mutant that is switched on says so once on stderr, so that a report made with one is never
 * mistaken for a real one.
 */
export const TEST_MUTANTS = ['he-variance-a2-plus-1.01', 'kappa-estimator-bias-1pct'] as const;
export type TestMutant = (typeof TEST_MUTANTS)[number];

const announced = new Set<string>();

/**
 * Whether the named test mutant is switched on in `env` (default `process.env`).
 *
 * @example testMutant('kappa-estimator-bias-1pct') // false unless VV_TEST_MUTANT names it
 */
export function testMutant(name: TestMutant, env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  const on = (env.VV_TEST_MUTANT ?? '').split(',').map((s) => s.trim()).includes(name);
  if (on && !announced.has(name)) {
    announced.add(name);
    process.stderr.write(`vv: warning: test mutant '${name}' is switched on (VV_TEST_MUTANT) — results are deliberately wrong\n`);
  }
  return on;
}
