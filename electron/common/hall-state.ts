// Everything a hall screen shows, as a pure reducer over hall events: cases, forces, the seat plan, the wall
// layout, the duty roster and the latest shift handover. The
// hall core folds each event through it before writing its projection tables, and every client folds the
// same events into its in-memory copy, so both read the log the same way.
import { DAILY_MODE, type ModeState } from './domain/command-mode.ts';
import type { ConflictView } from './reconcile/conflict-model.ts';
import { applyEvent as applyCaseEvent, type CaseMap } from './case-projection.ts';
import { applyRosterChange, type RosterEntry, type RosterRotation } from './domain/roster.ts';
import { WALL_PRESETS } from './domain/wall-model.ts';
import { applyPlanEvent, type PlanChanges, type PlanData } from './plan-projection.ts';
import { applyAssetEvent, emptyAssets, type AssetChanges, type AssetData } from './emergency/asset-model.ts';
import { applyProblemEvent, type ProblemChanges, type ProblemData } from './problem-projection.ts';
import { applyWarningEvent, type WarningChanges, type WarningData } from './warning-projection.ts';
import type { StoredTyphoon } from './typhoon/stored-typhoon.ts';
import type { CaseView, ForceStatus, ForceView, HallEvent, HandoverRecord, SeatPresence, WallLayout } from './protocol.ts';

export interface HallState extends ProblemData, PlanData, WarningData, AssetData {
  cases: CaseMap;
  forces: Map<string, ForceView>;
  seats: Map<string, SeatPresence>;
  wall: WallLayout;
  roster: { rotation: RosterRotation | null; days: Map<string, RosterEntry> };
  handover: HandoverRecord | null;
  mode: ModeState;
  conflicts: Map<string, ConflictView>;
  /** Imported typhoon tracks by id, in import order (a re-import or being put on the wall moves one to the end). */
  typhoons: Map<string, StoredTyphoon>;
}

export interface StateChanges extends ProblemChanges, PlanChanges, WarningChanges, AssetChanges {
  case?: CaseView;
  forces: ForceView[];
  seat?: SeatPresence;
  wall?: WallLayout;
  /** Roster dates changed, with what is now set for each (null: nothing, the rotation's turn). */
  rosterDays?: Array<{ date: string; entry: RosterEntry | null }>;
  rotation?: RosterRotation;
  handover?: HandoverRecord;
  mode?: ModeState;
  conflict?: ConflictView;
  typhoon?: StoredTyphoon;
}

export const emptyHallState = (): HallState => ({
  cases: new Map(), forces: new Map(), seats: new Map(), wall: WALL_PRESETS.daily, roster: { rotation: null, days: new Map() }, handover: null, problems: new Map(), copies: new Map(),
  mode: DAILY_MODE, conflicts: new Map(), plan: null, episode: null, situationReports: [], warnings: [], typhoons: new Map(),
  ...emptyAssets(),
});

export function applyHallEvent(state: HallState, event: HallEvent): StateChanges {
  const before = event.type === 'case.transitioned' ? state.cases.get(event.payload.caseId) : undefined;
  const changedCase = applyCaseEvent(state.cases, event);
  const changes: StateChanges = { forces: [], ...(changedCase ? { case: changedCase } : {}), ...applyProblemEvent(state, event), ...applyPlanEvent(state, event), ...applyWarningEvent(state, event), ...applyAssetEvent(state, event) };
  const setForce = (id: string, status: ForceStatus, onlyIf?: readonly ForceStatus[]) => {
    const force = state.forces.get(id);
    if (!force || force.status === status || (onlyIf && !onlyIf.includes(force.status))) return;
    const next = { ...force, status };
    state.forces.set(id, next);
    changes.forces.push(next);
  };
  switch (event.type) {
    case 'force.registered':
      state.forces.set(event.payload.id, event.payload);
      changes.forces.push(event.payload);
      break;
    case 'force.status':
      setForce(event.payload.forceId, event.payload.status);
      break;
    case 'case.transitioned': {
      // Forces follow the case they were sent to: en route on dispatch, on scene on arrival, free after.
      const act = event.payload.act;
      if (act.action === 'dispatch') act.forces.forEach((id) => setForce(id, 'enRoute'));
      else if (act.action === 'arrive') before?.forces.forEach((id) => setForce(id, 'onScene', ['enRoute']));
      else if (['handle', 'return', 'close', 'merge', 'reject', 'suspend'].includes(act.action)) {
        before?.forces.forEach((id) => setForce(id, 'available', ['enRoute', 'onScene']));
      }
      break;
    }
    case 'wall.layout':
      state.wall = event.payload;
      changes.wall = event.payload;
      break;
    case 'conflict.raised': {
      const view = { ...event.payload, raisedAt: event.at, settledAt: null, note: null };
      state.conflicts.set(view.conflictId, view);
      changes.conflict = view;
      break;
    }
    case 'conflict.settled': {
      const open = state.conflicts.get(event.payload.conflictId);
      if (!open) break;
      const view = { ...open, settledAt: event.at, note: event.payload.note };
      state.conflicts.delete(view.conflictId);
      changes.conflict = view;
      break;
    }
    case 'mode.switched': {
      // The walls take the mode's layout with the switch itself (S-8.2).
      const { layout, ...modeSwitch } = event.payload;
      // Within emergency (another hazard or level) the emergency command stays in charge.
      const command = modeSwitch.target.mode === 'emergency' ? state.mode.command : undefined;
      state.mode = { ...modeSwitch, since: event.at, seq: event.seq, ...(command ? { command } : {}) };
      changes.mode = state.mode;
      state.wall = layout;
      changes.wall = layout;
      break;
    }
    case 'command.transferred': {
      const { command: _was, ...mode } = state.mode;
      state.mode = event.payload.to === 'emergency' ? { ...mode, command: event.payload.command } : mode;
      changes.mode = state.mode;
      break;
    }
    case 'roster.set':
      changes.rosterDays = event.payload.changes.map((change) => {
        const entry = applyRosterChange(state.roster.days.get(change.date), change);
        if (entry) state.roster.days.set(change.date, entry);
        else state.roster.days.delete(change.date);
        return { date: change.date, entry };
      });
      break;
    case 'typhoon.imported':
      state.typhoons.delete(event.payload.id);
      state.typhoons.set(event.payload.id, event.payload);
      changes.typhoon = event.payload;
      break;
    case 'typhoon.shown': {
      const stored = state.typhoons.get(event.payload.id);
      if (!stored) break;
      state.typhoons.delete(stored.id);
      state.typhoons.set(stored.id, stored);
      changes.typhoon = stored;
      break;
    }
    case 'roster.rotation':
      state.roster.rotation = event.payload;
      changes.rotation = event.payload;
      break;
    case 'duty.handover':
      state.handover = { brief: event.payload, acknowledged: null };
      changes.handover = state.handover;
      break;
    case 'duty.handoverAcknowledged':
      // Only the brief held (the latest) changes; an acknowledgement of an older one is on record all the same.
      if (state.handover?.brief.key !== event.payload.key || !event.seat) break;
      state.handover = { ...state.handover, acknowledged: { at: event.at, seat: event.seat, ...(event.officer ? { officer: event.officer } : {}) } };
      changes.handover = state.handover;
      break;
    case 'seat.signedIn':
    case 'seat.signedOut':
    case 'seat.assigned': {
      const seat = state.seats.get(event.payload.seatId);
      if (!seat) break;
      // Given to another department, a seat is signed out like one whose officer left.
      const empty = { ...seat, officer: null, since: null };
      const next = event.type === 'seat.signedIn' ? { ...seat, officer: event.payload.officer, since: event.at }
        : event.type === 'seat.assigned' ? { ...empty, department: event.payload.department }
        : empty;
      state.seats.set(seat.id, next);
      changes.seat = next;
      break;
    }
  }
  return changes;
}
