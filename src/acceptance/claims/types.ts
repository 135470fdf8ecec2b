/**
 * Verdicts on the paper's empirical claims (Figures 1–3) and the plain-data inputs they are computed
 * from. Every record is JSON-ready: a number that does not exist (or is not finite) is null.
 */

export type Verdict = 'supported' | 'refuted' | 'inconclusive';

/** One sub-test of a claim (or a descriptive entry, outcome 'neither', that never affects the verdict). */
export interface ClaimEvidence {
  readonly label: string;
  /** Sample size behind the sub-test (networks, runs, pairs). */
  readonly n: number;
  readonly estimate: number | null;
  /** The confidence bounds the decision used (null: that side unavailable / not used). */
  readonly interval?: readonly [number | null, number | null];
  readonly pValue?: number | null;
  /** The threshold the claim compares with (0.9, 0.5, −0.05 …). */
  readonly threshold?: number;
  readonly outcome: 'for' | 'against' | 'neither';
  /** Free-text detail: why 'neither', which bounds were compared (extension of the brief's interface). */
  readonly note?: string;
}

export interface ClaimResult {
  /** e.g. 'fig1.mnist.accuracy-falls-with-kurtosis'. */
  readonly id: string;
  readonly figure: 'fig1' | 'fig2' | 'fig3';
  /** 'MNIST', 'CIFAR-10', 'He-normal', 'width 10', … */
  readonly scope: string;
  /** The paper's claim in words. */
  readonly statement: string;
  /** The exact operationalisation: test, thresholds, how diverged runs count. */
  readonly method: string;
  /** Per-claim probability of a wrong decisive verdict, split as α/2 for 'supported', α/2 for 'refuted'. */
  readonly falseAlarm: number;
  readonly verdict: Verdict;
  /** One line: why this verdict (the decisive numbers). */
  readonly reason: string;
  /** Headline numbers (rho, p, n, …). */
  readonly statistics: Readonly<Record<string, number | string | boolean | null>>;
  /** One entry per sub-test (plus descriptive entries with outcome 'neither'). */
  readonly evidence: readonly ClaimEvidence[];
}

/** One training run of Figures 1 and 3. `accuracy` is null iff the run diverged. */
export interface TrainingRun {
  readonly width: number;
  readonly depth: number;
  readonly init: string;
  readonly rep: number;
  readonly status: 'ok' | 'diverged';
  readonly accuracy: number | null;
}

/** A Figure 1 run with the theoretical output kurtosis at initialisation (Prop. 3); may be 1e15 or Infinity. */
export interface Figure1Run extends TrainingRun {
  readonly kurtosis: number;
}

/** Initialiser names used by Figures 2 and 3. */
export type InitName = 'he-normal' | 'glorot-normal' | 'orthogonal' | 'gsm' | 'metainit' | 'zero';

/** The random initialisers (everything but ZerO and MetaInit's optimised one, for Figure 2). */
export const RANDOM_INITS: readonly InitName[] = ['he-normal', 'glorot-normal', 'orthogonal', 'gsm'];
