// The reconciliation rules (docs/upstream-protocol.md) as pure decisions, and what of the hall's log goes up.
import { describe, expect, it } from 'vitest';
import { newCase } from '../../electron/common/domain/case-intake.ts';
import type { CaseView } from '../../electron/common/domain/case-model.ts';
import type { HallEvent } from '../../electron/common/protocol.ts';
import { decideDown } from '../../electron/common/reconcile/down-rules.ts';
import { provisionalNo, upBodyFor } from '../../electron/common/reconcile/outbound.ts';
import { UpBody, upstreamSocketUrl } from '../../electron/common/upstream-protocol.ts';

const T0 = Date.UTC(2026, 11, 3, 1, 0);
const knownGrade = (u: string) => ['urgent', 'major', 'general', 'minor'].includes(u);
let no = 0;
function caseOf(extra: Partial<CaseView> = {}): CaseView {
  const view = newCase({ title: '占道堆物', description: '', source: 'hotline12345', urgency: 'general', category: '市容环境', address: '荣乐东路501号' }, { id: `c${++no}`, no, at: T0, seat: null });
  return { ...view, externalId: `SJ-${no}`, ...extra };
}

describe('reconciliation rules for what comes down', () => {
  it('rule 1: a cancellation of a case the hall closed meanwhile is applied, and raised for the commander', () => {
    const closed = caseOf({ state: 'closed', closedAt: T0 + 3_600_000 });
    const d = decideDown({ kind: 'ticket.cancel', ticketNo: closed.externalId!, at: T0 + 4_000_000, reason: '市民撤诉' }, closed, undefined, knownGrade);
    expect(d.outcome).toBe('conflict');
    expect(d.acts).toEqual([{ caseId: closed.id, act: { action: 'cancel', reason: '区平台撤单：市民撤诉' } }]);
    expect(d.conflict).toMatchObject({ rule: 'cancelAfterClose', caseId: closed.id, ticketNo: closed.externalId });
  });

  it('a cancellation of an open case is simply applied, and of a cancelled one is known', () => {
    const open = caseOf({ state: 'dispatched' });
    expect(decideDown({ kind: 'ticket.cancel', ticketNo: open.externalId!, at: T0, reason: '重复' }, open, undefined, knownGrade)).toEqual({ outcome: 'applied', acts: [{ caseId: open.id, act: { action: 'cancel', reason: '区平台撤单：重复' } }] });
    const gone = caseOf({ state: 'cancelled' });
    expect(decideDown({ kind: 'ticket.cancel', ticketNo: gone.externalId!, at: T0, reason: '重复' }, gone, undefined, knownGrade)).toEqual({ outcome: 'known', acts: [] });
  });

  it('rule 2: a deadline the hall set later than the district\'s change is kept, the rest applied, and raised', () => {
    const registered = caseOf({ state: 'registered', registeredAt: T0 + 60_000, dueAt: T0 + 86_400_000 });
    const d = decideDown({ kind: 'ticket.update', ticketNo: registered.externalId!, at: T0, dueAt: T0 + 3_600_000, description: '补充：夜间施工' }, registered, undefined, knownGrade);
    expect(d.outcome).toBe('conflict');
    expect(d.acts[0]!.act).toMatchObject({ action: 'amend', description: '补充：夜间施工' });
    expect(d.acts[0]!.act).not.toHaveProperty('dueAt');
    expect(d.conflict?.rule).toBe('sameField');
  });

  it('a later district change wins the deadline; an unknown urgency grade is not taken', () => {
    const registered = caseOf({ state: 'registered', registeredAt: T0, dueAt: T0 + 86_400_000 });
    const later = decideDown({ kind: 'ticket.update', ticketNo: registered.externalId!, at: T0 + 60_000, dueAt: T0 + 2 * 86_400_000 }, registered, undefined, knownGrade);
    expect(later).toMatchObject({ outcome: 'applied', acts: [{ act: { action: 'amend', dueAt: T0 + 2 * 86_400_000 } }] });
    const odd = decideDown({ kind: 'ticket.update', ticketNo: registered.externalId!, at: T0 + 60_000, urgency: '特急' }, registered, undefined, knownGrade);
    expect(odd.outcome).toBe('conflict');
    expect(odd.acts[0]!.act).not.toHaveProperty('urgency');
  });

  it('a change to a finished case is applied as a note and raised', () => {
    const closed = caseOf({ state: 'evaluated' });
    const d = decideDown({ kind: 'ticket.update', ticketNo: closed.externalId!, at: T0, description: '补充' }, closed, undefined, knownGrade);
    expect(d).toMatchObject({ outcome: 'conflict', conflict: { rule: 'sameField', caseId: closed.id } });
  });

  it('rule 3: a ticket re-sent after the hall merged it goes onto the case it was merged into, not opened again', () => {
    const into = caseOf({ state: 'dispatched' });
    const merged = caseOf({ state: 'rejected', duplicateOf: into.id });
    const d = decideDown({ kind: 'ticket.new', ticket: { ticketNo: merged.externalId!, source: 'hotline12345', title: '占道堆物', description: '', address: '荣乐东路501号', category: '市容环境', urgency: 'general', reportedAt: T0 } }, merged, into, knownGrade);
    expect(d.open).toBeUndefined();
    expect(d.acts.map((a) => a.caseId)).toEqual([into.id]);
    expect(d.conflict).toMatchObject({ rule: 'resentAfterMerge', caseId: into.id });
  });

  it('a new ticket is opened once: again it is known', () => {
    const ticket = { ticketNo: 'SJ-NEW-1', source: 'hotline12345', title: '路灯不亮', description: '', address: '玉树路12号', category: '设施管理', urgency: 'minor', reportedAt: T0 } as const;
    expect(decideDown({ kind: 'ticket.new', ticket }, undefined, undefined, knownGrade)).toMatchObject({ outcome: 'created', open: ticket });
    expect(decideDown({ kind: 'ticket.new', ticket }, caseOf({ externalId: 'SJ-NEW-1' }), undefined, knownGrade)).toEqual({ outcome: 'known', acts: [] });
  });

  it('rule 4: a change or cancellation of a ticket the hall never had applies nothing and is raised', () => {
    for (const body of [{ kind: 'ticket.update', ticketNo: 'SJ-X', at: T0, description: 'x' }, { kind: 'ticket.cancel', ticketNo: 'SJ-X', at: T0, reason: 'x' }] as const) {
      expect(decideDown(body, undefined, undefined, knownGrade)).toMatchObject({ outcome: 'conflict', acts: [], conflict: { rule: 'unknownTicket', caseId: null, ticketNo: 'SJ-X' } });
    }
  });

  it('the district\'s number replaces the provisional one by an amend that keeps the case id', () => {
    const mine = caseOf({ externalId: undefined });
    expect(decideDown({ kind: 'case.numbered', caseId: mine.id, ticketNo: 'SJ-9' }, mine, undefined, knownGrade)).toEqual({
      outcome: 'applied', acts: [{ caseId: mine.id, act: { action: 'amend', note: '区平台编号 SJ-9', externalId: 'SJ-9' } }],
    });
    expect(decideDown({ kind: 'case.numbered', caseId: mine.id, ticketNo: 'SJ-9' }, { ...mine, externalId: 'SJ-9' }, undefined, knownGrade).outcome).toBe('known');
  });
});

describe('what goes up', () => {
  const base = { seq: 1, id: 'e1', at: T0, seat: 'console-1', origin: 'hall' } as const;
  const created = (c: CaseView, origin: HallEvent['origin'] = 'hall') => ({ ...base, origin, type: 'case.created', payload: c }) as HallEvent;

  it('the hall\'s own case goes up with its provisional number; nothing that came down goes back', () => {
    const mine = caseOf({ externalId: undefined });
    expect(upBodyFor(created(mine), mine, 'hall-zhongshan')).toMatchObject({ kind: 'case.new', caseId: mine.id, provisionalNo: `临-zhongshan-${mine.no}` });
    expect(provisionalNo('hall-zhongshan', 7)).toBe('临-zhongshan-7');
    expect(upBodyFor(created(mine, 'upstream'), mine, 'hall-zhongshan')).toBeNull();
  });

  it('every step goes up with the ticket number; demo data stays home unless the district is the demo\'s, drill data always', () => {
    const c = caseOf();
    const step = { ...base, type: 'case.transitioned', payload: { caseId: c.id, act: { action: 'register' }, from: 'reported', to: 'registered' } } as HallEvent;
    expect(upBodyFor(step, c, 'hall-a')).toMatchObject({ kind: 'case.step', ticketNo: c.externalId, from: 'reported', to: 'registered', by: { seat: 'console-1', officer: null } });
    const demo = { ...c, demo: true as const };
    expect(upBodyFor(step, demo, 'hall-a')).toBeNull();
    expect(upBodyFor(step, demo, 'hall-a', true)).not.toBeNull();
    expect(upBodyFor(step, { ...c, drill: true } as CaseView, 'hall-a', true)).toBeNull();
  });

  it('a step of a case whose number the district\'s schema would refuse goes up without it, and parses', () => {
    for (const externalId of ['沪12345-2412160001234', 'OPEN311/2024 7', 'x'.repeat(41)]) {
      const c = caseOf({ externalId });
      const step = { ...base, type: 'case.transitioned', payload: { caseId: c.id, act: { action: 'register' }, from: 'reported', to: 'registered' } } as HallEvent;
      const body = upBodyFor(step, c, 'hall-a')!;
      expect(body).not.toHaveProperty('ticketNo');
      expect(UpBody.safeParse(body).success).toBe(true);
    }
  });

  it('the configured district address becomes the socket address', () => {
    expect(upstreamSocketUrl('ws://10.0.0.5:8700')).toBe('ws://10.0.0.5:8700/upstream');
    expect(upstreamSocketUrl('https://district.example/')).toBe('wss://district.example/upstream');
    expect(upstreamSocketUrl('ws://127.0.0.1:9/upstream')).toBe('ws://127.0.0.1:9/upstream');
    expect(upstreamSocketUrl('ws://127.0.0.1:9/hall/link')).toBe('ws://127.0.0.1:9/hall/link');
  });
});
