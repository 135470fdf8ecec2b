import { distributionByName } from '../distributions/byName.ts';
import type { SymmetricDistribution } from '../distributions/types.ts';
import { inputStatistics } from '../data/inputStatistics.ts';
import { inputStatisticsMonteCarlo, type InputStatisticsMonteCarloResult } from '../data/inputStatisticsMonteCarlo.ts';
import { inputStatisticsSamplingError, type InputStatisticsSamplingError } from '../data/inputStatisticsSamplingError.ts';
import type { InputStatistics } from '../data/inputStatisticsTypes.ts';
import { inputStatisticsVerdicts, JPEG_MARGIN, type PublishedComparison, type PublishedVerdict } from '../data/inputStatisticsVerdicts.ts';
import { loadCifar10 } from '../data/loadCifar10.ts';
import { loadMnist } from '../data/loadMnist.ts';
import { preprocess } from '../data/preprocess.ts';
import { preprocessChannelMoments, type ChannelMoments } from '../data/preprocessChannelMoments.ts';
import { PREPROCESSING_METHODS, type PreprocessingMethod } from '../data/preprocessTypes.ts';
import type { Dataset } from '../data/types.ts';
import { initBackend } from '../network/backend.ts';
import type { ConsistencyRecord } from '../stats/types.ts';
import { DEFAULT_SEED } from '../verify/seed.ts';
import { parseInteger, parseSeed, UsageError } from './args.ts';
import { createProgress, type ProgressStream } from './progress.ts';

/** `vv input-stats` options as commander gives them (strings, validated here). */
export interface InputStatsOptions {
  readonly dataset?: string;
  readonly weightDist?: string;
  readonly preprocessing?: string;
  readonly dataDir?: string;
  readonly json?: boolean;
  readonly monteCarlo?: string;
  readonly seed?: string;
  readonly backend?: string;
}

/** Validated parameters of `vv input-stats`. */
export interface InputStatsParameters {
  readonly dataset: 'mnist' | 'cifar10';
  readonly weights: SymmetricDistribution;
  readonly preprocessing: PreprocessingMethod;
  readonly dataDir?: string;
  /** Monte Carlo draws, when requested. */
  readonly monteCarlo?: number;
  readonly seed: number;
}

/** Probability that any of the three Monte Carlo tests rejects true values. */
export const INPUT_STATS_FALSE_ALARM = 1e-4;
/** Samples behind the published values ("estimated using 10^7 samples"). */
const PUBLISHED_SAMPLES = 1e7;

/** Validates `vv input-stats`'s options; throws `UsageError` naming the bad argument. */
export function inputStatsParameters(o: InputStatsOptions): InputStatsParameters {
  const ds = o.dataset?.trim().toLowerCase();
  if (ds === undefined || ds === '') throw new UsageError('--dataset is required (mnist or cifar10)');
  if (ds !== 'mnist' && ds !== 'cifar10') throw new UsageError(`--dataset must be mnist or cifar10, got '${o.dataset}'`);
  const pre = (o.preprocessing ?? 'authors').trim().toLowerCase();
  if (!(PREPROCESSING_METHODS as readonly string[]).includes(pre)) throw new UsageError(`--preprocessing must be ${PREPROCESSING_METHODS.join(' or ')}, got '${o.preprocessing}'`);
  let weights: SymmetricDistribution;
  try {
    weights = distributionByName(o.weightDist ?? 'normal');
  } catch (error) {
    throw new UsageError(`--weight-dist: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (o.dataDir !== undefined && o.dataDir.trim() === '') throw new UsageError('--data-dir must not be empty');
  return {
    dataset: ds,
    weights,
    preprocessing: pre as PreprocessingMethod,
    ...(o.dataDir !== undefined ? { dataDir: o.dataDir } : {}),
    ...(o.monteCarlo !== undefined ? { monteCarlo: parseInteger(o.monteCarlo, '--monte-carlo', 2) } : {}),
    seed: o.seed === undefined ? DEFAULT_SEED : parseSeed(o.seed),
  };
}

/** Everything the command computed (plain data). */
export interface InputStatsReport {
  readonly datasetLabel: string;
  readonly parameters: InputStatsParameters;
  readonly channels: readonly ChannelMoments[];
  readonly stats: InputStatistics;
  readonly samplingError: InputStatisticsSamplingError;
  readonly jpegStandIn: boolean;
  readonly published: readonly PublishedVerdict[];
  readonly monteCarlo?: { readonly backend: string; readonly result: InputStatisticsMonteCarloResult };
}

const comparisonJson = (c: PublishedComparison) => ({ computed: c.computed, delta: c.delta, relativeDelta: c.relativeDelta, tolerance: c.tolerance, samplingStderr: c.samplingStderr, verdict: c.verdict });
const recordJson = (a: ConsistencyRecord) => ({ estimate: a.estimate, stderr: a.stderr, theory: a.theory, statistic: a.statistic, pValue: a.pValue, power: a.power, decision: a.decision, reason: a.reason });

/** The JSON document of `vv input-stats --json`. */
export function inputStatsJson(r: InputStatsReport): string {
  const s = r.stats;
  return (
    JSON.stringify(
      {
        dataset: r.datasetLabel,
        preprocessing: r.parameters.preprocessing,
        weights: r.parameters.weights.name,
        weightKurtosis: s.weightKurtosis,
        weightVariance: s.weightVariance,
        fanIn: s.fanIn,
        images: s.images,
        channels: r.channels.map((c) => ({ mean: c.mean, variance: c.variance })),
        sigma2: s.sigma2,
        kappa0: s.kappa0,
        c0: s.c0,
        c0_normalized: s.c0Normalized,
        samplingError1e7: { sigma2: r.samplingError.sigma2, kappa0: r.samplingError.kappa0, c0: r.samplingError.c0, c0_normalized: r.samplingError.c0Normalized, model: r.samplingError.model },
        tolerance: { seMultiple: 4, paperQuoteHalfWidth: 0.005, jpegMargin: r.jpegStandIn ? JPEG_MARGIN : null },
        published: r.published.map((p) => ({
          source: p.source,
          publishedFor: p.publishedFor,
          sameDataset: p.sameDataset,
          kappa0: p.kappa0.published,
          c0: p.c0.raw.published,
          verdict: p.verdict,
          c0MatchesAs: p.c0MatchesAs,
          impliedSigma2IfRaw: p.impliedSigma2IfRaw,
          delta: { kappa0: p.kappa0.delta, c0Raw: p.c0.raw.delta, c0RawUnitGain: p.c0.rawUnitGain.delta, c0Normalized: p.c0.normalized.delta },
          relativeDelta: { kappa0: p.kappa0.relativeDelta, c0Raw: p.c0.raw.relativeDelta, c0RawUnitGain: p.c0.rawUnitGain.relativeDelta, c0Normalized: p.c0.normalized.relativeDelta },
          comparisons: { kappa0: comparisonJson(p.kappa0), c0Raw: comparisonJson(p.c0.raw), c0RawUnitGain: comparisonJson(p.c0.rawUnitGain), c0Normalized: comparisonJson(p.c0.normalized) },
        })),
        ...(r.monteCarlo !== undefined
          ? {
              monteCarlo: {
                backend: r.monteCarlo.backend,
                draws: r.monteCarlo.result.draws,
                fanOut: r.monteCarlo.result.fanOut,
                seed: r.monteCarlo.result.seed,
                falseAlarm: r.monteCarlo.result.falseAlarm,
                sigma2: recordJson(r.monteCarlo.result.sigma2),
                kappa0: recordJson(r.monteCarlo.result.kappa0),
                c0: recordJson(r.monteCarlo.result.c0),
                decision: r.monteCarlo.result.decision,
              },
            }
          : {}),
      },
      null,
      2,
    ) + '\n'
  );
}

const f = (x: number, digits = 6) => (x !== 0 && Math.abs(x) < 1e-3 ? x.toExponential(digits - 1) : x.toPrecision(digits));
const signed = (x: number, digits = 3) => (x >= 0 ? '+' : '') + f(x, digits);

/** The human-readable report of `vv input-stats`. */
export function inputStatsText(r: InputStatsReport): string {
  const s = r.stats;
  const e = r.samplingError;
  const lines = [
    `${r.datasetLabel}, ${s.images} training images, d = ${s.fanIn}; preprocessing '${r.parameters.preprocessing}'; first layer He (v = 2/d) from ${r.parameters.weights.name} (κ_w = ${s.weightKurtosis})`,
    `per-channel mean / variance after preprocessing: ${r.channels.map((c) => `${f(c.mean, 4)} / ${f(c.variance, 6)}`).join(', ')}`,
    `exact (all images, no sampling):  σ² = ${f(s.sigma2, 10)}  κ0 = ${f(s.kappa0, 10)}  c0 = ${f(s.c0, 10)}  c0/σ⁴ = ${f(s.c0Normalized, 10)}`,
    `SE of a 10^7-sample estimate:     σ² ${f(e.sigma2, 2)}  κ0 ${f(e.kappa0, 2)}  c0 ${f(e.c0, 2)}  c0/σ⁴ ${f(e.c0Normalized, 2)}`,
    `tolerance: 4 SE(10^7) + 0.005 for the paper's 2 decimals${r.jpegStandIn ? ` + JPEG stand-in margin (${JPEG_MARGIN.ratio * 100}% of κ0, c0/σ⁴; ${JPEG_MARGIN.raw * 100}% of raw c0)` : ''}`,
    '',
    'published pair (source, attached to)      κ0 Δ (rel)              c0 read as: raw 2/d | raw 1/d | c0/σ⁴ (Δ)          verdict',
  ];
  for (const p of r.published) {
    const mark = (c: PublishedComparison) => `${signed(c.delta)}${c.verdict === 'agrees' ? '✓' : '✗'}`;
    lines.push(
      `${`${p.source} ${p.publishedFor}${p.sameDataset ? ' (this data set)' : ' (other data set)'}`.padEnd(34)} κ0 ${f(p.kappa0.published, 5).padEnd(7)} ${mark(p.kappa0)} (${signed(p.kappa0.relativeDelta * 100, 2)}%)`.padEnd(72) +
        `c0 ${f(p.c0.raw.published, 4)}: ${mark(p.c0.raw)} | ${mark(p.c0.rawUnitGain)} | ${mark(p.c0.normalized)}   ${p.verdict}${p.c0MatchesAs.length > 0 ? ` (c0 as ${p.c0MatchesAs.join(', ')})` : ''}`,
    );
  }
  if (r.monteCarlo !== undefined) {
    const m = r.monteCarlo.result;
    const cell = (a: ConsistencyRecord) => `${f(a.estimate ?? Number.NaN, 5)} ± ${f(a.stderr ?? Number.NaN, 2)} (exact ${f(a.theory, 5)}): ${a.decision}`;
    lines.push(
      '',
      `Monte Carlo (${r.monteCarlo.backend}, ${m.draws} draws of a fresh He first layer ${m.fanOut} × ${s.fanIn} and a random image, seed ${m.seed}; false alarm ${m.falseAlarm.total} in all):`,
      `  σ² ${cell(m.sigma2)}`,
      `  κ0 ${cell(m.kappa0)}`,
      `  c0 ${cell(m.c0)}`,
    );
  }
  return lines.join('\n') + '\n';
}

function load(p: InputStatsParameters, env: Readonly<Record<string, string | undefined>> | undefined): Dataset {
  if (p.dataset === 'mnist') return loadMnist(p.dataDir !== undefined ? { dir: p.dataDir } : {});
  return loadCifar10({ ...(p.dataDir !== undefined ? { dataDir: p.dataDir } : {}), ...(env !== undefined ? { env } : {}) });
}

/**
 * Runs `vv input-stats`: the exact first-layer statistics σ², κ0, c0 of a data set under a
 * preprocessing, next to the published values with verdicts, and optionally a Monte Carlo
 * cross-check with real tfjs layers. Report to stdout, backend and progress to stderr. Bad options
 * throw UsageError, bad data DataError (from the readers). Returns 0, or 1 when the Monte Carlo
 * check rejects the exact values.
 */
export async function inputStatsCommand(
  o: InputStatsOptions,
  io: { readonly stdout: { write(chunk: string): unknown }; readonly stderr: ProgressStream; readonly env?: Readonly<Record<string, string | undefined>> },
): Promise<number> {
  const p = inputStatsParameters(o);
  const dataset = load(p, io.env);
  const stats = inputStatistics(dataset, { preprocessing: p.preprocessing, weights: p.weights });
  const jpegStandIn = /jpeg/i.test(dataset.label);
  let monteCarlo: InputStatsReport['monteCarlo'];
  if (p.monteCarlo !== undefined) {
    let backend: string;
    try {
      backend = (await initBackend({ requested: o.backend, env: io.env })).name;
    } catch (error) {
      throw new UsageError(error instanceof Error ? error.message : String(error));
    }
    io.stderr.write(`backend: ${backend}\n`);
    const progress = createProgress({ label: 'input-stats', total: p.monteCarlo, unit: 'draws', stream: io.stderr });
    const result = inputStatisticsMonteCarlo({
      images: preprocess(dataset, { method: p.preprocessing }).train,
      exact: stats,
      weights: p.weights,
      draws: p.monteCarlo,
      seed: p.seed,
      falseAlarm: INPUT_STATS_FALSE_ALARM,
      onProgress: (done) => progress.update(done),
    });
    progress.stop();
    monteCarlo = { backend, result };
  }
  const report: InputStatsReport = {
    datasetLabel: dataset.label,
    parameters: p,
    channels: preprocessChannelMoments(dataset, { method: p.preprocessing }),
    stats,
    samplingError: inputStatisticsSamplingError(stats, { samples: PUBLISHED_SAMPLES }),
    jpegStandIn,
    published: inputStatisticsVerdicts(stats, { dataset: p.dataset, jpegStandIn }),
    ...(monteCarlo !== undefined ? { monteCarlo } : {}),
  };
  io.stdout.write(o.json ? inputStatsJson(report) : inputStatsText(report));
  return monteCarlo?.result.decision === 'rejected' ? 1 : 0;
}
