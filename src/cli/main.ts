import { Command, CommanderError } from 'commander';
import { packagePath } from '../paths/packagePath.ts';
import { UsageError } from './args.ts';
// Only types and light constants at the top: each command's module (and with it TensorFlow.js,
// vega, mathjs, the data readers) is imported when that command runs (see `main`), so that
// `vv --help` and `vv kurtosis` start without them (test/cli/startup.test.ts).
import type { KurtosisOptions } from './kurtosisCommand.ts';
import type { MontecarloOptions } from './montecarloCommand.ts';
import { MONTECARLO_FALSE_ALARM } from './montecarloDefaults.ts';
import type { InputStatsOptions } from './inputStatsCommand.ts';
import { DISTRIBUTION_NAMES } from '../distributions/distributionNames.ts';
import type { VerifyOptions } from './verifyCommand.ts';
import type { DataFetchOptions } from './dataCommand.ts';
import { packageVersion } from '../paths/packageVersion.ts';
import { SCALE_HELP, TOP_LEVEL_HELP } from './helpTexts.ts';
import { rejectEmptyValues } from './rejectEmptyValues.ts';
import { rejectRepeatedOptions } from './rejectRepeatedOptions.ts';
import type { StatementSpec } from '../verify/types.ts';
import type { ProgressStream as FigureIOStream } from './progress.ts';
import type { FigureCommandOptions } from './figureCommand.ts';
import type { Fig2PredictionOptions } from './fig2PredictionCommand.ts';

/** Something to write output to (`process.stdout`, or a test's collector). */
export interface Writer {
  write(chunk: string): unknown;
}

export interface MainIO {
  readonly stdout?: Writer;
  readonly stderr?: Writer;
  /** Directory relative paths (`--out`, `--expectations`) resolve against; default `process.cwd()`. */
  readonly cwd?: string;
  /** Statements `vv verify` chooses from; default `allStatements` of `properties/index.ts`. */
  readonly statements?: readonly StatementSpec[];
  /** Environment (`VV_BACKEND`); default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Default expectations file; default `fixtures/expectations.json` under the package root. */
  readonly expectationsPath?: string;
}

/** The package root, against which the default fixture path resolves (the same from src/ and dist/src/). */
export const PACKAGE_ROOT = packagePath();
export const DEFAULT_EXPECTATIONS_PATH = packagePath('fixtures/expectations.json');

let epipeHandled = false;

/** Commander's messages as one line, without its own `error: ` prefix. */
function oneLine(message: string): string {
  return message
    .replace(/^error:\s*/i, '')
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .join(' ');
}

type Parsed =
  | { command: 'verify'; options: VerifyOptions }
  | { command: 'kurtosis'; options: KurtosisOptions }
  | { command: 'montecarlo'; options: MontecarloOptions }
  | { command: 'input-stats'; options: InputStatsOptions }
  | { command: 'fig2-prediction'; options: Fig2PredictionOptions }
  | { command: 'data-fetch'; dataset: string; options: DataFetchOptions }
  | { command: 'fig1' | 'fig2' | 'fig3' | 'acceptance'; options: FigureCommandOptions }
  | { command: 'merge'; inputs: string[]; options: FigureCommandOptions & { force?: boolean } };

function buildProgram(stdout: Writer, errors: { message?: string; helpOnStderr: boolean }, onParsed: (p: Parsed) => void): Command {
  const program = new Command('vv');
  program
    .description("Verification suite for 'The Vanishing Empirical Variance in Randomly Initialized Deep ReLU Networks'.")
    .version(packageVersion(), '-V, --version')
    .addHelpText('after', TOP_LEVEL_HELP)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => void stdout.write(s),
      // Only help shown as an error (e.g. a bare `vv`) reaches writeErr: it is replaced by one line.
      writeErr: () => void (errors.helpOnStderr = true),
      outputError: (s) => void (errors.message ??= oneLine(s)),
    });

  program
    .command('verify')
    .description(
      'Run the statements\' checks, write verification.json and verification.md, and compare every verdict with the expectations fixture.',
    )
    .option('--tier <tier>', 'quick (100 cases per property, ≈ 15 s on wasm) or full (1000)', 'quick')
    .option('--list', 'list every statement with its title and expected verdicts (from the expectations file); run nothing')
    .option('--json', 'print the summary (or --list) as JSON instead of text')
    .option('--seed <N>', 'run seed, a non-negative safe integer (default: 20261124)')
    .option('--out <DIR>', 'directory for the report files, relative to the current directory', 'reports')
    .option('--statement <ID...>', 'run (and compare) only these statement ids')
    .option('--expectations <PATH>', 'expectations file (default: fixtures/expectations.json in the package)')
    .option('--write-expectations', 'write the expectations file from this run instead of comparing (deliberate update)')
    .option('--backend <NAME>', 'TensorFlow.js backend of the Monte Carlo checks: node, wasm or cpu (default: VV_BACKEND, else the fastest available)')
    .option('--false-alarm <P>', 'probability that any Monte Carlo test of the run rejects a true claim, split over its tests', '1e-6')
    .option('--audit-seeds <N>', 'instead of verifying: run the Monte Carlo checks whose claims hold N times (seeds S, S+1, …) and compare the rate of runs with a false alarm with the stated one')
    .option('--audit-false-alarm <P>', 'stated per-run false-alarm probability of the audit (raised from 1e-6 so that N runs can measure it)', '0.05')
    .addHelpText(
      'after',
      '\nExit codes: 0 every verdict (statement, corrected, each check) matches the expectations;\n' +
        '1 some do not (listed); 2 invalid input. Progress goes to stderr, the summary to stdout.\n' +
        'With --statement and --write-expectations, only those statements\' entries are replaced.',
    )
    .action((opts: VerifyOptions) => onParsed({ command: 'verify', options: opts }));

  program
    .command('kurtosis')
    .description("Propagate kurtosis through a random leaky-ReLU network (Proposition 3's recursion).")
    .option('--width <W>', 'constant width of every layer (integer >= 1) (this or --widths is required)')
    .option('--widths <LIST>', 'comma-separated widths w_0,w_1,... (at least depth entries, at most depth+1)')
    .option('--depth <D>', 'number of layers (integer >= 0) (required)')
    .option('--slope <A>', 'negative slope a of the leaky ReLU', '0')
    .option('--weight-kurtosis <K>', 'kurtosis of the weight distribution (>= 1)', '3')
    .option('--input-kurtosis <K0>', 'kurtosis kappa_0 of the input entries (>= 1)', '3')
    .option('--input-cov <C0>', 'c_0 = Cov[x_i^2, x_j^2] of the input', '0')
    .option('--variance <S2>', 'sigma^2, the variance preserved by He initialisation (> 0)', '1')
    .option('--samples <n>', 'n, samples of the empirical variance (integer >= 2)', '1000')
    .option('--json', 'print JSON instead of a table')
    .addHelpText(
      'after',
      '\nPer layer l = 0..D (0 = input): kappa_l, c_l, rho(A^(l)) and P(S_n^2/sigma^2 <= 1e-3).\n' +
        'rho(A^(l)) is the spectral radius of the matrix that leaves layer l, built with width w_l.\n' +
        'For the last layer (l = D) it is that of a further layer of width w_D: given with --width,\n' +
        'or with --widths of depth+1 entries; otherwise null.',
    )
    .action((opts: KurtosisOptions) => onParsed({ command: 'kurtosis', options: opts }));

  program
    .command('montecarlo')
    .description("Propositions 1 and 3 on real TensorFlow.js networks: Monte Carlo estimates of each layer's variance, kurtosis and c against the recursion, with a statistical test per value.")
    .option('--width <W>', 'constant width of the input and every layer (integer >= 1) (this with --depth, or --widths, is required)')
    .option('--widths <LIST>', 'comma-separated widths w_0 (input),w_1,...,w_D')
    .option('--depth <D>', 'number of weight layers (integer >= 1; with --width)')
    .option('--slope <A>', 'negative slope a of the leaky ReLU', '0')
    .option('--dist <NAME>', `weight distribution, He-rescaled: ${DISTRIBUTION_NAMES} (required)`)
    .option('--input <NAME>', 'law of the i.i.d. input entries (same names), or scale-mixture:S (x = s·g, s ∈ {1, S}: c_0 ≠ 0)', 'normal')
    .option('--samples <N>', 'independent (network, input) draws (integer >= 2)', '100000')
    .option('--seed <S>', 'seed of the sample stream (default: 20261124)')
    .option('--backend <NAME>', 'TensorFlow.js backend: node, wasm or cpu (default: VV_BACKEND, else the fastest available)')
    .option('--false-alarm <P>', 'probability that any test of the run rejects a true recursion (split over the tests)', String(MONTECARLO_FALSE_ALARM))
    .option('--deviation <R>', 'relative deviation the stated power refers to', '0.05')
    .option('--perturb <ROW,COL[,FACTOR]>', 'test against a deliberately wrong recursion: A[ROW][COL] of every A^(l) times FACTOR (default 1.05)')
    .option('--json', 'print JSON instead of a table')
    .option('--arch <ARCH>', 'plain (default), residual:ALPHA[:simple|pre|post] (ALPHA in [0,1], 1/sqrt(L), 1/L, zero), conv1d:C,K,S[,circular|zero] (signal length = --width), conv2d:C,K,H,W[,S][,circular|zero]')
    .option('--activation <NAME>', 'relu, leaky-relu:A, identity, tanh, sigmoid, gelu, silu, softplus, selu (default: leaky ReLU with --slope), at its standard init gain')
    .addHelpText(
      'after',
      '\nPer layer l = 0..D (0 = input): estimate ± standard error (batch means over 64 batches) of the\n' +
        'variance, kappa and c = Cov[y_i^2, y_j^2], next to Proposition 1/3, and the decision:\n' +
        'consistent, rejected, or out-of-reach (power < 0.8 against the deviation, or skewed batch\n' +
        'estimates: heavy tails). Exit codes: 0 nothing rejected, 1 a test rejected, 2 invalid input.',
    )
    .action((opts: MontecarloOptions) => onParsed({ command: 'montecarlo', options: opts }));

  program
    .command('input-stats')
    .description('Exact first-layer input statistics (sigma^2, kappa0, c0) of MNIST or CIFAR-10 under a preprocessing, next to the published values with verdicts; optional Monte Carlo cross-check on real TensorFlow.js layers.')
    .option('--dataset <NAME>', 'mnist or cifar10 (required)')
    .option('--weight-dist <NAME>', `first-layer weight distribution, He-rescaled: ${DISTRIBUTION_NAMES}`, 'normal')
    .option('--preprocessing <NAME>', 'authors (their Normalize constants) or standardize (exact training-set moments)', 'authors')
    .option('--data-dir <DIR>', 'folder with the data set files (default: VV_DATA_DIR, ./data, then the CIFAR-10 stand-in)')
    .option('--monte-carlo <N>', 'also run N Monte Carlo draws (fresh He layer, random image) against the exact values')
    .option('--seed <S>', 'seed of the Monte Carlo stream (default: 20261124)')
    .option('--backend <NAME>', 'TensorFlow.js backend for --monte-carlo: node, wasm or cpu')
    .option('--json', 'print JSON instead of a report')
    .addHelpText('after', '\nExit codes: 0 done, 1 the Monte Carlo cross-check rejected, 2 invalid input or bad data (missing, truncated, wrong size).')
    .action((opts: InputStatsOptions) => onParsed({ command: 'input-stats', options: opts }));

  program
    .command('fig2-prediction')
    .description("Section 5's Gamma law as a prediction of Figure 2 (He-normal): predicted q0.9/q0.99/q0.999 per layer from CIFAR-10's (kappa0, c0) and Proposition 3, beside a summary.json's measured ones, with a verdict per layer; writes DIR/fig2-prediction.{json,svg,png}.")
    .option('--summary <FILE>', 'a Figure 2 summary.json (vv fig2 / vv acceptance), e.g. reports/fig2-paper/summary.json')
    .option('--out <DIR>', 'folder for fig2-prediction.json, .svg and .png')
    .option('--data-dir <DIR>', 'folder with cifar-10-batches-bin/ (default: VV_DATA_DIR, ./data, then the JPEG stand-in)')
    .option('--results <FILE>', "the run's results.jsonl: sharp order-statistic intervals from the networks' values (Bonferroni, family-wise 0.05)")
    .option('--json', 'print JSON instead of a table')
    .addHelpText('after', '\nExit codes: 0 done (whatever the verdicts), 2 invalid input, unreadable summary or bad data.')
    .action((opts: Fig2PredictionOptions) => onParsed({ command: 'fig2-prediction', options: opts }));

  program
    .command('data')
    .description('Data sets: `vv data fetch cifar10` downloads CIFAR-10 (the only network access of the project).')
    .command('fetch')
    .description('Download the CIFAR-10 binary archive, verify its MD5, extract it to DIR/cifar-10-batches-bin (atomically).')
    .argument('<dataset>', 'data set to download: cifar10')
    .option('--dest <DIR>', 'folder that receives cifar-10-batches-bin/, relative to the current directory', 'data')
    .option('--url <URL>', 'archive URL (default: the official cifar-10-binary.tar.gz)')
    .option('--force', 'download again even when a complete copy is there')
    .option('--json', 'print the result as JSON: { dataset, status (downloaded|exists), dir, bytes, md5 }')
    .addHelpText('after', '\nExit codes: 0 downloaded (or already complete); 2 invalid input or bad data (one line on stderr, nothing left in DIR).')
    .action((dataset: string, opts: DataFetchOptions) => onParsed({ command: 'data-fetch', dataset, options: opts }));

  const runOptions = (cmd: Command, scaleHelp: string): Command =>
    cmd
      .option('--scale <S>', scaleHelp)
      .option('--resume', 'continue the run in --out: finished tasks are kept, the rest run (a torn last line is dropped with a warning)')
      .option('--shard <k/n>', 'run only the k-th of n disjoint slices of the task grid (per-task seeds: merged shards equal one run)')
      .option('--seed <N>', 'run seed; every task derives its own seed from it and the task (default: 20261124)')
      .option('--jobs <N>', 'tasks at once, one worker thread each (default: the number of cores)')
      .option('--backend <NAME>', 'TensorFlow.js backend: node, wasm or cpu (default: VV_BACKEND, else the fastest available)')
      .option('--blas <PATH|off>', 'BLAS library of the fused engines, or off (tfjs/JavaScript products) (default: VV_BLAS, else OpenBLAS, BLIS or MKL if found)')
      .option('--data-dir <DIR>', 'folder with cifar-10-batches-bin/ (default: VV_DATA_DIR, ./data, then the JPEG stand-in)')
      .option('--json', 'print the outcome as JSON: { figures: [{ name, status, tasks, done, seconds, svgs, claims }] }')
      .addHelpText('after', `\n${SCALE_HELP}\nResults stream to DIR/results.jsonl, one line per finished task.\n` +
        'Exit codes: 0 done (whatever the verdicts), 2 invalid input or data, 130 interrupted (rerun with --resume).');
  const scaleHelp = 'smoke, reduced or paper (required)';
  runOptions(
    program.command('fig1').description('Figure 1: test accuracy after training against the theoretical output kurtosis at initialisation (Proposition 3 from our input statistics, and from each published pair).'),
    scaleHelp,
  )
    .option('--dataset <NAME>', 'mnist or cifar10 (required)')
    .option('--out <DIR>', 'run directory (default: reports/fig1-<dataset>-<scale>)')
    .action((opts: FigureCommandOptions) => onParsed({ command: 'fig1', options: opts }));
  runOptions(program.command('fig2').description("Figure 2: quantiles over random networks (width 10, depth 100) of each layer's empirical variance over CIFAR-10 training images, for six initialisers."), scaleHelp)
    .option('--init <NAME...>', 'only these initialisers: he-normal, glorot-normal, orthogonal, gsm, metainit, zero (default: all)')
    .option('--out <DIR>', 'run directory (default: reports/fig2-<scale>)')
    .action((opts: FigureCommandOptions) => onParsed({ command: 'fig2', options: opts }));
  runOptions(program.command('fig3').description('Figure 3: test accuracy against depth on CIFAR-10 for six initialisers (mean, min, max over repetitions).'), scaleHelp)
    .option('--width <W>', '10 (Figure 3a) or 200 (Figure 3b) (required)')
    .option('--out <DIR>', 'run directory (default: reports/fig3-w<width>-<scale>)')
    .action((opts: FigureCommandOptions) => onParsed({ command: 'fig3', options: opts }));
  runOptions(
    program.command('acceptance').description("Run Figures 1 (MNIST, CIFAR-10), 2 and 3 (widths 10, 200) and write DIR/acceptance.json and DIR/acceptance.md — every claim of the paper with its verdict (supported, refuted, inconclusive) and statistics — and the SVGs."),
    scaleHelp,
  )
    .option('--out <DIR>', 'report directory; each figure\'s run goes in DIR/<figure>/', 'reports')
    .action((opts: FigureCommandOptions) => onParsed({ command: 'acceptance', options: opts }));
  program
    .command('merge')
    .description("Merge the n shard folders of one figure run (vv figN --shard k/n) or of one acceptance run (vv acceptance --shard k/n) into one folder: results.jsonl identical to an unsharded run's, then the SVGs, summaries and verdicts (and acceptance.json/md). Refused, with nothing written, unless the folders are shards 1..n of one run (same figure, scale, grid, seed, version, backend), each complete.")
    .argument('<DIR...>', 'shard run folders (or their results.jsonl files)')
    .option('--out <DIR>', 'folder for the merged run (required)')
    .option('--force', 'replace a run already in --out')
    .option('--json', 'print the result as JSON: { out, figure, scale, seed, backend, version, grid, shards, tasks, records, complete, figures, claims }')
    .option('--backend <NAME>', 'TensorFlow.js backend for the analysis')
    .option('--data-dir <DIR>', 'folder with cifar-10-batches-bin/')
    .action((inputs: string[], opts: FigureCommandOptions & { force?: boolean }) => onParsed({ command: 'merge', inputs, options: opts }));

  return program;
}

/**
 * The `vv` command line: `vv verify …` and `vv kurtosis …` (see `vv --help`). Returns the exit
 * code: 0 success, 1 verdicts differ from the expectations, 2 invalid input (one
 * `vv: error: …` line on stderr, nothing written).
 */
export async function main(argv: string[], io: MainIO = {}): Promise<number> {
  const stdout = io.stdout ?? process.stdout;
  // `vv kurtosis … | head`: a closed pipe ends the output quietly instead of crashing.
  if (io.stdout === undefined && !epipeHandled) {
    epipeHandled = true;
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
    });
  }
  const stderr = io.stderr ?? process.stderr;
  const fail = (message: string): number => {
    stderr.write(`vv: error: ${oneLine(message)}\n`);
    return 2;
  };

  const errors: { message?: string; helpOnStderr: boolean } = { helpOnStderr: false };
  let parsed: Parsed | undefined;
  const program = buildProgram(stdout, errors, (p) => (parsed = p));
  rejectRepeatedOptions(program);
  rejectEmptyValues(program);
  const missingCommand = `missing command: one of ${program.commands.map((c) => c.name()).join(', ')}; see 'vv --help'`;
  if (argv.length === 0) return fail(missingCommand);
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
      if (error.code === 'commander.help' && !errors.helpOnStderr) return 0;
      if (error.code === 'commander.help') return fail("missing or unknown command; see 'vv --help'");
      return fail(errors.message ?? error.message);
    }
    return fail(error instanceof Error ? error.message : String(error));
  }
  if (parsed === undefined) return fail(missingCommand);

  try {
    const cwd = io.cwd ?? process.cwd();
    if (parsed.command === 'kurtosis') return (await import('./kurtosisCommand.ts')).kurtosisCommand(parsed.options, stdout);
    if (parsed.command === 'montecarlo') return await (await import('./montecarloCommand.ts')).montecarloCommand(parsed.options, { stdout, stderr, env: io.env });
    if (parsed.command === 'fig2-prediction') return await (await import('./fig2PredictionCommand.ts')).fig2PredictionCommand(parsed.options, { stdout, cwd, env: io.env });
    if (parsed.command === 'input-stats') return await (await import('./inputStatsCommand.ts')).inputStatsCommand(parsed.options, { stdout, stderr, env: io.env });
    const figureIO = { stdout, stderr: stderr as FigureIOStream, cwd, env: io.env };
    if (parsed.command === 'fig1' || parsed.command === 'fig2' || parsed.command === 'fig3') return await (await import('./figureCommand.ts')).figureCommand(parsed.command, parsed.options, figureIO);
    if (parsed.command === 'acceptance') return await (await import('./figureCommand.ts')).acceptanceCommand(parsed.options, { ...figureIO, tool: `vanishing-variance ${packageVersion()}` });
    if (parsed.command === 'merge') return await (await import('./figureCommand.ts')).mergeCommand(parsed.inputs, parsed.options, figureIO);
    if (parsed.command === 'data-fetch') return await (await import('./dataCommand.ts')).dataFetchCommand(parsed.dataset, parsed.options, { stdout, stderr, cwd });
    if (parsed.command !== 'verify') return fail(`unknown command ${parsed.command}`);
    return await (await import('./verifyCommand.ts')).verifyCommand(parsed.options, {
      stdout,
      stderr,
      cwd,
      expectationsPath: io.expectationsPath ?? DEFAULT_EXPECTATIONS_PATH,
      loadStatements: async () => io.statements ?? (await import('../../properties/index.ts')).allStatements,
      env: io.env,
    });
  } catch (error) {
    if (error instanceof UsageError) return fail(error.message);
    return fail(error instanceof Error ? error.message : String(error));
  }
}
