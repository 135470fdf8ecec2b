/**
 * Section 5 (vanishing empirical variance). "For variance of the empirical variance S_n² and the
 * kurtosis, it holds that Var[S_n²] = (κ − (n−3)/(n−1)) σ⁴/n … DF_n = 2σ⁴/Var[S_n²] = 2n/(κ − (n−3)/(n−1))
 * … S_n²/σ² ∼ Γ(k = DF_n/2, θ = 2/DF_n). With kurtosis κ growing to infinity, DF_n shrinks to zero …
 * That the kurtosis grows to infinity implies that, for any finite sample size, the observed
 * empirical variance will converge in probability to zero."
 *
 * Finding: the formulas are exact, but the implication "κ → ∞ ⇒ S_n² → 0 in probability" is a
 * property of the Gamma approximation, not of kurtosis: a symmetric law whose outliers carry half the
 * variance has κ → ∞ while P(S_3²/σ² ≤ 1/100) stays ≤ 1/16.
 */
import { Fraction } from 'fraction.js';
import fc from 'fast-check';
import { numberField, rationalField } from '../src/algebra/field.ts';
import { qToString } from '../src/algebra/rational.ts';
import { discreteSymmetricDistributionArbitrary } from '../src/arbitraries/discreteSymmetricDistributionArbitrary.ts';
import { describeDiscrete } from '../src/exact/describe.ts';
import type { ScalarAtoms } from '../src/exact/vectorDistribution.ts';
import { degreesOfFreedom } from '../src/theory/degreesOfFreedom.ts';
import { empiricalVarianceVariance } from '../src/theory/empiricalVarianceVariance.ts';
import { gammaApproximation } from '../src/theory/gammaApproximation.ts';
import { gammaLogDensitySmallShape } from '../src/theory/gammaLogDensitySmallShape.ts';
import { probEmpiricalVarianceBelow } from '../src/theory/probEmpiricalVarianceBelow.ts';
import { exactCheck } from '../src/verify/exactCheck.ts';
import { propertyCheck } from '../src/verify/propertyCheck.ts';
import { symbolicIdentityCheck } from '../src/verify/symbolicIdentityCheck.ts';
import { logGamma } from '../src/distributions/internal/logGamma.ts';
import { FLOAT_FORMULA_RELATIVE_TOLERANCE } from '../src/verify/tolerances.ts';
import type { StatementSpec } from '../src/verify/types.ts';

const q = (n: number, d = 1) => new Fraction(n, d);

/** Exact law of the unbiased S_n² of n i.i.d. draws, by enumerating all n-tuples. */
function sampleVarianceLaw(atoms: ScalarAtoms, n: number): { value: Fraction; p: Fraction }[] {
  const out: { value: Fraction; p: Fraction }[] = [];
  const rec = (xs: Fraction[], p: Fraction) => {
    if (xs.length === n) {
      const mean = xs.reduce((a, b) => a.add(b), q(0)).div(n);
      out.push({ value: xs.reduce((a, b) => a.add(b.sub(mean).pow(2)), q(0)).div(n - 1), p });
      return;
    }
    for (const a of atoms) rec([...xs, a.value], p.mul(a.probability));
  };
  rec([], q(1));
  return out;
}
const lawMoment = (law: { value: Fraction; p: Fraction }[], k: number) => law.reduce((acc, a) => acc.add(a.p.mul(a.value.pow(k))), q(0));

/** Symmetric law: bulk uniform on {±1, ±2} with probability 1 − r, outliers ±M (M² r = 5/2, half of σ² = 5). */
function twoScale(M: number) {
  const r = q(5, 2).div(M * M);
  const bulk = q(1).sub(r).div(4);
  const atoms = [-2, -1, 1, 2].map((v) => ({ value: q(v), probability: bulk }));
  atoms.push({ value: q(-M), probability: r.div(2) }, { value: q(M), probability: r.div(2) });
  return atoms;
}

export const section5: StatementSpec = {
  id: 'section-5',
  title: 'Section 5: the empirical-variance law and its vanishing',
  statement:
    'Var[S_n²] = (κ − (n−3)/(n−1))σ⁴/n; DF_n = 2σ⁴/Var[S_n²] = 2n/(κ − (n−3)/(n−1)); S_n²/σ² ≈ Γ(k = DF_n/2, θ = 2/DF_n); as κ → ∞, DF_n → 0 and, for any finite sample size, the empirical variance converges in probability to zero.',
  corrected: {
    statement:
      'Under the moment-matched Gamma law Γ(DF_n/2, 2/DF_n) of S_n²/σ², P(S_n²/σ² ≤ ε) → 1 as κ → ∞ for every ε > 0 and n ≥ 2. Kurtosis alone does not force it: the exact law of S_n² can keep P(S_n²/σ² ≤ ε) bounded away from 1 while κ → ∞.',
  },
  checks: [
    propertyCheck({
      id: 'section-5/statement/variance-of-sample-variance',
      role: 'statement',
      kind: 'exact',
      source: 'Section 5: Var[S_n²] = (κ − (n−3)/(n−1))σ⁴/n',
      description: 'Exact law of S_n² for n ∈ {2, 3, 4} i.i.d. draws from generated finite symmetric laws (every n-tuple enumerated).',
      arbitrary: fc.record({ x: discreteSymmetricDistributionArbitrary({ maxAtoms: 2 }), n: fc.integer({ min: 2, max: 4 }) }),
      predicate: ({ x, n }) => {
        const law = sampleVarianceLaw(x.atoms, n);
        const variance = lawMoment(law, 2).sub(lawMoment(law, 1).pow(2));
        return lawMoment(law, 1).equals(x.exact.variance) && variance.equals(empiricalVarianceVariance(rationalField, { kurtosis: x.exact.kurtosis, variance: x.exact.variance, n }));
      },
      explain: ({ x, n }) => `n = ${n}, x ∼ ${describeDiscrete(x)}`,
      runsFactor: 0.5,
    }),
    symbolicIdentityCheck({
      id: 'section-5/step/degrees-of-freedom',
      role: 'step',
      source: 'Section 5: DF_n = 2σ⁴/Var[S_n²] = 2n/(κ − (n−3)/(n−1))',
      description: 'Substituting Var[S_n²].',
      lhs: '2*v^2/((k - (n-3)/(n-1))*v^2/n)',
      rhs: '2*n/(k - (n-3)/(n-1))',
    }),
    symbolicIdentityCheck({
      id: 'section-5/step/gamma-moments',
      role: 'step',
      source: 'Section 5: Γ(k = DF_n/2, θ = 2/DF_n) has mean kθ = 1 and variance kθ² = Var[S_n²]/σ⁴, and θ = 1/k',
      description: 'Moment matching of the Gamma law (mean, variance) and θ = 1/k.',
      lhs: '[(D/2)*(2/D), (D/2)*(2/D)^2, 2/D]',
      rhs: '[1, 2/D, 1/(D/2)]',
    }),
    propertyCheck({
      id: 'section-5/step/normal-case',
      role: 'step',
      kind: 'exact',
      source: 'Section 5: χ²(DF_n)/DF_n law — for normal samples S_n²/σ² ∼ χ²(n−1)/(n−1) exactly',
      description: 'At κ = 3, DF_n = n − 1 exactly, so the approximation is exact for normal samples.',
      arbitrary: fc.integer({ min: 2, max: 100_000 }),
      predicate: (n) => degreesOfFreedom(rationalField, { kurtosis: q(3), n }).equals(n - 1),
    }),
    propertyCheck({
      id: 'section-5/step/density-vanishes',
      role: 'step',
      kind: 'float',
      source: 'Section 5: f(x; k, 1/k) = x^{k−1}e^{−kx}k^k/Γ(k) → 0 as k → 0 for x > 0',
      description: 'At every x ∈ (0, 100], the density falls by more than a factor e³ at each of k = 10⁻² → 10⁻⁴ → 10⁻⁶ (log-density (k−1)ln x − kx + k ln k − lnΓ(k), lnΓ(k) = −ln k − γk + O(k²)); so it tends to 0 like k/x.',
      arbitrary: fc.double({ min: 1e-6, max: 100, noNaN: true }),
      predicate: (x) => {
        const values = [1e-2, 1e-4, 1e-6].map((k) => gammaLogDensitySmallShape(x, k));
        return values[0]! - values[1]! > 3 && values[1]! - values[2]! > 3;
      },
      tolerance: 'lnΓ(k) = −ln k − γk + O(k²): the O(k²) term is below 1e-4 for k ≤ 1e-2, far from the decrements checked',
    }),
    propertyCheck({
      id: 'section-5/corrected/gamma-probability-to-one',
      role: 'corrected',
      kind: 'float',
      source: 'Section 5 under the Gamma approximation',
      description: 'P(S_n²/σ² ≤ ε) (regularized incomplete gamma, @stdlib) is non-decreasing in κ for ε < 1 and exceeds 1 − 10⁻³ once κ is large enough (κ = 10¹²).',
      arbitrary: fc.record({ n: fc.integer({ min: 2, max: 10_000 }), epsilon: fc.double({ min: 1e-4, max: 0.9, noNaN: true }), k1: fc.double({ min: 1, max: 1e6, noNaN: true }), k2: fc.double({ min: 1, max: 1e6, noNaN: true }) }),
      predicate: ({ n, epsilon, k1, k2 }) => {
        const [lo, hi] = k1 <= k2 ? [k1, k2] : [k2, k1];
        const pLo = probEmpiricalVarianceBelow({ kurtosis: lo, n, epsilon });
        const pHi = probEmpiricalVarianceBelow({ kurtosis: hi, n, epsilon });
        return pHi >= pLo - 1e-12 && probEmpiricalVarianceBelow({ kurtosis: 1e12, n, epsilon }) > 1 - 1e-3;
      },
      tolerance: '1e-12 absolute on probabilities: the stated accuracy of stdlib gammainc is ~1e-15',
    }),
    propertyCheck({
      id: 'section-5/step/gamma-parameters',
      role: 'step',
      kind: 'float',
      source: 'Section 5: k = DF_n/2, θ = 2/DF_n = 1/k',
      description: 'gammaApproximation returns shape DF_n/2 and scale 1/shape.',
      arbitrary: fc.record({ n: fc.integer({ min: 2, max: 10_000 }), kappa: fc.double({ min: 1, max: 1e6, noNaN: true }) }),
      predicate: ({ n, kappa }) => {
        const { shape, scale } = gammaApproximation({ kurtosis: kappa, n });
        const df = degreesOfFreedom(numberField, { kurtosis: kappa, n });
        return Math.abs(shape - df / 2) <= FLOAT_FORMULA_RELATIVE_TOLERANCE * shape && Math.abs(scale * shape - 1) <= FLOAT_FORMULA_RELATIVE_TOLERANCE;
      },
      tolerance: `relative ${FLOAT_FORMULA_RELATIVE_TOLERANCE}`,
    }),
    exactCheck({
      id: 'section-5/statement/kurtosis-alone-does-not-vanish-variance',
      role: 'statement',
      source: 'Section 5: "That the kurtosis grows to infinity implies that … the empirical variance will converge in probability to zero"',
      description: 'Exact law of S_3² for symmetric laws (bulk {±1, ±2}, outliers ±M carrying half the variance), M = 5, 10, 20, 40: κ grows without bound, P(S_3²/σ² ≤ 1/100) does not approach 1.',
      evaluate: () => {
        const rows = [5, 10, 20, 40].map((M) => {
          const atoms = twoScale(M);
          const s2 = atoms.reduce((a, b) => a.add(b.probability.mul(b.value.pow(2))), q(0));
          const kappa = atoms.reduce((a, b) => a.add(b.probability.mul(b.value.pow(4))), q(0)).div(s2.pow(2));
          const law = sampleVarianceLaw(atoms, 3);
          const pSmall = law.filter((a) => a.value.div(s2).compare(q(1, 100)) <= 0).reduce((a, b) => a.add(b.p), q(0));
          const gamma = probEmpiricalVarianceBelow({ kurtosis: kappa.valueOf(), n: 3, epsilon: 0.01 });
          return { M, kappa, pSmall, gamma };
        });
        const holds = rows[rows.length - 1]!.pSmall.compare(q(1, 2)) > 0;
        return {
          holds,
          evidence: rows
            .map((r) => `M = ${r.M}: κ = ${qToString(r.kappa)} (≈ ${r.kappa.valueOf().toFixed(1)}), exact P(S₃²/σ² ≤ 1/100) = ${qToString(r.pSmall)} (≈ ${r.pSmall.valueOf().toFixed(4)}); Gamma approximation ${r.gamma.toFixed(4)}`)
            .join('; '),
        };
      },
    }),

    exactCheck({
      id: 'section-5/step/pointwise-density-implies-in-probability',
      role: 'step',
      source: 'Section 5: "For any x > 0, with k → 0, this [density] converges to zero … [so] the observed empirical variance will converge in probability to zero"',
      description:
        'The inference "densities → 0 pointwise on x > 0 ⇒ the variable → 0 in probability", on an explicit family: X_m ∼ Uniform(0, m) has density f_m(x) = 1/m on (0, m], which → 0 at every x > 0, yet P(X_m ≤ ε) = ε/m → 0 (exact, ε = 1/100, m = 10, 100, 1000). Mass escaping to infinity is what pointwise convergence misses; for the Gamma family the conclusion is recovered from its CDF (corrected check below).',
      evaluate: () => {
        const eps = q(1, 100);
        const rows = [10, 100, 1000].map((m) => ({ m, density: q(1, m), pSmall: eps.div(m) }));
        const last = rows[rows.length - 1]!;
        return {
          holds: last.pSmall.compare(q(1, 2)) > 0,
          evidence: rows.map((r) => `m = ${r.m}: f_m(x) = ${qToString(r.density)} for 0 < x ≤ m, P(X_m ≤ 1/100) = ${qToString(r.pSmall)}`).join('; ') + ' — densities → 0 pointwise, and X_m → ∞ in probability, not 0',
        };
      },
    }),
    propertyCheck({
      id: 'section-5/step/density-numerator-constant',
      role: 'step',
      kind: 'float',
      source: 'Section 5: "the numerator [x^{k−1}e^{−kx}k^k] converges to a constant and the denominator [Γ(k)] grows to infinity"',
      description:
        'At every x ∈ [10⁻⁶, 100]: the numerator x^{k−1}e^{−kx}k^k is within relative 10⁻⁶ of its limit 1/x at k = 10⁻⁹ (and closer than at k = 10⁻⁶), and k·Γ(k) = Γ(k + 1) ∈ [0.88, 1] for k ∈ {10⁻², 10⁻⁴, 10⁻⁶} (lnΓ from the suite\'s Lanczos logGamma), so Γ(k) ≥ 0.88/k → ∞.',
      arbitrary: fc.double({ min: 1e-6, max: 100, noNaN: true }),
      predicate: (x) => {
        // log(numerator · x) = k ln x − kx + k ln k: the relative distance to 1/x.
        const relative = (k: number) => Math.abs(Math.expm1(k * Math.log(x) - k * x + k * Math.log(k)));
        const gammaGrows = [1e-2, 1e-4, 1e-6].every((k) => {
          const kGamma = Math.exp(logGamma(k) + Math.log(k));
          return kGamma >= 0.88 && kGamma <= 1 + 1e-12;
        });
        return relative(1e-9) <= 1e-6 && relative(1e-9) < relative(1e-6) && gammaGrows;
      },
      tolerance: '1e-6 relative at k = 1e-9: |k ln x − kx + k ln k| ≤ 1.3e-7 on the range; Γ(k+1) ≥ 0.8856 (its minimum on (0, 1]) with 1e-12 for the Lanczos error',
    }),
    propertyCheck({
      id: 'section-5/corrected/gamma-cdf-lower-bound',
      role: 'corrected',
      kind: 'float',
      source: 'Section 5 under the Gamma law, through its CDF instead of its density',
      description:
        'For shape k = DF_n/2 ≤ 1 (κ ≥ n + (n−3)/(n−1)): P(S_n²/σ² ≤ ε) = ∫₀^ε x^{k−1}e^{−kx}k^k/Γ(k) dx ≥ e^{−kε}k^kε^k/(kΓ(k)) = e^{−kε}(kε)^k/Γ(k+1) ≥ e^{−kε}(kε)^k, since Γ(k+1) ≤ 1 on [0, 1]; the bound → 1 as k → 0 (k ln k → 0), i.e. as κ → ∞, for every ε > 0 and n. Checked: the bound never exceeds the regularized incomplete gamma (@stdlib), and exceeds 1 − 10⁻⁴ at κ = 10¹²·n.',
      arbitrary: fc.record({ n: fc.integer({ min: 2, max: 10_000 }), epsilon: fc.double({ min: 1e-4, max: 0.9, noNaN: true }), u: fc.double({ min: 0, max: 9, noNaN: true }) }),
      predicate: ({ n, epsilon, u }) => {
        const bound = (kurtosis: number) => {
          const { shape } = gammaApproximation({ kurtosis, n });
          return Math.exp(-shape * epsilon + shape * Math.log(shape * epsilon));
        };
        const kurtosis = (n + 1) * 10 ** u;
        const p = probEmpiricalVarianceBelow({ kurtosis, n, epsilon });
        return gammaApproximation({ kurtosis, n }).shape <= 1 && bound(kurtosis) <= p + 1e-12 && bound(1e12 * n) > 1 - 1e-4;
      },
      tolerance: '1e-12 absolute between the bound and stdlib gammainc (stated accuracy ~1e-15)',
    }),
  ],
};
