// The halls the district serves and their sequence cursors.
import type { DistrictStore } from './database.ts';

export interface HallRow {
  id: string;
  tokenHash: string;
  enrolledAt: number;
  lastSeen: number | null;
  /** The seq the next down message gets (never reused). */
  nextDownSeq: number;
  ackedDown: number;
  ackedUp: number;
}

const COLUMNS = `id, token_hash AS tokenHash, enrolled_at AS enrolledAt, last_seen AS lastSeen, next_down_seq AS nextDownSeq,
  acked_down AS ackedDown, acked_up AS ackedUp`;

export const getHall = (db: DistrictStore, id: string) => db.get<HallRow>(`SELECT ${COLUMNS} FROM halls WHERE id = ?`, id);
export const listHalls = (db: DistrictStore) => db.all<HallRow>(`SELECT ${COLUMNS} FROM halls ORDER BY id`);

/** Adds a hall, or gives a known one a new token. */
export function enrolHall(db: DistrictStore, id: string, tokenHash: string, at: number): void {
  db.run('INSERT INTO halls (id, token_hash, enrolled_at) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET token_hash = excluded.token_hash', id, tokenHash, at);
}

export function setHallSeen(db: DistrictStore, id: string, at: number): void {
  db.run('UPDATE halls SET last_seen = ? WHERE id = ?', at, id);
}

/** Acknowledgements on a link only move forward. */
export function setAckedDown(db: DistrictStore, id: string, seq: number): void {
  db.run('UPDATE halls SET acked_down = MAX(acked_down, ?) WHERE id = ?', seq, id);
}

/** What a hall says it has at hello stands, even below what it acknowledged before (its database was restored). */
export function resetAckedDown(db: DistrictStore, id: string, seq: number): void {
  db.run('UPDATE halls SET acked_down = ? WHERE id = ?', seq, id);
}

export function setAckedUp(db: DistrictStore, id: string, seq: number): void {
  db.run('UPDATE halls SET acked_up = ? WHERE id = ?', seq, id);
}

/** Takes the next down seq of a hall (inside a write transaction). */
export function takeDownSeq(db: DistrictStore, id: string): number {
  const { seq } = db.get<{ seq: number }>('UPDATE halls SET next_down_seq = next_down_seq + 1 WHERE id = ? RETURNING next_down_seq - 1 AS seq', id)!;
  return seq;
}

/** Moves the down sequence past `seq` (a hall that has stored more than this district remembers). */
export function skipDownSeqPast(db: DistrictStore, id: string, seq: number): void {
  db.run('UPDATE halls SET next_down_seq = MAX(next_down_seq, ? + 1) WHERE id = ?', seq, id);
}
