/** Texts up to this length stay one block. */
const SHORT = 160;

/**
 * A long check text split into list items, or null when it is short enough to stay one piece.
 * Parts are separated by "; "; a part that opens with a short label and a colon ("M = 10: …",
 * "n = 50000, seed 7: …") starts a new item, any other part continues the previous one.
 *
 * @example listItems('M = 5: κ = 3.1, P = 0.046; Gamma 0.0115; M = 10: κ = 10.6, P = 0.058; Gamma 0.21' + ' '.repeat(100))
 * // ['M = 5: κ = 3.1, P = 0.046; Gamma 0.0115', 'M = 10: κ = 10.6, P = 0.058; Gamma 0.21 …']
 */
export function listItems(text: string): string[] | null {
  if (text.length <= SHORT || text.includes('\n')) return null;
  const items: string[] = [];
  for (const part of text.split('; ')) {
    if (items.length === 0 || /^[^:;]{1,40}:\s/.test(part)) items.push(part);
    else items[items.length - 1] += `; ${part}`;
  }
  return items.length > 1 ? items : text.split('; ').length > 1 ? text.split('; ') : null;
}
