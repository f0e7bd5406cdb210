// The upstream link's outbox and inbox (migration: upstream_outbox, upstream_inbox; cursor in meta).
import type { DownBody, UpBody } from '../../common/upstream-protocol.ts';
import type { Store } from './database.ts';
import { getMeta, setMeta } from './meta-table.ts';

export interface OutboxRow { seq: number; key: string; body: string; attempts: number }

export function enqueueUp(db: Store, key: string, body: UpBody, at: number): void {
  db.run('INSERT OR IGNORE INTO upstream_outbox (key, body, created_at) VALUES (?, ?, ?)', key, JSON.stringify(body), at);
}

/** Pending rows after `afterSeq` (not yet sent on this connection) or due for a resend, in order. */
export const pendingUp = (db: Store, afterSeq: number, now: number, limit: number) =>
  db.all<OutboxRow>(
    `SELECT seq, key, body, attempts FROM upstream_outbox
     WHERE state = 'pending' AND (seq > ? OR (retry_at IS NOT NULL AND retry_at <= ?)) ORDER BY seq LIMIT ?`,
    afterSeq, now, limit,
  );

/** The district has stored every message up to `seq` (refused ones stay refused). */
export const ackUpTo = (db: Store, seq: number, at: number): number =>
  db.run("UPDATE upstream_outbox SET state = 'acked', retry_at = NULL, settled_at = ? WHERE state = 'pending' AND seq <= ?", at, seq).changes;

/** A 4xx (`retryAt` null) rejects the row even when an ack passed it first: the cumulative ack passes refused
 *  messages, and the refusal of a resend may come after the ack of what else the district received. */
export function refuseUp(db: Store, seq: number, status: number, reason: string, retryAt: number | null): void {
  if (retryAt === null) db.run("UPDATE upstream_outbox SET state = 'rejected', status = ?, reason = ?, retry_at = NULL, settled_at = NULL WHERE seq = ? AND state IN ('pending', 'acked')", status, reason, seq);
  else db.run("UPDATE upstream_outbox SET attempts = attempts + 1, status = ?, reason = ?, retry_at = ? WHERE seq = ? AND state = 'pending'", status, reason, retryAt, seq);
}

export const markResent = (db: Store, seqs: readonly number[]): void => {
  for (const seq of seqs) db.run('UPDATE upstream_outbox SET retry_at = NULL WHERE seq = ?', seq);
};

export const outboxCounts = (db: Store) =>
  db.get<{ queued: number; rejected: number }>(
    "SELECT count(*) FILTER (WHERE state = 'pending') AS queued, count(*) FILTER (WHERE state = 'rejected') AS rejected FROM upstream_outbox",
  )!;

export const rejectedUp = (db: Store) =>
  db.all<{ seq: number; key: string; body: string; status: number; reason: string }>("SELECT seq, key, body, status, reason FROM upstream_outbox WHERE state = 'rejected' ORDER BY seq");

/** Acknowledged rows older than `before` go: the district has them, the log keeps what caused them. */
export const pruneOutbox = (db: Store, before: number): number =>
  db.run("DELETE FROM upstream_outbox WHERE state = 'acked' AND settled_at < ?", before).changes;

export const ackedDown = (db: Store): number => Number(getMeta(db, 'upstream_acked_down') ?? 0);

/** A down message's key is stored once; returns false when it was stored before (a redelivery). */
export function recordDown(db: Store, seq: number, key: string, body: DownBody, at: number, outcome: string, keepBody: boolean): boolean {
  const stored = db.run(
    'INSERT OR IGNORE INTO upstream_inbox (key, seq, kind, received_at, outcome, body) VALUES (?, ?, ?, ?, ?, ?)',
    key, seq, body.kind, at, outcome, keepBody ? JSON.stringify(body) : null,
  ).changes;
  return stored === 1;
}

export const seenDown = (db: Store, key: string): boolean => db.get('SELECT 1 FROM upstream_inbox WHERE key = ?', key) !== undefined;

export const moveDownCursor = (db: Store, seq: number): void => setMeta(db, 'upstream_acked_down', String(seq));

/** Inbox rows older than `before` go, those that keep a body (warnings, readings) included: a district resends
 *  nothing that old, and what they carried is in the log or its own tables by then. */
export const pruneInbox = (db: Store, before: number): number => db.run('DELETE FROM upstream_inbox WHERE received_at < ?', before).changes;
