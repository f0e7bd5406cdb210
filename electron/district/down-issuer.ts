// Puts down messages in the halls' queues: every body checked against the protocol's schema first (the district
// never sends what a hall would have to refuse as malformed), then stored under its idempotency key. Which halls
// got something is remembered, so their links can be pumped once the transaction has committed.
import { DownBody } from '../common/upstream-protocol.ts';
import type { DistrictStore } from './store/database.ts';
import { enqueueDown } from './store/down-queue.ts';

export function createDownIssuer(db: DistrictStore) {
  const dirty = new Set<string>();
  return {
    /** Call inside a write transaction. Returns the message's seq (the first one when the key is known). */
    issue(hallId: string, key: string, body: DownBody, at: number): number {
      const checked = DownBody.parse(body);
      const { seq, fresh } = enqueueDown(db, hallId, key, checked.kind, JSON.stringify(checked), at);
      if (fresh) dirty.add(hallId);
      return seq;
    },
    /** The halls with new messages since the last call. */
    takeDirty(): string[] {
      const halls = [...dirty];
      dirty.clear();
      return halls;
    },
  };
}
export type DownIssuer = ReturnType<typeof createDownIssuer>;
