// What the hall does with a message from the district about a ticket (docs/upstream-protocol.md, reconciliation
// rules), as a pure decision over the message and the case the hall has for it: acts to take on cases, a case to
// open, and a conflict for the commander when the two sides disagree. The hall carries the decision out in one
// transaction with the message's inbox row.
import { FINISHED_STATES } from '../case-window.ts';
import type { CaseAction, CaseView } from '../domain/case-model.ts';
import type { DownBody } from '../upstream-protocol.ts';
import type { ConflictRaised } from './conflict-model.ts';

export interface DownDecision {
  /** What the inbox records for the message. */
  outcome: 'created' | 'applied' | 'known' | 'conflict' | 'ignored';
  acts: Array<{ caseId: string; act: CaseAction }>;
  /** The ticket, to open as a new case. */
  open?: Extract<DownBody, { kind: 'ticket.new' }>['ticket'];
  conflict?: Omit<ConflictRaised, 'conflictId'>;
}

const none = (outcome: DownDecision['outcome']): DownDecision => ({ outcome, acts: [] });
const closedStates = ['closed', 'evaluated'];

/** `found`: the case with the message's ticket number; `mergedInto`: the case it was merged into, if it was. */
export function decideDown(body: DownBody, found: CaseView | undefined, mergedInto: CaseView | undefined, grade: (urgency: string) => boolean): DownDecision {
  switch (body.kind) {
    case 'ticket.new': {
      const ticketNo = body.ticket.ticketNo;
      // Rule 3: a ticket re-sent after the hall merged it is recorded on the case it went into, not opened again.
      if (found?.duplicateOf && mergedInto) {
        return {
          outcome: 'conflict', acts: [{ caseId: mergedInto.id, act: { action: 'amend', note: `区平台重发工单 ${ticketNo}，已并入本案` } }],
          conflict: { rule: 'resentAfterMerge', caseId: mergedInto.id, ticketNo, summary: `工单 ${ticketNo} 已合并至案件 #${mergedInto.no}，区平台再次派发` },
        };
      }
      return found ? none('known') : { outcome: 'created', acts: [], open: body.ticket };
    }
    case 'ticket.update': {
      // Rule 4: a change to a ticket the hall never had applies nothing.
      if (!found) return unknownTicket(body.ticketNo, '变更');
      const changes: Extract<CaseAction, { action: 'amend' }> = { action: 'amend', note: '区平台工单变更' };
      const notes: string[] = [];
      if (body.description !== undefined) changes.description = body.description;
      if (body.urgency !== undefined) {
        if (grade(body.urgency)) changes.urgency = body.urgency;
        else notes.push(`紧急程度 ${body.urgency} 本中心无此等级，未采用`);
      }
      if (body.dueAt !== undefined) {
        // Rule 2: the later change wins the field. The hall set its own deadline when it registered the case.
        const hallSetLater = found.registeredAt !== null && found.registeredAt > body.at && found.dueAt !== undefined && found.dueAt !== body.dueAt;
        if (hallSetLater) notes.push('区平台的办结时限早于本中心受理时的设定，保留本中心时限');
        else changes.dueAt = body.dueAt;
      }
      const act = { ...changes, note: [changes.note, ...notes].join('；') };
      const finished = FINISHED_STATES.includes(found.state);
      if (notes.length || finished) {
        return {
          outcome: 'conflict', acts: [{ caseId: found.id, act }],
          conflict: {
            rule: 'sameField', caseId: found.id, ticketNo: body.ticketNo,
            summary: finished ? `区平台变更了已${found.state === 'cancelled' ? '撤单' : '办结'}的工单 ${body.ticketNo}` : `工单 ${body.ticketNo}：${notes.join('；')}`,
          },
        };
      }
      return { outcome: 'applied', acts: [{ caseId: found.id, act }] };
    }
    case 'ticket.cancel': {
      if (!found) return unknownTicket(body.ticketNo, '撤单');
      if (found.state === 'cancelled' || found.state === 'rejected') return none('known');
      const act: CaseAction = { action: 'cancel', reason: `区平台撤单：${body.reason}`.slice(0, 500) };
      // Rule 1: the district wins over a closure made meanwhile; the closure stays in the case's timeline.
      if (closedStates.includes(found.state)) {
        return {
          outcome: 'conflict', acts: [{ caseId: found.id, act }],
          conflict: { rule: 'cancelAfterClose', caseId: found.id, ticketNo: body.ticketNo, summary: `案件 #${found.no} 本中心已办结，区平台撤单（${body.reason}）：以区平台为准，办结记录保留` },
        };
      }
      return { outcome: 'applied', acts: [{ caseId: found.id, act }] };
    }
    case 'case.numbered':
      if (!found) return none('ignored');
      return found.externalId === body.ticketNo ? none('known') : { outcome: 'applied', acts: [{ caseId: found.id, act: { action: 'amend', note: `区平台编号 ${body.ticketNo}`, externalId: body.ticketNo } }] };
    default:
      return none('applied');
  }
}

function unknownTicket(ticketNo: string, what: string): DownDecision {
  return { outcome: 'conflict', acts: [], conflict: { rule: 'unknownTicket', caseId: null, ticketNo, summary: `区平台${what}工单 ${ticketNo}，本中心没有该工单` } };
}
