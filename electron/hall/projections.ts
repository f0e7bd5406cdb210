// Tables derived from the event log. They are written in the same transaction as the event and can be
// thrown away and rebuilt from the log at any time (on start, when PROJECTION_VERSION changes).
import { applyEvent, caseIdOf } from '../common/case-projection.ts';
import { HallEvent, type CaseView } from '../common/protocol.ts';
import { EVENT_COLUMNS, eventJson, type EventRow } from './event-rows.ts';
import type { Store } from './store/database.ts';

/** Bump when the projection code changes what it derives: the next start rebuilds from the log. */
export const PROJECTION_VERSION = 1;

export function projectEvent(store: Store, event: HallEvent, payloadJson: string): void {
  const id = caseIdOf(event);
  // A creation has nothing to read back; only later events fold into the stored view.
  const existing = event.type === 'case.created' ? undefined : store.get<{ view: string }>('SELECT view FROM cases WHERE id = ?', id);
  const cases = new Map(existing ? [[id, JSON.parse(existing.view) as CaseView]] : []);
  const view = applyEvent(cases, event);
  store.run(
    `INSERT INTO cases (id, no, state, urgency, source, grid_id, created_at, updated_at, last_seq, view)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET state = excluded.state, urgency = excluded.urgency, grid_id = excluded.grid_id,
       updated_at = excluded.updated_at, last_seq = excluded.last_seq, view = excluded.view`,
    view.id, view.no, view.state, view.urgency, view.source, view.gridId ?? null, view.createdAt, view.updatedAt, event.seq,
    view === event.payload ? payloadJson : JSON.stringify(view),
  );
}

/** Rebuilds every projection from the log when the stored version differs; returns events replayed. */
export function ensureProjections(store: Store): number {
  const stored = store.get<{ value: string }>("SELECT value FROM meta WHERE key = 'projection_version'");
  if (stored?.value === String(PROJECTION_VERSION)) return 0;
  return rebuildProjections(store);
}

export function rebuildProjections(store: Store): number {
  return store.writeTx(() => {
    store.run('DELETE FROM cases');
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
