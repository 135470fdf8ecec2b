import { describe, expect, it } from 'vitest';
import { cleanupTempDirs, fakeStatements, listFiles, runMain, tempDir } from './helpers.ts';
import { afterAll } from 'vitest';

afterAll(cleanupTempDirs);

const COMMANDS = ['verify', 'kurtosis', 'montecarlo', 'input-stats', 'data', 'fig1', 'fig2', 'fig3', 'acceptance', 'merge'];

/** Exit 2, nothing on stdout, one `vv: error:` line; returns it. */
async function oneLineError(argv: string[]): Promise<string> {
  const cwd = tempDir();
  const r = await runMain(argv, { cwd, statements: fakeStatements() });
  expect(listFiles(cwd)).toEqual([]);
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
    ['an empty number', ['kurtosis', '--width', '2', '--depth', '2', '--slope='], /--slope needs a value \(got an empty one\)/],
    ['an empty seed', ['montecarlo', '--width', '2', '--depth', '2', '--dist', 'normal', '--seed='], /--seed needs a value \(got an empty one\)/],
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

describe("an empty option value is an error naming the option, for every command (never \"got ''\", never a silent default)", () => {
  it.each([
    ['verify --out=', ['verify', '--out=']],
    ['verify --backend=', ['verify', '--backend=']],
    ['verify --tier=', ['verify', '--tier=']],
    ['fig1 --scale=', ['fig1', '--dataset', 'mnist', '--scale=']],
    ['fig1 --shard=', ['fig1', '--dataset', 'mnist', '--scale', 'smoke', '--shard=']],
    ['input-stats --preprocessing=', ['input-stats', '--dataset', 'mnist', '--preprocessing=']],
    ['montecarlo --dist=', ['montecarlo', '--width', '2', '--depth', '2', '--dist=']],
    ['fig2 --init=', ['fig2', '--scale', 'smoke', '--init=']],
    ['data fetch --url=', ['data', 'fetch', 'cifar10', '--url=']],
    ['merge --out ""', ['merge', 'a', '--out', '']],
  ])('%s', async (_name, argv) => {
    const flag = argv.find((a) => a.endsWith('=')) ?? '--out';
    const line = await oneLineError(argv);
    expect(line).toContain(`${flag.replace(/=$/, '')} needs a value (got an empty one)`);
    expect(line).not.toContain("got ''");
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
    const r = await runMain(['verify', '--statement', 'fake-a', '--statement', 'nope'], { cwd: tempDir(), statements: fakeStatements() });
    // Reaches statement validation: the second --statement was accepted and its value checked.
    expect(r.stderr).toMatch(/unknown statement id 'nope'/);
  });
});

describe('the parsers name an empty value (for callers outside commander)', () => {
  it('parseFiniteNumber, parseSeed', async () => {
    const { parseFiniteNumber, parseSeed } = await import('../../src/cli/args.ts');
    expect(() => parseFiniteNumber(' ', '--slope')).toThrow(/^--slope is empty, expected a finite number$/);
    expect(() => parseSeed('', '--seed')).toThrow(/^--seed is empty, expected a non-negative safe integer$/);
  });
});
