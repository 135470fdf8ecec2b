import { describe, expect, it } from 'vitest';
import { cleanupTempDirs, fakeStatements, runMain } from './helpers.ts';
import { afterAll } from 'vitest';

afterAll(cleanupTempDirs);

const COMMANDS = ['verify', 'kurtosis', 'montecarlo', 'input-stats', 'data', 'fig1', 'fig2', 'fig3', 'acceptance', 'merge'];

/** Exit 2, nothing on stdout, one `vv: error:` line; returns it. */
async function oneLineError(argv: string[]): Promise<string> {
  const r = await runMain(argv, { statements: fakeStatements() });
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^vv: error: /);
  return lines[0]!;
}

describe('error texts', () => {
  it('`vv` without a command lists every command', async () => {
    const line = await oneLineError([]);
    for (const c of COMMANDS) expect(line).toContain(c);
  });

  it.each([
    ['fig1 without --dataset', ['fig1', '--scale', 'smoke'], /--dataset is required \(mnist or cifar10\)/],
    ['fig3 without --width', ['fig3', '--scale', 'smoke'], /--width is required \(10 or 200/],
    ['an empty number', ['kurtosis', '--width', '2', '--depth', '2', '--slope='], /--slope is empty, expected a finite number/],
    ['an empty seed', ['montecarlo', '--width', '2', '--depth', '2', '--dist', 'normal', '--seed='], /--seed is empty, expected a non-negative safe integer/],
  ])("%s: says what is missing, never \"got ''\"", async (_name, argv, pattern) => {
    const line = await oneLineError(argv);
    expect(line).toMatch(pattern);
    expect(line).not.toContain("got ''");
  });

  it.each([
    ['input-stats --weight-dist', ['input-stats', '--dataset', 'mnist', '--weight-dist', 'foo']],
    ['montecarlo --dist', ['montecarlo', '--width', '2', '--depth', '2', '--dist', 'foo']],
    ['verify --statement', ['verify', '--statement', 'nope']],
  ])('%s: the list of valid values is printed once', async (_name, argv) => {
    const line = await oneLineError(argv);
    const first = /normal|fake-a/.exec(line)!;
    expect(line.indexOf(first[0])).toBe(line.lastIndexOf(first[0]));
  });
});

describe('a repeated option is an error, for every command', () => {
  it.each([
    ['kurtosis', ['kurtosis', '--width', '4', '--width', '5', '--depth', '2'], /--width given more than once \(4, then 5\)/],
    ['kurtosis, --opt=value form', ['kurtosis', '--width=4', '--depth', '2', '--width=5'], /--width given more than once/],
    ['kurtosis, a flag', ['kurtosis', '--width', '4', '--depth', '2', '--json', '--json'], /--json given more than once/],
    ['verify', ['verify', '--tier', 'quick', '--tier', 'full'], /--tier given more than once \(quick, then full\)/],
    ['montecarlo', ['montecarlo', '--width', '2', '--depth', '2', '--dist', 'normal', '--samples', '10', '--samples', '20'], /--samples given more than once/],
    ['input-stats', ['input-stats', '--dataset', 'mnist', '--dataset', 'cifar10'], /--dataset given more than once/],
    ['data fetch', ['data', 'fetch', 'cifar10', '--dest', 'a', '--dest', 'b'], /--dest given more than once/],
    ['fig1', ['fig1', '--scale', 'smoke', '--scale', 'paper', '--dataset', 'mnist'], /--scale given more than once/],
    ['fig3', ['fig3', '--scale', 'smoke', '--width', '10', '--width', '200'], /--width given more than once/],
    ['acceptance', ['acceptance', '--scale', 'smoke', '--seed', '1', '--seed', '2'], /--seed given more than once/],
    ['merge', ['merge', 'a', '--out', 'x', '--out', 'y'], /--out given more than once/],
  ])('%s', async (_name, argv, pattern) => {
    expect(await oneLineError(argv)).toMatch(pattern);
  });

  it('a variadic option may be given again: its values add up (--statement a --statement b)', async () => {
    const r = await runMain(['verify', '--statement', 'fake-a', '--statement', 'nope'], { statements: fakeStatements() });
    // Reaches statement validation: the second --statement was accepted and its value checked.
    expect(r.stderr).toMatch(/unknown statement id 'nope'/);
  });
});
