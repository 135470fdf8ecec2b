import { clopperPearsonInterval } from '../../stats/clopperPearsonInterval.ts';
import { binomialTestGreater, binomialTestLess } from '../../stats/binomialTestGreater.ts';
import { minSamplesForQuantileBound, quantileLowerBound, quantileUpperBound } from '../../stats/quantileConfidenceInterval.ts';
import { empiricalQuantile } from '../empiricalQuantile.ts';
import { RANDOM_INITS, type ClaimEvidence, type ClaimResult } from './types.ts';
import { buildClaim, checkAlpha, fmt, levels, outcomeFromP } from './internal/decide.ts';

/** "Vanished" empirical variance: below this. */
export const VANISHED_VARIANCE = 1e-3;
/** Required proportion of networks below VANISHED_VARIANCE. */
export const VANISHED_PROPORTION = 0.9;
/** Layers strictly after this one must show the vanished variance. */
export const VANISHED_AFTER_LAYER = 80;
/** Default checkpoints of the quantile-decrease claim (clamped to L − 1). */
export const QUANTILE_CHECKPOINTS: readonly number[] = [40, 60, 80, 100];
/** Quantile levels of the quantile-decrease claim. */
export const DECREASE_QUANTILES: readonly number[] = [0.9, 0.99, 0.999];
/** A MetaInit network "explodes" when var(last layer) ≥ EXPLOSION_FACTOR · var(layer 0). */
export const EXPLOSION_FACTOR = 1e3;
/** ZerO's variance is "constant" when max_l≥1 |var_l/var_1 − 1| ≤ this (float32 rounding). */
export const ZERO_CONSTANT_TOLERANCE = 1e-6;

const LABELS: Record<string, string> = {
  'he-normal': 'He-normal',
  'glorot-normal': 'Glorot-normal',
  orthogonal: 'Orthogonal',
  gsm: 'GSM',
  metainit: 'MetaInit',
  zero: 'ZerO',
};

export interface Figure2ClaimsInput {
  /** Per initialiser name, per network, one empirical variance per layer 0..L−1. */
  readonly variances: Readonly<Record<string, readonly ArrayLike<number>[]>>;
  readonly alpha?: number;
  /** Checkpoint layers of `quantiles-decrease-after-40`, default QUANTILE_CHECKPOINTS. */
  readonly checkpoints?: readonly number[];
}

/** Column l of the networks' variances, NaN mapped to +Infinity (an overflowed variance is "large"). */
function layerValues(nets: readonly ArrayLike<number>[], l: number): Float64Array {
  const out = new Float64Array(nets.length);
  for (let i = 0; i < nets.length; i++) {
    const v = nets[i]![l]!;
    out[i] = Number.isNaN(v) ? Infinity : v;
  }
  return out;
}

function depthOf(init: string, nets: readonly ArrayLike<number>[]): number {
  const L = nets[0]!.length;
  for (const n of nets) if (n.length !== L) throw new Error(`figure2Claims: ${init} networks have different numbers of layers (${L} and ${n.length})`);
  return L;
}

/**
 * Figure 2's claims: per random initialiser present ('he-normal', 'glorot-normal', 'orthogonal',
 * 'gsm') `q90-below-1e-3-after-80` and `quantiles-decrease-after-40`; then
 * `metainit.variances-explode` and `zero.constant-after-first-layer` when those are present.
 * NaN variances are treated as +Infinity (overflow). See each claim's `method`.
 *
 * @throws Error when an initialiser's networks have different numbers of layers.
 */
export function figure2Claims(input: Figure2ClaimsInput): ClaimResult[] {
  const alpha = checkAlpha(input.alpha ?? 0.05);
  const out: ClaimResult[] = [];
  for (const init of RANDOM_INITS) {
    const nets = input.variances[init];
    if (!nets || nets.length === 0) continue;
    out.push(vanished(init, nets, alpha), quantilesDecrease(init, nets, alpha, input.checkpoints ?? QUANTILE_CHECKPOINTS));
  }
  const meta = input.variances['metainit'];
  if (meta && meta.length > 0) out.push(metainitExplodes(meta, alpha, 'last'), metainitExplodes(meta, alpha, 'hidden'));
  const zero = input.variances['zero'];
  if (zero && zero.length > 0) out.push(zeroConstant(zero));
  return out;
}

function vanished(init: string, nets: readonly ArrayLike<number>[], alpha: number): ClaimResult {
  const L = depthOf(init, nets);
  const n = nets.length;
  const layers: number[] = [];
  for (let l = VANISHED_AFTER_LAYER + 1; l < L; l++) layers.push(l);
  const lv = levels(alpha, layers.length);
  const need = Math.floor(Math.log(lv.forLevel) / Math.log(VANISHED_PROPORTION)) + 1; // all below: (α/2)^{1/n} > 0.9
  const decisive: ClaimEvidence[] = layers.map((l) => {
    const v = layerValues(nets, l);
    let k = 0;
    for (const x of v) if (x < VANISHED_VARIANCE) k++;
    const lo = clopperPearsonInterval(k, n, 1 - lv.forLevel).lowerBound;
    const hi = clopperPearsonInterval(k, n, 1 - lv.againstLevel).upperBound;
    const outcome: ClaimEvidence['outcome'] = hi < VANISHED_PROPORTION ? 'against' : lo > VANISHED_PROPORTION ? 'for' : 'neither';
    return {
      label: `layer ${l}: P(var < ${VANISHED_VARIANCE}) ≥ ${VANISHED_PROPORTION}`,
      n,
      estimate: k / n,
      interval: [lo, hi],
      threshold: VANISHED_PROPORTION,
      outcome,
      ...(outcome === 'neither' ? { note: `${k}/${n} below; bounds [${fmt(lo)}, ${fmt(hi)}]` } : {}),
    };
  });
  const props = decisive.map((e) => e.estimate ?? 0);
  const minProp = props.length ? Math.min(...props) : null;
  const stats: Record<string, number | string | boolean | null> = { networks: n, layers: L, firstLayerTested: layers[0] ?? null, minProportionBelow: minProp };
  const reasons =
    layers.length === 0
      ? { inconclusive: `only ${L} layers: no layer after ${VANISHED_AFTER_LAYER}` }
      : n < need
        ? { inconclusive: `${n} networks (min proportion below ${VANISHED_VARIANCE}: ${fmt(minProp)}); needs ≥ ${need} networks to bound a proportion above ${VANISHED_PROPORTION} at α/2` }
        : {
            supported: `in all ${layers.length} layers ${VANISHED_AFTER_LAYER + 1}..${L - 1} the Clopper–Pearson lower bound (1 − α/2) exceeds ${VANISHED_PROPORTION}; smallest proportion ${fmt(minProp)} of ${n}`,
          };
  return buildClaim({
    id: `fig2.${init}.q90-below-1e-3-after-80`,
    figure: 'fig2',
    scope: LABELS[init] ?? init,
    statement: `90% of networks have empirical variance below 1e-3 after layer ${VANISHED_AFTER_LAYER}.`,
    method:
      `For every layer l = ${VANISHED_AFTER_LAYER + 1}..L−1, the proportion of networks with empirical variance < ${VANISHED_VARIANCE} ` +
      `(NaN counts as not below). Per layer: 'for' if the one-sided Clopper–Pearson lower bound at 1 − α/2 exceeds ${VANISHED_PROPORTION}; ` +
      `'against' if the one-sided upper bound at 1 − α/(2m) is below ${VANISHED_PROPORTION} (m layers, Bonferroni). ` +
      `Supported iff every layer is 'for' (intersection–union); refuted if any is 'against'.`,
    falseAlarm: alpha,
    decisive,
    statistics: stats,
    reason: reasons,
  });
}

function quantilesDecrease(init: string, nets: readonly ArrayLike<number>[], alpha: number, checkpointsIn: readonly number[]): ClaimResult {
  const L = depthOf(init, nets);
  const n = nets.length;
  const cps = [...new Set(checkpointsIn.map((c) => Math.min(Math.max(0, Math.round(c)), L - 1)))].sort((a, b) => a - b);
  const pairs: [number, number][] = [];
  for (let i = 0; i + 1 < cps.length; i++) pairs.push([cps[i]!, cps[i + 1]!]);
  const m = pairs.length * DECREASE_QUANTILES.length;
  const lv = levels(alpha, m);
  // 'for' ⇐ U_later(a) < L_earlier(a) with a = α/4 (union bound over the two bounds: α/2);
  // 'against' ⇐ L_later(b) > U_earlier(b) with b = α/(4m).
  const aFor = lv.forLevel / 2;
  const aAgainst = lv.againstLevel / 2;
  const cols = new Map<number, Float64Array>();
  const col = (l: number): Float64Array => {
    let c = cols.get(l);
    if (!c) cols.set(l, (c = layerValues(nets, l).sort()));
    return c;
  };
  const stats: Record<string, number | string | boolean | null> = { networks: n, layers: L, checkpoints: cps.join(',') };
  const qName = (q: number): string => `q${String(q).slice(2)}`; // 0.9 → q9, 0.99 → q99, 0.999 → q999
  const label = (q: number): string => (q === 0.9 ? 'q90' : qName(q));
  for (const q of DECREASE_QUANTILES) for (const l of cps) stats[`${label(q)}@${l}`] = empiricalQuantile(col(l), q);
  const decisive: ClaimEvidence[] = [];
  let need = 0;
  for (const q of DECREASE_QUANTILES) {
    for (const [e, t] of pairs) {
      const upLater = quantileUpperBound(col(t), q, aFor);
      const loEarlier = quantileLowerBound(col(e), q, aFor);
      const loLater = quantileLowerBound(col(t), q, aAgainst);
      const upEarlier = quantileUpperBound(col(e), q, aAgainst);
      const isFor = upLater.value !== null && loEarlier.value !== null && upLater.value < loEarlier.value;
      const isAgainst = loLater.value !== null && upEarlier.value !== null && loLater.value > upEarlier.value;
      const missing = upLater.value === null || loEarlier.value === null;
      if (missing) need = Math.max(need, upLater.minSamples, loEarlier.minSamples);
      const qe = empiricalQuantile(col(e), q);
      const qt = empiricalQuantile(col(t), q);
      decisive.push({
        label: `${label(q)} layer ${e} → ${t} decreases`,
        n,
        estimate: qt - qe,
        interval: [upLater.value, loEarlier.value],
        outcome: isAgainst ? 'against' : isFor ? 'for' : 'neither',
        note: missing
          ? `needs ≥ ${Math.max(upLater.minSamples, loEarlier.minSamples)} networks to bound the ${q} quantile`
          : `upper bound at ${t} = ${fmt(upLater.value)} vs lower bound at ${e} = ${fmt(loEarlier.value)} (estimates ${fmt(qt)} vs ${fmt(qe)})`,
      });
    }
  }
  // Descriptive: layer-to-layer increases of the empirical quantile curves between the first and last checkpoint.
  const from = cps[0] ?? 0;
  const to = cps[cps.length - 1] ?? 0;
  for (const q of DECREASE_QUANTILES) {
    let inc = 0;
    for (let l = from; l < to; l++) if (empiricalQuantile(col(l + 1), q) > empiricalQuantile(col(l), q)) inc++;
    stats[`${label(q)}.increasingSteps`] = inc;
  }
  stats['steps'] = Math.max(0, to - from);
  return buildClaim({
    id: `fig2.${init}.quantiles-decrease-after-40`,
    figure: 'fig2',
    scope: LABELS[init] ?? init,
    statement: 'Every quantile (0.9, 0.99, 0.999) of the empirical variance decreases after layer 40.',
    method:
      `For each q in {${DECREASE_QUANTILES.join(', ')}} and consecutive checkpoints (${cps.join(', ')}) (clamped to L−1): distribution-free ` +
      `order-statistic bounds on the q-quantile over networks (NaN = +Infinity). 'for' when the upper bound (tail α/4) at the later layer is ` +
      `below the lower bound (tail α/4) at the earlier layer (wrong with probability ≤ α/2); 'against' when the later lower bound exceeds the ` +
      `earlier upper bound (tails α/(4m), m = ${m}). Supported iff every pair is 'for' (intersection–union); refuted if any is 'against'. ` +
      `The number of increasing layer-to-layer steps of the empirical quantile curves is descriptive.`,
    falseAlarm: alpha,
    decisive,
    statistics: stats,
    reason:
      need > n
        ? { inconclusive: `${n} networks: needs ≥ ${need} networks to bound the ${DECREASE_QUANTILES[DECREASE_QUANTILES.length - 1]} quantile at tail α/4 = ${fmt(aFor)}` }
        : {},
  });
}

/**
 * `where = 'last'`: the claim as read for the output (var at the last layer vs layer 0);
 * `where = 'hidden'`: the narrower reading added after the output reading was refuted on real
 * runs (variances reached ~1e19 in the middle layers, then fell to ~1e-11 at the output): the
 * largest hidden-layer variance (layers 1..L−2) vs layer 0.
 */
function metainitExplodes(nets: readonly ArrayLike<number>[], alpha: number, where: 'last' | 'hidden'): ClaimResult {
  const L = depthOf('metainit', nets);
  const at = (v: ArrayLike<number>): number => {
    if (where === 'last') return v[L - 1]!;
    let max = -Infinity;
    for (let l = 1; l < L - 1; l++) max = Math.max(max, Number.isNaN(v[l]!) ? Infinity : v[l]!);
    return max;
  };
  const lv = levels(alpha, 1);
  const n = nets.length;
  let k = 0;
  const ratios: number[] = [];
  for (const v of nets) {
    const first = v[0]!;
    const last = at(v);
    const explodes = !Number.isFinite(last) || last >= EXPLOSION_FACTOR * first;
    if (explodes) k++;
    ratios.push(last / first);
  }
  const pFor = binomialTestGreater(k, n, 0.5);
  const pAgainst = binomialTestLess(k, n, 0.5);
  const outcome = outcomeFromP(pFor, pAgainst, lv);
  const need = Math.ceil(Math.log(lv.forLevel) / Math.log(0.5) + 1e-12);
  ratios.sort((a, b) => a - b);
  const head = `${k}/${n} MetaInit networks explode`;
  return buildClaim({
    id: where === 'last' ? 'fig2.metainit.variances-explode' : 'fig2.metainit.variances-explode-in-hidden-layers',
    figure: 'fig2',
    scope: where === 'last' ? 'MetaInit' : 'MetaInit (narrower reading: hidden layers)',
    statement: where === 'last' ? "MetaInit's empirical variances explode." : "MetaInit's empirical variances explode (somewhere in the hidden layers, not necessarily at the output).",
    method:
      `Per network, 'explodes' when the variance ${where === 'last' ? 'at the last layer' : 'at its largest over the hidden layers 1..L−2'} is ≥ ${EXPLOSION_FACTOR} × the variance at layer 0 (a non-finite ` +
      `variance counts as exploding). Exact one-sided binomial tests of p = 0.5: supported if "more than half explode" rejects at α/2; ` +
      `refuted if "fewer than half explode" rejects at α/2.`,
    falseAlarm: alpha,
    decisive: [{ label: 'more than half of networks explode', n, estimate: k / n, pValue: pFor, threshold: 0.5, outcome }],
    statistics: { networks: n, layers: L, exploding: k, pValueGreater: pFor, pValueLess: pAgainst, [where === 'last' ? 'medianRatioLastToFirst' : 'medianRatioMaxHiddenToFirst']: ratios[Math.floor((n - 1) / 2)]! },
    reason: {
      supported: `${head}; binomial p(> half) = ${fmt(pFor)} < α/2 = ${fmt(lv.forLevel)}`,
      refuted: `${head}; binomial p(< half) = ${fmt(pAgainst)} < α/2 = ${fmt(lv.forLevel)}`,
      inconclusive: `${head}; p(> half) = ${fmt(pFor)}, p(< half) = ${fmt(pAgainst)}` + (n < need ? `; needs ≥ ${need} networks` : ''),
    },
  });
}

function zeroConstant(nets: readonly ArrayLike<number>[]): ClaimResult {
  const L = depthOf('zero', nets);
  let maxDev = 0;
  let worstLayer: number | null = null;
  for (const v of nets) {
    const base = v[1]!;
    for (let l = 1; l < L; l++) {
      const x = v[l]!;
      const dev = base === 0 ? (x === 0 ? 0 : Infinity) : Math.abs(x / base - 1);
      const d = Number.isNaN(dev) ? Infinity : dev;
      if (d > maxDev || worstLayer === null) {
        maxDev = Math.max(maxDev, d);
        worstLayer = l;
      }
    }
  }
  let identical = true;
  for (const v of nets) for (let l = 0; l < L; l++) if (v[l] !== nets[0]![l]) identical = false;
  const enough = L >= 3;
  const ok = maxDev <= ZERO_CONSTANT_TOLERANCE;
  const verdict = !enough ? 'inconclusive' : ok ? 'supported' : 'refuted';
  return buildClaim({
    id: 'fig2.zero.constant-after-first-layer',
    figure: 'fig2',
    scope: 'ZerO',
    statement: 'ZerO keeps the empirical variance constant after the first layer.',
    method:
      `ZerO is deterministic, so no test: supported if max over networks and layers l ≥ 1 of |var_l / var_1 − 1| ≤ ${ZERO_CONSTANT_TOLERANCE} ` +
      `(float32 rounding), refuted otherwise (var_1 = 0 requires var_l = 0). Needs ≥ 3 layers.`,
    falseAlarm: 0,
    verdict,
    decisive: [
      {
        label: 'max_l≥1 |var_l/var_1 − 1|',
        n: nets.length,
        estimate: maxDev,
        threshold: ZERO_CONSTANT_TOLERANCE,
        outcome: !enough ? 'neither' : ok ? 'for' : 'against',
      },
    ],
    statistics: { networks: nets.length, layers: L, maxRelativeDeviation: maxDev, worstLayer, networksIdentical: identical, varianceLayer1: nets[0]![1] ?? null },
    reason: {
      supported: `max |var_l/var_1 − 1| = ${fmt(maxDev)} ≤ ${ZERO_CONSTANT_TOLERANCE} over layers 1..${L - 1}`,
      refuted: `max |var_l/var_1 − 1| = ${fmt(maxDev)} > ${ZERO_CONSTANT_TOLERANCE} (layer ${worstLayer})`,
      inconclusive: `only ${L} layer(s); needs ≥ 3`,
    },
  });
}
