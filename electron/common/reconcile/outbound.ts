// What of the hall's log goes up to the district (S-7.1): its own cases (case.new), every lifecycle step of
// every case (case.step) and the daily figures (report.daily). Nothing that came down from the district goes
// back up; drill data never leaves the hall, nor demo data unless the district is the demo's own simulator.
import type { CaseView } from '../domain/case-model.ts';
import type { HallEvent } from '../protocol.ts';
import { TicketNo, type UpBody } from '../upstream-protocol.ts';

const keptAtHome = (c: CaseView, demoGoesUp: boolean) => (c.demo === true && !demoGoesUp) || c.drill === true;

/** The hall's provisional number for a case of its own, until the district numbers it (临-<hall>-<no>). */
export const provisionalNo = (hallId: string, no: number) => `临-${hallId.replace(/^hall-/, '')}-${no}`;

/** The external number a person typed at intake (up to 80 characters of anything) is not necessarily one the
 *  district's schema takes: such a step would be refused unparsed, never stored, and hold back every up message
 *  after it. It goes without the number; the district knows the hall's case by its id. */
const districtNumber = (externalId: string | undefined): externalId is string => externalId !== undefined && TicketNo.safeParse(externalId).success;

export function upBodyFor(event: HallEvent, after: CaseView | undefined, hallId: string, demoGoesUp = false): UpBody | null {
  if (event.origin === 'upstream') return null;
  switch (event.type) {
    case 'case.created': {
      const c = event.payload;
      if (keptAtHome(c, demoGoesUp)) return null;
      const { title, description, source, urgency, category, address, location, gridId, dueAt, externalId } = c;
      const draft = { title, description, source, urgency, category, address, ...(location ? { location } : {}), ...(gridId ? { gridId } : {}), ...(dueAt === undefined ? {} : { dueAt }), ...(externalId === undefined ? {} : { externalId }) };
      return { kind: 'case.new', caseId: c.id, provisionalNo: provisionalNo(hallId, c.no), draft, at: event.at };
    }
    case 'case.transitioned': {
      if (!after || keptAtHome(after, demoGoesUp)) return null;
      const { caseId, act, from, to } = event.payload;
      return {
        kind: 'case.step', caseId, ...(districtNumber(after.externalId) ? { ticketNo: after.externalId } : {}), act, from, to, at: event.at,
        by: { seat: event.seat, officer: event.officer ? `${event.officer.name}（${event.officer.badge}）` : null },
      };
    }
    case 'report.uploaded':
      return { kind: 'report.daily', ...event.payload };
    default:
      return null;
  }
}
