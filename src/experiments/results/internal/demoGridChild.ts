// Child process for the kill/interrupt tests: `node --import tsx demoGridChild.ts RESULTS_PATH resume|fresh DELAY_MS`.
import { runTasks } from '../runTasks.ts';
import { demoGrid, demoRun } from './demoGrid.ts';

const [resultsPath, mode, delay] = process.argv.slice(2);
const outcome = await runTasks({
  tasks: demoGrid(),
  resultsPath: resultsPath!,
  resume: mode === 'resume',
  runSeed: 7,
  run: (task, seed) => demoRun(task, seed, Number(delay)),
});
process.stdout.write(`${JSON.stringify(outcome)}\n`);
