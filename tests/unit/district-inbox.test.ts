// The district's inbox and what it makes of up messages, on a real database file: the cursor never passes a
// gap, held messages are applied in seq order, keys are stored once, refusals are stored (4xx) or not (5xx),
// steps are checked against the tickets they name.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { UpBody } from '../../electron/common/upstream-protocol.ts';
import { createDownIssuer } from '../../electron/district/down-issuer.ts';
import { openDistrictStore, type DistrictStore } from '../../electron/district/store/database.ts';
import { downAfter } from '../../electron/district/store/down-queue.ts';
import { enrolHall } from '../../electron/district/store/hall-table.ts';
import { getTicket } from '../../electron/district/store/ticket-table.ts';
import { upCounts } from '../../electron/district/store/up-messages.ts';
import { applyUp, issueTicket, type TicketDeps } from '../../electron/district/tickets.ts';
import { MAX_AHEAD, receiveUp, type UpFrame } from '../../electron/district/up-inbox.ts';
import type { ActiveRule } from '../../electron/district/misbehaviour.ts';

const HALL = 'hall-a';
const AT = Date.parse('2026-07-12T06:30:00Z');
let db: DistrictStore;
let deps: TicketDeps;
let told: ActiveRule | null;
const notes: string[] = [];

beforeEach(() => {
  db = openDistrictStore(join(mkdtempSync(join(tmpdir(), 'district-inbox-')), 'district.db'));
  deps = { db, down: createDownIssuer(db), prefix: 'SJ' };
  db.writeTx(() => {
    enrolHall(db, HALL, 'hash', AT);
    enrolHall(db, 'hall-b', 'hash', AT);
  });
  told = null;
  notes.length = 0;
});
afterEach(() => db.close());

const up = (seq: number, body: z.input<typeof UpBody>, key = `${HALL}:${seq}`): UpFrame => ({ seq, key, body: UpBody.parse(body) });
const newCase = (seq: number, caseId: string) => up(seq, {
  kind: 'case.new', caseId, provisionalNo: `临-${HALL}-${seq}`, at: AT,
  draft: { title: '路灯不亮', source: 'patrol', urgency: 'general', category: '设施管理' },
});
const step = (seq: number, caseId: string, to: 'registered' | 'closed' | 'reopened', ticketNo?: string) => up(seq, {
  kind: 'case.step', caseId, ticketNo, act: to === 'closed' ? { action: 'close' } : to === 'reopened' ? { action: 'reopen', reason: '市民不满意' } : { action: 'register' },
  from: 'reported', to, at: AT, by: { seat: null, officer: null },
});
const receive = (frames: UpFrame[], hallId = HALL) => db.writeTx(() => receiveUp({
  db, hallId, at: AT, refusalFor: () => told, apply: (body) => applyUp(deps, hallId, body, AT), note: (l) => notes.push(l),
}, frames));
const downs = (hallId = HALL) => downAfter(db, hallId, 0, 100).map((r) => JSON.parse(r.body) as { kind: string; ticketNo?: string; caseId?: string });

describe('the district inbox', () => {
  it('moves the cursor over stored messages only, and applies held ones in order when the gap fills', () => {
    expect(receive([step(3, 'c1', 'registered'), step(2, 'c1', 'registered')])).toEqual({ ackedUp: 0, refusals: [], errors: [] });
    expect(upCounts(db, HALL)).toMatchObject({ held: 2, applied: 0 });
    expect(receive([newCase(1, 'c1')])).toEqual({ ackedUp: 3, refusals: [], errors: [] });
    expect(upCounts(db, HALL)).toMatchObject({ held: 0, applied: 3 });
    const [numbered] = downs();
    expect(numbered).toMatchObject({ kind: 'case.numbered', caseId: 'c1', ticketNo: 'SJ-2026-000001' });
    expect(getTicket(db, 'SJ-2026-000001')).toMatchObject({ origin: 'hall', caseId: 'c1', provisionalNo: `临-${HALL}-1`, state: 'registered', steps: 2 });
  });

  it('stores a key once: a resend is ignored, the same key at a new seq is kept as a duplicate and never applied', () => {
    receive([newCase(1, 'c1')]);
    expect(receive([newCase(1, 'c1')]).ackedUp).toBe(1);
    expect(receive([{ ...newCase(1, 'c1'), seq: 2 }]).ackedUp).toBe(2);
    expect(upCounts(db, HALL)).toMatchObject({ applied: 1, duplicate: 1 });
    expect(downs()).toHaveLength(1);
    // A case re-reported under another key keeps its first number.
    expect(receive([{ ...newCase(3, 'c1') }]).ackedUp).toBe(3);
    expect(downs()).toHaveLength(1);
  });

  it('names a seq reused for another key, and stores nothing for it', () => {
    receive([newCase(1, 'c1')]);
    expect(receive([newCase(1, 'c2')].map((f) => ({ ...f, key: `${HALL}:99` }))).errors).toEqual([`up seq 1 is already stored with key ${HALL}:1, not ${HALL}:99`]);
    expect(upCounts(db, HALL).applied).toBe(1);
  });

  it('refuses 4xx what is wrong for the district, stores the refusal and says it again on a resend', () => {
    const ticket = db.writeTx(() => issueTicket(deps, 'hall-b', { source: 'hotline12345', title: 't', description: '', address: 'a', category: '市容环境', urgency: 'general', reportedAt: AT }, null, AT));
    receive([newCase(1, 'c1')]);
    const result = receive([
      step(2, 'c9', 'registered'),
      step(3, 'c9', 'registered', 'SJ-2026-999999'),
      step(4, 'c9', 'registered', ticket.ticketNo),
      step(5, 'c2', 'registered', 'SJ-2026-000002'),
      { ...newCase(6, 'c3'), key: 'hall-a:six' },
    ]);
    expect(result.ackedUp).toBe(6);
    expect(result.refusals.map((r) => [r.seq, r.status])).toEqual([[6, 400], [2, 404], [3, 404], [4, 404], [5, 409]]);
    expect(result.refusals.find((r) => r.seq === 5)!.reason).toBe('ticket SJ-2026-000002 belongs to case c1, not c2');
    expect(receive([step(2, 'c9', 'registered')]).refusals).toEqual([{ seq: 2, status: 404, reason: expect.stringMatching(/unknown case c9/) }]);
    expect(upCounts(db, HALL)).toMatchObject({ applied: 1, refused: 5 });
  });

  it('takes a step of the hall\'s own case under the number typed at its intake, before its own number arrived', () => {
    receive([newCase(1, 'c1')]);
    expect(receive([step(2, 'c1', 'registered', '2412160001234')])).toEqual({ ackedUp: 2, refusals: [], errors: [] });
    expect(getTicket(db, 'SJ-2026-000001')).toMatchObject({ caseId: 'c1', state: 'registered', steps: 1 });
    // A number that is a ticket of this district is still checked against its case.
    const other = db.writeTx(() => issueTicket(deps, HALL, { source: 'hotline12345', title: 't', description: '', address: 'a', category: '市容环境', urgency: 'general', reportedAt: AT }, null, AT));
    expect(receive([step(3, 'c1', 'closed', other.ticketNo)]).refusals).toEqual([{ seq: 3, status: 409, reason: expect.stringMatching(/already has ticket/) }]);
  });

  it('refuses when told: 5xx not stored (the cursor stops), 4xx stored (the cursor passes)', () => {
    told = { status: 503, reason: 'busy', until: Infinity };
    expect(receive([newCase(1, 'c1')])).toEqual({ ackedUp: 0, refusals: [{ seq: 1, status: 503, reason: 'busy' }], errors: [] });
    told = { status: 422, reason: 'no', until: Infinity };
    expect(receive([newCase(1, 'c1')])).toEqual({ ackedUp: 1, refusals: [{ seq: 1, status: 422, reason: 'no' }], errors: [] });
    expect(downs()).toHaveLength(0);
  });

  it('refuses 503 what is too far past the cursor', () => {
    expect(receive([newCase(MAX_AHEAD, 'c1')]).refusals).toEqual([]);
    expect(receive([newCase(MAX_AHEAD + 1, 'c2')]).refusals[0]).toMatchObject({ status: 503 });
    expect(upCounts(db, HALL).held).toBe(1);
  });

  it('notices a closure of its own ticket, forgets it on reopening, and stops its follow-ups', () => {
    const ticket = db.writeTx(() => issueTicket(deps, HALL, { source: 'hotline12345', title: 't', description: '', address: 'a', category: '市容环境', urgency: 'general', reportedAt: AT }, { action: 'cancel', at: AT + 1000 }, AT));
    receive([step(1, 'c1', 'registered', ticket.ticketNo), step(2, 'c1', 'closed')]);
    expect(notes).toEqual([`ticket ${ticket.ticketNo} closed by ${HALL}`]);
    expect(getTicket(db, ticket.ticketNo)).toMatchObject({ caseId: 'c1', state: 'closed', closedAt: AT, nextAction: null });
    receive([step(3, 'c1', 'reopened', ticket.ticketNo)]);
    expect(getTicket(db, ticket.ticketNo)).toMatchObject({ state: 'reopened', closedAt: null });
  });

  it('keeps halls apart: numbers are the district\'s, cursors and cases the hall\'s', () => {
    receive([newCase(1, 'c1')]);
    expect(receive([{ ...newCase(1, 'c1'), key: 'hall-b:1' }], 'hall-b').ackedUp).toBe(1);
    expect(downs('hall-b')[0]).toMatchObject({ kind: 'case.numbered', ticketNo: 'SJ-2026-000002' });
  });
});
