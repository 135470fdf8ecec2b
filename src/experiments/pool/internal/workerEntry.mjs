// Worker-thread bootstrap (plain JS so that Node can start it): registers tsx, as bin/vv.mjs
// does, then loads the handler module named in workerData and serves its messages.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { module, init } = workerData;
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
