import { describe, expect, it } from 'vitest';
import { runMain } from './helpers.ts';

const base = ['montecarlo', '--dist', 'normal', '--backend', 'wasm'];

describe('vv montecarlo --arch / --activation', () => {
  it('residual:0.1 (the issue\'s command, fewer draws): per-layer κ with errors, every output field kept', async () => {
    const { code, stdout, stderr } = await runMain([...base, '--arch', 'residual:0.1', '--depth', '20', '--width', '10', '--samples', '3000', '--json']);
    expect(code, stderr).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc).toMatchObject({ architecture: 'residual:0.1:simple', activation: 'relu', falseAlarm: { total: 1e-6, tests: 0 }, theory: null });
    expect(Object.keys(doc)).toEqual(expect.arrayContaining(['backend', 'seed', 'samples', 'widths', 'slope', 'weights', 'input', 'falseAlarm', 'relativeDeviation', 'theory', 'minPower', 'batches', 'layers']));
    expect(doc.layers).toHaveLength(21);
    for (const layer of doc.layers) {
      expect(layer.kappa.estimate).toBeGreaterThan(1);
      expect(layer.kappa.stderr).toBeGreaterThan(0);
      expect(layer.decision).toBe('no-theory');
    }
    expect(doc.gain).toBeCloseTo(Math.SQRT2, 12);
  });

  it('residual with the identity activation is tested against the linear residual recursion (exact theory)', async () => {
    const { code, stdout } = await runMain([...base, '--arch', 'residual:0.5', '--activation', 'identity', '--depth', '2', '--width', '6', '--samples', '20000', '--json']);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc.theory).toBe('linear-residual-recursion');
    expect(doc.falseAlarm.tests).toBe(9);
    // σ² grows by 1 + α² = 1.25 per block.
    expect(doc.layers[1].variance.theory).toBeCloseTo(1.25, 12);
    expect(doc.layers[2].variance.theory).toBeCloseTo(1.5625, 12);
    for (const layer of doc.layers) expect(layer.decision).not.toBe('rejected');
  });

  it('conv1d:4,3,8 --depth 4 and --activation tanh print a table of per-layer κ with errors', async () => {
    const conv = await runMain([...base, '--arch', 'conv1d:4,3,8', '--depth', '4', '--width', '10', '--samples', '2000']);
    expect(conv.code).toBe(0);
    expect(conv.stdout).toMatch(/arch conv1d:4,3,8,circular, activation relu/);
    expect(conv.stdout).toMatch(/the 4 channels at the centre position/);
    expect(conv.stdout.split('\n').filter((l) => /^\s+\d+\s+4\s+\S+ ± /.test(l))).toHaveLength(5);
    const tanh = await runMain([...base, '--activation', 'tanh', '--depth', '3', '--width', '10', '--samples', '2000']);
    expect(tanh.code).toBe(0);
    expect(tanh.stdout).toMatch(/activation tanh, init gain 1\.66667/);
    expect(tanh.stdout.split('\n').filter((l) => /^\s+\d+\s+10\s+\S+ ± /.test(l))).toHaveLength(4);
  });

  it('conv2d takes its positions from H×W (no --width needed)', async () => {
    const { code, stdout } = await runMain([...base, '--arch', 'conv2d:2,3,4,4,zero', '--depth', '2', '--samples', '2000', '--json']);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc.widths).toEqual([16, 16, 16]);
    expect(doc.layers.map((l: { width: number }) => l.width)).toEqual([2, 2, 2]);
  });

  it('--arch plain with the default activation is the paper\'s run, unchanged', async () => {
    const plain = await runMain([...base, '--arch', 'plain', '--width', '4', '--depth', '1', '--samples', '2000', '--json']);
    const none = await runMain([...base, '--width', '4', '--depth', '1', '--samples', '2000', '--json']);
    expect(plain.stdout).toBe(none.stdout);
  });

  it('--activation leaky-relu:A on the plain network is the paper\'s run with slope A', async () => {
    const viaActivation = await runMain([...base, '--activation', 'leaky-relu:0.2', '--width', '4', '--depth', '1', '--samples', '2000', '--json']);
    const viaSlope = await runMain([...base, '--slope', '0.2', '--width', '4', '--depth', '1', '--samples', '2000', '--json']);
    expect(viaActivation.code).toBe(0);
    expect(viaActivation.stdout).toBe(viaSlope.stdout);
    expect(JSON.parse(viaActivation.stdout).slope).toBe(0.2);
  });

  it.each([
    [['--arch', 'conv3d:1,2,3', '--width', '4', '--depth', '2'], /^vv: error: --arch: unknown architecture 'conv3d:1,2,3'/],
    [['--arch', 'conv1d:4,3', '--width', '4', '--depth', '2'], /^vv: error: --arch: conv1d:C,K,S needs 3 integers/],
    [['--arch', 'conv1d:4,0,1', '--width', '4', '--depth', '2'], /^vv: error: --arch: conv1d:C,K,S: K must be an integer >= 1, got '0'/],
    [['--arch', 'residual:1.5', '--width', '4', '--depth', '2'], /^vv: error: --arch: branch scale must be a number in \[0, 1\]/],
    [['--arch', 'residual:0.5:sideways', '--width', '4', '--depth', '2'], /^vv: error: --arch: residual variant must be simple, pre or post/],
    [['--arch', 'residual:0.5', '--widths', '4,5,4'], /^vv: error: --arch residual:0.5:simple: residual blocks need one constant width/],
    [['--arch', 'conv2d:2,3,4,4', '--width', '5', '--depth', '2'], /^vv: error: --width must equal H·W = 16/],
    [['--activation', 'tanhh', '--width', '4', '--depth', '2'], /^vv: error: --activation: unknown activation 'tanhh'/],
    [['--arch', 'conv1d:4,3,8', '--depth', '4'], /^vv: error: --width is required with --arch conv1d: it is the signal length/],
    [['--activation', 'leaky-relu:abc', '--width', '4', '--depth', '2'], /^vv: error: --activation: leaky-relu:A needs a finite slope A, got 'abc'/],
    [['--activation', 'tanh', '--slope', '0.2', '--width', '4', '--depth', '2'], /^vv: error: --slope applies to the leaky ReLU without --activation/],
    [['--arch', 'residual:0.5', '--perturb', '0,0', '--width', '4', '--depth', '2'], /^vv: error: --perturb applies to the plain leaky-ReLU network only/],
  ])('bad input %j: one line naming the argument, exit 2, nothing on stdout', async (args, message) => {
    const { code, stdout, stderr } = await runMain([...base, ...args]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
  });
});
