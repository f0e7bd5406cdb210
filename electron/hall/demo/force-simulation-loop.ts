// Runs the demo force movement once a second: reads forces and their cases from the projections, steps
// them, records the fixes (track history) and publishes them to every screen.
import type { CaseView, ForcePosition } from '../../common/protocol.ts';
import { createRng } from '../../common/prng.ts';
import type { ForcePositions } from '../force-positions.ts';
import { casesInStates } from '../store/case-table.ts';
import type { Store } from '../store/database.ts';
import { loadForces } from '../store/force-table.ts';
import { stepForces, type SimulatedForce } from './force-simulator.ts';

const STEP_MS = 1000;

export function startForceSimulator(opts: {
  enabled: boolean; store: Store; positions: ForcePositions; clock(): number; publish(fixes: ForcePosition[]): void;
}): () => void {
  if (!opts.enabled) return () => {};
  const rand = createRng(opts.clock()).next;
  const simulated = new Map<string, SimulatedForce>();
  const timer = setInterval(() => {
    const now = opts.clock();
    const busyCases = new Map<string, CaseView>();
    for (const c of casesInStates(opts.store, ['dispatched', 'onScene'])) for (const id of c.forces) busyCases.set(id, c);
    const forces = loadForces(opts.store).map((force) => {
      const at = opts.positions.withPosition(force).position;
      const known = simulated.get(force.id);
      const entry = known ? { ...known, force } : at && { force, home: at, at };
      if (entry) simulated.set(force.id, entry);
      return entry;
    }).filter((f): f is SimulatedForce => !!f);
    const fixes = stepForces(forces, (id) => busyCases.get(id), rand, now, STEP_MS);
    for (const f of forces) simulated.set(f.force.id, f);
    if (!fixes.length) return;
    opts.positions.record(fixes);
    opts.publish(fixes);
  }, STEP_MS);
  timer.unref();
  return () => clearInterval(timer);
}
