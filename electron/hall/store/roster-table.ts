// The roster tables: what is set for each date (roster_days) and the rotation (in meta), projected from the
// log's roster events (S-3.2).
import type { RosterEntry, RosterRotation } from '../../common/domain/roster.ts';
import type { Store } from './database.ts';
import { getMeta, setMeta } from './meta-table.ts';

/** The meta key of the rotation; it belongs to the projections (cleared and rebuilt with them). */
export const ROTATION_META = 'roster_rotation';

const parse = (rows: Array<{ entry: string }>) => rows.map((r) => JSON.parse(r.entry) as RosterEntry);

/** Writes what is now set for a date; null removes it (the rotation's turn). */
export function setRosterDay(db: Store, date: string, entry: RosterEntry | null, seq: number): void {
  if (entry) db.run('INSERT INTO roster_days (date, entry, seq) VALUES (?, ?, ?) ON CONFLICT (date) DO UPDATE SET entry = excluded.entry, seq = excluded.seq', date, JSON.stringify(entry), seq);
  else db.run('DELETE FROM roster_days WHERE date = ?', date);
}

/** Entries of the given dates (those set). */
export const rosterDaysOn = (db: Store, dates: readonly string[]): RosterEntry[] =>
  dates.length ? parse(db.all<{ entry: string }>(`SELECT entry FROM roster_days WHERE date IN (${dates.map(() => '?').join(', ')})`, ...dates)) : [];

/** Entries from `first` to `last` (YYYY-MM-DD, both included), by date. */
export const rosterDaysBetween = (db: Store, first: string, last: string): RosterEntry[] =>
  parse(db.all<{ entry: string }>('SELECT entry FROM roster_days WHERE date >= ? AND date <= ? ORDER BY date', first, last));

export function loadRotation(db: Store): RosterRotation | null {
  const stored = getMeta(db, ROTATION_META);
  return stored ? (JSON.parse(stored) as RosterRotation) : null;
}

export const saveRotation = (db: Store, rotation: RosterRotation) => setMeta(db, ROTATION_META, JSON.stringify(rotation));
