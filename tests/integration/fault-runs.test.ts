// Ten seeded fault runs against a real hall and a real district simulator, the link between them through the
// fault proxy (tests/helpers/fault-run.ts): every proxy mode, kill -9 of either side, duplicated, reordered and
// dropped delivery, 4xx refusals. After each run heals and settles: nothing acknowledged lost, nothing applied
// twice, both sides agreeing on every ticket. `npm run soak` runs a hundred.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAULTS, startFaultSession, type FaultSession, type RunFigures } from '../helpers/fault-run.ts';

const RUNS = 10;
let session: FaultSession;
const results: RunFigures[] = [];

beforeAll(async () => {
  session = await startFaultSession({ seed: 7 });
}, 60_000);
afterAll(async () => {
  await session?.close();
  const sum = (k: 'ops' | 'lost' | 'doubled' | 'diverged') => results.reduce((n, r) => n + r[k], 0);
  console.log(`fault runs: runs ${results.length}, ops ${sum('ops')}, lost ${sum('lost')}, doubled ${sum('doubled')}, diverged ${sum('diverged')}`);
});

describe('seeded fault runs between a hall and the district', () => {
  for (let i = 0; i < RUNS; i++) {
    const seed = 1000 + i;
    it(`seed ${seed}: ${FAULTS[seed % FAULTS.length]} and two more, nothing lost, doubled or diverged`, async () => {
      const r = await session.run(seed, { steps: 24 });
      results.push(r);
      console.log(`seed ${seed} [${r.faults.join(', ')}]: ops ${r.ops}, lost ${r.lost}, doubled ${r.doubled}, diverged ${r.diverged}, conflicts ${r.conflicts}, ${(r.ms / 1000).toFixed(1)} s`);
      expect(r.problems).toEqual([]);
      expect(r.ops).toBeGreaterThan(10);
    }, 150_000);
  }
});
