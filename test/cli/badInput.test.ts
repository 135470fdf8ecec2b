import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupTempDirs, fakeStatements, listFiles, runMain, tempDir } from './helpers.ts';

afterAll(cleanupTempDirs);

const K = ['kurtosis'];
const ok = ['--width', '2', '--depth', '3'];

const cases: [string, string[], RegExp][] = [
  ['width 0', [...K, '--width', '0', '--depth', '3'], /--width/],
  ['width non-integer', [...K, '--width', '1.5', '--depth', '3'], /--width/],
  ['width garbage', [...K, '--width', 'abc', '--depth', '3'], /--width/],
  ['width NaN', [...K, '--width', 'NaN', '--depth', '3'], /--width/],
  ['width Infinity', [...K, '--width', 'Infinity', '--depth', '3'], /--width/],
  ['widths entry 0', [...K, '--widths', '2,0,3', '--depth', '3'], /--widths/],
  ['widths empty entry', [...K, '--widths', '2,,3', '--depth', '3'], /--widths/],
  ['widths garbage', [...K, '--widths', '2,x,3', '--depth', '3'], /--widths/],
  ['widths shorter than depth', [...K, '--widths', '2,3', '--depth', '3'], /--widths/],
  ['width and widths both', [...K, '--width', '2', '--widths', '2,2,2', '--depth', '3'], /--width/],
  ['neither width nor widths', [...K, '--depth', '3'], /--width/],
  ['depth missing', [...K, '--width', '2'], /--depth/],
  ['depth negative', [...K, '--width', '2', '--depth', '-1'], /--depth/],
  ['depth non-integer', [...K, '--width', '2', '--depth', '2.5'], /--depth/],
  ['depth garbage', [...K, '--width', '2', '--depth', 'three'], /--depth/],
  ['weight kurtosis < 1', [...K, ...ok, '--weight-kurtosis', '0.5'], /--weight-kurtosis/],
  ['weight kurtosis NaN', [...K, ...ok, '--weight-kurtosis', 'NaN'], /--weight-kurtosis/],
  ['input kurtosis < 1', [...K, ...ok, '--input-kurtosis', '0.99'], /--input-kurtosis/],
  ['input kurtosis Infinity', [...K, ...ok, '--input-kurtosis', 'Infinity'], /--input-kurtosis/],
  ['slope Infinity', [...K, ...ok, '--slope', 'Infinity'], /--slope/],
  ['slope garbage', [...K, ...ok, '--slope', 'abc'], /--slope/],
  ['input cov NaN', [...K, ...ok, '--input-cov', 'NaN'], /--input-cov/],
  ['variance garbage', [...K, ...ok, '--variance', '1x'], /--variance/],
  ['variance 0', [...K, ...ok, '--variance', '0'], /--variance/],
  ['samples 1', [...K, ...ok, '--samples', '1'], /--samples/],
  ['samples non-integer', [...K, ...ok, '--samples', '10.5'], /--samples/],
  ['samples garbage', [...K, ...ok, '--samples', 'many'], /--samples/],
  ['missing option value', [...K, '--depth', '3', '--width'], /--width/],
  ['unknown option (kurtosis)', [...K, ...ok, '--bogus'], /--bogus/],
  ['unknown command', ['frobnicate'], /frobnicate/],
  ['no command', [], /command/],
  ['bad tier', ['verify', '--tier', 'medium'], /--tier/],
  ['seed negative', ['verify', '--seed', '-1'], /--seed/],
  ['seed non-integer', ['verify', '--seed', '1.5'], /--seed/],
  ['seed garbage', ['verify', '--seed', 'abc'], /--seed/],
  ['seed unsafe', ['verify', '--seed', '9007199254740993'], /--seed/],
  ['unknown statement id', ['verify', '--statement', 'fake-a', 'lemma-99'], /lemma-99/],
  ['unknown option (verify)', ['verify', '--fast'], /--fast/],
  ['excess argument', ['verify', 'extra'], /argument/],
  ['unknown backend (verify)', ['verify', '--backend', 'gpu'], /--backend: unknown backend 'gpu'/],
  ['false alarm out of range (verify)', ['verify', '--false-alarm', '2'], /--false-alarm must be in \(0, 1\)/],
  ['audit seeds 0', ['verify', '--audit-seeds', '0'], /--audit-seeds must be >= 1/],
  ['audit false alarm 1', ['verify', '--audit-seeds', '3', '--audit-false-alarm', '1'], /--audit-false-alarm must be in \(0, 1\)/],
  ['audit without Monte Carlo checks', ['verify', '--audit-seeds', '3'], /no Monte Carlo check whose claim holds/],
];

describe('invalid input: exit code 2, one stderr line, nothing written', () => {
  const expectationsDir = tempDir('vv-exp-');
  const expectationsPath = join(expectationsDir, 'expectations.json');
  writeFileSync(expectationsPath, '{}\n');

  it.each(cases)('%s', async (_name, argv, names) => {
    const cwd = tempDir();
    const isVerify = argv[0] === 'verify';
    const fullArgv = isVerify ? [...argv, '--out', join(cwd, 'out')] : argv;
    const { code, stdout, stderr } = await runMain(fullArgv, { cwd, statements: fakeStatements(), expectationsPath });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.endsWith('\n')).toBe(true);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^vv: error: /);
    expect(stderr).toMatch(names);
    expect(listFiles(cwd)).toEqual([]);
    expect(listFiles(expectationsDir)).toEqual(['expectations.json']);
  });

  it('a missing expectations file is an error before anything runs', async () => {
    const cwd = tempDir();
    const { code, stderr } = await runMain(['verify', '--out', 'out'], {
      cwd,
      statements: fakeStatements(),
      expectationsPath: join(cwd, 'missing.json'),
    });
    expect(code).toBe(2);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^vv: error: --expectations: /);
    expect(listFiles(cwd)).toEqual([]);
  });

  it('a malformed expectations file is an error before anything runs', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'bad.json'), '{"fake-a": {"verdict": "maybe", "checks": {}}}');
    const { code, stderr } = await runMain(['verify', '--out', 'out', '--expectations', 'bad.json'], {
      cwd,
      statements: fakeStatements(),
    });
    expect(code).toBe(2);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(listFiles(cwd)).toEqual(['bad.json']);
  });
});

describe('help and version', () => {
  it.each([['--help'], ['verify', '--help'], ['kurtosis', '--help'], ['montecarlo', '--help'], ['help', 'kurtosis'], ['--version']])(
    'vv %s returns 0 and prints to stdout',
    async (...argv) => {
      const { code, stdout, stderr } = await runMain(argv);
      expect(code).toBe(0);
      expect(stdout.length).toBeGreaterThan(0);
      expect(stderr).toBe('');
    },
  );
});
