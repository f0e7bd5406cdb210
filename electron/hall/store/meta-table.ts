// The meta table: the hall's own small settings and markers (identity, projection version, cursors).
import type { Store } from './database.ts';

export const getMeta = (db: Store, key: string) => db.get<{ value: string }>('SELECT value FROM meta WHERE key = ?', key)?.value;

export function setMeta(db: Store, key: string, value: string): void {
  db.run('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', key, value);
}

export function deleteMeta(db: Store, key: string): void {
  db.run('DELETE FROM meta WHERE key = ?', key);
}
