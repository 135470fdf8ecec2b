/**
 * Issue 14 §2: Lemma 1's and Lemma 6's continuous checks integrate each half-line from the density,
 * so an asymmetric law posing as symmetric (declared with its true E[x²], E[x⁴]) fails them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normal } from '../src/distributions/normal.ts';
import { twoPieceNormal } from '../src/distributions/internal/twoPieceNormal.ts';
import { continuousCheck as lemma1Continuous } from './lemma-1.prop.ts';
import { continuousCheck as lemma6Continuous } from './lemma-6.prop.ts';

const ctx = { seed: 1, numRuns: 5, tier: 'quick' as const };

describe.each([
  ['lemma-1', lemma1Continuous],
  ['lemma-6', lemma6Continuous],
])('%s continuous check', (_id, check) => {
  it('passes a normal law, fails a two-piece normal (scales 1 and 1.1) at a = 0 and a = 1/2', () => {
    expect(check(fc.constant({ x: normal({ variance: 2 }), slope: 0.5 })).run(ctx).verdict).toBe('supported');
    for (const slope of [0, 0.5]) expect(check(fc.constant({ x: twoPieceNormal(1, 1.1), slope })).run(ctx).verdict).toBe('refuted');
  });
});
