/**
 * Returns `value` when it is a non-empty (after trimming) string; otherwise throws a `TypeError`
 * naming the API and the field. Used for dataset labels and initialiser names, which are printed
 * in titles, captions and legends.
 *
 * @throws TypeError when the value is not a non-empty string.
 * @example
 * requireLabel({ value: 'MNIST', field: 'dataset', api: 'figure1Spec' }); // 'MNIST'
 */
export function requireLabel(options: { value: unknown; field: string; api: string }): string {
  const { value, field, api } = options;
  if (typeof value !== 'string' || value.trim() === '') {
    throw new TypeError(`${api}: ${field} must be a non-empty string, got ${JSON.stringify(value)}`);
  }
  return value;
}
