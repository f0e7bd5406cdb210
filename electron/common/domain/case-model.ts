// The data of the hall's daily work: who sits where, and cases (事部件) with their lifecycle (S-4). Plain zod
// schemas over plain data: the wire protocol, the hall core's projections and the pure domain rules all use
// these, so a case means the same thing everywhere.
import { z } from 'zod';

export const Role = z.enum(['console', 'desk', 'wall']);
export type Role = z.infer<typeof Role>;

const siteId = (what: string, example: string) =>
  z.string().regex(/^[a-z][a-zA-Z0-9]{0,31}$/, `a ${what} id is a short latin word, e.g. ${example}`);

/** A department of the site (common/site/site-config.ts): the joint desks' and `command`, the centre itself
 *  (指挥长, 平台运行组). Which ids exist is the site's business; the hall refuses unknown ones. */
export const DepartmentId = siteId('department', 'police');
export const Department = DepartmentId;
export type Department = z.infer<typeof Department>;

export const Origin = z.enum(['hall', 'upstream', 'desk']);
export type Origin = z.infer<typeof Origin>;

/** S-4.1 case sources. */
export const CaseSource = z.enum(['hotline12345', 'nonpolice110', 'hotline12319', 'patrol', 'video', 'qr', 'walkin']);
export type CaseSource = z.infer<typeof CaseSource>;

/** An urgency grade of the site (S-4.3: configurable; the demo street's four, seed 000). */
export const UrgencyId = siteId('urgency grade', 'urgent');
export const Urgency = UrgencyId;
export type Urgency = z.infer<typeof Urgency>;

/** S-4.2 lifecycle states. */
export const CaseState = z.enum([
  'reported', 'registered', 'rejected', 'dispatched', 'onScene', 'handled', 'verified', 'closed', 'evaluated',
  'returned', 'escalated', 'suspended', 'reopened', 'cancelled',
]);
export type CaseState = z.infer<typeof CaseState>;

/** S-4.5 the escalation ladder: micro → small → zone → street → district. */
export const Tier = z.enum(['micro', 'small', 'zone', 'street', 'district']);
export type Tier = z.infer<typeof Tier>;

/** S-4.4 how the lead department was found. */
export const DutyRule = z.enum(['clear', 'crossDepartment', 'designated']);
export type DutyRule = z.infer<typeof DutyRule>;

export const Satisfaction = z.enum(['satisfied', 'basic', 'unsatisfied']);
export type Satisfaction = z.infer<typeof Satisfaction>;

export const Id = z.string().min(1).max(64).regex(/^[\w.:-]+$/, 'only letters, digits, _ . : -');
const text = (max: number) => z.string().trim().max(max);
const reason = text(500).min(1, 'a reason is required');
const time = z.number().int();

export const LonLat = z.object({
  lon: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
});
export type LonLat = z.infer<typeof LonLat>;

/** What an operator fills in at intake. */
export const CaseDraft = z.object({
  title: text(200).min(1, 'title is empty'),
  description: text(4000).default(''),
  source: CaseSource,
  urgency: Urgency,
  category: text(50).min(1, 'category is empty'),
  address: text(200).default(''),
  location: LonLat.optional(),
  gridId: Id.optional(),
  /** Ticket deadline given by the source (12345 tickets carry one); general cases default per category. */
  dueAt: time.optional(),
  /** Upstream or Open311 ticket number, when the case came from outside. */
  externalId: text(80).optional(),
  /** Demo data (the demo feed, seeded history): shown as such everywhere, never mistaken for a real case. Only
   *  the hall's own demo sets it; a seat's draft never can. */
  demo: z.literal(true).optional(),
  /** Where the hall's gazetteer placed the address (S-4.1b); `unmatched`: the operator places it on the map. Set by
   *  the hall only. */
  placement: z.object({
    match: z.enum(['exact', 'fuzzy', 'interpolated', 'landmark', 'unmatched', 'manual']),
    standardAddress: text(200).optional(),
    /** Why it stayed unmatched (address/geocode.ts UnmatchedCode), and in the gazetteer's words. */
    code: z.string().regex(/^[a-z-]{1,30}$/).optional(),
    reason: text(300).optional(),
  }).optional(),
});
export type CaseDraft = z.infer<typeof CaseDraft>;

/** The case as everyone sees it: the draft plus what its lifecycle has made of it. */
export const CaseView = CaseDraft.extend({
  id: Id,
  /** Human number shown in queues: the log sequence of the creating event. */
  no: z.number().int().positive(),
  /** 演练 (S-6.7): created at a seat while a drill was in force; kept out of the KPIs and of the upstream link. Set
   *  by the hall from the mode, never by a draft. */
  drill: z.literal(true).optional(),
  state: CaseState,
  createdAt: time,
  updatedAt: time,
  createdBySeat: Id.nullable(),
  /** 主办 and 协办 departments (S-4.4). */
  lead: Department.nullable().default(null),
  assisting: z.array(Department).default([]),
  dutyRule: DutyRule.nullable().default(null),
  /** Forces sent to the case (S-4.6). */
  forces: z.array(Id).default([]),
  tier: Tier.default('micro'),
  /** Milestones, for SLA clocks and KPIs. */
  registeredAt: time.nullable().default(null),
  dispatchedAt: time.nullable().default(null),
  acceptedAt: time.nullable().default(null),
  onSceneAt: time.nullable().default(null),
  handledAt: time.nullable().default(null),
  verifiedAt: time.nullable().default(null),
  closedAt: time.nullable().default(null),
  evaluatedAt: time.nullable().default(null),
  /** State to go back to when a suspension ends. */
  suspendedFrom: CaseState.nullable().default(null),
  suspendedUntil: time.nullable().default(null),
  satisfaction: Satisfaction.nullable().default(null),
  /** 实际解决: the callback confirmed the problem is really solved. */
  resolved: z.boolean().nullable().default(null),
  /** Handled by the grid's own first-line forces, without escalation or enforcement (网格自行处置). */
  selfHandled: z.boolean().default(false),
  duplicateOf: Id.nullable().default(null),
  returns: z.number().int().nonnegative().default(0),
  reopens: z.number().int().nonnegative().default(0),
  /** Verifications that failed and sent the case back to its forces (返工). */
  reworks: z.number().int().nonnegative().optional(),
  /** Suspension periods (挂起/延期), which pause the SLA clocks; `to` is null while the case is suspended. */
  suspensions: z.array(z.object({ from: time, to: time.nullable() })).optional(),
});
export type CaseView = z.infer<typeof CaseView>;

const attachments = z.array(text(200).min(1)).max(20).default([]);

/** Everything that can be done to a case after intake (S-4.2, S-4.4, S-4.5, S-4.7). */
export const CaseAction = z.discriminatedUnion('action', [
  z.object({ action: z.literal('register'), dueAt: time.optional() }),
  z.object({ action: z.literal('reject'), reason }),
  z.object({
    action: z.literal('dispatch'), lead: Department, assisting: z.array(Department).max(4).default([]),
    forces: z.array(Id).max(20).default([]), dutyRule: DutyRule.default('clear'),
  }),
  z.object({ action: z.literal('accept') }),
  z.object({ action: z.literal('arrive') }),
  z.object({ action: z.literal('handle'), note: reason, attachments, selfHandled: z.boolean().default(false) }),
  z.object({ action: z.literal('verify'), passed: z.boolean(), note: text(500).default('') }),
  z.object({ action: z.literal('close'), note: text(500).default('') }),
  z.object({ action: z.literal('evaluate'), satisfaction: Satisfaction, resolved: z.boolean(), note: text(500).default('') }),
  z.object({ action: z.literal('return'), reason }),
  z.object({ action: z.literal('escalate'), reason }),
  z.object({ action: z.literal('suspend'), reason, until: time }),
  z.object({ action: z.literal('resume') }),
  z.object({ action: z.literal('reopen'), reason }),
  z.object({ action: z.literal('designate'), lead: Department, reason }),
  z.object({ action: z.literal('merge'), into: Id }),
  /** 撤单: the district platform withdrew the ticket (S-7.4); the centre records it. */
  z.object({ action: z.literal('cancel'), reason }),
  /** The district changed its ticket (later deadline, more description, another grade) or numbered a case the
   *  hall reported, or the operator placed on the map a case whose address the gazetteer could not: the case's
   *  facts change, its state does not. With a location the hall sets the micro grid itself. */
  z.object({
    action: z.literal('amend'), note: text(500).default(''), dueAt: time.optional(), description: text(4000).optional(),
    urgency: z.string().regex(/^[a-z][a-zA-Z0-9]{0,31}$/).optional(), externalId: text(80).optional(),
    location: LonLat.optional(), gridId: Id.optional(),
  }),
]);
export type CaseAction = z.infer<typeof CaseAction>;
export type CaseActionName = CaseAction['action'];
