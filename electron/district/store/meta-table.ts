// The district's own small settings: its identity and its ticket number counters.
import type { DistrictStore } from './database.ts';

export const getMeta = (db: DistrictStore, key: string) => db.get<{ value: string }>('SELECT value FROM meta WHERE key = ?', key)?.value;

export function setMeta(db: DistrictStore, key: string, value: string): void {
  db.run('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', key, value);
}

/** The next value of a counter that starts at 1 (call inside a write transaction). */
export function nextCounter(db: DistrictStore, key: string): number {
  const next = Number(getMeta(db, key) ?? 0) + 1;
  setMeta(db, key, String(next));
  return next;
}
