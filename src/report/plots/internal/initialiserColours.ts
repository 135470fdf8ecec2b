/**
 * A fixed colour per initialiser, so one initialiser keeps its colour across Figures 1–3 and no
 * colour depends on which other initialisers happen to be present. Okabe–Ito hues (blue,
 * vermillion, bluish green, reddish purple, black) and three darker colours (Tol's wine, olive,
 * dark goldenrod) in place of Okabe–Ito's light orange, yellow and sky blue: every colour has a
 * contrast ratio ≥ 3 : 1 against white (WCAG's bar for graphics), and the colours that share a
 * figure stay apart (CIE76 ΔE ≥ 12) under simulated protanopia, deuteranopia and tritanopia —
 * both checked in `initialiserColours.test.ts`.
 */
export const INITIALISER_COLOURS: Readonly<Record<string, string>> = {
  'He-normal': '#0072b2',
  'Glorot-normal': '#d55e00',
  orthogonal: '#009e73',
  GSM: '#cc79a7',
  MetaInit: '#999933',
  ZerO: '#000000',
  'He-Bernoulli': '#b8860b',
  'He-uniform': '#882255',
};

/** Colours for names outside `INITIALISER_COLOURS`, handed out in the order the names are given (each ≥ 3 : 1 on white). */
export const SPARE_COLOURS: readonly string[] = ['#332288', '#117733', '#666666', '#8c6d31', '#aa4499', '#44546a'];

/**
 * The colour range matching `domain` (already in display order): each known initialiser gets
 * its fixed colour, unknown names get spare colours in turn (cycling when they run out).
 *
 * @example
 * initialiserColours(['He-normal', 'ZerO', 'mine']); // ['#0072b2', '#000000', '#332288']
 */
export function initialiserColours(domain: readonly string[]): string[] {
  let spare = 0;
  return domain.map((name) => INITIALISER_COLOURS[name] ?? SPARE_COLOURS[spare++ % SPARE_COLOURS.length]!);
}
