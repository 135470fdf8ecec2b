/** The paper's empirical claims (Figures 1–3) as statistical checks with verdicts. */
export * from './types.ts';
export * from './figure1.ts';
export * from './figure2.ts';
export * from './figure3.ts';
export { decideVerdict, levels, outcomeFromP, buildClaim, type Levels } from './internal/decide.ts';
