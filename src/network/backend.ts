import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';

/** The TensorFlow.js backends the suite can run on, fastest first. */
export type BackendName = 'node' | 'wasm' | 'cpu';
export const BACKEND_NAMES: readonly BackendName[] = ['node', 'wasm', 'cpu'];

/** tfjs's own registry name of each backend. */
const TFJS_NAME: Readonly<Record<BackendName, string>> = { node: 'tensorflow', wasm: 'wasm', cpu: 'cpu' };

export interface BackendChoice {
  /** The backend in use. */
  readonly name: BackendName;
  /** How it was chosen: the `--backend` option, the `VV_BACKEND` variable, or automatic fallback. */
  readonly source: 'option' | 'environment' | 'auto';
  /** Backends tried and unavailable before this one (auto mode), with the reason. */
  readonly unavailable: readonly { readonly name: BackendName; readonly reason: string }[];
}

export interface InitBackendOptions {
  /** `--backend` value; wins over `env.VV_BACKEND`. `undefined` or 'auto' means try node, wasm, cpu in turn. */
  readonly requested?: string;
  /** Environment to read `VV_BACKEND` from (default `process.env`). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

function parseBackend(value: string, where: string): BackendName | 'auto' {
  const v = value.trim().toLowerCase();
  if (v === 'auto' || (BACKEND_NAMES as readonly string[]).includes(v)) return v as BackendName | 'auto';
  throw new Error(`${where}: unknown backend '${value}' (expected node, wasm, cpu or auto)`);
}

/** Loads a backend's package (registering it with tfjs-core); throws with the reason if it cannot. */
async function register(name: BackendName): Promise<void> {
  if (tf.findBackendFactory(TFJS_NAME[name]) !== null) return;
  if (name === 'node') {
    try {
      // Optional dependency: installs only where libtensorflow can be downloaded.
      await import('@tensorflow/tfjs-node' as string);
    } catch (error) {
      const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
      throw new Error(`@tensorflow/tfjs-node is not usable here (${detail})`);
    }
    if (tf.findBackendFactory('tensorflow') === null) {
      throw new Error('@tensorflow/tfjs-node loaded but registered no "tensorflow" backend with this copy of tfjs-core (version mismatch?)');
    }
    return;
  }
  if (name === 'wasm') await import('@tensorflow/tfjs-backend-wasm');
}

let current: BackendChoice | undefined;


/**
 * Chooses and initialises the TensorFlow.js backend: `options.requested` (the `--backend` flag),
 * else `VV_BACKEND`, else automatic: native `node` (@tensorflow/tfjs-node, an optional dependency)
 * where it installed, else `wasm` (its .wasm binaries ship inside the npm package), else `cpu`.
 * An explicitly requested backend that cannot start is an error, never a silent fallback.
 * Idempotent: a second call with the same request returns the backend already in use.
 *
 * @example (await initBackend({ requested: 'wasm' })).name // 'wasm'
 * @throws Error naming the option or variable when the value is unknown or the backend unavailable.
 */
export async function initBackend(options: InitBackendOptions = {}): Promise<BackendChoice> {
  const env = options.env ?? process.env;
  let wanted: BackendName | 'auto' = 'auto';
  let source: BackendChoice['source'] = 'auto';
  if (options.requested !== undefined && options.requested !== '') {
    wanted = parseBackend(options.requested, '--backend');
    source = wanted === 'auto' ? 'auto' : 'option';
  } else if (env.VV_BACKEND !== undefined && env.VV_BACKEND !== '') {
    wanted = parseBackend(env.VV_BACKEND, 'VV_BACKEND');
    source = wanted === 'auto' ? 'auto' : 'environment';
  }
  const same = current !== undefined && (wanted === 'auto' ? current.source === 'auto' : wanted === current.name);
  if (same && tf.getBackend() === TFJS_NAME[current!.name]) return { ...current!, source };
  const candidates: readonly BackendName[] = wanted === 'auto' ? BACKEND_NAMES : [wanted];
  const unavailable: { name: BackendName; reason: string }[] = [];
  for (const name of candidates) {
    try {
      await register(name);
      const ok = await tf.setBackend(TFJS_NAME[name]);
      if (!ok) throw new Error(`tfjs could not initialise the '${TFJS_NAME[name]}' backend`);
      await tf.ready();
      // The cpu backend greets its first tensor in Node.js with a multi-line advertisement for
      // tfjs-node on stderr; the suite reports its backend itself (and CLI errors stay one line).
      if (name === 'cpu') (tf.backend() as unknown as { firstUse?: boolean }).firstUse = false;
      current = { name, source, unavailable };
      return current;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (wanted !== 'auto') {
        const where = source === 'option' ? '--backend' : 'VV_BACKEND';
        throw new Error(`${where}: backend '${name}' is unavailable: ${reason}`);
      }
      unavailable.push({ name, reason });
    }
  }
  throw new Error(`no TensorFlow.js backend could start: ${unavailable.map((u) => `${u.name}: ${u.reason}`).join('; ')}`);
}

/**
 * The backend in use, for reports. Before any `initBackend` call tfjs-core falls back to `cpu`
 * on first use; this reports that too.
 *
 * @example currentBackend() // 'wasm' after initBackend({ requested: 'wasm' })
 */
export function currentBackend(): BackendName {
  const name = tf.getBackend();
  const found = BACKEND_NAMES.find((b) => TFJS_NAME[b] === name);
  if (found === undefined) throw new Error(`currentBackend: unexpected tfjs backend '${name}'`);
  return found;
}
