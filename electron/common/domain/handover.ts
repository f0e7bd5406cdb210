// 交接班: the brief the incoming commander gets at each shift change — who hands over to whom, the open cases by
// SLA state (红灯超时 first), the urgent and escalated ones, the forces by department and status, what happened
// in the outgoing shift that the next commander must know (cases rejected, escalated, suspended or reopened,
// urgent cases reported) and, for a night shift, who of each department is on standby. Pure: cases, forces,
// the outgoing shift's acts and the roster in, the brief out. The hall stores it as an event, so what the
// commander was handed stays on record exactly as it was.
import { z } from 'zod';
import { CaseState, DepartmentId, Id, UrgencyId, type CaseView } from './case-model.ts';
import type { ForceStatus, ForceView } from './force-model.ts';
import { commanderOf, shiftKey, type Shift } from './duty.ts';
import { DutyPerson, StandbyPerson, rosterDayOf, type Roster } from './roster.ts';
import { slaStatus, type SlaPolicy } from './sla.ts';
import { isClosed, isCounted } from '../kpi/kpi-definitions.ts';

/** Cases listed per section; the rest are counted. */
export const BRIEF_LIST_MAX = 30;

export const NOTABLE_ACTIONS = ['reject', 'escalate', 'suspend', 'reopen'] as const;
export type NotableAction = (typeof NOTABLE_ACTIONS)[number];

const time = z.number().int();
const count = z.number().int().nonnegative();

const BriefShift = z.object({
  shift: z.enum(['day', 'night']), date: z.string(), from: time, until: time,
  commander: DutyPerson.nullable(),
});

export const BriefCase = z.object({
  id: Id, no: z.number().int(), title: z.string(), urgency: UrgencyId, state: CaseState, lead: DepartmentId.nullable(),
  /** The running SLA clock's deadline, null when none runs. */
  deadline: time.nullable(),
  level: z.enum(['normal', 'nearDue', 'overdue']).nullable(),
});
export type BriefCase = z.infer<typeof BriefCase>;

const CaseList = z.object({ cases: z.array(BriefCase), more: count });

export const NotableEvent = z.object({
  at: time,
  kind: z.enum([...NOTABLE_ACTIONS, 'urgent']),
  caseId: Id, no: z.number().int(), title: z.string(),
  /** The act's reason; absent for an urgent case reported. */
  reason: z.string().optional(),
});
export type NotableEvent = z.infer<typeof NotableEvent>;

export const HandoverBrief = z.object({
  /** The incoming shift's key (duty.ts shiftKey). */
  key: z.string(),
  generatedAt: time,
  incoming: BriefShift,
  outgoing: BriefShift,
  open: z.object({ total: count, overdue: count, nearDue: count, normal: count, noClock: count }),
  byState: z.array(z.object({ state: CaseState, count })),
  redLights: CaseList,
  nearDue: CaseList,
  urgent: CaseList,
  escalated: CaseList,
  forces: z.array(z.object({ department: DepartmentId, available: count, enRoute: count, onScene: count, offDuty: count })),
  notable: z.object({ events: z.array(NotableEvent), more: count }),
  /** For a night shift: who of each department stands by (备勤); empty for a day shift. */
  standby: z.array(z.object({ department: DepartmentId, person: StandbyPerson })),
});
export type HandoverBrief = z.infer<typeof HandoverBrief>;

/** A notable act of the outgoing shift, as read from the log. */
export interface ShiftAct { at: number; caseId: string; action: NotableAction; reason: string }

export interface HandoverInput {
  incoming: Shift;
  outgoing: Shift;
  roster: Roster;
  cases: readonly CaseView[];
  forces: readonly ForceView[];
  /** The outgoing shift's rejections, escalations, suspensions and reopenings, in any order. */
  acts: readonly ShiftAct[];
  policy: SlaPolicy;
  isUrgent(grade: string): boolean;
  /** The site's departments in their order, for the forces table. */
  departments: readonly string[];
  now: number;
}

const listOf = (cases: readonly BriefCase[]) => ({ cases: cases.slice(0, BRIEF_LIST_MAX), more: Math.max(0, cases.length - BRIEF_LIST_MAX) });

export function buildHandoverBrief(input: HandoverInput): HandoverBrief {
  const { now, policy } = input;
  const open = input.cases.filter((c) => isCounted(c) && !isClosed(c));
  const brief = open.map((c): BriefCase => {
    const sla = slaStatus(c, now, policy);
    return {
      id: c.id, no: c.no, title: c.title, urgency: c.urgency, state: c.state, lead: c.lead,
      deadline: sla.clock ? sla.deadline : null, level: sla.clock ? sla.level : null,
    };
  });
  // Soonest deadline first (the most overdue on top); cases without a clock after, oldest first.
  brief.sort((a, b) => (a.deadline ?? Infinity) - (b.deadline ?? Infinity) || a.no - b.no);
  const level = (l: BriefCase['level']) => brief.filter((c) => c.level === l);

  const states = new Map<CaseState, number>();
  for (const c of open) states.set(c.state, (states.get(c.state) ?? 0) + 1);

  const statuses: ForceStatus[] = ['available', 'enRoute', 'onScene', 'offDuty'];
  const forces = input.departments.flatMap((department) => {
    const own = input.forces.filter((f) => f.department === department);
    if (own.length === 0) return [];
    const by = Object.fromEntries(statuses.map((s) => [s, own.filter((f) => f.status === s).length])) as Record<ForceStatus, number>;
    return [{ department, ...by }];
  });

  const byId = new Map(input.cases.map((c) => [c.id, c]));
  const { from, until } = input.outgoing;
  const notable: NotableEvent[] = [
    ...input.acts.flatMap((a) => {
      const c = byId.get(a.caseId);
      return c && a.at >= from && a.at < until ? [{ at: a.at, kind: a.action, caseId: c.id, no: c.no, title: c.title, reason: a.reason }] : [];
    }),
    ...input.cases
      .filter((c) => input.isUrgent(c.urgency) && c.createdAt >= from && c.createdAt < until)
      .map((c) => ({ at: c.createdAt, kind: 'urgent' as const, caseId: c.id, no: c.no, title: c.title })),
  ].sort((a, b) => a.at - b.at);

  const shift = (s: Shift) => ({ shift: s.shift, date: s.date, from: s.from, until: s.until, commander: commanderOf(s, input.roster)?.commander ?? null });
  const incoming = input.incoming;
  return {
    key: shiftKey(incoming),
    generatedAt: now,
    incoming: shift(incoming),
    outgoing: shift(input.outgoing),
    open: { total: open.length, overdue: level('overdue').length, nearDue: level('nearDue').length, normal: level('normal').length, noClock: level(null).length },
    byState: CaseState.options.flatMap((state) => (states.has(state) ? [{ state, count: states.get(state)! }] : [])),
    redLights: listOf(level('overdue')),
    nearDue: listOf(level('nearDue')),
    urgent: listOf(brief.filter((c) => input.isUrgent(c.urgency))),
    escalated: listOf(brief.filter((c) => c.state === 'escalated')),
    forces,
    notable: { events: notable.slice(-BRIEF_LIST_MAX * 2), more: Math.max(0, notable.length - BRIEF_LIST_MAX * 2) },
    standby: incoming.shift === 'night' ? rosterDayOf(incoming.date, input.roster).standby.map(({ department, person }) => ({ department, person })) : [],
  };
}
