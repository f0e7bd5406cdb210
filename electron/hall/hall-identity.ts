// The hall's identity: minted once, on the first start, and kept in its database (the district platform and
// the audit trail know the hall by it).
import { randomBytes } from 'node:crypto';
import type { Store } from './store/database.ts';
import { getMeta, setMeta } from './store/meta-table.ts';

export function hallIdentity(store: Store): string {
  const known = getMeta(store, 'hall_id');
  if (known) return known;
  const id = `hall-${randomBytes(4).toString('hex')}`;
  setMeta(store, 'hall_id', id);
  return id;
}
