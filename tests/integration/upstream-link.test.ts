// The hall and the district simulator, each its own process, over the upstream protocol: a district ticket
// becomes a case placed by the gazetteer; the hall's own case is numbered by the district without a new id;
// the hall notices a dead link within 3 s, works on (closing a case offline, the outbox counting), and once the
// district is back the closure reaches it exactly once; a district cancellation of a case the hall closed
// meanwhile is applied and raised as a conflict for the commander.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateKey, dayOf } from '../../electron/common/domain/beijing-time.ts';
import { openDistrictStore } from '../../electron/district/store/database.ts';
import { upByKey } from '../../electron/district/store/up-messages.ts';
import type { CaseAction, CaseView, UpstreamState } from '../../electron/common/protocol.ts';
import { startDistrict, type DistrictProcess } from '../helpers/district-process.ts';
import { startHall, type HallProcess } from '../helpers/hall-process.ts';
import { connect, draft, type TestClient } from '../helpers/ws-client.ts';

let district: DistrictProcess;
let hall: HallProcess;
let commander: TestClient;
let n = 0;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}
const upstreamStates = () => commander.messages.flatMap((m) => (m.type === 'upstream' ? [m.state] : []));
const lastUpstream = (): UpstreamState | undefined => upstreamStates().at(-1);
const caseNamed = (title: string) => commander.messages.flatMap((m) => (m.type === 'event' && m.event.type === 'case.created' && m.event.payload.title === title ? [m.event.payload] : []))[0];
async function act(caseId: string, a: CaseAction): Promise<void> {
  const commandId = `up-act-${String(++n).padStart(4, '0')}`;
  commander.send({ type: 'command', commandId, command: { kind: 'case.act', caseId, act: a } });
  const reply = await commander.take((m) => (m.type === 'ack' || m.type === 'reject') && m.commandId === commandId, commandId);
  expect(reply.type, JSON.stringify(reply)).toBe('ack');
}
const latest = async (id: string): Promise<CaseView> => {
  const res = await fetch(`${hall.httpBase}/api/cases?limit=1000`, { headers: { authorization: `Bearer ${hall.tokenOf('console-1')}` } });
  return ((await res.json()) as CaseView[]).find((c) => c.id === id)!;
};
const closeAll = async (id: string) => {
  for (const a of [
    { action: 'register' }, { action: 'dispatch', lead: 'urban', assisting: [], forces: [], dutyRule: 'clear' }, { action: 'arrive' },
    { action: 'handle', note: '已处置', attachments: [], selfHandled: false }, { action: 'verify', passed: true, note: '' }, { action: 'close', note: '' },
  ] as CaseAction[]) await act(id, a);
};

beforeAll(async () => {
  district = await startDistrict();
  hall = await startHall({ args: ['--demo-feed', '0', '--district', `ws://127.0.0.1:${district.ready.port}`, '--district-token', district.ready.enrolToken!] });
  commander = await connect(hall.wsUrl, { seatId: 'console-1', token: hall.tokenOf('console-1') });
  await until('the link online', () => lastUpstream()?.online);
});
afterAll(async () => {
  await commander?.close();
  await hall?.stop();
  await district?.stop();
});

describe('the upstream link', () => {
  it('sends yesterday\'s daily figures up once, as soon as it is online', async () => {
    const yesterday = dateKey(dayOf(Date.now()) - 1);
    const uploaded = await commander.next('event', 10_000, (m) => m.event.type === 'report.uploaded');
    expect(uploaded.event.payload).toMatchObject({ date: yesterday });
    const key = `${hall.ready.hallId}:${uploaded.event.seq}`;
    const row = await until('the report at the district', () => {
      const db = openDistrictStore(join(district.dataDir, 'district.db'));
      try {
        return upByKey(db, hall.ready.hallId, key);
      } finally {
        db.close();
      }
    });
    expect(row).toMatchObject({ outcome: 'applied' });
    expect(JSON.parse(row.body)).toMatchObject({ kind: 'report.daily', date: yesterday, figures: { closure: null, 'closure.denominator': 0 } });
  });

  it('opens a district ticket as a case, its address placed in a micro grid by the gazetteer', async () => {
    const issued = await district.call<{ ticket: { ticketNo: string } }>('/admin/ticket', { title: '路口积水', address: '松江区荣乐东路501号', category: '防汛防台', source: 'hotline12345' });
    const created = await until('the ticket as a case', () => caseNamed('路口积水'));
    expect(created).toMatchObject({ externalId: issued.ticket.ticketNo, source: 'hotline12345', placement: { match: expect.stringMatching(/exact|interpolated|fuzzy/) } });
    expect(created.gridId).toBe('M092');
    expect(created.location).toBeDefined();
  });

  it('numbers the hall\'s own case by the district, keeping its id', async () => {
    expect((await commander.createCase(draft('占道经营'))).type).toBe('ack');
    const mine = await until('the case', () => caseNamed('占道经营'));
    const numbered = await until('the district\'s number', async () => (await latest(mine.id)).externalId);
    expect(numbered).toMatch(/^[\w-]+$/);
    expect((await latest(mine.id)).id).toBe(mine.id);
  });

  it('goes offline within 3 s of the district dying, works on, and delivers the offline closure once when it is back', async () => {
    expect((await commander.createCase(draft('井盖缺失'))).type).toBe('ack');
    const mine = await until('the case', () => caseNamed('井盖缺失'));
    await until('its number', async () => (await latest(mine.id)).externalId);
    const killedAt = Date.now();
    await district.kill();
    const offline = await until('offline', () => (lastUpstream()?.online === false ? lastUpstream() : undefined), 6_000);
    expect(Date.now() - killedAt).toBeLessThan(3_500);
    await closeAll(mine.id);
    const queued = await until('the closure queued', () => (lastUpstream()?.queued ?? 0) >= 6 ? lastUpstream() : undefined);
    expect(queued.queued).toBeGreaterThanOrEqual(6);
    expect(offline.since).toBeGreaterThanOrEqual(killedAt - 1_000);

    district = await startDistrict({ dataDir: district.dataDir, port: district.ready.port });
    await until('online again', () => lastUpstream()?.online, 40_000);
    await until('the outbox drained', () => (lastUpstream()?.queued === 0 ? true : undefined), 10_000);
    const status = await district.hall(hall.ready.hallId);
    expect(status.received.duplicate).toBe(0);
    expect(status.tickets.closed).toBeGreaterThanOrEqual(1);
  }, 90_000);

  it('applies a district cancellation of a case the hall closed meanwhile, and raises it for the commander', async () => {
    const issued = await district.call<{ ticket: { ticketNo: string } }>('/admin/ticket', { title: '广告牌松动', address: '玉树路12号', category: '安全隐患', source: 'hotline12345' });
    const ticket = await until('the ticket as a case', () => caseNamed('广告牌松动'));
    await closeAll(ticket.id);
    await district.call('/admin/ticket/cancel', { ticketNo: issued.ticket.ticketNo, reason: '市民撤诉' });
    const conflict = await commander.next('event', 10_000, (m) => m.event.type === 'conflict.raised');
    expect(conflict.event.type === 'conflict.raised' && conflict.event.payload).toMatchObject({ rule: 'cancelAfterClose', caseId: ticket.id, ticketNo: issued.ticket.ticketNo });
    expect((await latest(ticket.id)).state).toBe('cancelled');

    // Settled with a note, it is gone from the queue, for a newcomer too (the projection keeps it settled).
    const raised = conflict.event.type === 'conflict.raised' ? conflict.event.payload.conflictId : '';
    commander.send({ type: 'command', commandId: 'settle-1', command: { kind: 'conflict.settle', conflictId: raised, note: '已与区平台核实' } });
    expect((await commander.take((m) => (m.type === 'ack' || m.type === 'reject') && m.commandId === 'settle-1', 'settle')).type).toBe('ack');
    const newcomer = await connect(hall.wsUrl, { seatId: 'console-1', token: hall.tokenOf('console-1') });
    const snapshot = await newcomer.next('snapshot', 5_000);
    expect(snapshot.type === 'snapshot' && snapshot.conflicts).toEqual([]);
    await newcomer.close();
  });
});
