// S-3 in a real hall: the force registry from the demo street, live positions with track history, roll
// call on the seat plan, the roster, and forces following the case they are dispatched to.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commanderAt } from '../../electron/common/domain/duty.ts';
import { rosterFromSnapshot } from '../../electron/common/domain/roster.ts';
import { greatCircleM } from '../../electron/common/domain/great-circle.ts';
import type { HallEvent, ServerMessage } from '../../electron/common/protocol.ts';
import { startHall, type HallProcess } from '../helpers/hall-process.ts';
import { connect, draft, type TestClient } from '../helpers/ws-client.ts';

let hall: HallProcess;
type Snapshot = Extract<ServerMessage, { type: 'snapshot' }>;

beforeAll(async () => {
  // One demo case an hour: the force simulator runs, no cases arrive on their own during the test.
  hall = await startHall({ args: ['--demo-feed', '3600'] });
});
afterAll(() => hall.stop());

const seat = (id: string, role: 'console' | 'desk' | 'wall') => ({ role, seatId: id, token: hall.tokenOf(id) });
async function command(client: TestClient, command: Record<string, unknown>) {
  const commandId = `cmd-${Math.random().toString(36).slice(2, 12)}`;
  client.send({ type: 'command', commandId, command });
  return client.take((m) => (m.type === 'ack' || m.type === 'reject') && m.commandId === commandId, commandId);
}

describe('forces and duty', () => {
  it('registers the demo staff as forces, with positions, seats and a roster that covers now', async () => {
    const wall = await connect(hall.wsUrl, seat('wall-1', 'wall'));
    const snapshot = (await wall.next('snapshot')) as Snapshot;
    expect(snapshot.forces.length).toBeGreaterThanOrEqual(180);
    expect(new Set(snapshot.forces.map((f) => f.department))).toEqual(new Set(['police', 'urban', 'market', 'grid', 'safety']));
    expect(snapshot.forces.every((f) => f.position && f.status === 'available')).toBe(true);
    expect(snapshot.seats.map((s) => s.id)).toContain('desk-police');
    expect(commanderAt(Date.now(), rosterFromSnapshot(snapshot.roster))?.commander.name).toBeTruthy();
    await wall.close();
  });

  it('streams live positions about once a second and keeps a track history', async () => {
    const wall = await connect(hall.wsUrl, seat('wall-1', 'wall'));
    const first = await wall.next('positions', 3000);
    const second = await wall.next('positions', 3000);
    expect(first.positions.length).toBeGreaterThan(100);
    expect(second.positions[0]!.at - first.positions[0]!.at).toBeGreaterThanOrEqual(900);
    const id = first.positions[0]!.id;
    await new Promise((r) => setTimeout(r, 5500));
    const track = (await (await fetch(`${hall.httpBase}/api/forces/${id}/track`, { headers: { authorization: `Bearer ${hall.tokenOf('wall-1')}` } })).json()) as unknown[];
    expect(track.length).toBeGreaterThanOrEqual(2);
    const bad = await fetch(`${hall.httpBase}/api/forces/${id}/track?from=yesterday`, { headers: { authorization: `Bearer ${hall.tokenOf('wall-1')}` } });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/from/);
    await wall.close();
  }, 20_000);

  it('puts roll call on the seat plan for every screen', async () => {
    const commander = await connect(hall.wsUrl, seat('console-1', 'console'));
    const desk = await connect(hall.wsUrl, seat('desk-police', 'desk'));
    await commander.next('snapshot');
    expect(await command(desk, { kind: 'seat.signIn', officer: { name: '沈晨', badge: '031245' } })).toMatchObject({ type: 'ack' });
    const seen = await commander.next('event');
    expect(seen.event).toMatchObject({ type: 'seat.signedIn', payload: { seatId: 'desk-police', officer: { name: '沈晨' } } });
    desk.send({ type: 'command', commandId: 'cmd-noname-0001', command: { kind: 'seat.signIn', officer: { name: '', badge: '1' } } });
    expect((await desk.next('error')).message).toMatch(/officer\.name: name is empty/);
    const later = await connect(hall.wsUrl, seat('console-1', 'console'));
    const plan = ((await later.next('snapshot')) as Snapshot).seats.find((s) => s.id === 'desk-police');
    expect(plan?.officer).toEqual({ name: '沈晨', badge: '031245' });
    await Promise.all([commander.close(), desk.close(), later.close()]);
  });

  it('stamps each act with the officer who had answered the roll call at the seat, across a change of shift', async () => {
    const commander = await connect(hall.wsUrl, seat('console-1', 'console'));
    const desk = await connect(hall.wsUrl, seat('desk-market', 'desk'));
    await commander.next('snapshot');
    const created = await commander.createCase(draft('无证经营小餐饮', { category: '市场监管' }));
    const caseId = ((await commander.next('event', 5000, (m) => created.type === 'ack' && m.event.seq === created.eventSeq)).event.payload as { id: string }).id;
    expect(await command(commander, { kind: 'case.act', caseId, act: { action: 'register' } })).toMatchObject({ type: 'ack' });
    expect(await command(commander, { kind: 'case.act', caseId, act: { action: 'dispatch', lead: 'market' } })).toMatchObject({ type: 'ack' });
    const day = { name: '许文', badge: '052011' };
    const night = { name: '孔嘉怡', badge: '052019' };
    expect(await command(desk, { kind: 'seat.signIn', officer: day })).toMatchObject({ type: 'ack' });
    expect(await command(desk, { kind: 'case.act', caseId, act: { action: 'accept' } })).toMatchObject({ type: 'ack' });
    expect(await command(desk, { kind: 'seat.signOut' })).toMatchObject({ type: 'ack' });
    expect(await command(desk, { kind: 'seat.signIn', officer: night })).toMatchObject({ type: 'ack' });
    expect(await command(desk, { kind: 'case.act', caseId, act: { action: 'arrive' } })).toMatchObject({ type: 'ack' });
    const live = await commander.next('event', 5000, (m) => m.event.type === 'case.transitioned' && m.event.payload.act.action === 'arrive');
    expect(live.event.officer, 'as sent live').toEqual(night);

    const timeline = (await (await fetch(`${hall.httpBase}/api/cases/${caseId}/events`, { headers: { authorization: `Bearer ${hall.tokenOf('console-1')}` } })).json()) as HallEvent[];
    const byAction = Object.fromEntries(timeline.flatMap((e) => (e.type === 'case.transitioned' ? [[e.payload.act.action, e]] : [])));
    expect(byAction.accept).toMatchObject({ seat: 'desk-market', officer: day });
    expect(byAction.arrive).toMatchObject({ seat: 'desk-market', officer: night });
    expect(byAction.register, 'nobody answered the roll call at the console seat').not.toHaveProperty('officer');
    await Promise.all([commander.close(), desk.close()]);
  });

  it('sends the dispatched force towards the case, and lets a desk set only its own forces', async () => {
    const commander = await connect(hall.wsUrl, seat('console-1', 'console'));
    const urban = await connect(hall.wsUrl, seat('desk-urban', 'desk'));
    const snapshot = (await commander.next('snapshot')) as Snapshot;
    const police = snapshot.forces.find((f) => f.department === 'police')!;
    const scene = { lon: police.position!.lon + 0.004, lat: police.position!.lat };
    const created = await commander.createCase(draft('打架斗殴苗头', { urgency: 'urgent', category: '治安防控', location: scene }));
    const caseId = (await commander.next('event', 5000, (m) => created.type === 'ack' && m.event.seq === created.eventSeq)).event.payload as { id: string };
    expect(await command(commander, { kind: 'case.act', caseId: caseId.id, act: { action: 'register' } })).toMatchObject({ type: 'ack' });
    expect(await command(commander, { kind: 'case.act', caseId: caseId.id, act: { action: 'dispatch', lead: 'police', forces: ['XX-999'] } })).toMatchObject({ type: 'reject', code: 'invalid-command' });
    expect(await command(commander, { kind: 'case.act', caseId: caseId.id, act: { action: 'dispatch', lead: 'police', forces: [police.id] } })).toMatchObject({ type: 'ack' });

    const before = greatCircleM(police.position!, scene);
    await new Promise((r) => setTimeout(r, 4000));
    const now = (await connect(hall.wsUrl, seat('console-1', 'console')));
    const moved = ((await now.next('snapshot')) as Snapshot).forces.find((f) => f.id === police.id)!;
    expect(moved.status).toBe('enRoute');
    expect(greatCircleM(moved.position!, scene)).toBeLessThan(before - 8);

    expect(await command(urban, { kind: 'seat.signIn', officer: { name: '倪晓东', badge: '041002' } })).toMatchObject({ type: 'ack' });
    expect(await command(urban, { kind: 'force.setStatus', forceId: police.id, status: 'offDuty' })).toMatchObject({ type: 'reject', code: 'forbidden' });
    const own = snapshot.forces.find((f) => f.department === 'urban')!;
    expect(await command(urban, { kind: 'force.setStatus', forceId: own.id, status: 'offDuty' })).toMatchObject({ type: 'ack' });
    await Promise.all([commander.close(), urban.close(), now.close()]);
  }, 20_000);
});
