import { describe, expect, it } from 'vitest';
import { runMain } from './helpers.ts';

describe('vv montecarlo', () => {
  it('--json: per layer estimate, stderr and theory of variance, κ and c, and a decision; backend recorded', async () => {
    const { code, stdout, stderr } = await runMain(['montecarlo', '--width', '4', '--depth', '2', '--dist', 'normal', '--samples', '20000', '--seed', '7', '--backend', 'wasm', '--json']);
    expect(code, stderr).toBe(0);
    expect(stderr).toMatch(/^backend: wasm/);
    const doc = JSON.parse(stdout);
    expect(doc).toMatchObject({ backend: 'wasm', seed: 7, samples: 20000, falseAlarm: { total: 1e-6, tests: 9 } });
    expect(doc.falseAlarm.perTest).toBeCloseTo(1e-6 / 9, 20);
    expect(doc.layers).toHaveLength(3);
    for (const [l, layer] of doc.layers.entries()) {
      expect(layer.layer).toBe(l);
      for (const q of ['variance', 'kappa', 'c']) {
        expect(Object.keys(layer[q])).toEqual(expect.arrayContaining(['estimate', 'stderr', 'theory', 'decision']));
        expect(layer[q].stderr).toBeGreaterThan(0);
      }
      expect(['consistent', 'rejected', 'out-of-reach']).toContain(layer.decision);
      expect(layer.decision).not.toBe('rejected');
    }
    // Proposition 3 at width 4 from standard normal inputs: κ_1 = 6.75, c_1 = 1.25.
    expect(doc.layers[0].kappa.theory).toBe(3);
    expect(doc.layers[1].kappa.theory).toBeCloseTo(6.75, 12);
    expect(doc.layers[1].c.theory).toBeCloseTo(1.25, 12);
  });

  it('the same seed gives the same numbers; the table names the backend and the design', async () => {
    const args = ['montecarlo', '--widths', '5,3,6', '--slope', '0.2', '--dist', 'rademacher', '--input', 'uniform', '--samples', '5000', '--backend', 'cpu'];
    const a = await runMain(args);
    const b = await runMain(args);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toMatch(/backend cpu, seed 20261124, n = 5000 networks/);
    expect(a.stdout).toMatch(/per test \(9 tests\)/);
  });

  it('--perturb tests against a deliberately wrong recursion: rejected, exit 1, and the JSON says which', async () => {
    // A[0][2] = 3(w−1)/w × 1.2 moves κ_1 from 4.875 to 5.4: ≈ 35 stderr at n = 3·10⁵ (at 10⁵–2·10⁵ the
    // batch estimates of κ_1 are still too skewed for the reach rule: out of reach, exit 0).
    const { code, stdout } = await runMain(['montecarlo', '--width', '8', '--depth', '1', '--dist', 'normal', '--samples', '300000', '--perturb', '0,2,1.2', '--json']);
    expect(code).toBe(1);
    const doc = JSON.parse(stdout);
    expect(doc.theory).toEqual({ perturbed: { row: 0, col: 2, factor: 1.2 } });
    expect(doc.layers[1].kappa.theory).toBeCloseTo(4.875 + 0.2 * 2.625, 12);
    expect(doc.layers[1].kappa.decision).toBe('rejected');
  });

  it('--input scale-mixture:S starts the recursion from c_0 ≠ 0', async () => {
    const { code, stdout } = await runMain(['montecarlo', '--width', '4', '--depth', '1', '--dist', 'normal', '--input', 'scale-mixture:2', '--samples', '2000', '--json']);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc.input).toMatch(/scale-mixture/);
    expect(doc.layers[0].c.theory).toBeCloseTo(2.25, 12);
    expect(doc.layers[0].kappa.theory).toBeCloseTo(4.08, 12);
  });

  it.each([
    [['--width', '4', '--depth', '2', '--dist', 'normal', '--input', 'scale-mixture:-1'], /--input scale-mixture:S needs S > 0/],
    [['--width', '4', '--depth', '2', '--dist', 'normal', '--perturb', '2,0'], /--perturb: A\[2\]\[0\] is not a coefficient/],
    [['--width', '4', '--depth', '2', '--dist', 'normal', '--perturb', '0'], /--perturb must be ROW,COL\[,FACTOR\]/],
    [['--depth', '2', '--dist', 'normal'], /one of --width or --widths is required/],
    [['--width', '4', '--dist', 'normal'], /--depth is required with --width/],
    [['--width', '4', '--depth', '2'], /--dist is required/],
    [['--width', '4', '--depth', '2', '--dist', 'cauchy'], /--dist: unknown distribution 'cauchy'/],
    [['--width', '4', '--depth', '2', '--dist', 'normal', '--input', 'student-t:2'], /--input: .*nu/],
    [['--width', '4', '--depth', '2', '--dist', 'normal', '--samples', '1'], /--samples must be >= 2/],
    [['--width', '4', '--depth', '0', '--dist', 'normal'], /--depth must be >= 1/],
    [['--widths', '4,4', '--depth', '2', '--dist', 'normal'], /--widths has 2 entries but --depth is 2/],
    [['--width', '4', '--depth', '2', '--dist', 'normal', '--backend', 'gpu'], /--backend: unknown backend 'gpu'/],
    [['--width', '4', '--depth', '2', '--dist', 'normal', '--false-alarm', '1'], /--false-alarm must be in \(0, 1\)/],
  ])('bad input %j: one line, exit 2, nothing on stdout', async (args, message) => {
    const { code, stdout, stderr } = await runMain(['montecarlo', ...args]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
  });
});
