// The outbox's writer: each event of the log that goes up (common/reconcile/outbound.ts) is queued in the same
// transaction as the event, under the key `hallId:eventSeq`, so a crash can neither lose it nor send it twice.
// It starts when the link does: what the hall wrote before (its demo history, seeded at first start) stays home.
import { upBodyFor } from '../../common/reconcile/outbound.ts';
import type { AppendHook } from '../event-log.ts';
import type { Store } from '../store/database.ts';
import { enqueueUp } from '../store/upstream-tables.ts';

/** `demoGoesUp`: the district is the demo's simulator (the embedded default), so demo cases go to it too. */
export function createOutbox(store: Store, hallId: string, demoGoesUp: boolean): { hook: AppendHook; start(): void } {
  let started = false;
  return {
    hook: (event, changes) => {
      if (!started) return;
      const body = upBodyFor(event, changes.case, hallId, demoGoesUp);
      if (body) enqueueUp(store, `${hallId}:${event.seq}`, body, event.at);
    },
    start: () => {
      started = true;
    },
  };
}
