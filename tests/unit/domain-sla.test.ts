import { describe, expect, it } from 'vitest';
import { HOUR, MINUTE, beijing } from '../../electron/common/domain/beijing-time.ts';
import { newCase } from '../../electron/common/domain/case-intake.ts';
import type { CaseState, CaseView } from '../../electron/common/domain/case-model.ts';
import * as sla from '../../electron/common/domain/sla.ts';
import { DEFAULT_SLA_POLICY } from '../../electron/common/domain/sla.ts';

// Seed 001's two classes unless a test names another policy.
const slaStatus = (v: CaseView, now: number, p: SlaPolicy = DEFAULT_SLA_POLICY) => sla.slaStatus(v, now, p);
const slaDeadline = (v: CaseView, clock: sla.SlaClock, p: SlaPolicy = DEFAULT_SLA_POLICY) => sla.slaDeadline(v, clock, p);
const activeClock = (v: CaseView, p: SlaPolicy = DEFAULT_SLA_POLICY) => sla.activeClock(v, p);
import type { SlaPolicy } from '../../electron/common/domain/sla.ts';

const MS = 1;
const MON_10 = beijing('2026-11-23', '10:00');

function registered(at: number, urgency: 'urgent' | 'general', extra: Partial<CaseView> = {}): CaseView {
  const view = newCase(
    { title: '窨井盖缺失', description: '', source: 'patrol', urgency, category: '设施管理', address: '', gridId: 'M-001' },
    { id: 'c1', no: 1, at: at - MINUTE, seat: null },
  );
  return { ...view, state: 'registered', registeredAt: at, ...extra };
}

const levelAt = (view: CaseView, now: number) => {
  const s = slaStatus(view, now);
  return s.clock === null ? null : [s.clock, s.level, s.remainingMs] as const;
};

describe('urgent: on scene within 15 min of registration', () => {
  const view = registered(MON_10, 'urgent');

  it('runs the onScene clock, yellow with 5 min left (20 % of 15 min is less than the 5-min minimum)', () => {
    expect(slaStatus(view, MON_10)).toEqual({
      clock: 'onScene', deadline: MON_10 + 15 * MINUTE, nearDueAt: MON_10 + 10 * MINUTE, remainingMs: 15 * MINUTE, level: 'normal',
    });
    expect(levelAt(view, MON_10 + 10 * MINUTE - MS)).toEqual(['onScene', 'normal', 5 * MINUTE + MS]);
    expect(levelAt(view, MON_10 + 10 * MINUTE)).toEqual(['onScene', 'nearDue', 5 * MINUTE]);
    expect(levelAt(view, MON_10 + 15 * MINUTE - MS)).toEqual(['onScene', 'nearDue', MS]);
    expect(levelAt(view, MON_10 + 15 * MINUTE)).toEqual(['onScene', 'nearDue', 0]);
    expect(levelAt(view, MON_10 + 15 * MINUTE + MS)).toEqual(['onScene', 'overdue', -MS]);
  });

  it('stops on arrival and runs the 1-h result clock, yellow at 20 % (12 min) left', () => {
    const onScene = { ...view, state: 'onScene' as const, onSceneAt: MON_10 + 14 * MINUTE };
    expect(slaStatus(onScene, MON_10 + 20 * MINUTE)).toMatchObject({ clock: 'result', deadline: MON_10 + HOUR, nearDueAt: MON_10 + 48 * MINUTE });
    expect(levelAt(onScene, MON_10 + 48 * MINUTE - MS)?.[1]).toBe('normal');
    expect(levelAt(onScene, MON_10 + 48 * MINUTE)?.[1]).toBe('nearDue');
    expect(levelAt(onScene, MON_10 + HOUR)).toEqual(['result', 'nearDue', 0]);
    expect(levelAt(onScene, MON_10 + HOUR + MS)).toEqual(['result', 'overdue', -MS]);
  });

  it('a late arrival still moves on to the result clock', () => {
    const late = { ...view, state: 'onScene' as const, onSceneAt: MON_10 + 20 * MINUTE };
    expect(activeClock(late)).toBe('result');
    expect(slaDeadline(late, 'onScene')!.deadline).toBeLessThan(late.onSceneAt);
  });

  it('after the result, the due clock runs to closure (the ticket deadline when there is one)', () => {
    const handled = { ...view, state: 'handled' as const, onSceneAt: MON_10 + 10 * MINUTE, handledAt: MON_10 + 50 * MINUTE };
    expect(slaStatus(handled, MON_10 + HOUR)).toMatchObject({ clock: 'due', deadline: beijing('2026-11-26', '10:00') });
    const ticket = { ...handled, dueAt: MON_10 + 2 * HOUR };
    expect(slaStatus(ticket, MON_10 + HOUR)).toMatchObject({ clock: 'due', deadline: MON_10 + 2 * HOUR, nearDueAt: MON_10 + 2 * HOUR - 24 * MINUTE });
  });

  it('a suspension moves the deadline by the suspended time', () => {
    const resumed = { ...view, state: 'dispatched' as const, suspensions: [{ from: MON_10 + 5 * MINUTE, to: MON_10 + 35 * MINUTE }] };
    expect(slaStatus(resumed, MON_10 + 36 * MINUTE)).toMatchObject({
      clock: 'onScene', deadline: MON_10 + 45 * MINUTE, nearDueAt: MON_10 + 40 * MINUTE, level: 'normal',
    });
    expect(levelAt(resumed, MON_10 + 40 * MINUTE)?.[1]).toBe('nearDue');
    expect(levelAt(resumed, MON_10 + 45 * MINUTE + MS)?.[1]).toBe('overdue');
  });

  it('a suspension begun while yellow leaves the case yellow after resuming', () => {
    const resumed = { ...view, state: 'dispatched' as const, suspensions: [{ from: MON_10 + 12 * MINUTE, to: MON_10 + 112 * MINUTE }] };
    expect(slaStatus(resumed, MON_10 + 112 * MINUTE)).toMatchObject({ level: 'nearDue', remainingMs: 3 * MINUTE });
  });
});

describe('which clock runs', () => {
  it.each<[CaseState, boolean]>([
    ['reported', false], ['registered', true], ['rejected', false], ['dispatched', true], ['onScene', true], ['handled', true],
    ['verified', true], ['closed', false], ['evaluated', false], ['returned', true], ['escalated', true], ['suspended', false],
    ['reopened', true],
  ])('%s runs a clock: %s', (state, runs) => {
    expect(activeClock({ ...registered(MON_10, 'general'), state }) !== null).toBe(runs);
  });

  it('no clock before registration', () => {
    const view = { ...registered(MON_10, 'urgent'), registeredAt: null };
    expect(slaStatus(view, MON_10)).toEqual({ clock: null });
    expect(slaDeadline(view, 'onScene')).toBeNull();
  });

  it('a closed case keeps its deadline for KPIs (按时办结)', () => {
    const closed = { ...registered(MON_10, 'general'), state: 'closed' as const, closedAt: beijing('2026-11-25', '09:00') };
    expect(slaStatus(closed, closed.closedAt)).toEqual({ clock: null });
    expect(slaDeadline(closed, 'due')!.deadline).toBeGreaterThan(closed.closedAt);
  });
});

describe('general: working-day deadlines (3 working days, office hours Mon–Fri 08:30–17:30 Beijing time)', () => {
  const dueOf = (at: number, policy: SlaPolicy = DEFAULT_SLA_POLICY) => slaDeadline(registered(at, 'general'), 'due', policy)!.deadline;

  it.each([
    ['Mon 10:00 → Thu 10:00', beijing('2026-11-23', '10:00'), beijing('2026-11-26', '10:00')],
    ['Fri 17:20 → runs 10 min, then Mon–Wed → Wed 17:20', beijing('2026-11-20', '17:20'), beijing('2026-11-25', '17:20')],
    ['Fri 17:29:59.999 → Wed 17:29:59.999', beijing('2026-11-20', '17:30') - MS, beijing('2026-11-25', '17:30') - MS],
    ['Fri 17:30 (closed) → Mon 08:30 start → Wed 17:30', beijing('2026-11-20', '17:30'), beijing('2026-11-25', '17:30')],
    ['Fri 17:30:00.001 → Wed 17:30', beijing('2026-11-20', '17:30') + MS, beijing('2026-11-25', '17:30')],
    ['Sat 10:00 → Wed 17:30', beijing('2026-11-21', '10:00'), beijing('2026-11-25', '17:30')],
    ['Sun 23:59 → Wed 17:30', beijing('2026-11-22', '23:59'), beijing('2026-11-25', '17:30')],
    ['Mon 08:29:59.999 → Wed 17:30', beijing('2026-11-23', '08:30') - MS, beijing('2026-11-25', '17:30')],
    ['Mon 08:30 → Wed 17:30 (never Thu 08:30)', beijing('2026-11-23', '08:30'), beijing('2026-11-25', '17:30')],
    ['Mon 08:30:00.001 → Thu 08:30:00.001', beijing('2026-11-23', '08:30') + MS, beijing('2026-11-26', '08:30') + MS],
    ['Mon 20:00 (night) → Thu 17:30', beijing('2026-11-23', '20:00'), beijing('2026-11-26', '17:30')],
    ['Wed 12:00 → over the weekend → Mon 12:00', beijing('2026-11-25', '12:00'), beijing('2026-11-30', '12:00')],
  ])('%s', (_name, at, deadline) => expect(dueOf(at)).toBe(deadline));

  it('per-source and per-category defaults (category wins), and holidays', () => {
    const policy: SlaPolicy = { ...DEFAULT_SLA_POLICY, general: { workingDays: 3, bySource: { patrol: 5 }, byCategory: {} } };
    expect(dueOf(MON_10, policy)).toBe(beijing('2026-11-30', '10:00'));
    const byCategory: SlaPolicy = { ...policy, general: { ...policy.general, byCategory: { 设施管理: 1 } } };
    expect(dueOf(MON_10, byCategory)).toBe(beijing('2026-11-24', '10:00'));
    const holiday: SlaPolicy = { ...DEFAULT_SLA_POLICY, officeHours: { ...DEFAULT_SLA_POLICY.officeHours, holidays: ['2026-11-24'] } };
    expect(dueOf(MON_10, holiday)).toBe(beijing('2026-11-27', '10:00'));
  });

  it('turns yellow with 20 % of the working time left (5 h 24 min of 27 h) and red only after the deadline', () => {
    const view = registered(MON_10, 'general');
    const yellow = beijing('2026-11-25', '13:36');
    const deadline = beijing('2026-11-26', '10:00');
    expect(slaStatus(view, yellow - MS)).toMatchObject({ clock: 'due', level: 'normal', nearDueAt: yellow, deadline });
    expect(levelAt(view, yellow)?.[1]).toBe('nearDue');
    expect(levelAt(view, beijing('2026-11-25', '22:00'))?.[1]).toBe('nearDue');
    expect(levelAt(view, deadline)).toEqual(['due', 'nearDue', 0]);
    expect(levelAt(view, deadline + MS)).toEqual(['due', 'overdue', -MS]);
  });

  it('is overdue at night after a deadline at closing time, although no office time passes', () => {
    const view = registered(beijing('2026-11-23', '08:30'), 'general');
    expect(levelAt(view, beijing('2026-11-25', '17:30'))?.[1]).toBe('nearDue');
    expect(levelAt(view, beijing('2026-11-25', '17:30') + MS)?.[1]).toBe('overdue');
    expect(levelAt(view, beijing('2026-11-25', '22:00'))?.[1]).toBe('overdue');
  });

  it('a suspension moves a working-day deadline by the office time it covered', () => {
    const view = { ...registered(MON_10, 'general'), suspensions: [{ from: beijing('2026-11-23', '17:00'), to: beijing('2026-11-24', '09:30') }] };
    expect(slaDeadline(view, 'due')!.deadline).toBe(beijing('2026-11-26', '11:30'));
    const weekend = { ...registered(MON_10, 'general'), suspensions: [{ from: beijing('2026-11-28', '09:00'), to: beijing('2026-11-29', '18:00') }] };
    expect(slaDeadline(weekend, 'due')!.deadline).toBe(beijing('2026-11-26', '10:00'));
  });

  it('a ticket deadline is wall-clock time and moves by the wall time suspended', () => {
    const view = { ...registered(MON_10, 'general'), dueAt: MON_10 + 48 * HOUR, suspensions: [{ from: MON_10 + HOUR, to: MON_10 + 4 * HOUR }] };
    expect(slaStatus(view, MON_10 + 5 * HOUR)).toMatchObject({ clock: 'due', deadline: MON_10 + 51 * HOUR, nearDueAt: MON_10 + 51 * HOUR - 9.6 * HOUR });
  });

  it('a ticket deadline already past at registration is overdue at once', () => {
    const view = { ...registered(MON_10, 'general'), dueAt: MON_10 - HOUR };
    expect(slaStatus(view, MON_10)).toMatchObject({ deadline: MON_10 - HOUR, nearDueAt: MON_10 - HOUR, level: 'overdue' });
  });
});
