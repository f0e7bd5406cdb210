// Seeds the demo's history (demo-history.ts) at a demo hall's first start: the month before it, through the
// log like any other change (cases created and taken through their acts at their own times, origin hall or
// desk), one transaction per Beijing day, before the hall serves anyone. Only an empty hall is seeded, and only
// once: a meta marker records the history's anchor (its end and seed) before the first day is written and
// `done` after the last one, and every event has an idempotency key, so a start interrupted half-way finishes
// the same history on the next start and a restart never adds to it. The hall core calls this only in demo mode.
import type { GridFeatureCollection } from '../../common/geo/grid-schema.ts';
import { dayOf } from '../../common/domain/beijing-time.ts';
import type { StaffMember } from '../../common/geo/staff-schema.ts';
import type { HallEvent, SeatInfo } from '../../common/protocol.ts';
import type { SiteRules } from '../../common/site/site-config.ts';
import { caseCreatedSpec } from '../commands.ts';
import type { AppendSpec, EventLog } from '../event-log.ts';
import { highestCaseNo } from '../store/case-table.ts';
import { eventByIdemKey } from '../store/event-table.ts';
import type { Store } from '../store/database.ts';
import { getMeta, setMeta } from '../store/meta-table.ts';
import { staffToForce } from './demo-forces.ts';
import { HISTORY_DAYS, HISTORY_SEED, historySteps, planDemoHistory, type HistoryInput, type HistoryStep } from './demo-history.ts';
import { loadDemoAddresses } from './demo-layers.ts';
import { placesOf } from './history-arrivals.ts';
import { loadLoadProfile } from './load-profile.ts';

const MARKER = 'demo_history';
const KEY_PREFIX = 'demo-history';

interface Marker { until: number; seed: number; days: number; done: boolean }

export interface SeedHistoryDeps {
  store: Store;
  events: EventLog;
  site: SiteRules;
  resourcesDir: string;
  grids: GridFeatureCollection;
  staff: readonly StaffMember[];
  seats: readonly SeatInfo[];
  /** Days of history; 0: none. Absent: HISTORY_DAYS. */
  days?: number;
  now(): number;
  log(line: string): void;
}

export interface SeedResult { cases: number; events: number; ms: number }

/** The generator's input from the bundled resources and what the hall has loaded. */
export function demoHistoryInput(deps: Pick<SeedHistoryDeps, 'site' | 'resourcesDir' | 'grids' | 'staff' | 'seats'>, until: number): HistoryInput {
  const grids = deps.grids.features
    .filter((f) => f.properties.level === 'micro' && f.properties.kind !== undefined)
    .map((f) => ({ id: f.properties.id, kind: f.properties.kind!, ring: f.geometry.coordinates[0]!.map(([lon, lat]) => [lon!, lat!] as const) }));
  const gridIds = new Set(grids.map((g) => g.id));
  return {
    profile: loadLoadProfile(deps.resourcesDir),
    site: deps.site,
    grids,
    places: placesOf(loadDemoAddresses(deps.resourcesDir)).filter((p) => gridIds.has(p.gridId)),
    forces: deps.staff.map((m) => staffToForce(m, until)),
    seats: deps.seats,
    until,
  };
}

/** Seeds the history unless it is there already, the hall holds cases of its own or no days are asked for;
 *  null when it did nothing. */
export function seedDemoHistoryOnce(deps: SeedHistoryDeps): SeedResult | null {
  const stored = getMeta(deps.store, MARKER);
  let marker = stored === undefined ? null : (JSON.parse(stored) as Marker);
  if (marker?.done) return null;
  if (!marker) {
    const days = deps.days ?? HISTORY_DAYS;
    if (days === 0 || highestCaseNo(deps.store) > 0) return null;
    marker = { until: deps.now(), seed: HISTORY_SEED, days, done: false };
    setMeta(deps.store, MARKER, JSON.stringify(marker));
  }
  const started = performance.now();
  const history = planDemoHistory({ ...demoHistoryInput(deps, marker.until), days: marker.days, seed: marker.seed });
  const steps = historySteps(history);
  const days = new Map<number, HistoryStep[]>();
  for (const step of steps) {
    const day = dayOf(step.at);
    const list = days.get(day);
    if (list) list.push(step);
    else days.set(day, [step]);
  }
  deps.log(`seeding demo history: ${history.cases.length} cases, ${steps.length} events over ${days.size} days`);
  const caseIds = new Map<string, string>();
  // Finishing an interrupted seeding: the cases already written keep the ids they were given.
  if (stored !== undefined) {
    for (const c of history.cases) {
      const row = eventByIdemKey(deps.store, `${KEY_PREFIX}/${c.key}`);
      if (row) caseIds.set(c.key, (JSON.parse(row.payload) as { id: string }).id);
    }
  }
  let written = 0;
  let batch = 0;
  for (const dayBatch of days.values()) {
    written += deps.events.appendMany(dayBatch.map((step) => specOf(step, caseIds))).filter((a) => !a.duplicate).length;
    if (++batch % 10 === 0 && batch < days.size) deps.log(`seeding demo history: day ${batch} of ${days.size}`);
  }
  // Cut off before this, the next start writes nothing again but this.
  setMeta(deps.store, MARKER, JSON.stringify({ ...marker, done: true }));
  const ms = Math.round(performance.now() - started);
  deps.log(`seeded demo history: ${history.cases.length} cases, ${written} new events in ${(ms / 1000).toFixed(1)} s`);
  return { cases: history.cases.length, events: written, ms };
}

/** The event of one step. A case's id is minted when its creating event is written and its acts, written
 *  after it in the same or a later transaction, take it from there. */
function specOf(step: HistoryStep, caseIds: Map<string, string>): AppendSpec<HallEvent> {
  const key = `${KEY_PREFIX}/${step.case.key}`;
  if (step.kind === 'created') {
    const spec = caseCreatedSpec(step.case.draft, { origin: 'hall', seat: null, idemKey: key, at: step.at });
    return {
      ...spec, at: step.at,
      payload: (seq) => {
        const view = spec.payload(seq);
        caseIds.set(step.case.key, view.id);
        return view;
      },
    };
  }
  const { act, from, to, by } = step.act;
  return {
    type: 'case.transitioned', origin: by.origin, seat: by.seat, ...(by.officer ? { officer: by.officer } : {}),
    idemKey: `${key}/${step.index}`, at: step.at, payload: () => ({ caseId: caseIds.get(step.case.key)!, act, from, to }),
  };
}
