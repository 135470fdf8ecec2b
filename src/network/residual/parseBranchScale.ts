import type { BranchScale } from './branchScale.ts';

/**
 * Parses a branch scale: a number in [0, 1], `1/sqrt(L)` (also `invsqrt`), `1/L` (also `inv`),
 * `zero` (also `0`, a zero-initialised branch).
 *
 * @example parseBranchScale('1/sqrt(L)') // { kind: 'inv-sqrt-depth' }
 * @throws Error "branch scale must be a number in [0, 1], 1/sqrt(L), 1/L or zero, got 'X'"
 */
export function parseBranchScale(text: string): BranchScale {
  const t = text.trim().toLowerCase().replace(/\s+/g, '');
  if (t === '1/sqrt(l)' || t === 'invsqrt') return { kind: 'inv-sqrt-depth' };
  if (t === '1/l' || t === 'inv') return { kind: 'inv-depth' };
  if (t === 'zero') return { kind: 'zero' };
  const alpha = t === '' ? Number.NaN : Number(t);
  if (!Number.isFinite(alpha) || alpha < 0 || alpha > 1) throw new Error(`branch scale must be a number in [0, 1], 1/sqrt(L), 1/L or zero, got '${text}'`);
  return { kind: 'fixed', alpha };
}
