// Worker-thread bootstrap (plain JS so that Node can start it): loads the handler module named in
// workerData — registering tsx first when it is TypeScript (run from src/), not when it is the
// compiled JavaScript of dist/ — and serves its messages.
import { parentPort, workerData } from 'node:worker_threads';

const { module, init } = workerData;
if (/\.[cm]?ts$/.test(new URL(module).pathname)) (await import('tsx/esm/api')).register();
const loaded = await import(module);
const handle = await loaded.createHandler(init);
parentPort.on('message', async ({ id, input }) => {
  try {
    parentPort.postMessage({ id, ok: true, output: await handle(input) });
  } catch (error) {
    parentPort.postMessage({ id, ok: false, error: error instanceof Error ? error.message : String(error) });
  }
});
parentPort.postMessage({ ready: true });
