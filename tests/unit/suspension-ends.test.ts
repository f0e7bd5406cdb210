// 挂起/延期 ends by itself (electron/hall/suspension-ends.ts, suspensionEnd in case-lifecycle.ts): over a real
// SQLite store and event log, a suspended case goes back to where it was once its date has passed, dated
// when the suspension ended (so its SLA clocks stood still exactly that long: domain-sla.test.ts), and once.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { suspensionEnd } from '../../electron/common/domain/case-lifecycle.ts';
import type { CaseAction, CaseDraft, CaseView, HallEvent } from '../../electron/common/protocol.ts';
import { caseCreatedSpec } from '../../electron/hall/commands.ts';
import { createEventLog, type Appended } from '../../electron/hall/event-log.ts';
import { loadCase } from '../../electron/hall/store/case-table.ts';
import { openStore } from '../../electron/hall/store/database.ts';
import { resumeEndedSuspensions } from '../../electron/hall/suspension-ends.ts';
import { tempDataDir } from '../helpers/hall-process.ts';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 10, 23, 2); // a Monday, 10:00 in Beijing
const draft: CaseDraft = { title: '井盖缺失', description: '', source: 'patrol', urgency: 'general', category: '设施管理', address: '中山街道' };

function hallWithSuspendedCase() {
  const store = openStore(join(tempDataDir('suspension-'), 'hall.db'));
  const events = createEventLog(store);
  const created = events.append(caseCreatedSpec(draft, { origin: 'hall', seat: 'console-1', at: T0 }));
  const id = (created.event as Extract<HallEvent, { type: 'case.created' }>).payload.id;
  const act = (a: CaseAction, from: CaseView['state'], to: CaseView['state'], at: number) =>
    events.append({ type: 'case.transitioned', origin: 'hall', seat: 'console-1', at, payload: () => ({ caseId: id, act: a, from, to }) });
  act({ action: 'register' }, 'reported', 'registered', T0);
  act({ action: 'dispatch', lead: 'urban', assisting: [], forces: [], dutyRule: 'clear' }, 'registered', 'dispatched', T0 + HOUR);
  act({ action: 'suspend', reason: '等待产权单位确认', until: T0 + 5 * HOUR }, 'dispatched', 'suspended', T0 + 2 * HOUR);
  return { store, events, id };
}

describe('suspensionEnd', () => {
  const suspended = { state: 'suspended', suspendedFrom: 'onScene', suspendedUntil: T0 + HOUR } as CaseView;
  it('is due from the suspension\'s end, back to the state it came from, dated then', () => {
    expect(suspensionEnd(suspended, T0)).toBeNull();
    expect(suspensionEnd(suspended, T0 + HOUR)).toEqual({ from: 'suspended', to: 'onScene', at: T0 + HOUR });
    expect(suspensionEnd(suspended, T0 + 9 * HOUR)).toEqual({ from: 'suspended', to: 'onScene', at: T0 + HOUR });
  });
  it('is never due for a case that is not suspended or whose suspension is unknown', () => {
    expect(suspensionEnd({ ...suspended, state: 'onScene' }, T0 + 9 * HOUR)).toBeNull();
    expect(suspensionEnd({ ...suspended, suspendedFrom: null }, T0 + 9 * HOUR)).toBeNull();
    expect(suspensionEnd({ ...suspended, suspendedUntil: null }, T0 + 9 * HOUR)).toBeNull();
  });
});

describe('resumeEndedSuspensions', () => {
  it('resumes a case once its suspension has ended, as the hall, dated when it ended, and only once', () => {
    const { store, events, id } = hallWithSuspendedCase();
    const sent: Appended[] = [];
    const lines: string[] = [];
    let now = T0 + 4 * HOUR;
    const deps = { store, events, now: () => now, broadcast: (a: Appended) => sent.push(a), log: (l: string) => lines.push(l) };
    expect(resumeEndedSuspensions(deps)).toBe(0);
    expect(loadCase(store, id)!.state).toBe('suspended');

    now = T0 + 7 * HOUR; // the hall looks two hours late (it was down)
    expect(resumeEndedSuspensions(deps)).toBe(1);
    const view = loadCase(store, id)!;
    expect(view).toMatchObject({ state: 'dispatched', suspendedFrom: null, suspendedUntil: null, suspensions: [{ from: T0 + 2 * HOUR, to: T0 + 5 * HOUR }] });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.event).toMatchObject({ type: 'case.transitioned', origin: 'hall', seat: null, at: T0 + 5 * HOUR, payload: { act: { action: 'resume' }, from: 'suspended', to: 'dispatched' } });
    expect(lines.join('\n')).toMatch(/resumed 1 case\(s\) whose suspension ended: #1/);

    expect(resumeEndedSuspensions(deps)).toBe(0);
    expect(sent).toHaveLength(1);
    expect(events.verifyChain()).toBeNull();
    store.close();
  });
});
