/** Display names of the initialisers, as the paper's figures write them. */
export const INITIALISER_LABELS: Readonly<Record<string, string>> = {
  'he-normal': 'He-normal',
  'he-uniform': 'He-uniform',
  'he-bernoulli': 'He-Bernoulli',
  'glorot-normal': 'Glorot-normal',
  orthogonal: 'orthogonal',
  gsm: 'GSM',
  metainit: 'MetaInit',
  zero: 'ZerO',
};
