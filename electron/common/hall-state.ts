// Everything a hall screen shows, as a pure reducer over hall events: cases, forces and the seat plan. The
// hall core folds each event through it before writing its projection tables, and every client folds the
// same events into its in-memory copy, so both read the log the same way.
import { applyEvent as applyCaseEvent, type CaseMap } from './case-projection.ts';
import { WALL_PRESETS } from './domain/wall-model.ts';
import { applyProblemEvent, type ProblemChanges, type ProblemData } from './problem-projection.ts';
import type { CaseView, ForceStatus, ForceView, HallEvent, SeatPresence, WallLayout } from './protocol.ts';

export interface HallState extends ProblemData {
  cases: CaseMap;
  forces: Map<string, ForceView>;
  seats: Map<string, SeatPresence>;
  wall: WallLayout;
}

export interface StateChanges extends ProblemChanges {
  case?: CaseView;
  forces: ForceView[];
  seat?: SeatPresence;
  wall?: WallLayout;
}

export const emptyHallState = (): HallState => ({
  cases: new Map(), forces: new Map(), seats: new Map(), wall: WALL_PRESETS.daily, problems: new Map(), copies: new Map(),
});

export function applyHallEvent(state: HallState, event: HallEvent): StateChanges {
  const before = event.type === 'case.transitioned' ? state.cases.get(event.payload.caseId) : undefined;
  const changedCase = applyCaseEvent(state.cases, event);
  const changes: StateChanges = { forces: [], ...(changedCase ? { case: changedCase } : {}), ...applyProblemEvent(state, event) };
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
    case 'seat.signedIn':
    case 'seat.signedOut': {
      const seat = state.seats.get(event.payload.seatId);
      if (!seat) break;
      const next = event.type === 'seat.signedIn' ? { ...seat, officer: event.payload.officer, since: event.at } : { ...seat, officer: null, since: null };
      state.seats.set(seat.id, next);
      changes.seat = next;
      break;
    }
  }
  return changes;
}
