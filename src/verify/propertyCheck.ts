import fc from 'fast-check';
import { deriveSeed } from './seed.ts';
import type { Check, CheckContext, CheckKind, CheckResult, CheckRole } from './types.ts';

export interface PropertyCheckOptions<T> {
  readonly id: string;
  readonly role: CheckRole;
  /** `exact` when the predicate uses rational arithmetic with zero tolerance, `float` otherwise. */
  readonly kind: Extract<CheckKind, 'exact' | 'float'>;
  readonly source: string;
  readonly description: string;
  readonly arbitrary: fc.Arbitrary<T>;
  /** Returns true when the claim holds for this case (throwing counts as a failure). */
  readonly predicate: (value: T) => boolean;
  /** Readable rendering of a counterexample (defaults to fast-check's stringify). */
  readonly explain?: (value: T) => string;
  /** Float checks: the tolerance and why it is the right one. */
  readonly tolerance?: string;
  /** Multiplies the tier's number of runs (expensive enumerations use < 1). */
  readonly runsFactor?: number;
  /**
   * Boundary cases the paper's hypotheses admit (a = ±1, w = 1, κ_w = 1 or 3, …), tried before
   * the generated ones so that a verdict never hinges on the luck of a seed.
   */
  readonly examples?: readonly T[];
}

/**
 * A generated-case check run with `fc.check`: passes → `verified-exact` (exact kind) or `supported`
 * (float kind) with the number of cases; fails → `refuted` with the shrunk counterexample,
 * its seed and replay path.
 *
 * @example propertyCheck({ id: 'x', role: 'step', kind: 'exact', source: 'eq. 1', description: '…',
 *   arbitrary: fc.integer(), predicate: (n) => n * 0 === 0 }).run(ctx).verdict // 'verified-exact'
 */
export function propertyCheck<T>(options: PropertyCheckOptions<T>): Check {
  const { id, role, kind, source, description } = options;
  return {
    id,
    role,
    kind,
    source,
    description,
    run(ctx: CheckContext): CheckResult {
      const seed = deriveSeed(ctx.seed, id);
      const numRuns = Math.max(1, Math.round(ctx.numRuns * (options.runsFactor ?? 1)));
      const details = fc.check(fc.property(options.arbitrary, (v) => options.predicate(v)), {
        seed,
        numRuns,
        examples: (options.examples ?? []).map((e) => [e] as [T]),
      });
      const base = { id, role, kind, source, description, seed, tolerance: options.tolerance };
      if (!details.failed) {
        return {
          ...base,
          verdict: kind === 'exact' ? 'verified-exact' : 'supported',
          cases: details.numRuns,
        };
      }
      const value = details.counterexample![0] as T;
      // A predicate returning false is reported by fast-check as an error too; only real throws are worth showing.
      const thrown = details.errorInstance instanceof Error && !details.errorInstance.message.startsWith('Property failed by returning false');
      const error = thrown ? ` (threw: ${(details.errorInstance as Error).message})` : '';
      return {
        ...base,
        verdict: 'refuted',
        cases: details.numRuns,
        path: details.counterexamplePath ?? undefined,
        counterexample: (options.explain ? options.explain(value) : fc.stringify(value)) + error,
      };
    },
  };
}
