// The hall's outbox rows under the answers the district gives, in the orders a broken link delivers them.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../electron/hall/store/database.ts';
import { ackUpTo, enqueueUp, outboxCounts, pendingUp, refuseUp } from '../../electron/hall/store/upstream-tables.ts';
import { tempDataDir } from '../helpers/hall-process.ts';

let db: Store;
const report = (date: string) => ({ kind: 'report.daily' as const, date, figures: {} });

beforeEach(() => {
  db = openStore(join(tempDataDir('outbox-'), 'hall.db'));
  enqueueUp(db, 'hall-x:1', report('2026-12-01'), 1);
  enqueueUp(db, 'hall-x:2', report('2026-12-02'), 2);
});
afterEach(() => db.close());

describe('the outbox', () => {
  it('takes a 4xx refusal that comes after the cumulative ack passed the row', () => {
    ackUpTo(db, 2, 10);
    expect(outboxCounts(db)).toEqual({ queued: 0, rejected: 0 });
    refuseUp(db, 1, 422, 'bad', null);
    expect(outboxCounts(db)).toEqual({ queued: 0, rejected: 1 });
    // The ack that follows leaves the refusal standing.
    ackUpTo(db, 2, 11);
    expect(outboxCounts(db)).toEqual({ queued: 0, rejected: 1 });
  });

  it('lets a 5xx put off only a row still pending', () => {
    refuseUp(db, 1, 503, 'busy', 1_000);
    expect(pendingUp(db, 2, 999, 10)).toEqual([]);
    expect(pendingUp(db, 2, 1_000, 10).map((r) => r.key)).toEqual(['hall-x:1']);
    ackUpTo(db, 2, 10);
    refuseUp(db, 2, 503, 'busy', 2_000);
    expect(outboxCounts(db)).toEqual({ queued: 0, rejected: 0 });
  });
});
