// The district's inbox: up messages of one hall, stored before they are acknowledged and applied in seq order.
// Called with the frames a link received in one turn of the event loop, inside one write transaction (one
// commit, one ack). The cumulative ack (halls.acked_up) moves over stored messages only, never over a gap:
// a message after a gap is stored as held and applied when the gap fills. A key already stored is acked and
// ignored; a 4xx refusal is stored (the ack passes it), a 5xx is not (the hall sends it again later).
import { UpBody } from '../common/upstream-protocol.ts';
import type { DistrictStore } from './store/database.ts';
import { getHall, setAckedUp } from './store/hall-table.ts';
import { insertUp, settleUp, upByKey, upBySeq } from './store/up-messages.ts';
import type { ActiveRule } from './misbehaviour.ts';
import type { Applied } from './tickets.ts';

/** How far past the cursor a message may be and still be held; further ones are refused 503 (sent again later). */
export const MAX_AHEAD = 1000;

export interface UpFrame { seq: number; key: string; body: UpBody }
export interface Refusal { seq: number; status: number; reason: string }

export interface InboxDeps {
  db: DistrictStore;
  hallId: string;
  at: number;
  /** A refusal the district has been told to give now (misbehaviour), or null. */
  refusalFor(kind: string, key: string): ActiveRule | null;
  apply(body: UpBody): Applied;
  /** A note for the log (a ticket closed …). */
  note(line: string): void;
}

export interface InboxResult {
  ackedUp: number;
  refusals: Refusal[];
  /** Frames that break the protocol in a way no answer fixes (a seq reused for another key). */
  errors: string[];
}

export function receiveUp(deps: InboxDeps, frames: readonly UpFrame[]): InboxResult {
  const { db, hallId, at } = deps;
  const hall = getHall(db, hallId);
  if (!hall) throw new Error(`no hall ${hallId}`);
  let cursor = hall.ackedUp;
  const refusals: Refusal[] = [];
  const errors: string[] = [];
  const keyPrefix = `${hallId}:`;

  for (const { seq, key, body } of frames) {
    // Passed by the cursor already (its row may have been pruned): a resend, acked and ignored.
    if (seq <= cursor && !upBySeq(db, hallId, seq)) continue;
    const atSeq = upBySeq(db, hallId, seq);
    if (atSeq) {
      if (atSeq.key !== key) errors.push(`up seq ${seq} is already stored with key ${atSeq.key}, not ${key}`);
      // A resend of a refused message gets its refusal again (the first may have been lost with the link).
      else if (atSeq.outcome === 'refused') refusals.push({ seq, status: atSeq.status!, reason: atSeq.reason! });
      continue;
    }
    const told = deps.refusalFor(body.kind, key);
    if (told && told.status >= 500) {
      refusals.push({ seq, status: told.status, reason: told.reason });
      continue;
    }
    if (seq > cursor + MAX_AHEAD) {
      refusals.push({ seq, status: 503, reason: `up seq ${seq} is more than ${MAX_AHEAD} past the last one stored (${cursor}); send the gap first` });
      continue;
    }
    const row = { seq, key, kind: body.kind, body: JSON.stringify(body), outcome: 'held' as const, status: null, reason: null };
    if (upByKey(db, hallId, key)) {
      insertUp(db, hallId, { ...row, outcome: 'duplicate' }, at);
    } else if (told) {
      insertUp(db, hallId, { ...row, outcome: 'refused', status: told.status, reason: told.reason }, at);
      refusals.push({ seq, status: told.status, reason: told.reason });
    } else if (!key.startsWith(keyPrefix) || !/^\d+$/.test(key.slice(keyPrefix.length))) {
      const reason = `key ${key} is not ${keyPrefix}<event seq>`;
      insertUp(db, hallId, { ...row, outcome: 'refused', status: 400, reason }, at);
      refusals.push({ seq, status: 400, reason });
    } else {
      insertUp(db, hallId, row, at);
    }
  }

  // Apply what the gap no longer holds back, in seq order.
  for (let next = upBySeq(db, hallId, cursor + 1); next; next = upBySeq(db, hallId, cursor + 1)) {
    cursor++;
    if (next.outcome !== 'held') continue;
    const applied = deps.apply(UpBody.parse(JSON.parse(next.body)));
    if (applied.outcome === 'refused') {
      settleUp(db, hallId, cursor, 'refused', applied.status, applied.reason);
      refusals.push({ seq: cursor, status: applied.status, reason: applied.reason });
    } else {
      settleUp(db, hallId, cursor, 'applied', null, null);
      if (applied.note) deps.note(applied.note);
    }
  }
  if (cursor !== hall.ackedUp) setAckedUp(db, hallId, cursor);
  return { ackedUp: cursor, refusals, errors };
}
