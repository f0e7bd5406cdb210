// Tickets: those the district issued and the numbers it gave the halls' own cases, with what the halls report.
import type { DistrictStore } from './database.ts';

export type FollowUp = 'update' | 'cancel';

export interface TicketRow {
  ticketNo: string;
  hallId: string;
  origin: 'district' | 'hall';
  caseId: string | null;
  provisionalNo: string | null;
  source: string;
  category: string;
  urgency: string;
  title: string;
  address: string;
  description: string;
  reportedAt: number;
  dueAt: number | null;
  state: string | null;
  stateAt: number | null;
  steps: number;
  closedAt: number | null;
  cancelledAt: number | null;
  nextAction: FollowUp | null;
  nextActionAt: number | null;
}

const COLUMNS = `ticket_no AS ticketNo, hall_id AS hallId, origin, case_id AS caseId, provisional_no AS provisionalNo, source,
  category, urgency, title, address, description, reported_at AS reportedAt, due_at AS dueAt, state, state_at AS stateAt, steps,
  closed_at AS closedAt, cancelled_at AS cancelledAt, next_action AS nextAction, next_action_at AS nextActionAt`;

export type NewTicket = Pick<TicketRow, 'ticketNo' | 'hallId' | 'origin' | 'caseId' | 'provisionalNo' | 'source' | 'category' | 'urgency' | 'title' | 'address' | 'description' | 'reportedAt' | 'dueAt' | 'nextAction' | 'nextActionAt'>;

export function insertTicket(db: DistrictStore, t: NewTicket): void {
  db.run(
    `INSERT INTO tickets (ticket_no, hall_id, origin, case_id, provisional_no, source, category, urgency, title, address,
      description, reported_at, due_at, next_action, next_action_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    t.ticketNo, t.hallId, t.origin, t.caseId, t.provisionalNo, t.source, t.category, t.urgency, t.title, t.address,
    t.description, t.reportedAt, t.dueAt, t.nextAction, t.nextActionAt,
  );
}

export const getTicket = (db: DistrictStore, ticketNo: string) => db.get<TicketRow>(`SELECT ${COLUMNS} FROM tickets WHERE ticket_no = ?`, ticketNo);

export const ticketOfCase = (db: DistrictStore, hallId: string, caseId: string) =>
  db.get<TicketRow>(`SELECT ${COLUMNS} FROM tickets WHERE hall_id = ? AND case_id = ?`, hallId, caseId);

/** A step the hall reported: the state, and closure (cleared again when the case is reopened). */
export function recordStep(db: DistrictStore, ticketNo: string, caseId: string, state: string, at: number, closed: boolean): void {
  db.run(
    `UPDATE tickets SET case_id = ?, state = ?, state_at = ?, steps = steps + 1,
      closed_at = CASE WHEN ? THEN COALESCE(closed_at, ?) ELSE NULL END,
      next_action = CASE WHEN ? THEN NULL ELSE next_action END,
      next_action_at = CASE WHEN ? THEN NULL ELSE next_action_at END
     WHERE ticket_no = ?`,
    caseId, state, at, closed ? 1 : 0, at, closed ? 1 : 0, closed ? 1 : 0, ticketNo,
  );
}

export function setFollowUp(db: DistrictStore, ticketNo: string, action: FollowUp | null, at: number | null): void {
  db.run('UPDATE tickets SET next_action = ?, next_action_at = ? WHERE ticket_no = ?', action, at, ticketNo);
}

export const dueFollowUps = (db: DistrictStore, now: number, limit: number) =>
  db.all<TicketRow>(`SELECT ${COLUMNS} FROM tickets WHERE next_action_at <= ? ORDER BY next_action_at LIMIT ?`, now, limit);

export function setTicketChange(db: DistrictStore, ticketNo: string, change: { dueAt?: number; urgency?: string; description?: string }): void {
  db.run('UPDATE tickets SET due_at = COALESCE(?, due_at), urgency = COALESCE(?, urgency), description = COALESCE(?, description) WHERE ticket_no = ?',
    change.dueAt ?? null, change.urgency ?? null, change.description ?? null, ticketNo);
}

export function markCancelled(db: DistrictStore, ticketNo: string, at: number): void {
  db.run('UPDATE tickets SET cancelled_at = ?, next_action = NULL, next_action_at = NULL WHERE ticket_no = ?', at, ticketNo);
}

export interface TicketCounts { issued: number; numbered: number; open: number; closed: number; cancelled: number }

export const ticketCounts = (db: DistrictStore, hallId: string) =>
  db.get<TicketCounts>(`SELECT
      COALESCE(SUM(origin = 'district'), 0) AS issued, COALESCE(SUM(origin = 'hall'), 0) AS numbered,
      COALESCE(SUM(closed_at IS NULL AND cancelled_at IS NULL), 0) AS open, COALESCE(SUM(closed_at IS NOT NULL), 0) AS closed,
      COALESCE(SUM(cancelled_at IS NOT NULL), 0) AS cancelled
    FROM tickets WHERE hall_id = ?`, hallId)!;

/** Drops tickets finished before `finishedBefore`, and any reported before `reportedBefore`. */
export function pruneTickets(db: DistrictStore, finishedBefore: number, reportedBefore: number): number {
  return db.run('DELETE FROM tickets WHERE COALESCE(closed_at, cancelled_at) < ? OR reported_at < ?', finishedBefore, reportedBefore).changes;
}
