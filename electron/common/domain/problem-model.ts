// S-4.7 persistent problems (顽症) and copies to the leader in charge (抄报) as records of their own, beside the
// cases. A problem is a place (micro grid) and a category with the cases that recur there: the commander opens
// it (立项) from the detector's proposal or dismisses the proposal with a reason, links further cases to it and
// closes it (销项) with a note once the place has stayed quiet (problem-detector.ts, problem-lifecycle.ts). A
// copy sends a problem or a case to a leader of the site (分管领导) and stays open until the console
// acknowledges it. Every step is an event of the log; these are the records the events fold into.
import { z } from 'zod';
import { Id } from './case-model.ts';

const text = (max: number) => z.string().trim().max(max);
const required = (max: number, what: string) => text(max).min(1, `${what} is required`);
const time = z.number().int();

/** 在办 (open), 已销项 (closed), 不立项 (a dismissed proposal, kept so it is not proposed again). */
export const ProblemState = z.enum(['open', 'closed', 'dismissed']);
export type ProblemState = z.infer<typeof ProblemState>;

/** A proposal as the commander answers it: its place and the cases the detector found there. */
export const ProblemProposalRef = z.object({
  gridId: Id,
  category: required(50, 'category'),
  caseIds: z.array(Id).min(1, 'a proposal names its cases').max(500),
});
export type ProblemProposalRef = z.infer<typeof ProblemProposalRef>;

export const ProblemView = ProblemProposalRef.extend({
  id: Id,
  /** Human number: the log sequence of the event that made the record (立项 or 不立项). */
  no: z.number().int().positive(),
  title: required(120, 'title'),
  state: ProblemState,
  createdAt: time,
  createdBySeat: Id.nullable(),
  updatedAt: time,
  closedAt: time.nullable(),
  closeNote: text(500).nullable(),
  dismissReason: text(500).nullable(),
});
export type ProblemView = z.infer<typeof ProblemView>;

export const LeaderCopy = z.object({
  id: Id,
  no: z.number().int().positive(),
  /** What is copied: a problem or a case (exactly one of the two). */
  problemId: Id.nullable(),
  caseId: Id.nullable(),
  /** The leader as the site named them when the copy was made: the record keeps who, whatever the site becomes. */
  leaderId: Id,
  leaderName: required(40, 'leader name'),
  leaderTitle: text(60),
  reason: required(500, 'a reason'),
  at: time,
  bySeat: Id.nullable(),
  acknowledgedAt: time.nullable(),
  acknowledgedBySeat: Id.nullable(),
});
export type LeaderCopy = z.infer<typeof LeaderCopy>;

/** Payloads of the events that change a record after it was made. */
export const ProblemLinked = z.object({ problemId: Id, caseId: Id });
export const ProblemClosed = z.object({ problemId: Id, note: required(500, 'a note') });
export const LeaderAcknowledged = z.object({ copyId: Id, problemId: Id.nullable(), caseId: Id.nullable() });

/** Commands of the console (the centre supervises persistent problems; desks and walls never). */
export const ProblemCommand = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('problem.open'), proposal: ProblemProposalRef, title: required(120, 'title') }),
  z.object({ kind: z.literal('problem.dismiss'), proposal: ProblemProposalRef, reason: required(500, 'a reason') }),
  z.object({ kind: z.literal('problem.link'), problemId: Id, caseId: Id }),
  z.object({ kind: z.literal('problem.close'), problemId: Id, note: required(500, 'a note') }),
  z.object({
    kind: z.literal('leader.copy'), problemId: Id.optional(), caseId: Id.optional(), leaderId: Id, reason: required(500, 'a reason'),
  }).refine((c) => (c.problemId === undefined) !== (c.caseId === undefined), 'copy either a problem or a case'),
  z.object({ kind: z.literal('leader.acknowledge'), copyId: Id }),
]);
export type ProblemCommand = z.infer<typeof ProblemCommand>;
