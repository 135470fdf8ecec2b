/**
 * A fixed colour per initialiser (Tableau-10 hues), so one initialiser keeps its colour across
 * Figures 1–3 and no colour depends on which other initialisers happen to be present.
 */
const FIXED: Readonly<Record<string, string>> = {
  'He-normal': '#4c78a8',
  'Glorot-normal': '#f58518',
  orthogonal: '#54a24b',
  GSM: '#e45756',
  MetaInit: '#b279a2',
  ZerO: '#72b7b2',
  'He-Bernoulli': '#eeca3b',
  'He-uniform': '#9d755d',
};

/** Colours for names outside `FIXED`, handed out in the order the names are given. */
const SPARE: readonly string[] = ['#ff9da6', '#bab0ac', '#000000', '#8c6d31', '#393b79', '#637939'];

/**
 * The colour range matching `domain` (already in display order): each known initialiser gets
 * its fixed colour, unknown names get spare colours in turn (cycling when they run out).
 *
 * @example
 * initialiserColours(['He-normal', 'ZerO', 'mine']); // ['#4c78a8', '#72b7b2', '#ff9da6']
 */
export function initialiserColours(domain: readonly string[]): string[] {
  let spare = 0;
  return domain.map((name) => FIXED[name] ?? SPARE[spare++ % SPARE.length]!);
}
