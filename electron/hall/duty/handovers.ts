// 交接班 at every shift change (duty.ts: opening and closing of office hours, every day): the hall builds the
// brief for the incoming commander (common/domain/handover.ts) and logs it as its own event, once per shift
// (its idempotency key). It looks every 15 s and at start, so a brief is out within seconds of the change; a
// start also makes up the shift changes the hall slept through since its last brief — the last week of them
// at most (older ones would recall acts nobody can act on any more), each saying when it was made.
import { OPEN as OPEN_STATES } from '../../common/domain/case-lifecycle.ts';
import type { CaseView } from '../../common/domain/case-model.ts';
import { previousShift, shiftAt, shiftKey, type Shift } from '../../common/domain/duty.ts';
import { buildHandoverBrief } from '../../common/domain/handover.ts';
import { slaPolicyFor } from '../../common/domain/sla.ts';
import type { HallEvent } from '../../common/protocol.ts';
import type { SiteRules } from '../../common/site/site-config.ts';
import type { Appended, AppendSpec, EventLog } from '../event-log.ts';
import { casesCreatedBetween, casesInStates, loadCase } from '../store/case-table.ts';
import type { Store } from '../store/database.ts';
import { loadForces } from '../store/force-table.ts';
import { notableActsBetween, recentHandovers } from '../store/handover-table.ts';
import { loadRoster } from './roster-state.ts';

const LOOK_EVERY_MS = 15_000;
/** Shift changes made up at start, at most: a week of them. */
export const CATCH_UP_SHIFTS = 14;

export interface HandoverDeps {
  store: Store;
  events: EventLog;
  site: SiteRules;
  now(): number;
  broadcast(appended: Appended): void;
  log(line: string): void;
}

/** The shifts whose brief is due at `now`: after the last one handed over, up to the current one. On a hall's
 *  first start only the current one (there was no hall to hand over from). */
export function dueShifts(now: number, lastFrom: number | null): { due: Shift[]; skipped: number } {
  const due: Shift[] = [];
  let skipped = 0;
  for (let s = shiftAt(now); lastFrom === null ? due.length === 0 : s.from > lastFrom; s = previousShift(s)) {
    if (due.length < CATCH_UP_SHIFTS) due.unshift(s);
    else skipped++;
  }
  return { due, skipped };
}

function briefSpec(deps: HandoverDeps, shift: Shift, at: number): AppendSpec<Extract<HallEvent, { type: 'duty.handover' }>> {
  const { store, site } = deps;
  const outgoing = previousShift(shift);
  const acts = notableActsBetween(store, outgoing.from, outgoing.until);
  // Open cases, those reported in the outgoing shift and those it acted on: never the whole history.
  const cases = new Map<string, CaseView>();
  for (const c of [...casesInStates(store, OPEN_STATES), ...casesCreatedBetween(store, outgoing.from, outgoing.until - 1)]) cases.set(c.id, c);
  for (const a of acts) if (!cases.has(a.caseId)) { const c = loadCase(store, a.caseId); if (c) cases.set(c.id, c); }
  const brief = buildHandoverBrief({
    incoming: shift, outgoing, roster: loadRoster(store, at), cases: [...cases.values()], forces: loadForces(store), acts,
    policy: slaPolicyFor(site.site), isUrgent: site.isUrgent, departments: site.site.departments.map((d) => d.id), now: at,
  });
  return { type: 'duty.handover', origin: 'hall', seat: null, idemKey: `handover/${shiftKey(shift)}`, payload: () => brief };
}

/** Logs the brief of every shift change due; returns how many were made. */
export function generateDueHandovers(deps: HandoverDeps): number {
  const at = deps.now();
  const last = recentHandovers(deps.store, 1)[0];
  const { due, skipped } = dueShifts(at, last ? last.brief.incoming.from : null);
  if (due.length === 0) return 0;
  const appended = deps.events.appendMany(due.map((s) => briefSpec(deps, s, at)));
  for (const a of appended) if (!a.duplicate) deps.broadcast(a);
  deps.log(`handover brief(s) for ${due.map(shiftKey).join(', ')}${skipped ? ` (${skipped} older shift changes while the hall was down not made up)` : ''}`);
  return due.length;
}

export function startHandovers(deps: HandoverDeps): () => void {
  const look = () => {
    try {
      generateDueHandovers(deps);
    } catch (error) {
      deps.log(`handovers: ${(error as Error).stack ?? String(error)}`);
    }
  };
  look();
  const timer = setInterval(look, LOOK_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
