import fc from 'fast-check';
import { Fraction } from 'fraction.js';
import type { JointAtom, JointDiscrete } from '../distributions/joint/types.ts';
import { independentJoint } from '../distributions/joint/independentJoint.ts';
import { normalizedJoint } from '../distributions/joint/normalizedJoint.ts';
import { checkInteger } from './internal/constraints.ts';
import { couplingVectorArbitrary } from './couplingVectorArbitrary.ts';
import { discreteSymmetricDistributionArbitrary, positiveRationalArbitrary } from './discreteSymmetricDistributionArbitrary.ts';

/** Constraints of {@link uncorrelatedSymmetricPairArbitrary}. */
export interface UncorrelatedSymmetricPairConstraints {
  /** Most seed points (u, v) before symmetrization (≤ 4·maxAtoms + 2 atoms), integer ≥ 1, default 3. */
  readonly maxAtoms?: number;
  /** Largest |numerator| of a coordinate, integer ≥ 1, default 4. */
  readonly maxNumerator?: number;
  /** Largest denominator of a coordinate, integer ≥ 1, default 3. */
  readonly maxDenominator?: number;
  /** Largest integer weight of a seed point, integer ≥ 1, default 4. */
  readonly maxWeight?: number;
}

const f0 = new Fraction(0);

/**
 * Exact finite joint laws of (x, y) meeting EXACTLY the hypotheses of Lemma 2: x and y identically
 * distributed, symmetric, zero-mean and uncorrelated, and not degenerate (E[x²] > 0) — but in
 * general neither independent nor sign-flip symmetric ((x, y) ≠ᵈ (−x, y)).
 *
 * Main construction (weight 6/10): {@link couplingVectorArbitrary} at width 2 — mixtures of
 * permutation couplings of a random symmetric marginal, Cov[x, y] = 0 solved exactly, c free or
 * set to 0, then no symmetrisation, a sign flip of x, of y, of both, or central symmetrisation:
 * laws that are not centrally symmetric, not exchangeable, with either, both or neither sign-flip
 * symmetry, and dependent with c < 0, c = 0, c > 0 (the generator-coverage test counts each class).
 * Centrally symmetric, exchangeable construction (weight 2/10): random rational seed points (u, v) ≠ (0, 0) with integer weights;
 * add the central reflections (−u, −v) (symmetric marginals, zero mean) and the swaps (v, u),
 * (−v, −u) with the same weight (identical marginals); with s = Σ w·x·y, add (t, −t), (−t, t) when
 * s > 0 or (t, t), (−t, −t) when s < 0, each with weight |s|/(2t²) for a random rational t > 0
 * (now E[xy] = 0; both additions keep the two symmetries); normalize. Also (1/10 each): independent
 * pairs x, y i.i.d. from {@link discreteSymmetricDistributionArbitrary}, and sign-flip-symmetric
 * dependent pairs (ε₁a, ε₂b) with independent fair signs over swap-symmetric dependent magnitudes.
 * Throws at build time on a non-integer or < 1 bound, naming the field.
 *
 * @example fc.sample(uncorrelatedSymmetricPairArbitrary(), { seed: 1, numRuns: 1 })[0].atoms.length // e.g. 10
 */
export function uncorrelatedSymmetricPairArbitrary(
  constraints: UncorrelatedSymmetricPairConstraints = {},
): fc.Arbitrary<JointDiscrete> {
  const api = 'uncorrelatedSymmetricPairArbitrary';
  const maxAtoms = checkInteger(api, 'maxAtoms', constraints.maxAtoms ?? 3, 1);
  const maxN = checkInteger(api, 'maxNumerator', constraints.maxNumerator ?? 4, 1);
  const maxD = checkInteger(api, 'maxDenominator', constraints.maxDenominator ?? 3, 1);
  const maxW = checkInteger(api, 'maxWeight', constraints.maxWeight ?? 4, 1);

  const coordinate = fc
    .tuple(fc.integer({ min: -maxN, max: maxN }), fc.integer({ min: 1, max: maxD }))
    .map(([p, q]) => new Fraction(p, q));
  const seedPoint = fc
    .tuple(coordinate, coordinate, fc.integer({ min: 1, max: maxW }))
    .filter(([u, v]) => !(u.equals(0) && v.equals(0)));

  const general = fc
    .tuple(fc.array(seedPoint, { minLength: 1, maxLength: maxAtoms }), positiveRationalArbitrary(maxN, maxD))
    .map(([points, t]) => {
      const atoms: JointAtom[] = [];
      for (const [u, v, w] of points) {
        const p = new Fraction(w);
        atoms.push({ x: u, y: v, p }, { x: u.neg(), y: v.neg(), p }, { x: v, y: u, p }, { x: v.neg(), y: u.neg(), p });
      }
      const s = atoms.reduce((acc, a) => acc.add(a.p.mul(a.x).mul(a.y)), f0);
      if (!s.equals(0)) {
        const c = s.abs().div(t.mul(t).mul(2));
        const sign = s.gt(0) ? -1 : 1; // s > 0 needs negatively correlated mass
        atoms.push({ x: t, y: t.mul(sign), p: c }, { x: t.neg(), y: t.mul(-sign), p: c });
      }
      return normalizedJoint(atoms);
    });

  const independent = discreteSymmetricDistributionArbitrary({
    maxAtoms: Math.min(maxAtoms, 3),
    maxNumerator: maxN,
    maxDenominator: maxD,
  }).map((d) => independentJoint(d, d));

  const magnitude = fc
    .tuple(fc.integer({ min: 0, max: maxN }), fc.integer({ min: 1, max: maxD }))
    .map(([p, q]) => new Fraction(p, q));
  const signFlipDependent = fc
    .array(
      fc.tuple(magnitude, magnitude, fc.integer({ min: 1, max: maxW })).filter(([a, b]) => !(a.equals(0) && b.equals(0))),
      { minLength: 1, maxLength: maxAtoms },
    )
    .map((points) => {
      const atoms: JointAtom[] = [];
      for (const [a, b, w] of points) {
        for (const [m, n] of [
          [a, b],
          [b, a],
        ] as const) {
          for (const sx of [1, -1]) for (const sy of [1, -1]) atoms.push({ x: m.mul(sx), y: n.mul(sy), p: new Fraction(w) });
        }
      }
      return normalizedJoint(atoms);
    });

  // Beyond central symmetry and exchangeability: permutation couplings of a symmetric marginal.
  const coupling = couplingVectorArbitrary({ width: 2, maxAtoms, maxNumerator: maxN, maxDenominator: maxD, maxWeight: maxW }).map((d) =>
    normalizedJoint(d.atoms.map((a) => ({ x: a.x[0]!, y: a.x[1]!, p: a.p }))),
  );

  return fc.oneof(
    { arbitrary: coupling, weight: 6 },
    { arbitrary: general, weight: 2 },
    { arbitrary: independent, weight: 1 },
    { arbitrary: signFlipDependent, weight: 1 },
  );
}
