// The district's side of tickets: issuing them (with a number of the district's format), changing and
// cancelling them, numbering the halls' own cases, and what the halls report of them (case.step). Each function
// runs inside the caller's write transaction and queues the down message it implies.
import { dateKey, dayOf } from '../common/domain/beijing-time.ts';
import type { DownBody, Ticket, UpBody } from '../common/upstream-protocol.ts';
import type { DownIssuer } from './down-issuer.ts';
import type { DistrictStore } from './store/database.ts';
import { nextCounter } from './store/meta-table.ts';
import { getTicket, insertTicket, markCancelled, recordStep, setTicketChange, ticketOfCase, type FollowUp, type TicketRow } from './store/ticket-table.ts';

export interface TicketDeps { db: DistrictStore; down: DownIssuer; prefix: string }

/** e.g. SJ-2026-000123: the prefix, the Beijing year, a serial of the year. */
export function nextTicketNo(deps: TicketDeps, at: number): string {
  const year = dateKey(dayOf(at)).slice(0, 4);
  return `${deps.prefix}-${year}-${String(nextCounter(deps.db, `ticket_serial:${year}`)).padStart(6, '0')}`;
}

export function issueTicket(deps: TicketDeps, hallId: string, ticket: Omit<Ticket, 'ticketNo'>, followUp: { action: FollowUp; at: number } | null, at: number): Ticket {
  const full: Ticket = { ...ticket, ticketNo: nextTicketNo(deps, at) };
  insertTicket(deps.db, {
    ticketNo: full.ticketNo, hallId, origin: 'district', caseId: null, provisionalNo: null, source: full.source,
    category: full.category, urgency: full.urgency, title: full.title, address: full.address, description: full.description,
    reportedAt: full.reportedAt, dueAt: full.dueAt ?? null, nextAction: followUp?.action ?? null, nextActionAt: followUp?.at ?? null,
  });
  deps.down.issue(hallId, `ticket:${full.ticketNo}`, { kind: 'ticket.new', ticket: full }, at);
  return full;
}

export type TicketChange = { dueAt?: number; description?: string; urgency?: string };

/** Refusal reasons for the admin interface; null when done. */
export function updateTicket(deps: TicketDeps, ticketNo: string, change: TicketChange, at: number): string | null {
  const t = getTicket(deps.db, ticketNo);
  if (!t) return `no ticket ${ticketNo}`;
  if (t.cancelledAt !== null) return `ticket ${ticketNo} is cancelled`;
  setTicketChange(deps.db, ticketNo, change);
  const body: DownBody = { kind: 'ticket.update', ticketNo, at, ...change };
  deps.down.issue(t.hallId, `update:${ticketNo}:${nextCounter(deps.db, 'update_serial')}`, body, at);
  return null;
}

export function cancelTicket(deps: TicketDeps, ticketNo: string, reason: string, at: number): string | null {
  const t = getTicket(deps.db, ticketNo);
  if (!t) return `no ticket ${ticketNo}`;
  if (t.cancelledAt !== null) return `ticket ${ticketNo} is already cancelled`;
  markCancelled(deps.db, ticketNo, at);
  deps.down.issue(t.hallId, `cancel:${ticketNo}`, { kind: 'ticket.cancel', ticketNo, at, reason }, at);
  return null;
}

export type Applied = { outcome: 'applied'; note?: string } | { outcome: 'refused'; status: number; reason: string };

const refused = (status: number, reason: string): Applied => ({ outcome: 'refused', status, reason });

/** Applies an up message of a hall; a message wrong for the district is refused with a 4xx and the reason. */
export function applyUp(deps: TicketDeps, hallId: string, body: UpBody, at: number): Applied {
  switch (body.kind) {
    case 'case.new': {
      // A case numbered before (the hall re-reported it under another key) keeps its number.
      if (ticketOfCase(deps.db, hallId, body.caseId)) return { outcome: 'applied' };
      const ticketNo = nextTicketNo(deps, at);
      const d = body.draft;
      insertTicket(deps.db, {
        ticketNo, hallId, origin: 'hall', caseId: body.caseId, provisionalNo: body.provisionalNo, source: d.source,
        category: d.category, urgency: d.urgency, title: d.title, address: d.address, description: d.description,
        reportedAt: body.at, dueAt: d.dueAt ?? null, nextAction: null, nextActionAt: null,
      });
      deps.down.issue(hallId, `numbered:${body.caseId}`, { kind: 'case.numbered', caseId: body.caseId, ticketNo }, at);
      return { outcome: 'applied' };
    }
    case 'case.step': {
      let ticket: TicketRow | undefined;
      if (body.ticketNo !== undefined) {
        // A case the hall reported itself is known by its id: the number it gives, if not one of ours, may be
        // one typed at its intake (a caller's work-order number) before our number for the case reached it.
        const reported = ticketOfCase(deps.db, hallId, body.caseId);
        ticket = getTicket(deps.db, body.ticketNo) ?? (reported?.origin === 'hall' ? reported : undefined);
        // Another hall's ticket is as unknown to this one as a ticket never issued.
        if (!ticket || ticket.hallId !== hallId) return refused(404, `unknown ticket ${body.ticketNo}`);
        if (ticket.caseId !== null && ticket.caseId !== body.caseId) return refused(409, `ticket ${body.ticketNo} belongs to case ${ticket.caseId}, not ${body.caseId}`);
        const other = ticket.caseId === null ? ticketOfCase(deps.db, hallId, body.caseId) : undefined;
        if (other) return refused(409, `case ${body.caseId} already has ticket ${other.ticketNo}`);
      } else {
        ticket = ticketOfCase(deps.db, hallId, body.caseId);
        if (!ticket) return refused(404, `unknown case ${body.caseId}: no ticket number given and no case.new for it`);
      }
      const closed = body.to === 'closed' || body.to === 'evaluated';
      recordStep(deps.db, ticket.ticketNo, body.caseId, body.to, body.at, closed);
      return closed && ticket.closedAt === null ? { outcome: 'applied', note: `ticket ${ticket.ticketNo} closed by ${hallId}` } : { outcome: 'applied' };
    }
    case 'report.daily':
      return { outcome: 'applied' };
  }
}
