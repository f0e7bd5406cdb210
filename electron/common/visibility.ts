// Who sees a case (S-9, issue 3): the centre's console and the wall see every case; a joint desk sees the
// cases its department leads or assists in. The hall core filters what it sends by this; clients use it too.
import type { CaseView, Department, Role } from './protocol.ts';

export function caseVisibleTo(seat: { role: Role; department: Department }, view: CaseView): boolean {
  return seat.role !== 'desk' || view.lead === seat.department || view.assisting.includes(seat.department);
}

/** Persistent problems and copies to the leader (S-4.7) are the centre's supervision of the departments'
 *  work: the console and the wall see them, joint desks do not. */
export const centreSees = (seat: { role: Role }) => seat.role !== 'desk';

/** Events about them, which a desk's stream skips; situation reports (灾情快报) are the centre's too. */
export const isCentreEvent = (type: string) => ['problem.', 'leader.', 'conflict.', 'situation.', 'report.'].some((prefix) => type.startsWith(prefix));
