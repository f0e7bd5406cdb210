// Data folders prepared before a hall starts on them: a history of cases reported days ago (through the hall's
// own event log, so its projections are exactly what the hall would have made), a bulk log for measuring, and
// tampering with stored rows as someone with the database file could (the store's append-only triggers are
// dropped and put back in the same transaction, so a hall running meanwhile never sees them missing).
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { compactCaseJson } from '../../electron/common/case-json.ts';
import { newCase } from '../../electron/common/domain/case-intake.ts';
import { applyHallEvent, emptyHallState } from '../../electron/common/hall-state.ts';
import type { CaseAction, CaseDraft, CaseState, CaseView, HallEvent } from '../../electron/common/protocol.ts';
import { chainHash, GENESIS } from '../../electron/hall/chain-hash.ts';
import { caseCreatedSpec } from '../../electron/hall/commands.ts';
import { createEventLog } from '../../electron/hall/event-log.ts';
import { PROJECTION_VERSION } from '../../electron/hall/projections.ts';
import { uuidv7 } from '../../electron/hall/ids.ts';
import { upsertCase } from '../../electron/hall/store/case-table.ts';
import { openStore } from '../../electron/hall/store/database.ts';
import { insertEvent } from '../../electron/hall/store/event-table.ts';
import { upsertCaseKpi } from '../../electron/hall/store/kpi-table.ts';
import { setMeta } from '../../electron/hall/store/meta-table.ts';

export const hallDb = (dataDir: string) => join(dataDir, 'hall.db');

/** Appends cases reported at the given times (upstream tickets carry their own time); returns them in order. */
export function prepareCases(dataDir: string, reports: ReadonlyArray<{ at: number; draft: CaseDraft }>): CaseView[] {
  const store = openStore(hallDb(dataDir));
  try {
    const log = createEventLog(store);
    return reports.map(({ at, draft }) => {
      const appended = log.append(caseCreatedSpec(draft, { origin: 'upstream', seat: null, at }));
      return (appended.event as Extract<HallEvent, { type: 'case.created' }>).payload;
    });
  } finally {
    store.close();
  }
}

/** `count` small events, hash-chained like the hall's, written straight into the log (no projection to
 *  build: force statuses of forces nobody registered), for measuring checks over a big log. */
export function prepareBulkLog(dataDir: string, count: number): void {
  const store = openStore(hallDb(dataDir));
  try {
    const payload = JSON.stringify({ forceId: 'BULK-1', status: 'available' });
    let prev = GENESIS;
    for (let from = 1; from <= count; from += 50_000) {
      store.writeTx(() => {
        for (let seq = from; seq < Math.min(count + 1, from + 50_000); seq++) {
          const row = { seq, id: `bulk-${seq}`, type: 'force.status', origin: 'hall', at: 1_700_000_000_000 + seq, seat: null, officer: null, payload };
          prev = chainHash(prev, row);
          insertEvent(store, { ...row, hash: prev, idemKey: null });
        }
      });
    }
    setMeta(store, 'projection_version', String(PROJECTION_VERSION));
  } finally {
    store.close();
  }
}

/** A case's whole life at the centre: 9 events from report to evaluation, one every quarter of an hour. */
const LIFE: ReadonlyArray<{ act: CaseAction; from: CaseState; to: CaseState }> = [
  { act: { action: 'register' }, from: 'reported', to: 'registered' },
  { act: { action: 'dispatch', lead: 'urban', assisting: [], forces: [], dutyRule: 'clear' }, from: 'registered', to: 'dispatched' },
  { act: { action: 'accept' }, from: 'dispatched', to: 'dispatched' },
  { act: { action: 'arrive' }, from: 'dispatched', to: 'onScene' },
  { act: { action: 'handle', note: '已清理完毕', attachments: [], selfHandled: false }, from: 'onScene', to: 'handled' },
  { act: { action: 'verify', passed: true, note: '' }, from: 'handled', to: 'verified' },
  { act: { action: 'close', note: '' }, from: 'verified', to: 'closed' },
  { act: { action: 'evaluate', satisfaction: 'satisfied', resolved: true, note: '' }, from: 'closed', to: 'evaluated' },
];
const CASE_EVENTS = LIFE.length + 1;
/** The newest cases (a tenth of a small history) are still open, each stopped at some step of its life. */
const OPEN_CASES = 300;

/** A hall that has run for a year: about `count` events, cases reported one after another up to `until` and
 *  taken through their life (the newest OPEN_CASES still open), hash-chained like the hall's and written straight
 *  into the log in big transactions. Each case is folded by the clients' own reducer (common/hall-state.ts) and
 *  its projection rows written once, as it ends up: what the hall's projections hold after the same events
 *  (prepared-log.test.ts rebuilds them from the log to check). Returns the events written. */
export function prepareCaseHistory(dataDir: string, count: number, until: number): number {
  const store = openStore(hallDb(dataDir));
  const cases = Math.max(1, Math.floor(count / CASE_EVENTS));
  const step = Math.floor((365 * 86_400_000) / cases);
  const open = Math.min(OPEN_CASES, Math.floor(cases / 10));
  let seq = 0;
  let prev = GENESIS;
  const write = (event: HallEvent, payload: string) => {
    const row = { seq: event.seq, id: event.id, type: event.type, origin: event.origin, at: event.at, seat: event.seat, officer: null, payload };
    prev = chainHash(prev, row);
    insertEvent(store, { ...row, hash: prev, idemKey: null });
  };
  const oneCase = (i: number) => {
    const at = until - (cases - i) * step;
    const draft: CaseDraft = {
      title: `道路积水 ${i}`, description: '市民来电反映路口积水约20厘米，影响通行', source: 'hotline12345', urgency: i % 10 ? 'general' : 'urgent',
      category: '防汛防台', address: '中山街道 荣乐东路 100 号', location: { lon: 121.23 + (i % 100) * 1e-4, lat: 31.0 + (i % 77) * 1e-4 },
      gridId: `M${String(1 + (i % 125)).padStart(3, '0')}`,
    };
    const state = emptyHallState();
    const created = { seq: ++seq, id: uuidv7(at), type: 'case.created', origin: 'upstream', at, seat: null, payload: newCase(draft, { id: uuidv7(at), no: seq, at, seat: null }) } as HallEvent;
    applyHallEvent(state, created);
    write(created, compactCaseJson(created.payload as CaseView));
    const caseId = (created.payload as CaseView).id;
    const steps = cases - i <= open ? (cases - i) % LIFE.length : LIFE.length;
    let view = created.payload as CaseView;
    for (const [k, { act, from, to }] of LIFE.slice(0, steps).entries()) {
      const event = { seq: ++seq, id: uuidv7(at), type: 'case.transitioned', origin: 'hall', at: at + (k + 1) * 900_000, seat: 'console-1', payload: { caseId, act, from, to } } as HallEvent;
      view = applyHallEvent(state, event).case!;
      write(event, JSON.stringify(event.payload));
    }
    upsertCase(store, view, seq, compactCaseJson(view));
    upsertCaseKpi(store, view);
  };
  try {
    for (let from = 0; from < cases; from += 10_000) store.writeTx(() => {
      for (let i = from; i < Math.min(cases, from + 10_000); i++) oneCase(i);
    });
    setMeta(store, 'projection_version', String(PROJECTION_VERSION));
    return seq;
  } finally {
    store.close();
  }
}

/** Changes one stored event's payload (`$.field` set to `value`) behind the hall's back. */
export function tamperPayload(dataDir: string, seq: number, field: string, value: string): void {
  const raw = new Database(hallDb(dataDir));
  try {
    const trigger = raw.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'events_append_only_update'").pluck().get() as string;
    raw.transaction(() => {
      raw.exec('DROP TRIGGER events_append_only_update');
      const changed = raw.prepare('UPDATE events SET payload = json_set(payload, ?, ?) WHERE seq = ?').run(`$.${field}`, value, seq).changes;
      if (changed !== 1) throw new Error(`no event ${seq} to tamper with`);
      raw.exec(trigger);
    }).immediate();
  } finally {
    raw.close();
  }
}
