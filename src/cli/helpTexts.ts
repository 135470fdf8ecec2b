/** Measured times (README, "Scales"; 2 cores, wasm). */
export const SCALE_HELP =
  'Scales (times measured on 2 cores, wasm backend; see the README):\n' +
  '  smoke    a pipeline check, verdicts mostly inconclusive: ≈ 40 s for all of vv acceptance\n' +
  '  reduced  a documented subset on which every claim reaches a verdict: ≈ 54 min for vv acceptance\n' +
  '  paper    the authors\' grids (fused engine + OpenBLAS), measured: Figure 1 8–32 min per data set;\n' +
  '           Figure 2 ≈ 23 min + ≈ 1.5 h MetaInit; Figure 3a 4.6 min, 3b ≈ 7 h (shard it: --shard k/n)';

/** `vv --help`, after the command list: exit codes, environment variables, where output goes. */
export const TOP_LEVEL_HELP =
  '\nExit codes (every command):\n' +
  '  0    done; for verify: every verdict matches the expectations\n' +
  '  1    verify: some verdicts differ from the expectations; montecarlo, input-stats: a test rejected\n' +
  '  2    invalid input or bad data: one "vv: error: …" line on stderr, nothing half-written\n' +
  '  130  interrupted (fig1-3, acceptance: finished tasks are kept; rerun with --resume)\n' +
  '\nEnvironment:\n' +
  '  VV_BACKEND   TensorFlow.js backend when --backend is not given: node, wasm or cpu (default: the fastest that starts)\n' +
  '  VV_DATA_DIR  folder with cifar-10-batches-bin/ when --data-dir is not given (then ./data, then the JPEG stand-in)\n' +
  '  VV_SEED      seed of the property runs of npm test (the commands take --seed; default 20261124)\n' +
  '  VV_BLAS      BLAS used for the matrix products when --blas is not given (see the README)\n' +
  "\nOutput: results on stdout (--json where a command prints results), progress and the backend on stderr.\nEach command: 'vv <command> --help'.";
