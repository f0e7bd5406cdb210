// The handover brief (electron/common/domain/handover.ts) over a fixture of cases at the change from Monday's
// day shift to its night shift, with the demo street's grades and SLA policy: the open cases by SLA state,
// the red lights, urgent and escalated ones, the forces, the outgoing shift's notable acts and the standby.
import { describe, expect, it } from 'vitest';
import { beijing, HOUR, MINUTE } from '../../electron/common/domain/beijing-time.ts';
import { newCase } from '../../electron/common/domain/case-intake.ts';
import type { CaseView } from '../../electron/common/domain/case-model.ts';
import { nextShift, shiftAt } from '../../electron/common/domain/duty.ts';
import type { ForceView } from '../../electron/common/domain/force-model.ts';
import { BRIEF_LIST_MAX, buildHandoverBrief, HandoverBrief, type ShiftAct } from '../../electron/common/domain/handover.ts';
import { RosterRotation, type Roster } from '../../electron/common/domain/roster.ts';
import { slaPolicyFor } from '../../electron/common/domain/sla.ts';
import { DEMO_SITE } from '../helpers/demo-site.ts';

const NOW = beijing('2026-11-23', '17:30') + 30_000; // Monday, half a minute into the night shift
const incoming = shiftAt(NOW);
const outgoing = shiftAt(NOW - HOUR);

let no = 0;
function caseOf(title: string, urgency: string, registeredAt: number | null, extra: Partial<CaseView> = {}): CaseView {
  const created = (registeredAt ?? NOW - HOUR) - MINUTE;
  const view = newCase({ title, description: '', source: 'patrol', urgency, category: '设施管理', address: '' }, { id: `c${++no}`, no, at: created, seat: null });
  return { ...view, state: registeredAt === null ? 'reported' : 'registered', registeredAt, ...extra };
}

const cases = {
  reopened: caseOf('窨井盖缺失', 'general', beijing('2026-11-18', '09:00'), { state: 'reopened', lead: 'admin' }),
  nearDue: caseOf('燃气泄漏气味', 'urgent', beijing('2026-11-23', '17:20'), { lead: 'police' }),
  normal: caseOf('垃圾满溢', 'general', beijing('2026-11-23', '10:00'), { state: 'dispatched', lead: 'urban' }),
  reported: caseOf('路灯不亮', 'minor', null),
  escalated: caseOf('违法搭建', 'general', beijing('2026-11-23', '09:00'), { state: 'escalated', lead: 'urban' }),
  suspended: caseOf('绿化带缺株', 'general', beijing('2026-11-20', '09:00'), { state: 'suspended', suspendedFrom: 'dispatched', suspendedUntil: NOW + 48 * HOUR }),
  closed: caseOf('共享单车乱停', 'general', beijing('2026-11-23', '09:00'), { state: 'closed', closedAt: beijing('2026-11-23', '15:00') }),
  rejected: caseOf('重复投诉', 'general', null, { state: 'rejected' }),
  rejectedBefore: caseOf('非本辖区', 'general', null, { state: 'rejected' }),
  urgentOverdue: caseOf('广告牌松动', 'urgent', beijing('2026-11-22', '20:00'), { lead: 'police' }),
};
const acts: ShiftAct[] = [
  { at: beijing('2026-11-23', '14:00'), caseId: cases.rejected.id, action: 'reject', reason: '与 #7 重复' },
  { at: beijing('2026-11-23', '09:00'), caseId: cases.reopened.id, action: 'reopen', reason: '回访不满意' },
  { at: beijing('2026-11-23', '11:00'), caseId: cases.escalated.id, action: 'escalate', reason: '需区城管执法' },
  { at: beijing('2026-11-23', '12:00'), caseId: cases.suspended.id, action: 'suspend', reason: '等待产权单位确认' },
  { at: beijing('2026-11-22', '14:00'), caseId: cases.rejectedBefore.id, action: 'reject', reason: '非本辖区' },
];
const force = (id: string, department: string, status: ForceView['status']): ForceView => ({
  id, name: id, department, gridId: 'S01', kind: 'patrol', shift: 'allDay', phone: '', device: '', status, position: null, positionAt: null,
});
const forces = [force('PA-1', 'police', 'available'), force('PA-2', 'police', 'enRoute'), force('PA-3', 'police', 'onScene'), force('CG-1', 'urban', 'offDuty')];

const person = (name: string, title: string) => ({ name, title, seat: null, phone: '021-57781001' });
const roster: Roster = {
  rotation: RosterRotation.parse({
    anchor: '2026-11-23', day: [person('王建华', '街道办事处主任')], night: [person('张伟', '派出所所长')],
    standby: { police: [{ name: '顾振宇', phone: '021-57783101' }], housing: [{ name: '冯丽华', phone: '021-57783401' }] },
  }),
  days: new Map(),
};

const input = {
  incoming, outgoing, roster, cases: Object.values(cases), forces, acts, policy: slaPolicyFor(DEMO_SITE.site),
  isUrgent: DEMO_SITE.isUrgent, departments: DEMO_SITE.site.departments.map((d) => d.id), now: NOW,
};

describe('the handover brief', () => {
  const brief = buildHandoverBrief(input);
  const nos = (list: { cases: Array<{ no: number }> }) => list.cases.map((c) => c.no);

  it('is valid by its own schema and says who hands over to whom', () => {
    expect(HandoverBrief.parse(brief)).toEqual(brief);
    expect(brief.key).toBe('2026-11-23-night');
    expect(brief.incoming).toMatchObject({ shift: 'night', date: '2026-11-23', from: beijing('2026-11-23', '17:30'), until: beijing('2026-11-24', '08:30'), commander: { name: '张伟' } });
    expect(brief.outgoing).toMatchObject({ shift: 'day', date: '2026-11-23', commander: { name: '王建华' } });
  });

  it('counts the open cases by SLA state; closed and rejected ones are not open', () => {
    expect(brief.open).toEqual({ total: 7, overdue: 2, nearDue: 1, normal: 2, noClock: 2 });
    expect(brief.byState).toEqual([
      { state: 'reported', count: 1 }, { state: 'registered', count: 2 }, { state: 'dispatched', count: 1 },
      { state: 'escalated', count: 1 }, { state: 'suspended', count: 1 }, { state: 'reopened', count: 1 },
    ]);
  });

  it('lists the red lights most overdue first, the near-due, the urgent and the escalated ones', () => {
    expect(nos(brief.redLights)).toEqual([cases.urgentOverdue.no, cases.reopened.no]);
    expect(brief.redLights.cases[0]).toMatchObject({ level: 'overdue', deadline: beijing('2026-11-22', '20:15'), lead: 'police', state: 'registered' });
    // Registered Wed 09:00, three working days of 9 h: Monday 09:00.
    expect(brief.redLights.cases[1]).toMatchObject({ deadline: beijing('2026-11-23', '09:00'), state: 'reopened' });
    expect(nos(brief.nearDue)).toEqual([cases.nearDue.no]);
    expect(nos(brief.urgent)).toEqual([cases.urgentOverdue.no, cases.nearDue.no]);
    expect(nos(brief.escalated)).toEqual([cases.escalated.no]);
  });

  it('recalls what the outgoing shift did that the next one must know, in order, and nothing from before', () => {
    expect(brief.notable).toEqual({
      more: 0,
      events: [
        { at: beijing('2026-11-23', '09:00'), kind: 'reopen', caseId: cases.reopened.id, no: cases.reopened.no, title: '窨井盖缺失', reason: '回访不满意' },
        { at: beijing('2026-11-23', '11:00'), kind: 'escalate', caseId: cases.escalated.id, no: cases.escalated.no, title: '违法搭建', reason: '需区城管执法' },
        { at: beijing('2026-11-23', '12:00'), kind: 'suspend', caseId: cases.suspended.id, no: cases.suspended.no, title: '绿化带缺株', reason: '等待产权单位确认' },
        { at: beijing('2026-11-23', '14:00'), kind: 'reject', caseId: cases.rejected.id, no: cases.rejected.no, title: '重复投诉', reason: '与 #7 重复' },
        { at: beijing('2026-11-23', '17:19'), kind: 'urgent', caseId: cases.nearDue.id, no: cases.nearDue.no, title: '燃气泄漏气味' },
      ],
    });
  });

  it('counts the forces by department in the site\'s order, and gives the night\'s standby', () => {
    expect(brief.forces).toEqual([
      { department: 'police', available: 1, enRoute: 1, onScene: 1, offDuty: 0 },
      { department: 'urban', available: 0, enRoute: 0, onScene: 0, offDuty: 1 },
    ]);
    expect(brief.standby).toEqual([
      { department: 'police', person: { name: '顾振宇', phone: '021-57783101' } }, { department: 'housing', person: { name: '冯丽华', phone: '021-57783401' } },
    ]);
  });

  it('has no standby for a day shift', () => {
    const day = buildHandoverBrief({ ...input, incoming: nextShift(incoming), outgoing: incoming, now: nextShift(incoming).from });
    expect(day.key).toBe('2026-11-24-day');
    expect(day.standby).toEqual([]);
    expect(day.notable.events.map((e) => e.kind), 'nothing happened that night').toEqual([]);
  });

  it('lists at most 30 cases a section and counts the rest', () => {
    const many = Array.from({ length: BRIEF_LIST_MAX + 12 }, (_, i) => caseOf(`积水 ${i}`, 'general', beijing('2026-11-10', '09:00')));
    const big = buildHandoverBrief({ ...input, cases: many, acts: [] });
    expect(big.open).toMatchObject({ total: 42, overdue: 42 });
    expect(big.redLights.cases).toHaveLength(BRIEF_LIST_MAX);
    expect(big.redLights.more).toBe(12);
  });

  it('names nobody where the roster has nobody', () => {
    const empty = buildHandoverBrief({ ...input, roster: { rotation: null, days: new Map() } });
    expect(empty.incoming.commander).toBeNull();
    expect(empty.standby).toEqual([]);
  });
});
