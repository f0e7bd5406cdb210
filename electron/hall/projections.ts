// Tables derived from the event log: cases (with their search index), forces and the seat plan. They are
// written in the same transaction as the event, through the same pure reducer the clients use
// (common/hall-state.ts), and can be thrown away and rebuilt from the log at any time.
import { applyHallEvent, emptyHallState, type HallState, type StateChanges } from '../common/hall-state.ts';
import { HallEvent, WALL_PRESETS, type CaseView, type ForceView, type Officer, type SeatPresence, type WallLayout } from '../common/protocol.ts';
import { EVENT_COLUMNS, eventJson, type EventRow } from './event-rows.ts';
import type { Store } from './store/database.ts';

/** Bump when the projection code changes what it derives: the next start rebuilds from the log. */
export const PROJECTION_VERSION = 4;

/** What an event changed, with the case as it was before (desks see a case only while it is theirs). */
export type Projected = StateChanges & { caseBefore?: CaseView };

/** Loads just what this event can touch, folds it, writes back what changed. */
export function projectEvent(store: Store, event: HallEvent, payloadJson: string): Projected {
  const state = stateTouchedBy(store, event);
  const caseBefore = event.type === 'case.transitioned' ? state.cases.get(event.payload.caseId) : undefined;
  const changes = applyHallEvent(state, event);
  const view = changes.case;
  if (view) {
    store.run(
      `INSERT INTO cases (id, no, state, urgency, source, grid_id, lead, created_at, updated_at, last_seq, view)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET state = excluded.state, urgency = excluded.urgency, grid_id = excluded.grid_id,
         lead = excluded.lead, updated_at = excluded.updated_at, last_seq = excluded.last_seq, view = excluded.view`,
      view.id, view.no, view.state, view.urgency, view.source, view.gridId ?? null, view.lead, view.createdAt, view.updatedAt,
      event.seq, view === event.payload ? payloadJson : JSON.stringify(view),
    );
  }
  for (const force of changes.forces) {
    store.run(
      'INSERT INTO forces (id, department, status, view) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET status = excluded.status, view = excluded.view',
      force.id, force.department, force.status, JSON.stringify({ ...force, position: null, positionAt: null }),
    );
  }
  if (changes.seat) {
    const { id, officer, since } = changes.seat;
    if (officer) store.run('INSERT OR REPLACE INTO seat_presence (seat_id, officer, since) VALUES (?, ?, ?)', id, JSON.stringify(officer), since);
    else store.run('DELETE FROM seat_presence WHERE seat_id = ?', id);
  }
  if (changes.wall) store.run("INSERT OR REPLACE INTO meta (key, value) VALUES ('wall_layout', ?)", JSON.stringify(changes.wall));
  return caseBefore ? { ...changes, caseBefore } : changes;
}

function stateTouchedBy(store: Store, event: HallEvent): HallState {
  const state = emptyHallState();
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
    case 'seat.signedIn':
    case 'seat.signedOut': {
      const seat = loadSeats(store).find((s) => s.id === event.payload.seatId);
      if (seat) state.seats.set(seat.id, seat);
      break;
    }
  }
  return state;
}

/** Rebuilds every projection from the log when the stored version differs; returns events replayed. */
export function ensureProjections(store: Store): number {
  const stored = store.get<{ value: string }>("SELECT value FROM meta WHERE key = 'projection_version'");
  if (stored?.value === String(PROJECTION_VERSION)) return 0;
  return rebuildProjections(store);
}

export function rebuildProjections(store: Store): number {
  return store.writeTx(() => {
    for (const table of ['cases', 'cases_fts', 'forces', 'seat_presence']) store.run(`DELETE FROM ${table}`);
    store.run("DELETE FROM meta WHERE key IN ('wall_layout', 'search_head')");
    let replayed = 0;
    // In pages: the connection cannot write while an iterator over it is open.
    for (let page: EventRow[]; (page = store.all<EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE seq > ? ORDER BY seq LIMIT 5000`, replayed)).length; ) {
      for (const row of page) projectEvent(store, HallEvent.parse(JSON.parse(eventJson(row))), row.payload);
      replayed = page.at(-1)!.seq;
    }
    store.run("INSERT INTO meta (key, value) VALUES ('projection_version', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", String(PROJECTION_VERSION));
    return replayed;
  });
}

export function loadCases(store: Store): CaseView[] {
  return store.all<{ view: string }>('SELECT view FROM cases ORDER BY no').map((r) => JSON.parse(r.view) as CaseView);
}

export function loadCase(store: Store, id: string): CaseView | undefined {
  const row = store.get<{ view: string }>('SELECT view FROM cases WHERE id = ?', id);
  return row && (JSON.parse(row.view) as CaseView);
}

export function loadForces(store: Store): ForceView[] {
  return store.all<{ view: string }>('SELECT view FROM forces ORDER BY id').map((r) => JSON.parse(r.view) as ForceView);
}

export function loadForce(store: Store, id: string): ForceView | undefined {
  const row = store.get<{ view: string }>('SELECT view FROM forces WHERE id = ?', id);
  return row && (JSON.parse(row.view) as ForceView);
}

/** The seat plan: every seat, with whoever answered the roll call there. */
export function loadSeats(store: Store): SeatPresence[] {
  return store
    .all<{ id: string; role: SeatPresence['role']; department: SeatPresence['department']; label: string; officer: string | null; since: number | null }>(
      'SELECT s.id, s.role, s.department, s.label, p.officer, p.since FROM seats s LEFT JOIN seat_presence p ON p.seat_id = s.id ORDER BY s.rowid',
    )
    .map((r) => ({ id: r.id, role: r.role, department: r.department, label: r.label, officer: r.officer ? (JSON.parse(r.officer) as Officer) : null, since: r.since }));
}

/** The wall layout the commander last set, or the daily preset. */
export function loadWallLayout(store: Store): WallLayout {
  const row = store.get<{ value: string }>("SELECT value FROM meta WHERE key = 'wall_layout'");
  return row ? (JSON.parse(row.value) as WallLayout) : WALL_PRESETS.daily;
}
