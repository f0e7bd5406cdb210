// The cases table: each case's current view, projected from the log, with the columns queues filter on.
import { expandCase } from '../../common/case-json.ts';
import { FINISHED_STATES } from '../../common/case-window.ts';
import { CaseState, type CaseView } from '../../common/protocol.ts';
import type { Store } from './database.ts';

/** Stored views are compact (common/case-json.ts): every read restores the defaults. */
export const caseOf = (json: string): CaseView => expandCase(JSON.parse(json) as Partial<CaseView>);
const parse = (rows: Array<{ view: string }>) => rows.map((r) => caseOf(r.view));

/** Writes the case as it now is; `viewJson` is its compact JSON when the caller has it already. */
export function upsertCase(db: Store, view: CaseView, lastSeq: number, viewJson: string): void {
  db.run(
    `INSERT INTO cases (id, no, state, urgency, source, grid_id, lead, created_at, updated_at, last_seq, view, external_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET state = excluded.state, urgency = excluded.urgency, grid_id = excluded.grid_id,
       lead = excluded.lead, updated_at = excluded.updated_at, last_seq = excluded.last_seq, view = excluded.view,
       external_id = excluded.external_id`,
    view.id, view.no, view.state, view.urgency, view.source, view.gridId ?? null, view.lead, view.createdAt, view.updatedAt, lastSeq, viewJson, view.externalId ?? null,
  );
}

export function loadCase(db: Store, id: string): CaseView | undefined {
  const row = db.get<{ view: string }>('SELECT view FROM cases WHERE id = ?', id);
  return row && caseOf(row.view);
}

export const loadCases = (db: Store): CaseView[] => parse(db.all<{ view: string }>('SELECT view FROM cases ORDER BY no'));

export const casesInStates = (db: Store, states: readonly CaseState[]): CaseView[] =>
  parse(db.all<{ view: string }>(`SELECT view FROM cases WHERE state IN (${states.map(() => '?').join(', ')}) ORDER BY no`, ...states));

/** Reported in [from, to], newest first (Open311's requests.json). */
export const casesCreatedBetween = (db: Store, from: number, to: number): CaseView[] =>
  parse(db.all<{ view: string }>('SELECT view FROM cases WHERE created_at >= ? AND created_at <= ? ORDER BY created_at DESC, no DESC', from, to));

/** Every state but the finished ones: an IN list the state index seeks (NOT IN would read every case ever). */
const OPEN_STATES = CaseState.options.filter((s) => !FINISHED_STATES.includes(s));

/** The cases screens hold (common/case-window.ts) as stored JSON with their lead, for snapshots: every open
 *  case, and the finished ones changed since `finishedSince` (parsed only where visibility needs more). Both
 *  halves read only what they return, through an index, however many cases the hall has finished over the years
 *  (issue 12: a start on a million events); `+state` keeps the second on the updated_at index. */
export const caseRowsForSnapshot = (db: Store, finishedSince: number) =>
  db.all<{ view: string; lead: string | null }>(
    `SELECT view, lead FROM cases WHERE state IN (${OPEN_STATES.map(() => '?').join(', ')})
     UNION ALL SELECT view, lead FROM cases WHERE updated_at >= ? AND +state IN (${FINISHED_STATES.map(() => '?').join(', ')})`,
    ...OPEN_STATES, finishedSince, ...FINISHED_STATES,
  );

/** A grid's cases reported since `since`, oldest first (a persistent problem's place). */
export const casesInGridSince = (db: Store, gridId: string, since: number): CaseView[] =>
  parse(db.all<{ view: string }>('SELECT view FROM cases WHERE grid_id = ? AND created_at >= ? ORDER BY created_at, no', gridId, since));

export const casesByIds = (db: Store, ids: readonly string[]): CaseView[] =>
  ids.length === 0 ? [] : parse(db.all<{ view: string }>(`SELECT view FROM cases WHERE id IN (${ids.map(() => '?').join(', ')}) ORDER BY no`, ...ids));

/** The case the district knows by this ticket number (its own tickets, and the hall's cases it numbered). */
export function caseByTicket(db: Store, ticketNo: string): CaseView | undefined {
  const row = db.get<{ view: string }>('SELECT view FROM cases WHERE external_id = ? ORDER BY no LIMIT 1', ticketNo);
  return row && caseOf(row.view);
}

export const highestCaseNo = (db: Store): number => db.get<{ no: number | null }>('SELECT max(no) AS no FROM cases')?.no ?? 0;
