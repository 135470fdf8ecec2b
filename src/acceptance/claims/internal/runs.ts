import type { TrainingRun } from '../types.ts';

/**
 * Accuracy of a run with a diverged run counted as chance.
 *
 * @throws Error when status and accuracy disagree (accuracy is null iff the run diverged).
 */
export function accuracyOrChance(r: TrainingRun, chance: number): number {
  if (r.status === 'diverged') {
    if (r.accuracy !== null) throw new Error(`claims: diverged run (${r.init}, depth ${r.depth}, rep ${r.rep}) must have accuracy null`);
    return chance;
  }
  if (typeof r.accuracy !== 'number' || !Number.isFinite(r.accuracy)) {
    throw new Error(`claims: run (${r.init}, depth ${r.depth}, rep ${r.rep}) has status 'ok' but accuracy ${String(r.accuracy)}`);
  }
  return r.accuracy;
}
