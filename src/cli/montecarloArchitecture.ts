import { architectureMonteCarlo, architectureTestCount, type ArchitectureMonteCarloResult } from '../montecarlo/architecture/architectureMonteCarlo.ts';
import { PROPAGATION_DEFAULTS } from '../montecarlo/propagation/propagationMonteCarlo.ts';
import { activationLabel, type Activation } from '../network/activation/types.ts';
import { parseActivation } from '../network/activation/parseActivation.ts';
import { architectureLabel } from '../network/architecture/architectureLabel.ts';
import { parseArchitecture } from '../network/architecture/parseArchitecture.ts';
import type { Architecture } from '../network/architecture/types.ts';
import type { ConsistencyRecord } from '../stats/types.ts';
import type { Estimate } from '../montecarlo/types.ts';
import { UsageError } from './args.ts';
import type { MontecarloParameters } from './montecarloCommand.ts';

/** `--arch` and `--activation` validated: null when they give the paper's plain leaky-ReLU network. */
export interface ArchitectureChoice {
  readonly architecture: Architecture;
  readonly activation: Activation;
}

/**
 * Parses `--arch` / `--activation` (with `--slope`, `--width`/`--widths`, `--depth` already
 * parsed into `widths`) and returns the widths the sampler needs. Conv 1-D: `--width` is the
 * signal length (number of positions) and must be constant; conv 2-D: the positions are the
 * arch's H × W (`--width`, if given, must equal H·W); residual: constant widths.
 * Errors are one-line `UsageError`s naming the argument.
 */
export function architectureChoice(
  o: { readonly arch?: string; readonly activation?: string; readonly slope: string; readonly width?: string; readonly depth?: string },
  slope: number,
): ArchitectureChoice | null {
  if (o.arch === undefined && o.activation === undefined) return null;
  let architecture: Architecture;
  let activation: Activation;
  try {
    architecture = parseArchitecture(o.arch ?? 'plain');
  } catch (error) {
    throw new UsageError(`--arch: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    activation = o.activation === undefined ? { name: 'leaky-relu', slope } : parseActivation(o.activation);
  } catch (error) {
    throw new UsageError(`--activation: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (o.activation !== undefined && slope !== 0) throw new UsageError(`--slope applies to the leaky ReLU without --activation; give --activation leaky-relu:${slope} instead`);
  if (architecture.kind === 'plain' && activation.name === 'leaky-relu') return null;
  return { architecture, activation };
}

/** The leaky-ReLU slope of the run: `--activation leaky-relu:A` (or relu) overrides `--slope`. */
export function effectiveSlope(o: { readonly activation?: string }, slope: number): number {
  if (o.activation === undefined) return slope;
  const a = parseActivation(o.activation);
  return a.name === 'leaky-relu' ? a.slope : slope;
}

/** The widths for the sampler, checked against the architecture; throws UsageError. */
export function architectureWidths(choice: ArchitectureChoice, widths: readonly number[], o: { readonly width?: string; readonly widths?: string }): number[] {
  const a = choice.architecture;
  const constant = widths.every((w) => w === widths[0]);
  if (a.kind === 'residual' && !constant) throw new UsageError(`--arch ${architectureLabel(a)}: residual blocks need one constant width, got --widths ${widths.join(',')}`);
  if (a.kind === 'conv') {
    if (o.widths !== undefined && !constant) throw new UsageError(`--arch conv: give --width (the signal length) or constant --widths, got ${widths.join(',')}`);
    if (a.dims === 2 && widths[0] !== a.height! * a.width!) throw new UsageError(`--width must equal H·W = ${a.height! * a.width!} for --arch ${architectureLabel(a)} (or be left out), got ${widths[0]}`);
  }
  return [...widths];
}

/** Number of tests of an architecture run (0 when no exact theory exists). */
export function architectureRunTests(p: MontecarloParameters, choice: ArchitectureChoice): number {
  return architectureTestCount({ widths: p.widths, architecture: choice.architecture, activation: choice.activation, weights: p.weights, input: p.input, ...(p.inputVector ? { inputVector: p.inputVector } : {}) });
}

/** Runs the architecture Monte Carlo for `vv montecarlo`. */
export function runArchitectureMonteCarlo(p: MontecarloParameters, choice: ArchitectureChoice, onProgress: (done: number) => void): ArchitectureMonteCarloResult {
  const tests = architectureRunTests(p, choice);
  return architectureMonteCarlo({
    widths: p.widths,
    architecture: choice.architecture,
    activation: choice.activation,
    weights: p.weights,
    input: p.input,
    ...(p.inputVector ? { inputVector: p.inputVector } : {}),
    samples: p.samples,
    seed: p.seed,
    falseAlarm: p.falseAlarm / Math.max(1, tests),
    relativeDeviation: p.relativeDeviation,
    onProgress,
  });
}

type Cell = { estimate: Estimate; record: ConsistencyRecord | null } | null;

function cells(r: ArchitectureMonteCarloResult, l: number): { variance: Cell; kappa: Cell; c: Cell; decision: string } {
  const s = r.summaries[l]!;
  const t = r.layers?.[l];
  return {
    variance: { estimate: s.variance, record: t?.variance ?? null },
    kappa: { estimate: s.kappa, record: t?.kappa ?? null },
    c: s.c === null ? null : { estimate: s.c, record: t?.c ?? null },
    decision: t?.decision ?? 'no-theory',
  };
}

function describe(choice: ArchitectureChoice, r: ArchitectureMonteCarloResult): string {
  const a = choice.architecture;
  const tap = a.kind === 'conv' ? `; conv: the ${a.channels} channels at the centre position are each layer's units (width = C)` : '';
  return `arch ${architectureLabel(a)}, activation ${activationLabel(choice.activation)}, init gain ${r.gain.toPrecision(6)} (weight variance gain²/fan_in)${tap}`;
}

/** JSON of an architecture run: every field of the plain run's document, plus architecture, activation, gain. */
export function architectureJson(p: MontecarloParameters, choice: ArchitectureChoice, r: ArchitectureMonteCarloResult, backend: string): string {
  const tests = architectureRunTests(p, choice);
  const view = (c: Cell) => {
    if (c === null) return null;
    const a = c.record;
    return {
      estimate: c.estimate.estimate,
      stderr: c.estimate.stderr,
      theory: a?.theory ?? null,
      interval: a?.interval ?? null,
      statistic: a?.statistic ?? null,
      pValue: a?.pValue ?? null,
      power: a?.power ?? null,
      detectableRelativeDeviation: a?.detectableRelativeDeviation ?? null,
      batchSkewness: c.estimate.batchSkewness,
      decision: a?.decision ?? 'no-theory',
      reason: a?.reason ?? 'no exact recursion for this architecture/activation: estimate and standard error only',
    };
  };
  return (
    JSON.stringify(
      {
        backend,
        seed: p.seed,
        samples: p.samples,
        widths: p.widths,
        slope: choice.activation.name === 'leaky-relu' ? choice.activation.slope : null,
        weights: p.weights.name,
        input: p.inputVector?.name ?? p.input.name,
        falseAlarm: { total: p.falseAlarm, tests, perTest: r.falseAlarm },
        relativeDeviation: p.relativeDeviation,
        theory: r.theory === null ? null : choice.architecture.kind === 'residual' ? 'linear-residual-recursion' : 'proposition-3',
        minPower: PROPAGATION_DEFAULTS.minPower,
        batches: PROPAGATION_DEFAULTS.batches,
        architecture: architectureLabel(choice.architecture),
        activation: activationLabel(choice.activation),
        gain: r.gain,
        layers: r.summaries.map((s, l) => {
          const c = cells(r, l);
          return { layer: l, width: s.width, variance: view(c.variance), kappa: view(c.kappa), c: view(c.c), decision: c.decision };
        }),
      },
      null,
      2,
    ) + '\n'
  );
}

const fmt = (x: number | null, digits = 5) => (x === null ? '—' : Math.abs(x) >= 1e5 || (x !== 0 && Math.abs(x) < 1e-3) ? x.toExponential(digits - 1) : x.toPrecision(digits));
const cellText = (c: Cell) => (c === null ? 'n/a (width 1)' : `${fmt(c.estimate.estimate)} ± ${fmt(c.estimate.stderr, 2)}${c.record === null ? '' : ` (${fmt(c.record.theory)})`}`);

/** The table of an architecture run (same columns as the plain run's). */
export function architectureText(p: MontecarloParameters, choice: ArchitectureChoice, r: ArchitectureMonteCarloResult, backend: string): string {
  const tests = architectureRunTests(p, choice);
  const lines = [
    `backend ${backend}, seed ${p.seed}, n = ${p.samples} networks, weights ${p.weights.name}, input ${p.inputVector?.name ?? p.input.name}`,
    describe(choice, r),
    r.theory === null
      ? 'No exact recursion for this architecture/activation: each cell is the Monte Carlo estimate ± standard error (batch means, 64 batches); nothing is tested.'
      : `false-alarm probability ${p.falseAlarm} for the whole run, ${r.falseAlarm.toExponential(2)} per test (${tests} tests); power stated against a ${p.relativeDeviation * 100}% deviation (required ${PROPAGATION_DEFAULTS.minPower})`,
    r.theory === null ? 'c = Cov[y_i^2, y_j^2].' : `Each cell: Monte Carlo estimate ± standard error (${choice.architecture.kind === 'residual' ? 'linear residual recursion' : 'Proposition 1/3'} value); c = Cov[y_i^2, y_j^2].`,
    '',
  ];
  const rows = r.summaries.map((s, l) => {
    const c = cells(r, l);
    return [String(l), String(s.width), cellText(c.variance), cellText(c.kappa), cellText(c.c), c.decision];
  });
  const header = ['layer', 'width', 'variance', 'kappa', 'c', 'decision'];
  const widthsOf = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cs: readonly string[]) => cs.map((c, i) => (i < 2 ? c.padStart(widthsOf[i]!) : c.padEnd(widthsOf[i]!))).join('  ').trimEnd();
  lines.push(line(header), ...rows.map(line));
  const notes = (r.layers ?? []).flatMap((l) =>
    [['variance', l.variance] as const, ['kappa', l.kappa] as const, ['c', l.c] as const]
      .filter(([, a]) => a !== null && a.decision !== 'consistent')
      .map(([name, a]) => `layer ${l.layer} ${name}: ${a!.decision}: ${a!.reason}`),
  );
  if (notes.length > 0) lines.push('', ...notes);
  return lines.join('\n') + '\n';
}
