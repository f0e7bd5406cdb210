// Screens hold the open cases and a week of finished ones: a hall core whose clock moves ten days on leaves an
// old closed case out of a new snapshot (it is still in the database, found by search), and a 重办 of it
// brings it back to every screen whole.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY } from '../../electron/common/domain/beijing-time.ts';
import type { CaseAction } from '../../electron/common/protocol.ts';
import { APP_ROOT, parseHallConfig, type HallConfig } from '../../electron/hall/config.ts';
import { startHallCore, type RunningHall } from '../../electron/hall/hall-core.ts';
import { tempDataDir } from '../helpers/hall-process.ts';
import { connect, draft, type TestClient } from '../helpers/ws-client.ts';

let hall: RunningHall;
let offset = 0;
const clock = () => Date.now() + offset;
const token = (seat: string) => hall.ready.seats.find((s) => s.id === seat)!.token;
const wsUrl = () => `ws://127.0.0.1:${hall.ready.port}/ws`;

async function act(client: TestClient, caseId: string, a: CaseAction, commandId: string) {
  client.send({ type: 'command', commandId, command: { kind: 'case.act', caseId, act: a } });
  const reply = await client.take((m) => (m.type === 'ack' || m.type === 'reject') && m.commandId === commandId, commandId);
  expect(reply.type, JSON.stringify(reply)).toBe('ack');
}

beforeAll(async () => {
  const config = parseHallConfig(['--data-dir', tempDataDir('window-'), '--port', '0', '--demo-feed', '0', '--demo-history', '0', '--static-dir', join(APP_ROOT, 'out/renderer')], {}) as HallConfig;
  hall = await startHallCore(config, () => {}, clock);
});
afterAll(async () => hall?.stop());

describe('the cases screens hold', () => {
  it('leaves a case finished over a week ago out of snapshots and brings it back whole when it is reopened', async () => {
    const commander = await connect(wsUrl(), { seatId: 'console-1', token: token('console-1') });
    await commander.next('snapshot');
    const ack = await commander.createCase(draft('旧案件'));
    const created = await commander.next('event', 5_000, (m) => ack.type === 'ack' && m.event.seq === ack.eventSeq);
    const id = created.event.type === 'case.created' ? created.event.payload.id : '';
    await act(commander, id, { action: 'reject', reason: '重复上报' }, 'window-reject');
    const open = await commander.createCase(draft('在办案件'));
    expect(open.type).toBe('ack');
    await commander.close();

    offset = 10 * DAY;
    const later = await connect(wsUrl(), { seatId: 'console-1', token: token('console-1') });
    const snapshot = await later.next('snapshot');
    expect(snapshot.cases.map((c) => c.title)).toEqual(['在办案件']);
    const hits = (await (await fetch(`http://127.0.0.1:${hall.ready.port}/api/cases?q=旧案件`, { headers: { authorization: `Bearer ${token('console-1')}` } })).json()) as Array<{ id: string }>;
    expect(hits.map((c) => c.id)).toEqual([id]);

    // 重办 is for verified/closed/evaluated cases; a rejected one is reported again as new. Close an old case instead.
    const second = await later.createCase(draft('旧案件二'));
    const made = await later.next('event', 5_000, (m) => second.type === 'ack' && m.event.seq === second.eventSeq);
    const oldId = made.event.type === 'case.created' ? made.event.payload.id : '';
    await act(later, oldId, { action: 'merge', into: snapshot.cases[0]!.id }, 'window-merge');
    await later.close();

    offset = 20 * DAY;
    const wall = await connect(wsUrl(), { role: 'wall', seatId: 'wall-1', token: token('wall-1') });
    expect((await wall.next('snapshot')).cases.map((c) => c.title)).toEqual(['在办案件']);
    const commander2 = await connect(wsUrl(), { seatId: 'console-1', token: token('console-1') });
    await commander2.next('snapshot');
    await act(commander2, oldId, { action: 'reopen', reason: '群众再次反映' }, 'window-reopen');
    const revived = await wall.next('event', 5_000, (m) => m.event.type === 'case.transitioned' && m.event.payload.caseId === oldId);
    expect(revived.case).toMatchObject({ id: oldId, state: 'reopened', title: '旧案件二' });
    await wall.close();
    await commander2.close();
  });
});
