import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../backend.ts';
import { oneHot } from './oneHot.ts';

beforeAll(async () => {
  await initBackend({ requested: 'wasm' });
});

describe('oneHot', () => {
  it('is a float32 [n, classes] matrix with a single exact 1 per row', () => {
    const t = oneHot([2, 0], 3);
    expect(t.dtype).toBe('float32');
    expect(t.shape).toEqual([2, 3]);
    expect(Array.from(t.dataSync())).toEqual([0, 0, 1, 1, 0, 0]);
    t.dispose();
  });
});
