// Appends events to the log and keeps the projections in the same transaction, so the log and what is
// derived from it never disagree. Every row is hash-chained to the previous one (S-9 audit trail).
import { compactCaseJson } from '../common/case-json.ts';
import { HallEvent, type Officer, type Origin } from '../common/protocol.ts';
import { chainHash, GENESIS, verifyRows } from './chain-hash.ts';
import { uuidv7 } from './ids.ts';
import { projectEvent, type Projected } from './projections.ts';
import type { Store } from './store/database.ts';
import { caseEvents, eventByIdemKey, eventJson, eventsAfter, insertEvent, iterateEvents, lastEvent, problemEvents } from './store/event-table.ts';

export interface AppendSpec<E extends HallEvent> {
  type: E['type'];
  origin: Origin;
  seat: string | null;
  /** Who had answered the roll call at the seat, if anyone. */
  officer?: Officer;
  /** Same key, same event: a retried command or a re-delivered upstream message is stored once. */
  idemKey?: string;
  /** When it happened, if not now: upstream messages and imported tickets carry their own times. */
  at?: number;
  /** Built inside the write transaction, once the event's sequence is known. */
  payload: (seq: number) => E['payload'];
}

export interface Appended {
  event: HallEvent;
  /** The event as JSON, serialised once for every LAN client. */
  json: string;
  duplicate: boolean;
  /** What the event changed in the projections (nothing for a duplicate). */
  changes: Projected;
}

export interface EventLog {
  head(): number;
  /** The event already stored under this idempotency key, as `append` answers a duplicate. */
  stored(idemKey: string): Appended | undefined;
  /** One event in its own transaction: durable when this returns. */
  append<E extends HallEvent>(spec: AppendSpec<E>): Appended;
  /** Many events in one transaction (bursts from upstream, imports): all or none. */
  appendMany(specs: ReadonlyArray<AppendSpec<HallEvent>>): Appended[];
  /** Runs fn in one transaction: appends inside it commit together (one fsync) or, if fn throws, not at
   *  all. An append that throws inside it rolls back alone (a savepoint). */
  batch<T>(fn: () => T): T;
  /** Events after `seq`, in order, as JSON. */
  tailJson(afterSeq: number): string[];
  /** Every event of one case, oldest first, as JSON (the case's timeline). */
  caseTimelineJson(caseId: string, createdSeq: number): string[];
  /** Every event of one persistent problem, its copies to the leader included, oldest first, as JSON. */
  problemTimelineJson(problemId: string, createdSeq: number): string[];
  /** Re-computes the whole hash chain at once; returns the first broken seq, or null when intact. (The running
   *  hall checks it in pages, from where it last left off: audit-chain.ts.) */
  verifyChain(): number | null;
}

/** Work done inside an append's transaction, after the projections (the upstream outbox): it commits or rolls
 *  back with the event. */
export type AppendHook = (event: HallEvent, changes: Projected) => void;

export function createEventLog(store: Store, clock: () => number = Date.now, onAppend?: AppendHook): EventLog {
  const last = lastEvent(store);
  let headSeq = last?.seq ?? 0;
  let headHash = last?.hash ?? GENESIS;

  const stored = (idemKey: string): Appended | undefined => {
    const existing = eventByIdemKey(store, idemKey);
    if (!existing) return undefined;
    const json = eventJson(existing);
    // Parsed with the schema: a stored case is compact (its defaults left out).
    return { event: HallEvent.parse(JSON.parse(json)), json, duplicate: true, changes: { forces: [] } };
  };

  const appendInTx = <E extends HallEvent>(spec: AppendSpec<E>): Appended => {
    const existing = spec.idemKey === undefined ? undefined : stored(spec.idemKey);
    if (existing) return existing;
    const seq = headSeq + 1;
    const event = {
      seq, id: uuidv7(), type: spec.type, origin: spec.origin, at: spec.at ?? clock(), seat: spec.seat,
      ...(spec.officer ? { officer: spec.officer } : {}), payload: spec.payload(seq),
    } as HallEvent;
    // A new case is logged compact (its defaults left out): readers restore them.
    const payload = event.type === 'case.created' ? compactCaseJson(event.payload) : JSON.stringify(event.payload);
    const row = { ...event, officer: spec.officer ? JSON.stringify(spec.officer) : null, payload };
    const hash = chainHash(headHash, row);
    insertEvent(store, { ...row, hash, idemKey: spec.idemKey ?? null });
    const changes = projectEvent(store, event, row.payload);
    onAppend?.(event, changes);
    headSeq = seq;
    headHash = hash;
    return { event, json: eventJson({ ...row, hash }), duplicate: false, changes };
  };

  /** A write transaction (a savepoint when nested) that also puts the in-memory head back when SQLite rolls back. */
  const atomically = <T>(fn: () => T): T => {
    const [seq, hash] = [headSeq, headHash];
    try {
      return store.writeTx(fn);
    } catch (error) {
      [headSeq, headHash] = [seq, hash];
      throw error;
    }
  };

  return {
    head: () => headSeq,
    stored,

    append: (spec) => atomically(() => appendInTx(spec)),
    appendMany: (specs) => atomically(() => specs.map(appendInTx)),
    batch: atomically,

    tailJson: (afterSeq) => eventsAfter(store, afterSeq).map(eventJson),

    caseTimelineJson: (caseId, createdSeq) => caseEvents(store, caseId, createdSeq).map(eventJson),

    problemTimelineJson: (problemId, createdSeq) => problemEvents(store, problemId, createdSeq).map(eventJson),

    verifyChain: () => verifyRows({ seq: 0, hash: GENESIS }, iterateEvents(store)).broken?.seq ?? null,
  };
}
