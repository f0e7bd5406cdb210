// The events table: the append-only, hash-chained log (S-1.3, S-9). Rows are written once and never changed
// (triggers refuse it); this module reads them back in the shapes the log, the hub and the timeline need.
import type { Store } from './database.ts';

export interface EventRow { seq: number; id: string; type: string; origin: string; at: number; seat: string | null; officer: string | null; payload: string; hash: string }

const COLUMNS = 'seq, id, type, origin, at, seat, officer, payload, hash';

/** The wire form of a stored event, built from the stored payload and officer text without re-serialising them. */
export const eventJson = (r: EventRow) =>
  `{"seq":${r.seq},"id":${JSON.stringify(r.id)},"type":${JSON.stringify(r.type)},"origin":"${r.origin}","at":${r.at},"seat":${JSON.stringify(r.seat)}${r.officer === null ? '' : `,"officer":${r.officer}`},"payload":${r.payload}}`;

export const lastEvent = (db: Store) => db.get<{ seq: number; hash: string }>('SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1');

export const eventByIdemKey = (db: Store, key: string) => db.get<EventRow>(`SELECT ${COLUMNS} FROM events WHERE idem_key = ?`, key);

export function insertEvent(db: Store, row: EventRow & { idemKey: string | null }): void {
  db.run(
    'INSERT INTO events (seq, id, type, origin, at, seat, officer, idem_key, payload, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    row.seq, row.id, row.type, row.origin, row.at, row.seat, row.officer, row.idemKey, row.payload, row.hash,
  );
}

export const eventsAfter = (db: Store, afterSeq: number) => db.all<EventRow>(`SELECT ${COLUMNS} FROM events WHERE seq > ? ORDER BY seq`, afterSeq);

/** At most `limit` events after `afterSeq`: for replays that write while they read (an open iterator cannot). */
export const eventPage = (db: Store, afterSeq: number, limit: number) =>
  db.all<EventRow>(`SELECT ${COLUMNS} FROM events WHERE seq > ? ORDER BY seq LIMIT ?`, afterSeq, limit);

/** Lazily, from `afterSeq` on: for reading the whole log without holding it in memory. */
export const iterateEvents = (db: Store, afterSeq = 0) => db.iterate<EventRow>(`SELECT ${COLUMNS} FROM events WHERE seq > ? ORDER BY seq`, afterSeq);

export const eventAt = (db: Store, seq: number) => db.get<EventRow>(`SELECT ${COLUMNS} FROM events WHERE seq = ?`, seq);

/** A case's creating event (seq = its number) and its transitions, oldest first. */
export const caseEvents = (db: Store, caseId: string, createdSeq: number) =>
  db.all<EventRow>(
    `SELECT ${COLUMNS} FROM events WHERE seq = ?
     UNION ALL SELECT ${COLUMNS} FROM events WHERE type = 'case.transitioned' AND json_extract(payload, '$.caseId') = ?
     ORDER BY seq`,
    createdSeq, caseId,
  );

/** The events that name a problem besides the one that made it (migration: the events_problem index). */
const PROBLEM_EVENT_TYPES = "('problem.linked', 'problem.closed', 'leader.copied', 'leader.acknowledged')";

/** A problem's making event (seq = its number), then its links, closing and copies, oldest first. */
export const problemEvents = (db: Store, problemId: string, createdSeq: number) =>
  db.all<EventRow>(
    `SELECT ${COLUMNS} FROM events WHERE seq = ?
     UNION ALL SELECT ${COLUMNS} FROM events WHERE type IN ${PROBLEM_EVENT_TYPES} AND json_extract(payload, '$.problemId') = ?
     ORDER BY seq`,
    createdSeq, problemId,
  );
