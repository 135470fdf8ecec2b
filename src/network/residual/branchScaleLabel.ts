import type { BranchScale } from './branchScale.ts';

/**
 * The branch scale as text.
 *
 * @example branchScaleLabel({ kind: 'inv-depth' }) // '1/L'
 */
export function branchScaleLabel(s: BranchScale): string {
  return s.kind === 'fixed' ? String(s.alpha) : s.kind === 'inv-sqrt-depth' ? '1/sqrt(L)' : s.kind === 'inv-depth' ? '1/L' : 'zero';
}
