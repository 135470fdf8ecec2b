import type { BenchReport, Measurement } from './types.ts';

const MiB = 2 ** 20;

/** A number for a table: 4 significant digits, exponent form outside [1e-3, 1e6). */
export function formatNumber(x: number | null): string {
  if (x === null || Number.isNaN(x)) return '—';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1e6 || a < 1e-3) return x.toExponential(3);
  return Number(x.toPrecision(4)).toString();
}

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const table = (header: readonly string[], rows: readonly (readonly string[])[]): string[] => [
  `| ${header.map(cell).join(' | ')} |`,
  `|${header.map(() => '---').join('|')}|`,
  ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
];

const STATUS: Readonly<Record<string, string>> = { met: '✅ met', missed: '❌ missed', 'not-measured': '— not measured' };

function measurementRow(m: Measurement): string[] {
  return [m.workload, m.id, m.label, m.side, formatNumber(m.summary.median), formatNumber(m.summary.min), formatNumber(m.summary.max), m.unit, String(m.summary.runs), m.note ?? ''];
}

/**
 * bench.md: the targets (met / missed / not measured, with their numbers), every measurement
 * (median, min, max over the runs), ours against PyTorch pair by pair, peak memory and notes.
 */
export function renderBenchMarkdown(r: BenchReport): string {
  const lines: string[] = [
    '# Benchmark (`npm run bench`)',
    '',
    `Generated ${r.generatedAt} on ${r.machine.cpus} × ${r.machine.cpuModel}, ${formatNumber(r.machine.totalMemoryBytes / 2 ** 30)} GiB, Node ${r.machine.node} (${r.machine.platform}).`,
    `TensorFlow.js backend: **${r.backend}**. Data: ${r.data.label}${r.data.randomFallback ? ' — **CIFAR-10 not found: random CIFAR-shaped float32 data**' : ''}${r.data.source !== null ? ` (${r.data.source})` : ''}.`,
    `Runs: median, min and max over ${r.options.runs} measured run(s) after a warm-up${r.options.quick ? '; **--quick: tiny sizes, a smoke test — not comparable with the targets**' : ''}. Worker threads for the multi-core figures: ${r.options.workers}.`,
  ];
  if (r.blas !== undefined) {
    const b = r.blas;
    lines.push(`Our BLAS: **${b.provider}**${b.library === null ? '' : ` (${b.library})`}, kernel **${b.kernel ?? '—'}**, ${b.threads ?? '?'} thread(s) per call in single-core measurements (1 per worker in grids)${b.config === null ? '' : `; ${b.config}`}.`);
  }
  if (r.torch?.blas !== undefined) {
    const b = r.torch.blas;
    lines.push(`PyTorch's BLAS: ${b.library ?? 'unknown'}, kernel **${b.kernel ?? '—'}**, ${b.threads ?? '?'} thread(s)${b.config === null ? '' : `; ${b.config}`}.`);
  }
  if (r.openblasEnv !== undefined) lines.push(`OPENBLAS_* environment (the same for both sides, unchanged by the bench): ${Object.keys(r.openblasEnv).length === 0 ? 'none' : Object.entries(r.openblasEnv).map(([k, v]) => `\`${k}=${v}\``).join(', ')}.`);
  if (r.contention !== undefined) {
    const c = r.contention;
    lines.push(c.contended ? `**Contended run: other processes used ${formatNumber(c.otherCores)} of ${c.cores} cores on average over the whole bench (${formatNumber(c.wallSeconds)} s; /proc/stat against this process tree's CPU time). Timings are not comparable.**` : `Other processes used ${formatNumber(c.otherCores)} of ${c.cores} cores on average over the whole bench (not contended).`);
  }
  const load = r.machine.loadAverageAtStart[0] ?? 0;
  if (load > 0.5) lines.push(`**The machine was busy when the bench started (1-minute load average ${formatNumber(load)} on ${r.machine.cpus} cores): timings are pessimistic.**`);
  if (r.torch !== null) {
    lines.push(`PyTorch ${r.torch.version} (${r.torch.python}), ${r.torch.threads} thread(s)${r.torch.installedNow ? ' (installed by this run: apt-get install python3-torch)' : ''}, peak RSS ${r.torch.peakRssBytes === null ? '—' : `${formatNumber(r.torch.peakRssBytes / MiB)} MiB`}, ${formatNumber(r.torch.seconds)} s.`);
  } else if (r.options.vsTorch) {
    lines.push(`PyTorch: requested but not run${r.torchError !== undefined ? ` (${r.torchError})` : ''}.`);
  } else {
    lines.push('PyTorch: not run (add `--vs-torch`).');
  }
  lines.push('', '## Targets', '');
  lines.push(...table(['target', 'status', 'value', 'threshold', 'numbers'], r.targets.map((t) => [t.description, STATUS[t.status] ?? t.status, formatNumber(t.value), formatNumber(t.threshold), t.detail])));
  lines.push('', '## Measurements', '');
  lines.push(...table(['workload', 'id', 'measurement', 'side', 'median', 'min', 'max', 'unit', 'runs', 'note'], [...r.workloads.flatMap((w) => w.measurements), ...r.torchMeasurements].map(measurementRow)));
  if (r.comparisons.length > 0) {
    lines.push('', '## Ours against PyTorch', '', 'ratio = our median / their median in the unit shown; speedup > 1 means ours is better (the ratio for throughputs, its inverse for seconds).', '');
    lines.push(...table(['ours', 'theirs', 'unit', 'ours', 'theirs', 'ratio ours/theirs', 'speedup'], r.comparisons.map((c) => [c.ours, c.theirs, c.unit, formatNumber(c.oursMedian), formatNumber(c.theirsMedian), formatNumber(c.ratio), formatNumber(c.speedup)])));
  }
  if (r.peakFractions !== undefined && r.peakFractions.length > 0) {
    lines.push('', '## GEMM-bound workloads against the BLAS peak', '', 'Peaks measured by this run (`gemm.blas`: 1 thread; `gemm.blas-peak`: every core).', '');
    lines.push(...table(['measurement', 'side', 'GFLOP/s', 'peak 1 core', 'peak all cores', 'of 1 core', 'of all cores'], r.peakFractions.map((p) => [p.id, p.side, formatNumber(p.gflops), formatNumber(p.peakOneCore), formatNumber(p.peakAllCores), formatNumber(p.fractionOfOneCore), formatNumber(p.fractionOfAllCores)])));
  }
  if (r.paperEstimate !== undefined) {
    const e = r.paperEstimate;
    lines.push('', '## The whole paper at paper scale (estimate)', '', `${formatNumber(e.totalHours)} h on ${e.workers} worker(s). Model: ${e.model}.`, '');
    lines.push(...table(['figure', 'tasks', 'hours'], e.figures.map((f) => [f.name, String(f.tasks), formatNumber(f.hours)])));
  }
  const contended = r.workloads.filter((w) => w.contention?.contended === true).map((w) => `${w.workload} (${formatNumber(w.contention!.otherCores)} cores taken by others)`);
  if (contended.length > 0) lines.push('', `**Contended workloads:** ${contended.join(', ')}.`);
  lines.push('', '## Peak memory', '', 'Peak RSS is the process\'s maximum resident set so far (getrusage, worker threads included) after the workload; the other columns are the largest values sampled after each run.', '');
  lines.push(
    ...table(
      ['workload', 'backend', 'peak RSS (MiB)', 'sampled RSS (MiB)', 'tf.memory() MiB', 'tf tensors', 'wasm heap (MiB)', 'seconds'],
      r.workloads.map((w) => [w.workload, w.backend, formatNumber(w.memory.peakRssBytes / MiB), formatNumber(w.memory.sampledRssBytes / MiB), formatNumber(w.memory.tfNumBytes / MiB), String(w.memory.tfNumTensors), w.memory.wasmHeapBytes === null ? '—' : formatNumber(w.memory.wasmHeapBytes / MiB), formatNumber(w.seconds)]),
    ),
  );
  const notes = [...r.workloads.flatMap((w) => w.notes.map((n) => `- ${w.workload}: ${n}`)), ...(r.torch?.notes ?? []).map((n) => `- PyTorch: ${n}`)];
  if (notes.length > 0) lines.push('', '## Notes', '', ...notes);
  lines.push('', '## Configuration', '', ...r.workloads.map((w) => `- ${w.workload}: \`${JSON.stringify(w.config)}\``));
  return lines.join('\n') + '\n';
}
