/**
 * The branch scale α of a residual block y ← y + α·F(y): a fixed number in [0, 1], or
 * depth-dependent as the residual-initialisation literature does it — α = 1/√L (e.g. Hanin &
 * Rolnick 2018; "Stable ResNet", Hayou et al. 2021), α = 1/L (Fixup-like scaling, Zhang et al.
 * 2019), or a zero-initialised branch (ReZero, Bachlechner et al. 2021; SkipInit, De & Smith
 * 2020: α = 0 at initialisation).
 */
export type BranchScale = { readonly kind: 'fixed'; readonly alpha: number } | { readonly kind: 'inv-sqrt-depth' } | { readonly kind: 'inv-depth' } | { readonly kind: 'zero' };

/**
 * α for a network of L blocks.
 *
 * @example branchScaleValue({ kind: 'inv-sqrt-depth' }, 16) // 0.25
 */
export function branchScaleValue(s: BranchScale, depth: number): number {
  if (!Number.isInteger(depth) || depth < 1) throw new Error(`branchScaleValue: depth must be an integer >= 1, got ${String(depth)}`);
  switch (s.kind) {
    case 'fixed':
      return s.alpha;
    case 'inv-sqrt-depth':
      return 1 / Math.sqrt(depth);
    case 'inv-depth':
      return 1 / depth;
    case 'zero':
      return 0;
  }
}
