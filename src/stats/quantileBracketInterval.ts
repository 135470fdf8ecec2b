import { binomialCumulative } from './internal/binomialCumulative.ts';

/** A distribution-free interval for ξ_q bracketed by sample quantiles at other levels. */
export interface QuantileBracketInterval {
  readonly q: number;
  /** Lower end: the known sample quantile at the next level below q, or `floor` when there is none. */
  readonly lower: number;
  /** Upper end: the known sample quantile at the next level above q, or +Infinity when there is none. */
  readonly upper: number;
  /** The levels whose sample quantiles are the ends (null: the floor / +Infinity). */
  readonly lowerLevel: number | null;
  readonly upperLevel: number | null;
  /** Bounds on P(ξ_q < lower) and P(ξ_q > upper), exact binomial tails (0 for the floor / +Infinity). */
  readonly missLower: number;
  readonly missUpper: number;
  /** 1 − missLower − missUpper: the guaranteed coverage. */
  readonly coverage: number;
}

/**
 * A distribution-free confidence interval for the q-quantile ξ_q of a law from which n i.i.d.
 * values were drawn, when only sample quantiles at OTHER levels are known (e.g. a report that kept
 * the 0.9, 0.99 and 0.999 quantiles, not the values). Each known quantile is R's type 7,
 * Q_p = X_(⌊h⌋+1) + (h − ⌊h⌋)(X_(⌊h⌋+2) − X_(⌊h⌋+1)), h = (n−1)p (1-based order statistics), so
 * X_(⌊h⌋+1) ≤ Q_p ≤ X_(⌊h⌋+2). With p₋ < q the largest known level below q and p₊ > q the smallest
 * above: P(ξ_q < Q_{p₋}) ≤ P(ξ_q < X_(r)) ≤ P(Bin(n, q) ≤ r − 1), r = ⌊(n−1)p₋⌋ + 2, and
 * P(ξ_q > Q_{p₊}) ≤ P(ξ_q > X_(s)) ≤ P(Bin(n, q) ≥ s), s = ⌊(n−1)p₊⌋ + 1 (any law: F(ξ_q) ≥ q ≥ F(ξ_q−)).
 * Without a level below q the lower end is `floor` (a known lower bound of the support, e.g. 0
 * for a variance; miss 0); without one above, +Infinity.
 *
 * @example quantileBracketInterval({ n: 10000, q: 0.99, floor: 0, known: [{ level: 0.9, value: 1 }, { level: 0.999, value: 5 }] })
 * // { lower: 1, upper: 5, missLower ≈ 0 (Bin(10⁴, 0.99) ≤ 9000), missUpper ≈ 1e-19 (Bin ≥ 9990), … }
 * @throws Error on n < 1, q ∉ (0, 1), a known level ∉ (0, 1) or equal to q, a NaN value, or
 *   known quantiles that decrease with the level.
 */
export function quantileBracketInterval(p: { n: number; q: number; floor: number; known: readonly { level: number; value: number }[] }): QuantileBracketInterval {
  const api = 'quantileBracketInterval';
  if (!Number.isInteger(p.n) || p.n < 1) throw new Error(`${api}: n must be an integer >= 1, got ${String(p.n)}`);
  if (!(p.q > 0 && p.q < 1)) throw new Error(`${api}: q must be in (0, 1), got ${String(p.q)}`);
  const known = [...p.known].sort((a, b) => a.level - b.level);
  for (const [i, k] of known.entries()) {
    if (!(k.level > 0 && k.level < 1) || k.level === p.q) throw new Error(`${api}: known[${i}].level must be in (0, 1) and differ from q, got ${String(k.level)}`);
    if (Number.isNaN(k.value)) throw new Error(`${api}: known level ${k.level} has a NaN value`);
    if (i > 0 && k.value < known[i - 1]!.value) throw new Error(`${api}: known quantiles decrease (level ${known[i - 1]!.level}: ${known[i - 1]!.value}, level ${k.level}: ${k.value})`);
  }
  const below = known.filter((k) => k.level < p.q).at(-1);
  const above = known.find((k) => k.level > p.q);
  const { lower: cdf, upper: sf } = binomialCumulative(p.n, p.q);
  let missLower = 0;
  if (below !== undefined) {
    const r = Math.floor((p.n - 1) * below.level) + 2;
    missLower = r - 1 >= p.n ? 1 : cdf[r - 1]!;
  }
  let missUpper = 0;
  if (above !== undefined) {
    const s = Math.floor((p.n - 1) * above.level) + 1;
    missUpper = sf[s]!;
  }
  return {
    q: p.q,
    lower: below?.value ?? p.floor,
    upper: above?.value ?? Number.POSITIVE_INFINITY,
    lowerLevel: below?.level ?? null,
    upperLevel: above?.level ?? null,
    missLower,
    missUpper,
    coverage: 1 - missLower - missUpper,
  };
}
