import { describe, expect, it } from 'vitest';
import { DAY, beijing } from '../../electron/common/domain/beijing-time.ts';
import { newCase } from '../../electron/common/domain/case-intake.ts';
import type { CaseView } from '../../electron/common/domain/case-model.ts';
import { LADDER, LADDER_MOTTOS, escalationAdvice, nextTier } from '../../electron/common/domain/escalation.ts';

const MS = 1;
const REPORTED = beijing('2026-11-23', '10:00');
const view: CaseView = {
  ...newCase(
    { title: '楼道堆物', description: '', source: 'patrol', urgency: 'general', category: '安全隐患', address: '', gridId: 'M-007' },
    { id: 'c1', no: 1, at: REPORTED, seat: null },
  ),
  state: 'dispatched',
  registeredAt: REPORTED + 60_000,
};

describe('the ladder', () => {
  it('goes micro → small → zone → street → district and stops there', () => {
    expect(LADDER).toEqual(['micro', 'small', 'zone', 'street', 'district']);
    expect(LADDER.map(nextTier)).toEqual(['small', 'zone', 'street', 'district', null]);
    expect(Object.values(LADDER_MOTTOS)).toEqual(['矛盾不出微网', '小事不出小网', '难事不出中网']);
  });
});

describe('residential rule: 1–3 days self-governance, then enforcement finishes within 4 more', () => {
  const join = REPORTED + 3 * DAY;
  const finish = REPORTED + 7 * DAY;

  it.each([
    ['at report', REPORTED, 'selfGovernance'],
    ['day 3 minus 1 ms', join - MS, 'selfGovernance'],
    ['day 3 exactly: enforcement joins', join, 'enforcementJoined'],
    ['day 3 plus 1 ms', join + MS, 'enforcementJoined'],
    ['day 7 minus 1 ms', finish - MS, 'enforcementJoined'],
    ['day 7 exactly: last instant on time', finish, 'enforcementJoined'],
    ['day 7 plus 1 ms: overdue', finish + MS, 'overdue'],
  ] as const)('%s → %s', (_name, now, stage) => {
    expect(escalationAdvice(view, 'residential', now)).toEqual({ stage, joinEnforcementAt: join, finishBy: finish, nextTier: 'small' });
  });

  it('counts calendar days: weekends count', () => {
    expect(escalationAdvice(view, 'residential', beijing('2026-11-26', '10:00'))?.stage).toBe('enforcementJoined');
    expect(escalationAdvice(view, 'residential', beijing('2026-11-30', '10:00') + MS)?.stage).toBe('overdue');
  });

  it('names the next tier up from where the case is', () => {
    expect(escalationAdvice({ ...view, tier: 'zone' }, 'residential', REPORTED)?.nextTier).toBe('street');
    expect(escalationAdvice({ ...view, tier: 'district' }, 'residential', REPORTED)?.nextTier).toBeNull();
  });

  it('takes a configured rule', () => {
    expect(escalationAdvice(view, 'residential', REPORTED + DAY, { selfGovernanceMs: DAY, enforcementMs: DAY })).toMatchObject({
      stage: 'enforcementJoined', joinEnforcementAt: REPORTED + DAY, finishBy: REPORTED + 2 * DAY,
    });
  });

  it('does not apply outside residential grids, once handled, or to finished cases', () => {
    expect(escalationAdvice(view, 'streetfront', REPORTED)).toBeNull();
    expect(escalationAdvice(view, 'extended', REPORTED)).toBeNull();
    expect(escalationAdvice({ ...view, state: 'handled', handledAt: REPORTED + DAY }, 'residential', finish + DAY)).toBeNull();
    for (const state of ['rejected', 'closed', 'evaluated'] as const) {
      expect(escalationAdvice({ ...view, state }, 'residential', REPORTED)).toBeNull();
    }
  });
});
