// The roster as the hall holds it for a moment: the rotation and what is set in the settable window around it
// (a week back, a year ahead: roster.ts ROSTER_WINDOW), which is all any screen needs.
import { rosterWindow, type Roster, type RosterSnapshot } from '../../common/domain/roster.ts';
import type { Store } from '../store/database.ts';
import { loadRotation, rosterDaysBetween } from '../store/roster-table.ts';

export function rosterSnapshot(store: Store, now: number): RosterSnapshot {
  const { first, last } = rosterWindow(now);
  return { rotation: loadRotation(store), days: rosterDaysBetween(store, first, last) };
}

export function loadRoster(store: Store, now: number): Roster {
  const { rotation, days } = rosterSnapshot(store, now);
  return { rotation, days: new Map(days.map((e) => [e.date, e])) };
}
