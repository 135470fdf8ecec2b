import { CLI_START_COMMANDS } from './cliStart.ts';
import type { Measurement, TargetResult, TargetStatus, WorkloadResult } from './types.ts';

const GiB = 2 ** 30;
const fmt = (x: number): string => (Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 1 ? x.toFixed(2) : x.toPrecision(3));

function status(value: number | null, threshold: number, direction: 'at-least' | 'at-most'): TargetStatus {
  if (value === null || !Number.isFinite(value)) return 'not-measured';
  return (direction === 'at-least' ? value >= threshold : value <= threshold) ? 'met' : 'missed';
}

/**
 * The issue's targets, each met / missed / not-measured with its numbers:
 * - fig2-vs-authors: our fig2 networks/s (the better of single-core and the worker pool, i.e. what
 *   this machine achieves) ≥ 10 × the authors' PyTorch loop;
 * - fig2-vs-tuned: the same ≥ 3 × tuned PyTorch forward-only (issue 16 §4);
 * - fig2-rss: the process's peak RSS after fig2 ≤ 4 GiB;
 * - fig2-roofline: fig2's first Linear GFLOP/s ≥ 50% of the measured GEMM GFLOP/s on one core —
 *   the system BLAS's (gemm.blas) where one is used, else tfjs's matMul (gemm);
 * - fig3-train.<config>: our grid steps/s (summed over the workers; single-core when no grid) ≥ PyTorch's
 *   (the faster of its forms) — ≥ 1.5 × at width 10, ≥ 1 × at width 200 (issue 16 §4);
 * - montecarlo: our samples/s (the better of the default sampler and its fast path, tests included) ≥ PyTorch's moments-only;
 * - cli-start.help, cli-start.kurtosis: `vv --help` ≤ 0.3 s and `vv kurtosis --width 10 --depth 5`
 *   ≤ 0.5 s, median wall time of a fresh process (issue 15 §3);
 * - metainit: our seconds per initialisation ≤ 0.3 × PyTorch's.
 *
 * @example evaluateTargets({ measurements: [], workloads: [] })[0].status // 'not-measured'
 */
export function evaluateTargets(input: { readonly measurements: readonly Measurement[]; readonly workloads: readonly WorkloadResult[] }): TargetResult[] {
  const byId = new Map(input.measurements.map((m) => [m.id, m]));
  const median = (id: string): number | null => byId.get(id)?.summary.median ?? null;
  const targets: TargetResult[] = [];
  const push = (id: string, description: string, value: number | null, threshold: number, direction: 'at-least' | 'at-most', detail: string, missing: string): void => {
    const s = status(value, threshold, direction);
    targets.push({ id, description, status: s, value: s === 'not-measured' ? null : value, threshold, detail: s === 'not-measured' ? missing : detail });
  };

  // Ours on this machine: the better of single-core and the worker pool (both are reported).
  const oursFig2Id = (median('fig2.workers') ?? -Infinity) > (median('fig2.single') ?? -Infinity) ? 'fig2.workers' : 'fig2.single';
  const oursFig2 = median(oursFig2Id);
  const authors = median('torch.fig2.authors');
  const tuned = median('torch.fig2.tuned');
  const needTorch = 'not measured (run with --vs-torch and fig2)';
  push(
    'fig2-vs-authors',
    "fig2 networks/s ≥ 10 × the authors' PyTorch loop",
    oursFig2 !== null && authors !== null ? oursFig2 / authors : null,
    10,
    'at-least',
    `ours (${oursFig2Id}) ${fmt(oursFig2 ?? NaN)} vs authors' ${fmt(authors ?? NaN)} networks/s: ${fmt((oursFig2 ?? NaN) / (authors ?? NaN))}×`,
    needTorch,
  );
  push(
    'fig2-vs-tuned',
    'fig2 networks/s ≥ 3 × tuned PyTorch forward-only',
    oursFig2 !== null && tuned !== null ? oursFig2 / tuned : null,
    3,
    'at-least',
    `ours (${oursFig2Id}) ${fmt(oursFig2 ?? NaN)} vs tuned ${fmt(tuned ?? NaN)} networks/s: ${fmt((oursFig2 ?? NaN) / (tuned ?? NaN))}×`,
    needTorch,
  );
  const fig2 = input.workloads.find((w) => w.workload === 'fig2');
  push(
    'fig2-rss',
    'peak RSS during fig2 ≤ 4 GiB',
    fig2 === undefined ? null : fig2.memory.peakRssBytes / GiB,
    4,
    'at-most',
    `peak RSS ${fmt((fig2?.memory.peakRssBytes ?? NaN) / GiB)} GiB (process peak after fig2, workers included)`,
    'not measured (fig2 not run)',
  );
  const first = median('fig2.first-layer');
  const gemmId = byId.has('gemm.blas') ? 'gemm.blas' : 'gemm';
  const gemm = median(gemmId);
  push(
    'fig2-roofline',
    "fig2's first Linear ≥ 50% of the measured GEMM roofline",
    first !== null && gemm !== null ? first / gemm : null,
    0.5,
    'at-least',
    `first Linear ${fmt(first ?? NaN)} GFLOP/s vs ${gemmId} ${fmt(gemm ?? NaN)} GFLOP/s: ${fmt((100 * (first ?? NaN)) / (gemm ?? NaN))}%`,
    'not measured (needs fig2 and gemm)',
  );
  const configs = [...new Set(input.measurements.filter((m) => m.side === 'ours' && m.workload === 'fig3-train' && m.unit === 'steps/s').map((m) => m.key))];
  for (const key of configs) {
    const oursId = byId.has(`${key}.grid`) ? `${key}.grid` : `${key}.single`;
    const ours = median(oursId);
    // The faster of PyTorch's forms (authors' per-image DataLoader, tuned pre-normalised tensor).
    const torchRates = input.measurements.filter((m) => m.side !== 'ours' && m.key === key && m.unit === 'steps/s');
    const best = torchRates.reduce<Measurement | null>((b, m) => (b === null || m.summary.median > b.summary.median ? m : b), null);
    const theirs = best?.summary.median ?? null;
    const factor = /^fig3-train\.w10d/.test(key) ? 1.5 : 1;
    push(
      key,
      `${key.replace('fig3-train.', 'fig3-train ')}: grid steps/s (summed over the cores in use) ≥ ${factor === 1 ? '' : `${factor} × `}PyTorch's`,
      ours !== null && theirs !== null ? ours / theirs : null,
      factor,
      'at-least',
      `ours (${oursId}) ${fmt(ours ?? NaN)} vs PyTorch (${best?.id ?? '—'}) ${fmt(theirs ?? NaN)} steps/s: ${fmt((ours ?? NaN) / (theirs ?? NaN))}×`,
      'not measured (run with --vs-torch)',
    );
  }
  const mcId = (median('montecarlo.fast') ?? -Infinity) > (median('montecarlo') ?? -Infinity) ? 'montecarlo.fast' : 'montecarlo';
  const mc = median(mcId);
  const mcTorch = median('torch.montecarlo');
  push(
    'montecarlo',
    "montecarlo samples/s (tests included) ≥ PyTorch's moments-only",
    mc !== null && mcTorch !== null ? mc / mcTorch : null,
    1,
    'at-least',
    `ours (${mcId}) ${fmt(mc ?? NaN)} vs PyTorch ${fmt(mcTorch ?? NaN)} samples/s: ${fmt((mc ?? NaN) / (mcTorch ?? NaN))}×`,
    'not measured (run with --vs-torch and montecarlo)',
  );
  const mi = median('metainit');
  const miTorch = median('torch.metainit');
  push(
    'metainit',
    "metainit seconds per initialisation ≤ 0.3 × PyTorch's",
    mi !== null && miTorch !== null ? mi / miTorch : null,
    0.3,
    'at-most',
    `ours ${fmt(mi ?? NaN)} s vs PyTorch ${fmt(miTorch ?? NaN)} s per initialisation: ratio ${fmt((mi ?? NaN) / (miTorch ?? NaN))}`,
    'not measured (run with --vs-torch and metainit)',
  );
  // vv's start (cli-start workload): median wall time of a fresh process, from dist/.
  const cliMode = input.workloads.find((w) => w.workload === 'cli-start')?.config.mode;
  for (const c of CLI_START_COMMANDS) {
    const seconds = median(c.id);
    push(
      c.id,
      `vv ${c.args.join(' ')}: median start-to-exit ≤ ${c.target} s`,
      seconds,
      c.target,
      'at-most',
      `${fmt(seconds ?? NaN)} s median over ${byId.get(c.id)?.summary.runs ?? 0} runs (${String(cliMode ?? 'launcher mode unknown')})`,
      'not measured (run with cli-start)',
    );
  }
  return targets;
}
