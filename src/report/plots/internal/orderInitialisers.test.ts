import { describe, expect, it } from 'vitest';
import { orderInitialisers } from './orderInitialisers.ts';

describe('orderInitialisers', () => {
  it('puts the paper six first in the paper order, then others in code-unit order, without repeats', () => {
    expect(orderInitialisers(['zeta', 'ZerO', 'Alpha', 'He-normal', 'ZerO', 'GSM'])).toEqual(['He-normal', 'GSM', 'ZerO', 'Alpha', 'zeta']);
  });
});
