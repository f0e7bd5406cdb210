// S-6.2 flood-control desks in a real hall: the commander gives a flexible desk seat to 水务 (seat.assign). The
// seat's open connection is closed, it reconnects as the water desk and sees the water cases (LAN snapshot and
// HTTP search), whoever answered its roll call is signed out, and the seat keeps its department across a restart.
// Only a console assigns, only desk seats, only to a department of the site.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerMessage } from '../../electron/common/protocol.ts';
import { startHall, type HallProcess } from '../helpers/hall-process.ts';
import { connect, draft, type TestClient } from '../helpers/ws-client.ts';

type Snapshot = Extract<ServerMessage, { type: 'snapshot' }>;
type Welcome = Extract<ServerMessage, { type: 'welcome' }>;

let hall: HallProcess;
let waterCase: string;

beforeAll(async () => {
  hall = await startHall({ args: ['--demo-feed', '0'] });
});
afterAll(() => hall.stop());

const as = (seatId: string, role: 'console' | 'desk' = seatId.startsWith('desk') ? 'desk' : 'console') => connect(hall.wsUrl, { seatId, role, token: hall.tokenOf(seatId) });
async function command(client: TestClient, body: Record<string, unknown>) {
  const commandId = `cmd-${Math.random().toString(36).slice(2, 12)}`;
  client.send({ type: 'command', commandId, command: body });
  return client.take((m) => (m.type === 'ack' || m.type === 'reject') && m.commandId === commandId, commandId);
}
async function deskView(seatId: string) {
  const desk = await as(seatId);
  const welcome = desk.messages.find((m): m is Welcome => m.type === 'welcome')!; // connect() waited for it
  const snapshot = (await desk.next('snapshot')) as Snapshot;
  await desk.close();
  return { department: welcome.seat.department, cases: snapshot.cases.map((c) => c.id), seat: snapshot.seats.find((s) => s.id === seatId)! };
}
const searchIds = async (seatId: string) => {
  const res = await fetch(`${hall.httpBase}/api/cases`, { headers: { authorization: `Bearer ${hall.tokenOf(seatId)}` } });
  return ((await res.json()) as Array<{ id: string }>).map((c) => c.id);
};

describe('a flexible desk given to water affairs', () => {
  it('is refused to a desk, for a seat that is not a desk, and for a department the site has not', async () => {
    const desk = await as('desk-police');
    expect(await command(desk, { kind: 'seat.assign', seatId: 'desk-flex-1', department: 'water' })).toMatchObject({ type: 'reject', code: 'forbidden' });
    await desk.close();
    const commander = await as('console-1');
    expect(await command(commander, { kind: 'seat.assign', seatId: 'wall-1', department: 'water' })).toMatchObject({ type: 'reject', code: 'invalid-command', message: expect.stringContaining('wall-1') });
    expect(await command(commander, { kind: 'seat.assign', seatId: 'desk-nine', department: 'water' })).toMatchObject({ type: 'reject', code: 'invalid-command' });
    expect(await command(commander, { kind: 'seat.assign', seatId: 'desk-flex-1', department: 'navy' })).toMatchObject({ type: 'reject', code: 'invalid-command', message: expect.stringContaining('navy') });
    expect(await command(commander, { kind: 'seat.assign', seatId: 'desk-flex-1', department: 'other' })).toMatchObject({ type: 'reject', message: expect.stringContaining('already') });
    await commander.close();
    expect((await deskView('desk-flex-1')).department).toBe('other');
  });

  it('reconnects as the water desk, sees the water cases and answers the roll call again', async () => {
    const commander = await as('console-1');
    await commander.next('snapshot');
    expect((await commander.createCase(draft('下立交积水', { category: '积水' }))).type).toBe('ack');
    const created = await commander.next('event', 5000, (m) => m.event.type === 'case.created');
    if (created.event.type !== 'case.created') throw new Error('no case');
    waterCase = created.event.payload.id;
    for (const act of [{ action: 'register' }, { action: 'dispatch', lead: 'water', assisting: [], forces: [], dutyRule: 'clear' }]) {
      expect((await command(commander, { kind: 'case.act', caseId: waterCase, act })).type).toBe('ack');
    }
    const before = await deskView('desk-flex-1');
    expect(before.cases).not.toContain(waterCase);
    expect(await searchIds('desk-flex-1')).not.toContain(waterCase);

    const flex = await as('desk-flex-1');
    await flex.next('snapshot');
    expect((await command(flex, { kind: 'seat.signIn', officer: { name: '刘波', badge: '220318' } })).type).toBe('ack');
    expect((await command(commander, { kind: 'seat.assign', seatId: 'desk-flex-1', department: 'water' })).type).toBe('ack');
    const assigned = await commander.next('event', 5000, (m) => m.event.type === 'seat.assigned');
    expect(assigned.event).toMatchObject({ seat: 'console-1', payload: { seatId: 'desk-flex-1', department: 'water' } });
    expect(await flex.closed).toEqual({ code: 4010, reason: 'seat assigned to another department' });
    await commander.close();

    const after = await deskView('desk-flex-1');
    expect(after.department).toBe('water');
    expect(after.cases).toContain(waterCase);
    expect(after.seat).toMatchObject({ department: 'water', officer: null, since: null });
    expect(await searchIds('desk-flex-1')).toContain(waterCase);
    // The other flexible seat is untouched.
    expect((await deskView('desk-flex-2')).department).toBe('other');
  });

  it('keeps its department after a restart', async () => {
    const dataDir = hall.dataDir;
    await hall.stop();
    hall = await startHall({ dataDir, args: ['--demo-feed', '0'] });
    const view = await deskView('desk-flex-1');
    expect(view.department).toBe('water');
    expect(view.cases).toContain(waterCase);
  });
});
