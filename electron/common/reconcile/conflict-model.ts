// A conflict between what the hall did and what the district says (docs/upstream-protocol.md, reconciliation
// rules): raised by the hall when a rule finds one, shown to the commander until a person settles it.
import { z } from 'zod';
import { Id } from '../domain/case-model.ts';

export const ConflictRule = z.enum(['cancelAfterClose', 'sameField', 'resentAfterMerge', 'unknownTicket', 'refusedUp']);
export type ConflictRule = z.infer<typeof ConflictRule>;

export const ConflictRaised = z.object({
  conflictId: Id,
  rule: ConflictRule,
  caseId: Id.nullable(),
  ticketNo: z.string().max(40).nullable(),
  /** What happened, in Chinese, for the commander. */
  summary: z.string().max(500),
});
export type ConflictRaised = z.infer<typeof ConflictRaised>;

export const ConflictSettled = z.object({ conflictId: Id, note: z.string().trim().min(1, 'a note is required').max(500) });

export const ConflictView = ConflictRaised.extend({ raisedAt: z.number().int(), settledAt: z.number().int().nullable(), note: z.string().nullable() });
export type ConflictView = z.infer<typeof ConflictView>;

/** What each rule means, for the commander's queue (zh first). */
export const RULE_LABELS: Readonly<Record<ConflictRule, { zh: string; en: string }>> = {
  cancelAfterClose: { zh: '区平台撤单了本中心已办结的案件', en: 'The district cancelled a case the hall had closed' },
  sameField: { zh: '双方修改了同一项', en: 'Both sides changed the same field' },
  resentAfterMerge: { zh: '区平台重发了已合并的工单', en: 'The district re-sent a ticket the hall had merged' },
  unknownTicket: { zh: '区平台变更了本中心没有的工单', en: 'The district changed a ticket the hall never had' },
  refusedUp: { zh: '区平台拒收了上报', en: 'The district refused an upload' },
};
