// 交接班 at every shift change (duty.ts: opening and closing of office hours, every day): the hall builds the
// brief for the incoming commander (common/domain/handover.ts) and logs it as its own event, once per shift
// (its idempotency key). It looks every 15 s, at start and whenever the roster changes, so a brief is out
// within seconds of the change; a start also makes up the shift changes the hall slept through since its last
// brief — the last week of them at most (older ones would recall acts nobody can act on any more), each saying
// when it was made. A brief nobody has taken over yet is made again when the roster now names someone else for
// the shift (the commander fell ill, the shift was swapped): it is addressed to whoever takes over.
import { OPEN as OPEN_STATES } from '../../common/domain/case-lifecycle.ts';
import type { CaseView } from '../../common/domain/case-model.ts';
import { commanderOf, previousShift, shiftAt, shiftKey, type Shift } from '../../common/domain/duty.ts';
import { buildHandoverBrief } from '../../common/domain/handover.ts';
import type { DutyPerson } from '../../common/domain/roster.ts';
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

const samePerson = (a: DutyPerson | null, b: DutyPerson | null) => a?.name === b?.name && a?.phone === b?.phone;

function briefSpec(deps: HandoverDeps, shift: Shift, at: number, idemKey: string): AppendSpec<Extract<HallEvent, { type: 'duty.handover' }>> {
  const { store, site } = deps;
  const outgoing = previousShift(shift);
  const acts = notableActsBetween(store, outgoing.from, outgoing.until);
  // Open cases, those reported in the outgoing shift and those it acted on: never the whole history.
  const cases = new Map<string, CaseView>();
  for (const c of [...casesInStates(store, OPEN_STATES), ...casesCreatedBetween(store, outgoing.from, outgoing.until - 1)]) cases.set(c.id, c);
  for (const id of new Set(acts.map((a) => a.caseId))) {
    const c = cases.has(id) ? undefined : loadCase(store, id);
    if (c) cases.set(c.id, c);
  }
  const brief = buildHandoverBrief({
    incoming: shift, outgoing, roster: loadRoster(store, at), cases: [...cases.values()], forces: loadForces(store), acts,
    policy: slaPolicyFor(site.site), isUrgent: site.isUrgent, departments: site.site.departments.map((d) => d.id), now: at,
  });
  return { type: 'duty.handover', origin: 'hall', seat: null, idemKey, payload: () => brief };
}

/** Logs the brief of every shift change due, and again the current one's if its commander changed before
 *  anyone took over; returns how many were made. */
export function generateDueHandovers(deps: HandoverDeps): number {
  const at = deps.now();
  const last = recentHandovers(deps.store, 1)[0];
  const { due, skipped } = dueShifts(at, last ? last.brief.incoming.from : null);
  const specs = due.map((s) => briefSpec(deps, s, at, `handover/${shiftKey(s)}`));
  const current = shiftAt(at);
  if (due.length === 0 && last && !last.acknowledged && last.brief.key === shiftKey(current)
    && !samePerson(commanderOf(current, loadRoster(deps.store, at))?.commander ?? null, last.brief.incoming.commander)) {
    // Keyed by the log's head: each time the roster names someone else, one brief more.
    specs.push(briefSpec(deps, current, at, `handover/${shiftKey(current)}/after-${deps.events.head()}`));
  }
  if (specs.length === 0) return 0;
  const appended = deps.events.appendMany(specs);
  for (const a of appended) if (!a.duplicate) deps.broadcast(a);
  deps.log(due.length
    ? `handover brief(s) for ${due.map(shiftKey).join(', ')}${skipped ? ` (${skipped} older shift changes while the hall was down not made up)` : ''}`
    : `handover brief for ${shiftKey(current)} made again: the roster names another commander`);
  return specs.length;
}

export interface Handovers {
  /** Looks again soon: the roster has changed. */
  rosterChanged(): void;
  stop(): void;
}

export function startHandovers(deps: HandoverDeps): Handovers {
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
  let soon: ReturnType<typeof setImmediate> | undefined;
  return {
    // After the turn that committed the change, so its event reaches the seats before the brief.
    rosterChanged: () => void (soon ??= setImmediate(() => {
      soon = undefined;
      look();
    })),
    stop: () => {
      clearInterval(timer);
      if (soon) clearImmediate(soon);
    },
  };
}
