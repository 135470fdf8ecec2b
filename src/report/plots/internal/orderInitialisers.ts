/** The paper's order of the six initialisers of Figures 2 and 3. */
export const PAPER_INITIALISER_ORDER: readonly string[] = ['He-normal', 'Glorot-normal', 'orthogonal', 'GSM', 'MetaInit', 'ZerO'];

/**
 * The distinct names in `names`, in the paper's order (`PAPER_INITIALISER_ORDER`) first, then any
 * other names in code-unit (not locale) order, so the result never depends on input order or
 * on the machine's locale.
 *
 * @example
 * orderInitialisers(['ZerO', 'custom', 'He-normal', 'ZerO']); // ['He-normal', 'ZerO', 'custom']
 */
export function orderInitialisers(names: readonly string[]): string[] {
  const distinct = [...new Set(names)];
  const known = PAPER_INITIALISER_ORDER.filter((n) => distinct.includes(n));
  const other = distinct.filter((n) => !PAPER_INITIALISER_ORDER.includes(n)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return [...known, ...other];
}
