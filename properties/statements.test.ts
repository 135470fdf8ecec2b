/**
 * Every statement's checks against `fixtures/expectations.json`: a derivation that regresses
 * (a verified step now refuted) or a refuted claim that suddenly passes fails the suite.
 * Seed: VV_SEED or the fixed default; a failure prints the seed, the fast-check path and the
 * counterexample so it can be replayed (`VV_SEED=<seed> npm test`, or `vv verify --seed <seed>`).
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../src/network/backend.ts';
import { verificationContext } from '../src/report/runVerification.ts';
import { isDataUnavailable, loadExpectations } from '../src/verify/expectations.ts';
import { runStatement } from '../src/verify/runStatement.ts';
import { DEFAULT_SEED } from '../src/verify/seed.ts';
import type { StatementResult } from '../src/verify/types.ts';
import { allStatements } from './index.ts';

const seed = process.env.VV_SEED ? Number(process.env.VV_SEED) : DEFAULT_SEED;
const expectations = loadExpectations(join(import.meta.dirname, '..', 'fixtures', 'expectations.json'));
// The same context as `vv verify --tier quick`: the Monte Carlo budget split over ALL statements' tests.
const ctx = verificationContext({ statements: allStatements, seed, tier: 'quick' });

// Monte Carlo checks run on real tfjs networks: VV_BACKEND, else the fastest backend available.
beforeAll(async () => {
  const backend = await initBackend({});
  console.log(`statements.test: tfjs backend ${backend.name}, seed ${seed}`);
});

describe.each(allStatements.map((s) => [s.id, s] as const))('%s', (id, spec) => {
  let result: StatementResult | undefined;
  const get = () => (result ??= runStatement(spec, ctx));
  const expected = expectations[id];

  it('has expectations recorded for the statement and every check', () => {
    expect(expected, `no expectations for ${id}`).toBeDefined();
    expect(Object.keys(expected!.checks).sort()).toEqual(spec.checks.map((c) => c.id).sort());
  });

  it.for(spec.checks.map((c) => c.id))('%s keeps its verdict', (checkId, test) => {
    const check = get().checks.find((c) => c.id === checkId)!;
    // A data set missing on this machine (only the CIFAR-10 copy can be): said, then skipped.
    if (isDataUnavailable(check)) {
      console.warn(`${checkId}: skipped — ${check.evidence}`);
      test.skip();
    }
    const context = `run seed ${seed}; check seed ${check.seed}${check.path ? `, path ${check.path}` : ''}; cases ${check.cases}${check.counterexample ? `; counterexample: ${check.counterexample}` : ''}${check.evidence ? `; ${check.evidence}` : ''}`;
    expect(check.verdict, context).toBe(expected?.checks[checkId]);
  });

  it('keeps its statement and corrected verdicts', (test) => {
    if (get().checks.some(isDataUnavailable)) test.skip();
    expect(get().verdict).toBe(expected?.verdict);
    expect(get().corrected?.verdict).toBe(expected?.corrected);
  });
});
