// Seeding the demo history through a real log on a real SQLite file (seed-history.ts): every planned case lands
// once with its acts at their own times and the chain intact, fast; a second start adds nothing; a hall with
// cases of its own is never seeded; a seeding cut off half-way is finished, not doubled, on the next start.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { beijing } from '../../electron/common/domain/beijing-time.ts';
import type { CaseDraft } from '../../electron/common/protocol.ts';
import { caseCreatedSpec } from '../../electron/hall/commands.ts';
import { registerStaffOnce } from '../../electron/hall/demo/demo-forces.ts';
import { historySteps, planDemoHistory } from '../../electron/hall/demo/demo-history.ts';
import { loadDemoLayers } from '../../electron/hall/demo/demo-layers.ts';
import { loadDemoGrids } from '../../electron/hall/demo/demo-street.ts';
import { demoHistoryInput, seedDemoHistoryOnce, type SeedHistoryDeps } from '../../electron/hall/demo/seed-history.ts';
import { createEventLog, type EventLog } from '../../electron/hall/event-log.ts';
import { createForcePositions } from '../../electron/hall/force-positions.ts';
import { ensureProjections } from '../../electron/hall/projections.ts';
import { DEFAULT_SEATS } from '../../electron/hall/seats.ts';
import { loadCases } from '../../electron/hall/store/case-table.ts';
import { openStore } from '../../electron/hall/store/database.ts';
import { loadForces } from '../../electron/hall/store/force-table.ts';
import { DEMO_SITE } from '../helpers/demo-site.ts';
import { REPO, tempDataDir } from '../helpers/hall-process.ts';

const RESOURCES = join(REPO, 'resources');
const layers = loadDemoLayers(RESOURCES);
const grids = loadDemoGrids(RESOURCES);
const START = beijing('2026-11-23', '09:15');
const base = { site: DEMO_SITE, resourcesDir: RESOURCES, grids, staff: layers.staff.staff, seats: DEFAULT_SEATS };
const planned = planDemoHistory(demoHistoryInput(base, START));

function freshHall() {
  const store = openStore(join(tempDataDir('seed-'), 'hall.db'));
  ensureProjections(store);
  const events = createEventLog(store, () => START);
  registerStaffOnce(store, events, createForcePositions(store), layers.staff.staff, START);
  const lines: string[] = [];
  const deps = (log: EventLog = events): SeedHistoryDeps => ({ ...base, store, events: log, now: () => START, log: (l) => lines.push(l) });
  return { store, events, deps, lines };
}

describe('seeding the demo history', () => {
  it('writes every planned case and act once, at their own times, demo-marked, chain intact', () => {
    const { store, events, deps, lines } = freshHall();
    const headBefore = events.head();
    const result = seedDemoHistoryOnce(deps())!;
    expect(result.cases).toBe(planned.cases.length);
    expect(result.events).toBe(historySteps(planned).length);
    expect(events.head() - headBefore).toBe(result.events);
    console.log(`seeded in ${result.ms.toFixed(0)} ms`);
    console.log(`seeded ${result.cases} cases, ${result.events} events in ${result.ms} ms`);
    expect(lines.at(-1)).toMatch(/^seeded demo history: \d+ cases, \d+ new events in [\d.]+ s$/);

    const cases = loadCases(store);
    expect(cases).toHaveLength(planned.cases.length);
    expect(cases.every((c) => c.demo === true)).toBe(true);
    expect(cases.map((c) => c.createdAt)).toEqual(planned.cases.map((c) => c.at));
    // The projections hold what the plan ends with: each case's last state and when it got there.
    const outcome = (at: number, state: string, updatedAt: number) => `${at} ${state} ${updatedAt}`;
    expect(cases.map((c) => outcome(c.createdAt, c.state, c.updatedAt)).sort()).toEqual(
      planned.cases.map((c) => outcome(c.at, c.acts.at(-1)?.to ?? 'reported', c.acts.at(-1)?.at ?? c.at)).sort(),
    );
    expect(events.verifyChain()).toBeNull();
    // Forces out on a case at the start are out in the registry too.
    expect(loadForces(store).some((f) => f.status === 'enRoute' || f.status === 'onScene')).toBe(true);

    expect(seedDemoHistoryOnce(deps())).toBeNull();
    expect(loadCases(store)).toHaveLength(planned.cases.length);
    store.close();
  });

  it('never seeds a hall that already holds cases of its own', () => {
    const { store, events, deps } = freshHall();
    const draft: CaseDraft = { title: '真实案件', description: '', source: 'hotline12345', urgency: 'general', category: '市容环境', address: '' };
    events.append(caseCreatedSpec(draft, { origin: 'hall', seat: 'console-1', at: START }));
    const head = events.head();
    expect(seedDemoHistoryOnce(deps())).toBeNull();
    expect(events.head()).toBe(head);
    expect(loadCases(store)).toHaveLength(1);
    store.close();
  });

  it('finishes a seeding cut off half-way on the next start, without doubling anything', () => {
    const { store, events, deps } = freshHall();
    // The fifth day's transaction dies after its events are written: it rolls back whole.
    let days = 0;
    const failing: EventLog = {
      ...events,
      appendMany: (specs) => events.batch(() => {
        const appended = events.appendMany(specs);
        if (++days === 5) throw new Error('power cut');
        return appended;
      }),
    };
    expect(() => seedDemoHistoryOnce(deps(failing))).toThrow('power cut');
    const partly = loadCases(store).length;
    expect(partly).toBeGreaterThan(0);
    expect(partly).toBeLessThan(planned.cases.length);

    // The next start: a new log over the same file, later, and the same history is finished.
    const restarted = createEventLog(store, () => START + 3_600_000);
    const result = seedDemoHistoryOnce({ ...deps(restarted), now: () => START + 3_600_000 })!;
    expect(result.cases).toBe(planned.cases.length);
    expect(result.events).toBeLessThan(historySteps(planned).length);
    const cases = loadCases(store);
    expect(cases).toHaveLength(planned.cases.length);
    expect(new Set(cases.map((c) => c.createdAt)).size).toBe(new Set(planned.cases.map((c) => c.at)).size);
    expect(cases.filter((c) => c.state === 'closed' || c.state === 'evaluated').length).toBeGreaterThan(0.9 * planned.cases.length);
    expect(restarted.verifyChain()).toBeNull();
    expect(seedDemoHistoryOnce(deps(restarted))).toBeNull();
    store.close();
  });
});
