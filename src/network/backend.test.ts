import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { currentBackend, initBackend } from './backend.ts';

describe('initBackend', () => {
  it('starts the wasm backend when asked, and says where the choice came from', async () => {
    const choice = await initBackend({ requested: 'wasm' });
    expect(choice).toMatchObject({ name: 'wasm', source: 'option' });
    expect(tf.getBackend()).toBe('wasm');
    expect(currentBackend()).toBe('wasm');
  });

  it('reads VV_BACKEND when no option is given, the option winning over it', async () => {
    expect(await initBackend({ env: { VV_BACKEND: 'cpu' } })).toMatchObject({ name: 'cpu', source: 'environment' });
    expect(tf.getBackend()).toBe('cpu');
    expect(await initBackend({ requested: 'wasm', env: { VV_BACKEND: 'cpu' } })).toMatchObject({ name: 'wasm', source: 'option' });
  });

  it('falls back node → wasm → cpu in auto mode, recording why a backend was skipped', async () => {
    const choice = await initBackend({ env: {} });
    expect(['node', 'wasm']).toContain(choice.name);
    if (choice.name === 'wasm') expect(choice.unavailable.map((u) => u.name)).toEqual(['node']);
  });

  it('refuses an explicitly requested backend that cannot start, instead of falling back silently', async () => {
    try {
      const choice = await initBackend({ requested: 'node' });
      expect(choice.name).toBe('node'); // only where @tensorflow/tfjs-node installed
    } catch (error) {
      expect(String(error)).toMatch(/--backend: backend 'node' is unavailable/);
    }
  });

  it('rejects unknown names, naming the option or the variable', async () => {
    await expect(initBackend({ requested: 'gpu' })).rejects.toThrow(/--backend: unknown backend 'gpu'/);
    await expect(initBackend({ env: { VV_BACKEND: 'webgl' } })).rejects.toThrow(/VV_BACKEND: unknown backend 'webgl'/);
  });

  it('computes the same product on wasm and cpu (float32 rounding only)', async () => {
    const a = [1.5, -2, 0.25, 3, 7, -1];
    const product = async (name: string) => {
      await initBackend({ requested: name });
      return tf.tidy(() => tf.matMul(tf.tensor2d(a, [2, 3]), tf.tensor2d(a, [2, 3]), false, true).dataSync());
    };
    expect(Array.from(await product('wasm'))).toEqual(Array.from(await product('cpu')));
  });
});
