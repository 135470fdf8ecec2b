/**
 * Section 7, convolutions. "Moreover, convolutional layers will induce even more dependency of
 * layer outputs due to parameter sharing, so we expect the output kurtosis to grow even faster."
 *
 * Faster than what? The paper does not say. Two comparisons, both against the exact kurtosis of
 * fully connected He networks (Proposition 3, exact from i.i.d. inputs), at equal depth and from
 * the same i.i.d. standard normal input (κ_0 = 3):
 * - the same FAN-IN: a FC network of width C·K (C·K² in 2-D), the number of inputs each conv
 *   unit sums (the width w in Proposition 3's A^(l));
 * - the same CHANNEL COUNT: a FC network of width C (C units per position).
 * The conv network is the suite's (src/network/conv): C channels, kernel K, stride S, circular
 * or zero padding, He on fan-in; its units are the C channels at the centre position
 * (`convUnitTap`). At layer 1 a conv unit sums C·K^d distinct i.i.d. inputs, exactly like the
 * same-fan-in FC layer (checked), so the comparisons start at layer 2.
 *
 * Finding (Monte Carlo, real tfjs networks): conv kurtosis grows faster than a FC network of the
 * same fan-in, and much slower than a FC network with the same number of channels — so the
 * claim holds only in the same-fan-in reading.
 */
import { distributionByName } from '../src/distributions/byName.ts';
import { normal } from '../src/distributions/normal.ts';
import { architectureMonteCarlo, type ArchitectureMonteCarloResult } from '../src/montecarlo/architecture/architectureMonteCarlo.ts';
import { PROPAGATION_DEFAULTS, testLayerMoments } from '../src/montecarlo/propagation/propagationMonteCarlo.ts';
import { propagationRecords } from '../src/montecarlo/propagation/propagationRecords.ts';
import { propagationTheory } from '../src/montecarlo/propagation/propagationTheory.ts';
import { architectureLabel } from '../src/network/architecture/architectureLabel.ts';
import type { Architecture } from '../src/network/architecture/types.ts';
import { assertIncreaseWithPower } from '../src/stats/assertIncreaseWithPower.ts';
import { monteCarloCheck } from '../src/verify/monteCarloCheck.ts';
import { deriveSeed } from '../src/verify/seed.ts';
import type { CheckContext, MonteCarloTestRecord } from '../src/verify/types.ts';
import type { StatementSpec } from '../src/verify/types.ts';

type ConvArch = Extract<Architecture, { kind: 'conv' }>;
interface ConvCase {
  readonly arch: ConvArch;
  /** 1-D: signal length (2-D: from the arch). */
  readonly length: number;
  readonly depth: number;
  readonly weights: 'uniform' | 'normal';
  /** Multiplies the tier's sample size (default 1). */
  readonly samplesFactor?: number;
}
/**
 * Quick tier: 1-D zero padding (C = 3, K = 3, length 5) and 1-D circular (C = 2, K = 5, length 10),
 * uniform weights (lighter tails keep layer 2 in reach); full tier adds stride 2 and 2-D.
 */
const A: ConvCase = { arch: { kind: 'conv', dims: 1, channels: 3, kernel: 3, stride: 1, padding: 'zero' }, length: 5, depth: 2, weights: 'uniform' };
const D: ConvCase = { arch: { kind: 'conv', dims: 1, channels: 2, kernel: 5, stride: 1, padding: 'circular' }, length: 10, depth: 2, weights: 'uniform', samplesFactor: 0.5 };
const CASES: Record<CheckContext['tier'], readonly ConvCase[]> = {
  quick: [A, D],
  full: [
    A,
    D,
    { arch: { kind: 'conv', dims: 1, channels: 4, kernel: 3, stride: 2, padding: 'circular' }, length: 8, depth: 2, weights: 'uniform' },
    { arch: { kind: 'conv', dims: 2, channels: 2, kernel: 3, stride: 1, padding: 'circular', height: 3, width: 3 }, length: 9, depth: 2, weights: 'uniform' },
    { arch: { kind: 'conv', dims: 2, channels: 2, kernel: 3, stride: 1, padding: 'zero', height: 4, width: 4 }, length: 16, depth: 2, weights: 'uniform' },
  ],
};
const SAMPLES = { quick: 400_000, full: 1_600_000 } as const;
const fanIn = (c: ConvCase) => c.arch.channels * c.arch.kernel ** c.arch.dims;
const describe = (c: ConvCase) => `${architectureLabel(c.arch)}, ${c.arch.dims === 1 ? `length ${c.length}` : `${c.arch.height}×${c.arch.width}`}, depth ${c.depth}, ReLU, weights ${c.weights} (He on fan-in ${fanIn(c)}), input i.i.d. normal; units: the ${c.arch.channels} channels at the centre position`;

/**
 * One Monte Carlo run per case and run seed, shared by the checks below (each compares the same
 * networks with a different reference), seeded from the statement id, not from the check ids.
 */
const cache = new Map<string, { result: ArchitectureMonteCarloResult; seed: number; samples: number }>();
function convRun(ctx: CheckContext, index: number) {
  const c = CASES[ctx.tier][index]!;
  const seed = deriveSeed(deriveSeed(ctx.seed, 'section-7-conv/montecarlo'), `case ${index}`);
  // The laws are part of the key: a run is shared only by checks that sample the same networks
  // (the perturbation meta-test changes a law between runs of one check and must get a new run).
  const weights = distributionByName(c.weights);
  const input = normal();
  const law = (d: { name: string; variance: number; fourthMoment: number }) => `${d.name}(${d.variance}, ${d.fourthMoment})`;
  const key = `${ctx.tier}:${seed}:${law(weights)}:${law(input)}`;
  let hit = cache.get(key);
  if (hit === undefined) {
    const samples = Math.round(SAMPLES[ctx.tier] * (c.samplesFactor ?? 1));
    const widths = new Array<number>(c.depth + 1).fill(c.length);
    // Tests are made by the checks; falseAlarm here only feeds the (unused) default theory.
    const result = architectureMonteCarlo({ widths, architecture: c.arch, activation: { name: 'leaky-relu', slope: 0 }, weights, input, samples, seed, falseAlarm: 1e-6, theory: null });
    hit = { result, seed, samples };
    cache.set(key, hit);
  }
  return { c, ...hit };
}
const fcKappa = (width: number, c: ConvCase) =>
  propagationTheory({ widths: new Array<number>(c.depth + 1).fill(width), slope: 0, weightKurtosis: distributionByName(c.weights).kurtosis, inputVariance: 1, inputKurtosis: 3 }).map((l) => l.kappa);
type Indexed = ConvCase & { readonly index: number };
const indexed = (ctx: CheckContext): Indexed[] => CASES[ctx.tier].map((c, index) => ({ ...c, index }));

/** κ_l(conv) > κ_l(FC of width `width`) (or < when `reverse`), layers `from`…depth. */
function compare(ctx: CheckContext, index: number, falseAlarm: number, reference: 'fan-in' | 'channels', reverse: boolean, from: number): MonteCarloTestRecord[] {
  const { c, result, seed, samples } = convRun(ctx, index);
  const width = reference === 'fan-in' ? fanIn(c) : c.arch.channels;
  const fc = fcKappa(width, c);
  const records: MonteCarloTestRecord[] = [];
  for (let l = from; l <= c.depth; l++) {
    const conv = result.summaries[l]!.kappa;
    const exact = { estimate: fc[l]!, stderr: 0, df: null, batchSkewness: 0 };
    const assertion = reverse
      ? assertIncreaseWithPower({ before: conv, after: exact, falseAlarm, maxBatchSkewness: PROPAGATION_DEFAULTS.maxBatchSkewness })
      : assertIncreaseWithPower({ before: exact, after: conv, falseAlarm, maxBatchSkewness: PROPAGATION_DEFAULTS.maxBatchSkewness });
    const label = `FC width ${width} (same ${reference === 'fan-in' ? 'fan-in' : 'channel count'}), exact κ_${l} = ${fc[l]!.toPrecision(6)}`;
    records.push({ quantity: reverse ? `κ_${l}(conv) < κ_${l}(${label})` : `κ_${l}(conv) > κ_${l}(${label})`, inputs: describe(c), samples, seed, assertion });
  }
  return records;
}

export const section7Conv: StatementSpec = {
  id: 'section-7-conv',
  title: 'Section 7: convolutions make kurtosis grow even faster',
  statement: 'Convolutional layers will induce even more dependency of layer outputs due to parameter sharing, so we expect the output kurtosis to grow even faster.',
  corrected: {
    statement:
      'He-initialised ReLU convolutional networks (C channels, kernel K, any padding and stride) grow kurtosis faster than fully connected He networks of the same fan-in C·K (C·K² in 2-D) from layer 2 on (layer 1 is identical), but slower than fully connected networks with C units per layer.',
  },
  checks: [
    monteCarloCheck<Indexed>({
      id: 'section-7-conv/montecarlo/faster-than-same-fan-in',
      role: 'statement',
      source: 'Section 7, convolutions — comparison (a): a FC network with the same fan-in C·K^d',
      description:
        "Real tfjs conv networks (quick tier: 1-D zero padding C = 3, K = 3, length 5, and 1-D circular C = 2, K = 5, length 10; full tier adds stride 2 and 2-D circular/zero; ReLU, He on fan-in, uniform weights, i.i.d. normal inputs): κ_l of a unit (the centre position's channels, batch means over 64 batches, jackknifed) shown ABOVE the exact κ_l of the fully connected He network of width C·K^d, at every layer l ≥ 2 (the estimate's (1 − α/2) t interval above the exact value; power stated against an excess of 10%; reach rules: power ≥ 0.8, |batch skewness| ≤ 1). 'rejected' = shown below.",
      configurations: indexed,
      testsPerConfiguration: (c) => c.depth - 1,
      run: (c, { falseAlarm, ctx }) => compare(ctx, c.index, falseAlarm, 'fan-in', false, 2),
    }),
    monteCarloCheck<Indexed>({
      id: 'section-7-conv/montecarlo/faster-than-same-channels',
      role: 'statement',
      source: 'Section 7, convolutions — comparison (b): a FC network with the same channel count C',
      description:
        "The same networks and runs: κ_l of a conv unit shown ABOVE the exact κ_l of the fully connected He network of width C (as many units per layer as the conv layer has channels), at every layer l ≥ 1; same tests and reach rules. 'rejected' = shown below.",
      configurations: indexed,
      testsPerConfiguration: (c) => c.depth,
      run: (c, { falseAlarm, ctx }) => compare(ctx, c.index, falseAlarm, 'channels', false, 1),
    }),
    monteCarloCheck<Indexed>({
      id: 'section-7-conv/montecarlo/grows',
      role: 'step',
      source: 'Section 7, convolutions: the output kurtosis grows with depth',
      description: 'The same runs: κ_l > κ_{l−1} shown at every layer (disjoint (1 − α/2) intervals, false alarm ≤ α whatever the dependence; power against an increase of 10%; reach rules).',
      configurations: indexed,
      testsPerConfiguration: (c) => c.depth,
      run: (c, { falseAlarm, ctx }) => {
        const { result, seed, samples } = convRun(ctx, c.index);
        const kappa = result.summaries.map((x) => x.kappa);
        return kappa.slice(1).map((after, l) => ({ quantity: `κ_${l + 1} > κ_${l} (conv)`, inputs: describe(c), samples, seed, assertion: assertIncreaseWithPower({ before: kappa[l]!, after, falseAlarm, maxBatchSkewness: PROPAGATION_DEFAULTS.maxBatchSkewness }) }));
      },
    }),
    monteCarloCheck<Indexed>({
      id: 'section-7-conv/montecarlo/layer-1-equals-same-fan-in',
      role: 'step',
      source: 'conv layer 1 = FC layer of width C·K^d (i.i.d. inputs: each unit sums C·K^d distinct independent inputs)',
      description: "The same runs, layers 0 and 1: variance, κ and c of the centre position's channels against Proposition 1/3 for a FC layer of width C·K^d (Proposition 3's tests and reach rules) — the conv code path checked on real networks where the answer is exact.",
      configurations: indexed,
      testsPerConfiguration: () => 6,
      run: (c, { falseAlarm, ctx }) => {
        const { result, seed, samples } = convRun(ctx, c.index);
        const F = fanIn(c);
        const t = propagationTheory({ widths: [F, F], slope: 0, weightKurtosis: distributionByName(c.weights).kurtosis, inputVariance: 1, inputKurtosis: 3 });
        // c_l of the tapped channels: layer 0 entries are independent (c_0 = 0) like the FC input.
        const layers = testLayerMoments({ summaries: result.summaries.slice(0, 2), theory: t, falseAlarm });
        return propagationRecords(layers, { inputs: describe(c), samples, seed });
      },
    }),
    monteCarloCheck<Indexed>({
      id: 'section-7-conv/corrected/between-fan-in-and-channels',
      role: 'corrected',
      source: 'corrected: faster than the same fan-in, slower than the same channel count',
      description: "The same runs: at every layer l ≥ 2, κ_l(conv) shown above the same-fan-in FC value (comparison (a)) AND shown below the same-channel-count FC value (the reverse of comparison (b)); same tests and reach rules.",
      configurations: indexed,
      testsPerConfiguration: (c) => 2 * (c.depth - 1),
      run: (c, { falseAlarm, ctx }) => [...compare(ctx, c.index, falseAlarm, 'fan-in', false, 2), ...compare(ctx, c.index, falseAlarm, 'channels', true, 2)],
    }),
  ],
};
