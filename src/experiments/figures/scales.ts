/** How much of an experiment to run: CI's pipeline check, a ≤ 60-minute subset that tests every claim, or the authors' grids. */
export type Scale = 'smoke' | 'reduced' | 'paper';
export const SCALES: readonly Scale[] = ['smoke', 'reduced', 'paper'];

/** The training protocol of Figures 1 and 3 (REFERENCE-SETUP.md, Training). */
export interface TrainingSettings {
  /** Adam steps (paper: 500). */
  readonly steps: number;
  readonly batchSize: number;
  /** Test images scored after training: the first `testExamples` of the test split (paper: all 10,000). */
  readonly testExamples: number;
}

/** Figure 1's grid for one data set. */
export interface Figure1Scale {
  readonly widths: readonly number[];
  readonly depths: readonly number[];
  readonly inits: readonly Figure1Init[];
  readonly reps: number;
  readonly learningRate: number;
  readonly training: TrainingSettings;
}

export type Figure1Init = 'he-bernoulli' | 'he-uniform' | 'he-normal';
export type Figure23Init = 'he-normal' | 'glorot-normal' | 'orthogonal' | 'gsm' | 'metainit' | 'zero';
export const FIGURE23_INITS: readonly Figure23Init[] = ['he-normal', 'glorot-normal', 'orthogonal', 'gsm', 'metainit', 'zero'];

/** Figure 2's measurement. */
export interface Figure2Scale {
  /** Networks per initialiser (ZerO is deterministic: 1 is enough). */
  readonly networks: Readonly<Record<Figure23Init, number>>;
  /** Networks per task (one results line); the unit of resume and sharding. */
  readonly blockSize: number;
  /** Training images the variance is taken over: the first `images` of the 50,000 (paper: all). */
  readonly images: number;
  /** MetaInit steps (paper: 500). */
  readonly metainitSteps: number;
}

/** Figure 3's grid for one width. */
export interface Figure3Scale {
  readonly depths: readonly number[];
  readonly inits: readonly Figure23Init[];
  readonly reps: number;
  readonly learningRate: number;
  readonly training: TrainingSettings;
  readonly metainitSteps: number;
}

const PAPER_TRAINING: TrainingSettings = { steps: 500, batchSize: 90, testExamples: 10000 };
const SMOKE_TRAINING: TrainingSettings = { steps: 60, batchSize: 90, testExamples: 2000 };
const range = (from: number, to: number, step: number): number[] => Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, i) => from + i * step);

/**
 * Figure 1 per scale (REFERENCE-SETUP.md: lr 1e-4, widths 5..50 step 5, depths 0..50 step 5, three
 * He laws, one run each = 330 per data set). `reduced` keeps the full training protocol on a 4×4
 * sub-grid spanning the same kurtosis range (48 runs per data set).
 */
export const FIGURE1_SCALES: Readonly<Record<Scale, Figure1Scale>> = {
  smoke: { widths: [5, 50], depths: [0, 30], inits: ['he-bernoulli', 'he-normal'], reps: 1, learningRate: 1e-4, training: SMOKE_TRAINING },
  reduced: { widths: [5, 15, 30, 50], depths: [0, 10, 25, 50], inits: ['he-bernoulli', 'he-uniform', 'he-normal'], reps: 1, learningRate: 1e-4, training: PAPER_TRAINING },
  paper: { widths: range(5, 50, 5), depths: range(0, 50, 5), inits: ['he-bernoulli', 'he-uniform', 'he-normal'], reps: 1, learningRate: 1e-4, training: PAPER_TRAINING },
};

/**
 * Figure 2 per scale (REFERENCE-SETUP.md: 10,000 networks per initialiser, 1,000 for MetaInit,
 * all 50,000 training images). `reduced` takes 7,000 networks per random initialiser — enough for
 * a distribution-free bound on the 0.999 quantile — over the first 5,000 images, and 20 MetaInit networks (an exact binomial test of "more than half
explode" can decide with ≥ 15 of 20; 6 networks could only decide at 6 of 6).
 */
export const FIGURE2_SCALES: Readonly<Record<Scale, Figure2Scale>> = {
  smoke: { networks: { 'he-normal': 100, 'glorot-normal': 100, orthogonal: 100, gsm: 100, metainit: 1, zero: 1 }, blockSize: 50, images: 1000, metainitSteps: 5 },
  reduced: { networks: { 'he-normal': 7000, 'glorot-normal': 7000, orthogonal: 7000, gsm: 7000, metainit: 20, zero: 1 }, blockSize: 250, images: 5000, metainitSteps: 500 },
  paper: { networks: { 'he-normal': 10000, 'glorot-normal': 10000, orthogonal: 10000, gsm: 10000, metainit: 1000, zero: 1 }, blockSize: 250, images: 50000, metainitSteps: 500 },
};

/**
 * Figure 3 per scale and width (REFERENCE-SETUP.md: width 10 depths 0..100 step 10 lr 1e-4; width
 * 200 depths 0..500 step 50 lr 1e-5; six initialisers; 5 repetitions).
 */
export const FIGURE3_SCALES: Readonly<Record<Scale, Readonly<Record<10 | 200, Figure3Scale>>>> = {
  smoke: {
    10: { depths: [0, 10], inits: FIGURE23_INITS, reps: 2, learningRate: 1e-4, training: SMOKE_TRAINING, metainitSteps: 5 },
    200: { depths: [0, 5], inits: FIGURE23_INITS, reps: 2, learningRate: 1e-5, training: { ...SMOKE_TRAINING, steps: 20 }, metainitSteps: 3 },
  },
  reduced: {
    10: { depths: [0, 10, 50, 100], inits: FIGURE23_INITS, reps: 3, learningRate: 1e-4, training: PAPER_TRAINING, metainitSteps: 500 },
    200: { depths: [0, 50, 100], inits: FIGURE23_INITS, reps: 3, learningRate: 1e-5, training: PAPER_TRAINING, metainitSteps: 500 },
  },
  paper: {
    10: { depths: range(0, 100, 10), inits: FIGURE23_INITS, reps: 5, learningRate: 1e-4, training: PAPER_TRAINING, metainitSteps: 500 },
    200: { depths: range(0, 500, 50), inits: FIGURE23_INITS, reps: 5, learningRate: 1e-5, training: PAPER_TRAINING, metainitSteps: 500 },
  },
};
