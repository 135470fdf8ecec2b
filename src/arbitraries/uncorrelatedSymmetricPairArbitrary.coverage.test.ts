/**
 * Generator coverage (issue 14 §1): over 1,000 pairs from a fixed seed, every class of joint law
 * that Lemma 2's hypotheses admit is reached, each in at least 3% of the draws.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isIndependent } from '../distributions/joint/isIndependent.ts';
import { isInvariant } from '../distributions/joint/isInvariant.ts';
import { jointExpectation } from '../distributions/joint/jointExpectation.ts';
import type { JointDiscrete } from '../distributions/joint/types.ts';
import { uncorrelatedSymmetricPairArbitrary } from './uncorrelatedSymmetricPairArbitrary.ts';

const DRAWS = 1000;
const MIN_SHARE = 0.03;

/** The classes of issue 14 §1 a joint law belongs to. */
function classesOf(J: JointDiscrete): string[] {
  const xFlip = isInvariant(J, (x, y) => [x.neg(), y]);
  const yFlip = isInvariant(J, (x, y) => [x, y.neg()]);
  const s2 = jointExpectation(J, (x) => x.pow(2));
  const c = jointExpectation(J, (x, y) => x.pow(2).mul(y.pow(2))).sub(s2.pow(2));
  const dependent = !isIndependent(J);
  const out: string[] = [];
  if (!isInvariant(J, (x, y) => [x.neg(), y.neg()])) out.push('not centrally symmetric');
  if (!isInvariant(J, (x, y) => [y, x])) out.push('not exchangeable');
  out.push(xFlip && yFlip ? 'both sign flips' : xFlip ? 'x-flip only' : yFlip ? 'y-flip only' : 'neither sign flip');
  if (dependent) out.push(c.lt(0) ? 'dependent, c < 0' : c.equals(0) ? 'dependent, c = 0' : 'dependent, c > 0');
  return out;
}

const CLASSES = [
  'not centrally symmetric',
  'not exchangeable',
  'x-flip only',
  'y-flip only',
  'both sign flips',
  'neither sign flip',
  'dependent, c < 0',
  'dependent, c = 0',
  'dependent, c > 0',
];

describe('uncorrelatedSymmetricPairArbitrary reaches every class the hypotheses admit', () => {
  it(`each class in ≥ ${MIN_SHARE * 100}% of ${DRAWS} draws (seed 14)`, () => {
    const counts = new Map(CLASSES.map((k) => [k, 0]));
    for (const J of fc.sample(uncorrelatedSymmetricPairArbitrary(), { seed: 14, numRuns: DRAWS }))
      for (const k of classesOf(J)) counts.set(k, counts.get(k)! + 1);
    console.log('pair classes over 1000 draws:', Object.fromEntries(counts));
    for (const k of CLASSES) expect(counts.get(k)!, `class '${k}'`).toBeGreaterThanOrEqual(MIN_SHARE * DRAWS);
  }, 120_000);
});
