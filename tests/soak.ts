// `npm run soak [-- --runs N --steps N --seed N]`: a hundred seeded fault runs (tests/helpers/fault-run.ts)
// between a real hall and a real district simulator through the fault proxy, ten runs to a pair of processes.
// Prints each run and then `runs, ops, lost, doubled, diverged`; every problem found is listed and the exit
// code is 1 if there was any.
import { parseArgs } from 'node:util';
import { startFaultSession, type RunFigures } from './helpers/fault-run.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '100' }, steps: { type: 'string', default: '30' }, seed: { type: 'string', default: '20261203' } } });
const runs = Number(values.runs);
const steps = Number(values.steps);
const firstSeed = Number(values.seed);
const RUNS_PER_SESSION = 10;

const results: RunFigures[] = [];
const started = Date.now();
for (let done = 0; done < runs; done += RUNS_PER_SESSION) {
  const session = await startFaultSession({ seed: firstSeed + done });
  try {
    for (let i = done; i < Math.min(runs, done + RUNS_PER_SESSION); i++) {
      const r = await session.run(firstSeed + i, { steps });
      results.push(r);
      console.log(`run ${i + 1}/${runs} seed ${r.seed} [${r.faults.join(', ')}]: ops ${r.ops}, lost ${r.lost}, doubled ${r.doubled}, diverged ${r.diverged}, conflicts ${r.conflicts}, ${(r.ms / 1000).toFixed(1)} s`);
      for (const p of r.problems) console.log(`  ${p}`);
    }
  } finally {
    await session.close();
  }
}
const sum = (k: 'ops' | 'lost' | 'doubled' | 'diverged') => results.reduce((n, r) => n + r[k], 0);
console.log(`\nsoak: ${((Date.now() - started) / 60_000).toFixed(1)} min`);
console.log('runs, ops, lost, doubled, diverged');
console.log([results.length, sum('ops'), sum('lost'), sum('doubled'), sum('diverged')].join(', '));
process.exit(sum('lost') + sum('doubled') + sum('diverged') > 0 ? 1 : 0);
