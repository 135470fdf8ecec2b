import fc from 'fast-check';
import { Fraction } from 'fraction.js';
import { couplingVectorLaw, type CouplingSpec } from '../exact/couplingVectorLaw.ts';
import type { VectorDistribution } from '../exact/vectorDistribution.ts';
import { checkInteger } from './internal/constraints.ts';

/** Constraints of {@link couplingVectorArbitrary}. */
export interface CouplingVectorConstraints {
  /**
   * Vector width w, 2 to 4 (default 2). w = 3 laws are averaged over cyclic rotations, w = 4 laws
   * get one equalising pair component per pair (`pairMixing`): equal c over pairs either way.
   */
  readonly width?: number;
  /** Most distinct non-zero magnitudes of the marginal and most mixed couplings, integer ≥ 1, default 3. */
  readonly maxAtoms?: number;
  /** Largest numerator of a magnitude, integer ≥ 1, default 4. */
  readonly maxNumerator?: number;
  /** Largest denominator of a magnitude, integer ≥ 1, default 3. */
  readonly maxDenominator?: number;
  /** Largest integer weight of a coupling, integer ≥ 1, default 4. */
  readonly maxWeight?: number;
}

/** Indices sorted by their keys (ties by index): a permutation that shrinks towards the identity. */
const argsort = (keys: readonly number[]) => [...keys.keys()].sort((a, b) => keys[a]! - keys[b]! || a - b);

/**
 * He random vectors of width 2 to 4 beyond central symmetry and exchangeability: exact laws from
 * {@link couplingVectorLaw} — a finite symmetric marginal μ (1..min(maxAtoms, 3) magnitudes p/q with
 * multiplicity 1–2, maybe 0; at width ≥ 3: ≤ 2 magnitudes of multiplicity 1), 1..maxAtoms random permutation couplings with integer weights,
 * covariances corrected to 0 exactly; then c = Cov[x_i², x_j²] left free, set to 0 or made negative (⅓ each), and
 * one of: no symmetrisation, a fair sign flip of x₁, of x₂ (width 2), of x₁ and x₂ (width ≥ 3), of every coordinate, or central
 * symmetrisation (⅕ each). Every law has identically distributed, symmetric, zero-mean, uncorrelated
 * entries and, at width ≥ 3, the same c over pairs (cyclic averaging at 3, pair components at 4;
 * a law of width w has at most 5^w points). Throws at build time on a bad constraint, naming the field.
 *
 * @example fc.sample(couplingVectorArbitrary(), { seed: 1, numRuns: 1 })[0].atoms[0].x.length // 2
 */
export function couplingVectorArbitrary(constraints: CouplingVectorConstraints = {}): fc.Arbitrary<VectorDistribution> {
  const api = 'couplingVectorArbitrary';
  const width = checkInteger(api, 'width', constraints.width ?? 2, 2);
  if (width > 4) throw new Error(`${api}: constraints.width must be 2 to 4, got ${width}`);
  const maxAtoms = checkInteger(api, 'maxAtoms', constraints.maxAtoms ?? 3, 1);
  const maxN = checkInteger(api, 'maxNumerator', constraints.maxNumerator ?? 4, 1);
  const maxD = checkInteger(api, 'maxDenominator', constraints.maxDenominator ?? 3, 1);
  const maxW = checkInteger(api, 'maxWeight', constraints.maxWeight ?? 4, 1);

  const magnitude = fc.tuple(fc.integer({ min: 1, max: maxN }), fc.integer({ min: 1, max: maxD })).map(([p, q]) => new Fraction(p, q));
  const marginal = fc
    .tuple(
      // Width 3 keeps the marginal to ≤ 2 magnitudes of multiplicity 1 (≤ 5 values): the laws, with
      // their rotations and the independent third entry of the antitone partner, stay ≤ 125 points.
      fc.uniqueArray(fc.tuple(magnitude, fc.integer({ min: 1, max: width === 2 ? 2 : 1 })), {
        minLength: 1,
        maxLength: Math.min(maxAtoms, width === 2 ? 3 : 2),
        selector: ([v]) => v.toFraction(),
      }),
      fc.integer({ min: 0, max: 1 }),
    )
    .map(([atoms, zeros]) => {
      const L: Fraction[] = [];
      for (const [v, m] of atoms) for (let r = 0; r < m; r++) L.push(v, v.neg());
      for (let r = 0; r < zeros; r++) L.push(new Fraction(0));
      return L;
    });
  const symmetrisations: { flip: number[]; central: boolean }[] =
    width === 2
      ? [{ flip: [], central: false }, { flip: [0], central: false }, { flip: [1], central: false }, { flip: [0, 1], central: false }, { flip: [], central: true }]
      : [{ flip: [], central: false }, { flip: [0], central: false }, { flip: [0, 1], central: false }, { flip: [...Array(width).keys()], central: false }, { flip: [], central: true }];
  return marginal.chain((L) => {
    const n = L.length;
    const permutation = fc.array(fc.nat({ max: 2 * n }), { minLength: n, maxLength: n }).map(argsort);
    const coupling = fc.record({
      permutations: fc.array(permutation, { minLength: width - 1, maxLength: width - 1 }),
      weight: fc.integer({ min: 1, max: maxW }),
    });
    return fc
      .record({
        couplings: fc.array(coupling, { minLength: 1, maxLength: maxAtoms }),
        cMode: fc.constantFrom<CouplingSpec['cMode']>('free', 'zero', 'negative'),
        symmetrisation: fc.constantFrom(...symmetrisations),
      })
      .map(({ couplings, cMode, symmetrisation }) =>
        couplingVectorLaw({ marginal: L, width, couplings, cMode, cyclic: width === 3, pairMixing: width >= 4, ...symmetrisation }),
      );
  });
}
