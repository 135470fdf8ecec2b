import { distributionByName, DISTRIBUTION_NAMES } from '../distributions/byName.ts';
import type { SymmetricDistribution } from '../distributions/types.ts';
import {
  propagationMonteCarlo,
  propagationTestCount,
  PROPAGATION_DEFAULTS,
  type PropagationMonteCarloOptions,
  type PropagationMonteCarloResult,
} from '../montecarlo/propagation/propagationMonteCarlo.ts';
import { propagationTheory, type PropagationTheoryOptions } from '../montecarlo/propagation/propagationTheory.ts';
import { scaleMixtureInput, type InputVectorLaw } from '../montecarlo/propagation/scaleMixtureInput.ts';
import { normal } from '../distributions/normal.ts';
import type { BackendChoice } from '../network/backend.ts';
import { initBackend } from '../network/backend.ts';
import type { ConsistencyRecord } from '../stats/types.ts';
import { DEFAULT_SEED } from '../verify/seed.ts';
import { parseFiniteNumber, parseInteger, parseSeed, parseWidthList, UsageError } from './args.ts';
import { createProgress, type ProgressStream } from './progress.ts';
import { architectureChoice, architectureJson, effectiveSlope, architectureText, architectureWidths, runArchitectureMonteCarlo, type ArchitectureChoice } from './montecarloArchitecture.ts';

/** `vv montecarlo` options as commander gives them (strings, validated here). */
export interface MontecarloOptions {
  readonly width?: string;
  readonly widths?: string;
  readonly depth?: string;
  readonly slope: string;
  readonly dist?: string;
  readonly input: string;
  readonly samples: string;
  readonly seed?: string;
  readonly backend?: string;
  readonly falseAlarm: string;
  readonly deviation: string;
  readonly perturb?: string;
  readonly json?: boolean;
  /** `plain|residual:ALPHA[:VARIANT]|conv1d:C,K,S[,PAD]|conv2d:C,K,H,W[,S][,PAD]` (see montecarloArchitecture.ts). */
  readonly arch?: string;
  /** Activation name (default: leaky ReLU with --slope). */
  readonly activation?: string;
}

/** Default probability that any of the command's tests rejects a true recursion. */
export { MONTECARLO_FALSE_ALARM } from './montecarloDefaults.ts';

/**
 * The validated command line: the Monte Carlo run's options (`inputVector` from `--input
 * scale-mixture:S`), with `falseAlarm` for the WHOLE run (split over its tests when run).
 */
export interface MontecarloParameters
  extends Pick<PropagationMonteCarloOptions, 'widths' | 'slope' | 'weights' | 'input' | 'inputVector' | 'samples' | 'seed' | 'falseAlarm'> {
  readonly relativeDeviation: number;
  /** Test against Proposition 3 with one coefficient of A^(l) multiplied (a deliberately wrong recursion). */
  readonly perturb?: PropagationTheoryOptions['perturb'];
  /** A non-plain architecture or non-leaky-ReLU activation (null: the paper's network). */
  readonly choice?: ArchitectureChoice | null;
}

function parseDistribution(text: string, flag: string): SymmetricDistribution {
  try {
    return distributionByName(text);
  } catch (error) {
    throw new UsageError(`${flag}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** `--input`: an i.i.d. law by name, or `scale-mixture:S` (x = s·g, s ∈ {1, S}: c_0 ≠ 0). */
function parseInput(text: string): { input: SymmetricDistribution; inputVector?: InputVectorLaw } {
  const m = /^\s*scale-mixture:(.*)$/i.exec(text);
  if (m === null) return { input: parseDistribution(text, '--input') };
  const scale = parseFiniteNumber(m[1]!, '--input scale-mixture:S');
  if (!(scale > 0)) throw new UsageError(`--input scale-mixture:S needs S > 0, got ${scale}`);
  return { input: normal(), inputVector: scaleMixtureInput({ scale }) };
}

function parseOpenProbability(text: string, flag: string): number {
  const p = parseFiniteNumber(text, flag);
  if (!(p > 0 && p < 1)) throw new UsageError(`${flag} must be in (0, 1), got ${p}`);
  return p;
}

/** The deepest network `vv montecarlo` builds. */
export const MAX_MONTECARLO_DEPTH = 10_000;

/** Networks per batched forward pass (sampleLayerOutputs' default chunk). */
const BATCH = 4096;
/** Bytes per weight of a batch: the float32 draws and their tensor copy. */
const BYTES_PER_WEIGHT = 8;
/** The most memory one batch may take. */
export const MONTECARLO_BATCH_LIMIT_BYTES = 2 * 1024 ** 3;

/**
 * Refuses widths whose batch of min(n, 4096) networks would not fit in memory (the typed arrays
 * would fail, or the machine swap): one line with the estimate. Example: width 100000, depth 2,
 * n = 100 → 2·10¹⁰ weights per network, ≈ 14901 GiB a batch.
 */
function checkBatchMemory(widths: readonly number[], samples: number, flag: string): void {
  const perNetwork = widths.slice(1).reduce((sum, w, l) => sum + w * widths[l]!, 0);
  const networks = Math.min(samples, BATCH);
  const bytes = networks * perNetwork * BYTES_PER_WEIGHT;
  if (bytes <= MONTECARLO_BATCH_LIMIT_BYTES) return;
  const gib = bytes / 1024 ** 3;
  throw new UsageError(
    `${flag}: one batch of ${networks} networks needs ≈ ${gib >= 10 ? Math.round(gib) : gib.toPrecision(2)} GiB (${Number(perNetwork.toPrecision(3)).toExponential().replace(/\.?0*e/, 'e')} weights per network, ${BYTES_PER_WEIGHT} bytes each); the limit is 2 GiB: use smaller widths`,
  );
}

/** Validates `vv montecarlo`'s options; throws `UsageError` naming the bad argument. */
export function montecarloParameters(o: MontecarloOptions): MontecarloParameters {
  if (o.width !== undefined && o.widths !== undefined) throw new UsageError('give either --width or --widths, not both');
  const conv2d = o.arch !== undefined && /^\s*conv2d:/i.test(o.arch);
  let widths: number[];
  const givenSlope = parseFiniteNumber(o.slope, '--slope');
  const choice = architectureChoice(o, givenSlope);
  // `--activation leaky-relu:A` (or relu) on the plain network is the paper's run with slope A.
  const slope = effectiveSlope(o, givenSlope);
  if (o.width === undefined && o.widths === undefined) {
    if (choice !== null && choice.architecture.kind === 'conv' && choice.architecture.dims === 1) throw new UsageError('--width is required with --arch conv1d: it is the signal length (number of positions of the input)');
    if (!conv2d || choice === null || choice.architecture.kind !== 'conv') throw new UsageError('one of --width or --widths is required');
    if (o.depth === undefined) throw new UsageError('--depth is required');
    const a = choice.architecture;
    widths = new Array<number>(parseInteger(o.depth, '--depth', 1) + 1).fill(a.height! * a.width!);
  } else if (o.width !== undefined) {
    if (o.depth === undefined) throw new UsageError('--depth is required with --width');
    const depth = parseInteger(o.depth, '--depth', 1);
    if (depth > MAX_MONTECARLO_DEPTH) throw new UsageError(`--depth must be <= ${MAX_MONTECARLO_DEPTH} (one weight layer per network and depth), got ${depth}`);
    widths = new Array<number>(depth + 1).fill(parseInteger(o.width, '--width', 1));
  } else {
    widths = parseWidthList(o.widths!, '--widths');
    if (widths.length < 2) throw new UsageError(`--widths needs the input width and at least one layer's (w_0,w_1,…), got ${widths.length} entry`);
    if (o.depth !== undefined) {
      const depth = parseInteger(o.depth, '--depth', 1);
      if (widths.length !== depth + 1) throw new UsageError(`--widths has ${widths.length} entries but --depth is ${depth}; give ${depth + 1} (input, then each layer)`);
    }
  }
  if (o.dist === undefined) throw new UsageError(`--dist is required (${DISTRIBUTION_NAMES})`);
  let perturb: MontecarloParameters['perturb'];
  if (o.perturb !== undefined) {
    const parts = o.perturb.split(',').map((p) => p.trim());
    if (parts.length < 2 || parts.length > 3) throw new UsageError(`--perturb must be ROW,COL[,FACTOR] (e.g. 0,2,1.05), got '${o.perturb}'`);
    const row = parseInteger(parts[0]!, '--perturb ROW', 0);
    const col = parseInteger(parts[1]!, '--perturb COL', 0);
    if (row > 1 || col > 2) throw new UsageError(`--perturb: A[${row}][${col}] is not a coefficient of the recursion (ROW 0–1, COL 0–2)`);
    const factor = parts[2] === undefined ? 1.05 : parseFiniteNumber(parts[2], '--perturb FACTOR');
    perturb = { row: row as 0 | 1, col: col as 0 | 1 | 2, factor };
  }
  if (choice !== null) {
    if (perturb !== undefined) throw new UsageError('--perturb applies to the plain leaky-ReLU network only (not with --arch/--activation)');
    widths = architectureWidths(choice, widths, o);
    if (choice.architecture.kind === 'conv' && /^\s*scale-mixture:/i.test(o.input)) throw new UsageError('--input scale-mixture:S is not supported with --arch conv1d/conv2d');
  }
  const samples = parseInteger(o.samples, '--samples', 2);
  checkBatchMemory(widths, samples, o.width !== undefined ? '--width' : '--widths');
  return {
    ...(perturb !== undefined ? { perturb } : {}),
    ...(choice !== null ? { choice } : {}),
    widths,
    slope,
    weights: parseDistribution(o.dist, '--dist'),
    ...parseInput(o.input),
    samples,
    seed: o.seed === undefined ? DEFAULT_SEED : parseSeed(o.seed),
    falseAlarm: parseOpenProbability(o.falseAlarm, '--false-alarm'),
    relativeDeviation: parseOpenProbability(o.deviation, '--deviation'),
  };
}

/** The JSON document of `vv montecarlo --json`. */
export function montecarloJson(p: MontecarloParameters, r: PropagationMonteCarloResult, backend: string): string {
  const tests = propagationTestCount(p.widths);
  const view = (a: ConsistencyRecord | null) =>
    a === null
      ? null
      : {
          estimate: a.estimate,
          stderr: a.stderr,
          theory: a.theory,
          interval: a.interval,
          statistic: a.statistic,
          pValue: a.pValue,
          power: a.power,
          detectableRelativeDeviation: a.detectableRelativeDeviation,
          batchSkewness: a.batchSkewness,
          decision: a.decision,
          reason: a.reason,
        };
  return (
    JSON.stringify(
      {
        backend,
        seed: p.seed,
        samples: p.samples,
        widths: p.widths,
        slope: p.slope,
        weights: p.weights.name,
        input: p.inputVector?.name ?? p.input.name,
        falseAlarm: { total: p.falseAlarm, tests, perTest: r.falseAlarm },
        relativeDeviation: p.relativeDeviation,
        theory: p.perturb === undefined ? 'proposition-3' : { perturbed: p.perturb },
        minPower: PROPAGATION_DEFAULTS.minPower,
        batches: PROPAGATION_DEFAULTS.batches,
        layers: r.layers.map((l) => ({ layer: l.layer, width: l.width, variance: view(l.variance), kappa: view(l.kappa), c: view(l.c), decision: l.decision })),
      },
      null,
      2,
    ) + '\n'
  );
}

const fmt = (x: number | null, digits = 5) => (x === null ? '—' : Math.abs(x) >= 1e5 || (x !== 0 && Math.abs(x) < 1e-3) ? x.toExponential(digits - 1) : x.toPrecision(digits));
const cellOf = (a: ConsistencyRecord | null) => (a === null ? 'n/a (width 1)' : `${fmt(a.estimate)} ± ${fmt(a.stderr, 2)} (${fmt(a.theory)})`);

/** The human-readable table of `vv montecarlo`. */
export function montecarloText(p: MontecarloParameters, r: PropagationMonteCarloResult, backend: string): string {
  const tests = propagationTestCount(p.widths);
  const lines = [
    `backend ${backend}, seed ${p.seed}, n = ${p.samples} networks, weights ${p.weights.name}, input ${p.inputVector?.name ?? p.input.name}, slope a = ${p.slope}`,
    `false-alarm probability ${p.falseAlarm} for the whole run, ${r.falseAlarm.toExponential(2)} per test (${tests} tests); power stated against a ${p.relativeDeviation * 100}% deviation (required ${PROPAGATION_DEFAULTS.minPower})`,
    p.perturb === undefined
      ? 'Each cell: Monte Carlo estimate ± standard error (Proposition 1/3 value); c = Cov[y_i^2, y_j^2].'
      : `Each cell: Monte Carlo estimate ± standard error (value of a PERTURBED recursion: A[${p.perturb.row}][${p.perturb.col}] × ${p.perturb.factor}); c = Cov[y_i^2, y_j^2].`,
    '',
  ];
  const rows = r.layers.map((l) => [String(l.layer), String(l.width), cellOf(l.variance), cellOf(l.kappa), cellOf(l.c), l.decision]);
  const header = ['layer', 'width', 'variance', 'kappa', 'c', 'decision'];
  const widthsOf = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i < 2 ? c.padStart(widthsOf[i]!) : c.padEnd(widthsOf[i]!))).join('  ').trimEnd();
  lines.push(line(header), ...rows.map(line));
  const notes = r.layers.flatMap((l) =>
    [['variance', l.variance] as const, ['kappa', l.kappa] as const, ['c', l.c] as const]
      .filter(([, a]) => a !== null && a.decision !== 'consistent')
      .map(([name, a]) => `layer ${l.layer} ${name}: ${a!.decision}: ${a!.reason}`),
  );
  if (notes.length > 0) lines.push('', ...notes);
  return lines.join('\n') + '\n';
}

/**
 * Runs `vv montecarlo`: Propositions 1 and 3 against real tfjs networks. The backend and progress
 * go to stderr, the table (or JSON) to stdout. Returns 0 when no test rejects, 1 when one does.
 */
export async function montecarloCommand(
  o: MontecarloOptions,
  io: { readonly stdout: { write(chunk: string): unknown }; readonly stderr: ProgressStream; readonly env?: Readonly<Record<string, string | undefined>> },
): Promise<number> {
  const p = montecarloParameters(o);
  let backend: BackendChoice;
  try {
    backend = await initBackend({ requested: o.backend, env: io.env });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  io.stderr.write(`backend: ${backend.name}${backend.unavailable.length > 0 ? ` (unavailable: ${backend.unavailable.map((u) => u.name).join(', ')})` : ''}\n`);
  if (p.choice) {
    const choice = p.choice;
    const bar = createProgress({ label: 'montecarlo', total: p.samples, unit: 'networks', stream: io.stderr });
    const r = runArchitectureMonteCarlo(p, choice, (done) => bar.update(done));
    bar.stop();
    io.stdout.write(o.json ? architectureJson(p, choice, r, backend.name) : architectureText(p, choice, r, backend.name));
    return r.layers !== null && r.layers.some((l) => l.decision === 'rejected') ? 1 : 0;
  }
  const tests = propagationTestCount(p.widths);
  const progress = createProgress({ label: 'montecarlo', total: p.samples, unit: 'networks', stream: io.stderr });
  const result = propagationMonteCarlo({
    widths: p.widths,
    slope: p.slope,
    weights: p.weights,
    input: p.input,
    ...(p.inputVector !== undefined ? { inputVector: p.inputVector } : {}),
    samples: p.samples,
    seed: p.seed,
    // Bonferroni over the command's tests: P(any false alarm) ≤ tests · (total/tests) = total.
    falseAlarm: p.falseAlarm / tests,
    relativeDeviation: p.relativeDeviation,
    ...(p.perturb !== undefined
      ? {
          theory: propagationTheory({
            widths: p.widths,
            slope: p.slope,
            weightKurtosis: p.weights.kurtosis,
            inputVariance: p.inputVector?.variance ?? p.input.variance,
            inputKurtosis: p.inputVector?.kappa0 ?? p.input.kurtosis,
            c0: p.inputVector?.c0 ?? 0,
            perturb: p.perturb,
          }),
        }
      : {}),
    onProgress: (done) => progress.update(done),
  });
  progress.stop();
  io.stdout.write(o.json ? montecarloJson(p, result, backend.name) : montecarloText(p, result, backend.name));
  return result.layers.some((l) => l.decision === 'rejected') ? 1 : 0;
}
