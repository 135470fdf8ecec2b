/**
 * Meta-test (issue 14 §2): no check that cannot fail. For EVERY check of `vv verify` (enumerated
 * from properties/index.ts, so checks added later are covered without editing this file), some
 * perturbation of a formula or object it uses must turn its verdict into `refuted`.
 *
 * Perturbation registry, built by module mocking (no production hook): every exported function of
 * the formula and object modules below (src/theory, src/exact, src/distributions, the Monte Carlo
 * theory and the input-statistics formulas) is wrapped; a run first TRACES which wrapped functions
 * a check calls, then re-runs the check with one of them perturbed: its result, deeply (numbers and
 * rationals v ↦ v(1+ε) + ε, booleans negated, arrays and plain objects element-wise, methods of
 * returned objects — a law's density, sample, moments — on their results), ε = 1/997 first, then
 * ε = 1/4. Symbolic checks are perturbed inside Algebrite: simplify((L)−(R)) becomes
 * simplify((L)−((R)(1+ε)+ε)). A perturbed run that throws does not count (a crash is not a verdict).
 *
 * Monte Carlo checks run with every sampler capped at n = 50,000 draws (sampleLayerOutputs' `draws`;
 * 4,096 while tracing) and ε = 1/4 only, on the laws first. Arithmetic: a He weight law perturbed to w ↦ 1.25w + 0.25
 * has E[w²] = 1.5625·v + 0.0625 (≥ 56% above v), so layer 1's variance moves ≥ 56%; at n = 5·10⁴
 * a variance estimate of a light-tailed layer has relative stderr ≈ √(κ−1)/√n ≈ 0.6–1.5%, so
 * |t| ≳ 37 against a per-test threshold |t| ≈ 5.7–6.5 (false-alarm 1e-6 split over ≤ 100 tests):
 * detected with power ≈ 1, while the 5%-power reach rule keeps the variance tests decided.
 * Exception: checks listed in OWN_N (section-7-conv) run at their own n, trace included (their
 * tests are out of reach at 50,000 draws; arithmetic at OWN_N).
 *
 * Checks expected `refuted` already fail and are listed as such; checks of a data set missing here
 * (`inconclusive`) cannot run. The candidates of an increase test (Theorem 1) also include the
 * reversed claim "κ_{l−1} > κ_l" (assertIncrease called with before and after swapped).
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Fraction } from 'fraction.js';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Check, CheckContext, CheckResult, StatementSpec } from '../src/verify/types.ts';

const root = join(import.meta.dirname, '..');
const SAMPLE_CAP = 50_000;
/** ε tried in order: a 0.1% nudge either way, then large ones; −1/2 and −2 (v ↦ v/2 − 1/2, v ↦ −v − 2) move inequalities with slack. */
const MAGNITUDES = [new Fraction(1, 997), new Fraction(-1, 997), new Fraction(1, 4), new Fraction(-1, 2), new Fraction(-2)];
/** Monte Carlo: the large perturbations only. */
const MC_MAGNITUDES = [new Fraction(1, 4)];
/** `META_ONLY=regex` restricts the run to matching check ids (debugging). */
const only = process.env.META_ONLY ? new RegExp(process.env.META_ONLY) : undefined;

/** Files whose exported functions are the formulas and objects the checks use. */
function formulaModules(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        walk(path);
        continue;
      }
      if (!name.endsWith('.ts') || name.endsWith('.test.ts') || name.endsWith('.d.ts') || name === 'index.ts' || name === 'types.ts') continue;
      out.push(path);
    }
  };
  for (const dir of ['src/theory', 'src/exact', 'src/distributions']) walk(join(root, dir));
  const excluded = new Set(['guards.ts', 'validate.ts', 'random.ts', 'describe.ts', 'twoPieceNormal.ts']);
  return [
    ...out.filter((p) => !excluded.has(p.split('/').pop()!)),
    ...['propagationTheory.ts', 'heRandomVectorTests.ts'].map((f) => join(root, 'src/montecarlo/propagation', f)),
    ...readdirSync(join(root, 'src/data'))
      .filter((f) => /^inputStatistics.*\.ts$/.test(f) && !f.endsWith('.test.ts'))
      .map((f) => join(root, 'src/data', f)),
  ];
}

/**
 * Checks that run at their own n, traced too (no cap): their tests are out of reach at 50,000
 * draws, so under the cap no perturbation could be decided. section-7-conv (quick tier: 400,000
 * and 200,000 draws, ≈ 3 s a run): at its n, case A's κ_2(conv) = 6.10 has stderr 0.043 (0.12 at
 * 50,000: power Φ((0.1·5.69 − 6.3·0.12)/0.12) ≈ 0.05, out of reach). The reversed claims are
 * then decided: κ_2(FC, same fan-in) = 5.69 > κ_2(conv) is 9.3 stderr off, against intervals of
 * half-width c·s ≈ 6·0.043 = 0.26 < 0.40 (rejected, power ≈ 1); κ_0 > κ_1 (conv): 3.000 ± 0.004
 * against 3.870 ± 0.011, gap 0.87 ≫ 6·0.015 = 0.09. Layer 1 against a FC layer of the same
 * fan-in: the weight law w ↦ 1.25w + 0.25 moves σ²_1 by ≥ 56% against a stderr of 0.2%. Its
 * runs are shared between its checks (a cache keyed by the laws), so the trace, which fills that
 * cache, runs at the same n.
 */
const OWN_N = /^section-7-conv\//;

// ── The registry: which wrapped function is perturbed now, and which were called ──────────────
const state: { active?: { id: string; eps: Fraction }; calls?: Set<string>; ownN?: boolean } = {};
/** Draws per Monte Carlo run while tracing (only which functions are called matters then). */
const TRACE_CAP = 4096;

const isPlain = (v: unknown): v is Record<string | symbol, unknown> =>
  v !== null && typeof v === 'object' && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);

function perturb(v: unknown, eps: Fraction, depth = 0): unknown {
  if (depth > 8) return v;
  if (typeof v === 'number') return v * (1 + eps.valueOf()) + eps.valueOf();
  if (typeof v === 'boolean') return !v;
  if (v instanceof Fraction) return v.mul(eps.add(1)).add(eps);
  if (v instanceof Float64Array || v instanceof Float32Array) return v.map((x) => x * (1 + eps.valueOf()) + eps.valueOf());
  if (Array.isArray(v)) return v.map((x) => perturb(x, eps, depth + 1));
  if (typeof v === 'function') return (...args: unknown[]) => perturb((v as (...a: unknown[]) => unknown)(...args), eps, depth + 1);
  if (isPlain(v)) {
    const out: Record<string | symbol, unknown> = {};
    for (const k of Reflect.ownKeys(v)) out[k] = perturb(v[k], eps, depth + 1);
    return out;
  }
  return v;
}

/** A returned object with methods (a law): perturbed lazily, whenever its owner is the active perturbation. */
function lazily(r: unknown, id: string): unknown {
  if (!isPlain(r) || !Object.values(r).some((x) => typeof x === 'function')) return r;
  return new Proxy(r, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (state.active?.id !== id) {
        if (typeof value === 'function' && typeof key === 'string') {
          return (...args: unknown[]) => {
            state.calls?.add(id);
            const out = (value as (...a: unknown[]) => unknown).apply(receiver, args);
            return state.active?.id === id ? perturb(out, state.active.eps) : out;
          };
        }
        return value;
      }
      return perturb(value, state.active.eps);
    },
  });
}

function wrapModule(mod: Record<string, unknown>, file: string): Record<string, unknown> {
  const rel = file.slice(root.length + 1);
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(mod)) {
    if (typeof value !== 'function' || /^[A-Z]/.test(name)) {
      out[name] = value;
      continue;
    }
    const id = `${rel}#${name}`;
    const f = value as (...a: unknown[]) => unknown;
    out[name] = function (this: unknown, ...args: unknown[]) {
      state.calls?.add(id);
      const r = f.apply(this, args);
      return state.active?.id === id ? perturb(r, state.active.eps) : lazily(r, id);
    };
  }
  return out;
}

/** simplify((L)-(R)) → simplify((L)-((R)*(1+ε)+ε)). */
function perturbScript(script: string, eps: Fraction): string {
  const m = /^simplify\((.*)\)$/s.exec(script);
  if (!m) return script;
  const inner = m[1]!;
  let depth = 0;
  let end = -1;
  for (let i = 0; i < inner.length; i++) {
    if (inner[i] === '(') depth++;
    if (inner[i] === ')' && --depth === 0) {
      end = i;
      break;
    }
  }
  if (end < 0 || inner[end + 1] !== '-') return script;
  const e = eps.toFraction();
  return `simplify(${inner.slice(0, end + 1)}-((${inner.slice(end + 2)})*(1+${e})+${e}))`;
}

let statements: readonly StatementSpec[] = [];
let expectations: Record<string, { checks: Record<string, string> }> = {};

beforeAll(async () => {
  for (const file of formulaModules()) vi.doMock(file, async (importOriginal) => wrapModule((await importOriginal()) as Record<string, unknown>, file));
  vi.doMock(join(root, 'src/network/sampleLayerOutputs.ts'), async (importOriginal) => {
    const mod = (await importOriginal()) as { sampleLayerOutputs: (o: { draws: number }) => unknown };
    return { ...mod, sampleLayerOutputs: (o: { draws: number }) => mod.sampleLayerOutputs({ ...o, draws: state.ownN ? o.draws : Math.min(o.draws, state.calls ? TRACE_CAP : SAMPLE_CAP) }) };
  });
  // The claim an increase test checks, reversed: "κ_l > κ_{l−1}" becomes "κ_{l−1} > κ_l".
  vi.doMock(join(root, 'src/stats/assertIncrease.ts'), async (importOriginal) => {
    const mod = (await importOriginal()) as { assertIncrease: (o: { before: unknown; after: unknown }) => unknown };
    const id = 'src/stats/assertIncrease.ts#assertIncrease (claim reversed)';
    return {
      ...mod,
      assertIncrease: (o: { before: unknown; after: unknown }) => {
        state.calls?.add(id);
        return mod.assertIncrease(state.active?.id === id ? { ...o, before: o.after, after: o.before } : o);
      },
    };
  });
  vi.doMock('algebrite', async (importOriginal) => {
    const mod = (await importOriginal()) as { default: { run(s: string): string } };
    const run = (s: string) => {
      state.calls?.add('algebrite');
      return mod.default.run(state.active?.id === 'algebrite' ? perturbScript(s, state.active.eps) : s);
    };
    return { ...mod, default: { ...mod.default, run } };
  });
  const { initBackend } = await import('../src/network/backend.ts');
  await initBackend({});
  ({ allStatements: statements } = await import('./index.ts'));
  const { loadExpectations } = await import('../src/verify/expectations.ts');
  expectations = loadExpectations(join(root, 'fixtures', 'expectations.json')) as typeof expectations;
}, 600_000);

const ctx: CheckContext = { seed: 20261124, numRuns: 8, tier: 'quick' };

/** Runs a check; a throw or a property that threw is `undefined` (not a verdict). */
function verdictOf(check: Check): CheckResult | undefined {
  try {
    const r = check.run(ctx);
    if (r.verdict === 'refuted' && r.counterexample?.includes('(threw:')) return undefined;
    return r;
  } catch {
    return undefined;
  }
}

/** Order: formulas first (theory, Monte Carlo theory, data formulas), then exact enumerations, then laws. */
const rank = (id: string) => (id === 'algebrite' ? 0 : id.startsWith('src/theory') ? 1 : id.startsWith('src/montecarlo') || id.startsWith('src/data') ? 2 : id.startsWith('src/exact') ? 3 : 4);

interface Teeth {
  readonly statement: string;
  readonly check: string;
  readonly expected: string;
  readonly killedBy?: string;
  readonly candidates: number;
}

function teeth(statement: string, check: Check): Teeth {
  const expected = expectations[statement]?.checks[check.id] ?? 'unknown';
  // A refuted check fails already; an unavailable data set cannot be run here.
  if (expected === 'refuted' || expected === 'inconclusive')
    return { statement, check: check.id, expected, killedBy: expected === 'refuted' ? 'already refuted' : 'not decided here (expected inconclusive)', candidates: 0 };
  state.ownN = OWN_N.test(check.id);
  try {
    return teethOf(statement, check, expected);
  } finally {
    state.ownN = undefined;
  }
}

function teethOf(statement: string, check: Check, expected: string): Teeth {
  // A symbolic check's only formula is its identity, handed to Algebrite: no trace needed.
  let called = ['algebrite'];
  if (check.kind !== 'symbolic') {
    state.calls = new Set();
    verdictOf(check);
    called = [...state.calls].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
    state.calls = undefined;
  }
  const mc = check.kind === 'montecarlo';
  // Monte Carlo: a reversed increase claim first, then the laws (they move every moment); at most 4 tries.
  const reversed = called.filter((id) => id.includes('claim reversed'));
  const laws = called.filter((id) => id.startsWith('src/distributions'));
  const candidates = mc ? [...reversed, ...laws, ...called.filter((id) => !reversed.includes(id) && !laws.includes(id))].slice(0, 4) : called;
  for (const eps of mc ? MC_MAGNITUDES : MAGNITUDES)
    for (const id of candidates) {
      state.active = { id, eps };
      const r = verdictOf(check);
      state.active = undefined;
      if (r?.verdict === 'refuted') return { statement, check: check.id, expected, killedBy: `${id}${id.includes('claim reversed') ? '' : ` (ε = ${eps.toFraction()})`}`, candidates: candidates.length };
      if (id.includes('claim reversed')) break;
    }
  return { statement, check: check.id, expected, candidates: candidates.length };
}

describe('every check of vv verify fails under some perturbation of what it checks', () => {
  const results: Teeth[] = [];
  it('enumerates the checks from properties/index.ts', () => {
    expect(statements.length).toBeGreaterThan(10);
    if (only) return;
    expect(statements.flatMap((s) => s.checks).length).toBeGreaterThan(50);
  });
  it('has teeth itself: a toothless check survives, a check of a formula does not', async () => {
    const fc = (await import('fast-check')).default;
    const { propertyCheck } = await import('../src/verify/propertyCheck.ts');
    const { numberField } = await import('../src/algebra/field.ts');
    const { leakyReluSecondMoment } = await import('../src/theory/leakyReluSecondMoment.ts');
    const toothless = propertyCheck({ id: 'meta/toothless', role: 'step', kind: 'exact', source: '', description: '', arbitrary: fc.integer(), predicate: () => true });
    const real = propertyCheck({
      id: 'meta/lemma-6-at-a-1',
      role: 'step',
      kind: 'float',
      source: '',
      description: '',
      arbitrary: fc.double({ min: 0.1, max: 10, noNaN: true }),
      predicate: (v) => Math.abs(leakyReluSecondMoment(numberField, { slope: 1, variance: v }) - v) <= 1e-12 * v,
    });
    expect(teeth('meta', toothless).killedBy).toBeUndefined();
    expect(teeth('meta', real).killedBy).toBe('src/theory/leakyReluSecondMoment.ts#leakyReluSecondMoment (ε = 1/997)');
    expect(perturbScript('simplify((a+b)-(b+a))', new Fraction(1, 4))).toBe('simplify((a+b)-(((b+a))*(1+1/4)+1/4))');
  });
  it('no passing check survives every perturbation', () => {
    for (const s of statements)
      for (const c of s.checks) {
        if (only && !only.test(c.id)) continue;
        const t0 = performance.now();
        results.push(teeth(s.id, c));
        if (process.env.META_VERBOSE) console.log(`${c.id}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      }
    const survivors = results.filter((r) => r.killedBy === undefined);
    console.log(
      'perturbation meta-test:\n' +
        results
          .map((r) => `  ${r.check} [${r.expected}]: ${r.killedBy === undefined ? `SURVIVES ${r.candidates} candidate perturbations` : r.candidates === 0 ? r.killedBy : `refuted under ${r.killedBy}`}`)
          .join('\n'),
    );
    expect(survivors.map((r) => r.check)).toEqual([]);
  }, 1_800_000);
});
