// Tables derived from the event log: cases (with their search index), forces, the seat plan, the roster, the
// shift handovers, persistent problems and copies to the leader, flood points, pumps and shelters. They are written in the same transaction as
// the event, through the same pure reducer the clients use (common/hall-state.ts), and can be thrown away and
// rebuilt from the log at any time.
import { compactCaseJson } from '../common/case-json.ts';
import { DAILY_MODE, type ModeState } from '../common/domain/command-mode.ts';
import { applyHallEvent, emptyHallState, type HallState, type StateChanges } from '../common/hall-state.ts';
import { HallEvent, WALL_PRESETS, type CaseView, type WallLayout } from '../common/protocol.ts';
import { loadCase, upsertCase } from './store/case-table.ts';
import type { Store } from './store/database.ts';
import { eventJson, eventPage } from './store/event-table.ts';
import { loadForce, upsertForce } from './store/force-table.ts';
import { openConflict, upsertConflict } from './store/conflict-table.ts';
import { upsertCaseKpi } from './store/kpi-table.ts';
import { loadHandover, upsertHandover } from './store/handover-table.ts';
import { getMeta, setMeta } from './store/meta-table.ts';
import { loadPlanDataFor, writePlanChanges } from './preplans/plan-state.ts';
import { loadWarnings, saveWarnings } from './emergency/warning-state.ts';
import { writeAssetChanges } from './store/asset-table.ts';
import { loadCopy, loadProblem, upsertCopy, upsertProblem } from './store/problem-table.ts';
import { clearProjections } from './store/projection-tables.ts';
import { rosterDaysOn, saveRotation, setRosterDay } from './store/roster-table.ts';
import { loadSeats, setPresence, setSeatDepartment } from './store/seat-table.ts';
import { loadTyphoon, upsertTyphoon } from './store/typhoon-table.ts';

/** Bump when the projection code changes what it derives: the next start rebuilds from the log. */
export const PROJECTION_VERSION = 11;

/** What an event changed, with the case as it was before (desks see a case only while it is theirs). */
export type Projected = StateChanges & { caseBefore?: CaseView };

/** Loads just what this event can touch, folds it, writes back what changed. */
export function projectEvent(store: Store, event: HallEvent, payloadJson: string): Projected {
  const state = stateTouchedBy(store, event);
  const caseBefore = event.type === 'case.transitioned' ? state.cases.get(event.payload.caseId) : undefined;
  const changes = applyHallEvent(state, event);
  const view = changes.case;
  if (view) {
    upsertCase(store, view, event.seq, view === event.payload ? payloadJson : compactCaseJson(view));
    upsertCaseKpi(store, view);
  }
  for (const force of changes.forces) upsertForce(store, force);
  if (changes.seat) {
    setPresence(store, changes.seat.id, changes.seat.officer, changes.seat.since);
    if (event.type === 'seat.assigned') setSeatDepartment(store, changes.seat.id, changes.seat.department);
  }
  if (changes.wall) setMeta(store, 'wall_layout', JSON.stringify(changes.wall));
  if (changes.mode) setMeta(store, 'command_mode', JSON.stringify(changes.mode));
  if (changes.conflict) upsertConflict(store, changes.conflict);
  for (const { date, entry } of changes.rosterDays ?? []) setRosterDay(store, date, entry, event.seq);
  if (changes.rotation) saveRotation(store, changes.rotation);
  if (changes.handover) upsertHandover(store, changes.handover, event.seq);
  if (changes.problem) upsertProblem(store, changes.problem);
  if (changes.copy) upsertCopy(store, changes.copy);
  if (changes.typhoon) upsertTyphoon(store, changes.typhoon, event.seq);
  writePlanChanges(store, event, changes);
  if (changes.warnings) saveWarnings(store, changes.warnings);
  writeAssetChanges(store, changes);
  return caseBefore ? { ...changes, caseBefore } : changes;
}

function stateTouchedBy(store: Store, event: HallEvent): HallState {
  const state = emptyHallState();
  loadPlanDataFor(store, event, state);
  const addForce = (id: string) => {
    const force = loadForce(store, id);
    if (force) state.forces.set(id, force);
  };
  switch (event.type) {
    case 'case.transitioned': {
      const current = loadCase(store, event.payload.caseId);
      if (current) state.cases.set(current.id, current);
      const act = event.payload.act;
      [...(current?.forces ?? []), ...(act.action === 'dispatch' ? act.forces : [])].forEach(addForce);
      break;
    }
    case 'force.status':
      addForce(event.payload.forceId);
      break;
    case 'roster.set':
      for (const entry of rosterDaysOn(store, event.payload.changes.map((c) => c.date))) state.roster.days.set(entry.date, entry);
      break;
    case 'duty.handoverAcknowledged':
      state.handover = loadHandover(store, event.payload.key) ?? null;
      break;
    case 'seat.signedIn':
    case 'seat.signedOut':
    case 'seat.assigned': {
      const seat = loadSeats(store).find((s) => s.id === event.payload.seatId);
      if (seat) state.seats.set(seat.id, seat);
      break;
    }
    case 'problem.linked':
    case 'problem.closed': {
      const problem = loadProblem(store, event.payload.problemId);
      if (problem) state.problems.set(problem.id, problem);
      break;
    }
    case 'leader.acknowledged': {
      const copy = loadCopy(store, event.payload.copyId);
      if (copy) state.copies.set(copy.id, copy);
      break;
    }
    case 'mode.switched':
    case 'command.transferred':
      // The emergency command in charge carries over a switch within emergency (hall-state.ts).
      state.mode = loadMode(store);
      break;
    case 'conflict.settled': {
      const conflict = openConflict(store, event.payload.conflictId);
      if (conflict) state.conflicts.set(conflict.conflictId, conflict);
      break;
    }
    case 'warning.received':
      state.warnings = loadWarnings(store);
      break;
    case 'typhoon.shown': {
      const stored = loadTyphoon(store, event.payload.id);
      if (stored) state.typhoons.set(stored.id, stored);
      break;
    }
  }
  return state;
}

/** Rebuilds every projection from the log when the stored version differs; returns events replayed. */
export function ensureProjections(store: Store): number {
  return getMeta(store, 'projection_version') === String(PROJECTION_VERSION) ? 0 : rebuildProjections(store);
}

export function rebuildProjections(store: Store): number {
  return store.writeTx(() => {
    clearProjections(store);
    let replayed = 0;
    // In pages: the connection cannot write while an iterator over it is open.
    for (let page; (page = eventPage(store, replayed, 5000)).length; ) {
      for (const row of page) projectEvent(store, HallEvent.parse(JSON.parse(eventJson(row))), row.payload);
      replayed = page.at(-1)!.seq;
    }
    setMeta(store, 'projection_version', String(PROJECTION_VERSION));
    return replayed;
  });
}

/** The command mode the commander last switched to, or daily command. */
export function loadMode(store: Store): ModeState {
  const stored = getMeta(store, 'command_mode');
  return stored ? (JSON.parse(stored) as ModeState) : DAILY_MODE;
}

/** The wall layout the commander last set, or the daily preset. */
export function loadWallLayout(store: Store): WallLayout {
  const stored = getMeta(store, 'wall_layout');
  return stored ? (JSON.parse(stored) as WallLayout) : WALL_PRESETS.daily;
}
