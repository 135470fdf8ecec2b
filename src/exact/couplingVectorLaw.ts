import { Fraction } from 'fraction.js';
import { mergeAtoms, type VectorDistribution } from './vectorDistribution.ts';

/** What {@link couplingVectorLaw} builds from: the marginal, the permutation couplings and the symmetrisations. */
export interface CouplingSpec {
  /**
   * The common marginal μ as a multiset of values closed under negation (μ = uniform on the list):
   * e.g. [1, −1, 2, −2, 2, −2] is P(±1) = 1/6, P(±2) = 1/3. Must be non-empty, symmetric, not all 0.
   */
  readonly marginal: readonly Fraction[];
  /** Width w ≥ 2 of the vector. */
  readonly width: number;
  /**
   * Couplings mixed: each is w − 1 permutations of the marginal's indices (coordinate 1 is the
   * identity) and an integer weight ≥ 1; component π puts mass weight/n on (L[i], L[π₂(i)], …).
   */
  readonly couplings: readonly { readonly permutations: readonly (readonly number[])[]; readonly weight: number }[];
  /**
   * 'free': leave c = Cov[x_i², x_j²] as the couplings make it; 'zero': mix in a coupling with
   * c of the opposite sign (comonotone or antitone magnitudes, fair signs) so that c = 0 exactly;
   * 'negative': mix in the antitone coupling so that c = c_antitone/2 < 0 (where c ≥ that). Both
   * only where μ has at least two magnitudes (else c = 0 for every coupling).
   */
  readonly cMode: 'free' | 'zero' | 'negative';
  /** Average over the cyclic rotations of the coordinates (equal c and κ over pairs for w = 3). */
  readonly cyclic: boolean;
  /**
   * Any w (the construction for w ≥ 4, where no cyclic average equalises c): equalise
   * c_jk = Cov[x_j², x_k²] over all pairs, and apply `cMode`, by mixing in one pair component per
   * pair — x_j, x_k with comonotone (raises c_jk) or antitone (lowers it) magnitudes and fair signs,
   * every other entry independent with law μ (so it adds to c_jk only). Not with `cyclic`.
   * Default false.
   */
  readonly pairMixing?: boolean;
  /** Coordinates whose sign is flipped by an independent fair sign at the end ((…, x_i, …) =ᵈ (…, −x_i, …)). */
  readonly flip: readonly number[];
  /** Average with the central reflection x → −x at the end. */
  readonly central: boolean;
}

type Atom = { x: Fraction[]; p: Fraction };
const zero = new Fraction(0);

function pairSums(atoms: readonly Atom[], w: number, f: (a: Fraction, b: Fraction) => Fraction): Fraction[][] {
  const s = [...Array(w)].map(() => [...Array(w)].map(() => zero));
  for (const a of atoms)
    for (let j = 0; j < w; j++) for (let k = j + 1; k < w; k++) s[j]![k] = s[j]![k]!.add(a.p.mul(f(a.x[j]!, a.x[k]!)));
  return s;
}

/**
 * Atoms (ε₁|L[ρ₁(i, j)]|, …, ε_w|L[ρ_w(i, j)]|) over every i, every j of `js(i)` (uniform) and every
 * sign pattern (fair, independent), total mass `mass`. Every entry has the law μ when each ρ_l is a
 * bijection in i for fixed j or uniform in j; the fair signs make every covariance 0.
 */
function signedMagnitudes(
  L: readonly Fraction[],
  w: number,
  js: (i: number) => readonly number[],
  index: (coordinate: number, i: number, j: number) => number,
  mass: Fraction,
): Atom[] {
  const n = L.length;
  const out: Atom[] = [];
  for (let i = 0; i < n; i++) {
    const J = w > 2 ? js(i) : [0];
    const per = mass.div(n * J.length * 2 ** w);
    for (const j of J)
      for (let signs = 0; signs < 2 ** w; signs++)
        out.push({ x: [...Array(w).keys()].map((l) => L[index(l, i, j)]!.abs().mul((signs >> l) & 1 ? -1 : 1)), p: per });
  }
  return out;
}

/**
 * An exact finite law of a w-vector whose entries all have the law μ (symmetric, zero-mean) and are
 * pairwise uncorrelated — a He random vector — built as a mixture of permutation couplings of μ
 * (which keeps every marginal equal to μ), corrected to Cov[x_j, x_k] = 0 by solving the linear
 * constraint in rationals: for each pair with Σ mass·x_j x_k = s ≠ 0, a component with
 * x_k = −sign(s)·x_j, the other entries ε_l·x_j with independent fair signs (covariance −sign(s)Σ L²
 * on that pair only), of mass n|s|/Σ L². Then optionally cyclic averaging; c set to 0 or made
 * negative by mixing with a fair-sign comonotone (c > 0) or antitone (c < 0) coupling (c is linear
 * in the mixture since every component has marginal μ); fair sign flips of chosen coordinates;
 * central symmetrisation.
 * In general the result is neither centrally symmetric nor exchangeable nor sign-flip symmetric.
 *
 * @example couplingVectorLaw({ marginal: [q(1), q(-1), q(2), q(-2)], width: 2, couplings: [{ permutations: [[1, 2, 3, 0]], weight: 1 }], cMode: 'free', cyclic: false, flip: [], central: false })
 *   // P(1,−1) = P(−1,2) = P(2,−2) = P(−2,1) = 5/38, P(1,1) = P(−1,−1) = P(2,2) = P(−2,−2) = 9/76
 */
export function couplingVectorLaw(spec: CouplingSpec): VectorDistribution {
  const L = spec.marginal;
  const n = L.length;
  const w = spec.width;
  if (n === 0 || L.every((v) => v.equals(0))) throw new Error('couplingVectorLaw: marginal must have a non-zero value');
  if (!Number.isInteger(w) || w < 2) throw new Error(`couplingVectorLaw: width must be an integer >= 2, got ${w}`);
  const sumSquares = L.reduce((s, v) => s.add(v.pow(2)), zero);
  let atoms: Atom[] = [];
  for (const { permutations, weight } of spec.couplings) {
    if (permutations.length !== w - 1) throw new Error(`couplingVectorLaw: need ${w - 1} permutations per coupling, got ${permutations.length}`);
    const p = new Fraction(weight, n);
    for (let i = 0; i < n; i++) atoms.push({ x: [L[i]!, ...permutations.map((pi) => L[pi[i]!]!)], p });
  }
  // Cov[x_j, x_k] = 0: one correction component per pair, each adding covariance to its pair only.
  const s = pairSums(atoms, w, (a, b) => a.mul(b));
  for (let j = 0; j < w; j++)
    for (let k = j + 1; k < w; k++) {
      const sjk = s[j]![k]!;
      if (sjk.equals(0)) continue;
      const mass = sjk.abs().mul(n).div(sumSquares); // per index i: |s|/Σ L², covariance −sign(s)·|s|
      const sign = sjk.gt(0) ? -1 : 1;
      const others = [...Array(w).keys()].filter((l) => l !== j && l !== k);
      const per = mass.div(n * 2 ** others.length);
      for (let i = 0; i < n; i++)
        for (let signs = 0; signs < 2 ** others.length; signs++) {
          const x = [...Array(w)].map(() => L[i]!);
          x[k] = L[i]!.mul(sign);
          others.forEach((l, m) => (x[l] = L[i]!.mul((signs >> m) & 1 ? -1 : 1)));
          atoms.push({ x, p: per });
        }
    }
  if (spec.cyclic && spec.pairMixing === true) throw new Error('couplingVectorLaw: cyclic and pairMixing exclude each other');
  if (spec.cyclic) atoms = atoms.flatMap((a) => [...Array(w).keys()].map((r) => ({ x: a.x.map((_, l) => a.x[(l + r) % w]!), p: a.p.div(w) })));
  if (spec.pairMixing === true) atoms = equaliseByPairComponents(atoms, L, w, spec.cMode);
  else if (spec.cMode !== 'free') {
    const total = atoms.reduce((t, a) => t.add(a.p), zero);
    // E[x_j² x_k²] − σ⁴ on pair (0, 1) (every pair agrees: w = 2, or cyclic at w = 3).
    const sigma2 = sumSquares.div(n);
    const cOf = (as: readonly Atom[]) => pairSums(as, w, (a, b) => a.pow(2).mul(b.pow(2)))[0]![1]!.div(total).sub(sigma2.pow(2));
    const rotate = (as: Atom[]) => (spec.cyclic ? as.flatMap((a) => [...Array(w).keys()].map((r) => ({ x: a.x.map((_, l) => a.x[(l + r) % w]!), p: a.p.div(w) }))) : as);
    const order = [...Array(n).keys()].sort((a, b) => L[a]!.abs().compare(L[b]!.abs()));
    const rank = new Map(order.map((idx, r) => [idx, r]));
    const anti = (i: number) => order[n - 1 - rank.get(i)!]!;
    // Comonotone (c ≥ 0): every entry carries |L[i]|. Antitone (c ≤ 0): entry 2 carries the
    // reversed rank; at w = 3 entry 3 is independent of both (c = 0 on its pairs), then rotated.
    const comonotone = signedMagnitudes(L, w, () => [...Array(n).keys()], (_l, i) => i, total);
    const antitone = rotate(signedMagnitudes(L, w, () => [...Array(n).keys()], (l, i, j) => (l === 0 ? i : l === 1 ? anti(i) : j), total));
    const cA = cOf(atoms);
    const cAnti = cOf(antitone);
    const target = spec.cMode === 'zero' ? zero : cAnti.div(2);
    const partner = cA.lt(target) ? comonotone : antitone;
    const cP = cOf(partner);
    // λ·cA + (1 − λ)·cP = target, λ = (target − cP)/(cA − cP) ∈ (0, 1) when target lies strictly between.
    if (!cA.equals(target) && !cP.equals(cA) && (cP.sub(target)).mul(cA.sub(target)).lt(0)) {
      const lambda = target.sub(cP).div(cA.sub(cP));
      atoms = [...atoms.map((a) => ({ x: a.x, p: a.p.mul(lambda) })), ...partner.map((a) => ({ x: a.x, p: a.p.mul(new Fraction(1).sub(lambda)) }))];
    }
  }
  for (const l of spec.flip) atoms = atoms.flatMap((a) => [a, { x: a.x.map((v, m) => (m === l ? v.neg() : v)), p: a.p }]);
  if (spec.central) atoms = atoms.flatMap((a) => [a, { x: a.x.map((v) => v.neg()), p: a.p }]);
  const total = atoms.reduce((t, a) => t.add(a.p), zero);
  return mergeAtoms({ atoms: atoms.map((a) => ({ x: a.x, p: a.p.div(total) })) });
}

/**
 * `pairMixing`: with T the base mass and C_jk = Σ p·x_j²x_k² − T·σ⁴ (T times c_jk), a pair
 * component of mass m adds m·V to C_jk only (V⁺ = E_μ[x⁴] − σ⁴ > 0 comonotone, V⁻ ≤ 0 antitone:
 * the rearrangement inequality), and every component has marginal μ, so c_jk of the mixture is
 * (C_jk + m_jk·V_jk)/(T + Σm). Equal c over pairs ⇔ equal numerators N: 'free' N = max C (raise
 * the others), 'zero' N = 0, 'negative' N = min(min C, T·V⁻/2) < 0 (lower every pair).
 * With one magnitude (x² constant) every C is 0 and nothing is mixed.
 */
function equaliseByPairComponents(atoms: Atom[], L: readonly Fraction[], w: number, cMode: CouplingSpec['cMode']): Atom[] {
  const n = L.length;
  const T = atoms.reduce((t, a) => t.add(a.p), zero);
  const sigma2 = L.reduce((t, v) => t.add(v.pow(2)), zero).div(n);
  const sigma4 = sigma2.pow(2);
  const order = [...Array(n).keys()].sort((a, b) => L[a]!.abs().compare(L[b]!.abs()));
  const rank = new Map(order.map((idx, r) => [idx, r]));
  const anti = (i: number) => order[n - 1 - rank.get(i)!]!;
  const meanOver = (f: (i: number) => Fraction) => [...Array(n).keys()].reduce((t, i) => t.add(f(i)), zero).div(n);
  const vPlus = meanOver((i) => L[i]!.pow(4)).sub(sigma4);
  const vMinus = meanOver((i) => L[i]!.pow(2).mul(L[anti(i)]!.pow(2))).sub(sigma4);
  if (vPlus.equals(0)) return atoms;
  const squares = pairSums(atoms, w, (a, b) => a.pow(2).mul(b.pow(2)));
  const pairs: [number, number][] = [];
  for (let j = 0; j < w; j++) for (let k = j + 1; k < w; k++) pairs.push([j, k]);
  const C = pairs.map(([j, k]) => squares[j]![k]!.sub(T.mul(sigma4)));
  const min = C.reduce((m, v) => (v.lt(m) ? v : m));
  const max = C.reduce((m, v) => (v.gt(m) ? v : m));
  // V⁺ > 0 means two distinct squares in μ, so V⁻ < 0 strictly and 'negative' is reachable.
  const half = T.mul(vMinus).div(2);
  const target = cMode === 'free' ? max : cMode === 'zero' ? zero : min.lt(half) ? min : half;
  const out = [...atoms];
  pairs.forEach(([j, k], e) => {
    const gap = target.sub(C[e]!); // m·V must equal it
    if (gap.equals(0)) return;
    const raise = gap.gt(0);
    const mass = gap.div(raise ? vPlus : vMinus);
    const others = [...Array(w).keys()].filter((l) => l !== j && l !== k);
    const combos = n ** others.length;
    const per = mass.div(n * 4 * combos);
    for (let i = 0; i < n; i++)
      for (let signs = 0; signs < 4; signs++)
        for (let code = 0; code < combos; code++) {
          const x = new Array<Fraction>(w);
          x[j] = L[i]!.abs().mul(signs & 1 ? -1 : 1);
          x[k] = L[raise ? i : anti(i)]!.abs().mul(signs & 2 ? -1 : 1);
          let c = code;
          for (const l of others) {
            x[l] = L[c % n]!;
            c = Math.floor(c / n);
          }
          out.push({ x, p: per });
        }
  });
  return out;
}
