// S-6.2 the command mode over the LAN: only a console switches, confirmed and with a reason; the switch is an
// event every seat receives, with the mode's wall layout, and the emergency command's takeover after it; a switch to
// the mode the hall is in is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WALL_PRESETS } from '../../electron/common/domain/wall-model.ts';
import { startHall, type HallProcess } from '../helpers/hall-process.ts';
import { connect, type TestClient } from '../helpers/ws-client.ts';

let hall: HallProcess;
let n = 0;
const command = async (client: TestClient, body: object) => {
  const commandId = `mode-cmd-${String(++n).padStart(4, '0')}`;
  client.send({ type: 'command', commandId, command: body as never });
  return client.take((m) => (m.type === 'ack' || m.type === 'reject') && m.commandId === commandId, commandId);
};
const typhoonII = { target: { mode: 'emergency', hazard: 'typhoon', level: 'II' }, reason: '台风橙色预警覆盖本街道' };

beforeAll(async () => (hall = await startHall({ args: ['--demo-feed', '0'] })));
afterAll(async () => hall?.stop());

describe('command mode', () => {
  it('is switched by the console only, confirmed, and every seat follows with the mode\'s wall layout', async () => {
    const commander = await connect(hall.wsUrl, { seatId: 'console-1', token: hall.tokenOf('console-1') });
    const wall = await connect(hall.wsUrl, { role: 'wall', seatId: 'wall-1', token: hall.tokenOf('wall-1') });
    const desk = await connect(hall.wsUrl, { role: 'desk', seatId: 'desk-police', token: hall.tokenOf('desk-police') });
    expect((await wall.next('snapshot')).mode.target).toEqual({ mode: 'daily' });

    expect(await command(desk, { kind: 'mode.switch', to: typhoonII, confirmed: true })).toMatchObject({ type: 'reject', code: 'forbidden' });
    // Unconfirmed: the frame itself is refused by the protocol schema.
    commander.send({ type: 'command', commandId: 'mode-unconfirmed', command: { kind: 'mode.switch', to: typhoonII } as never });
    expect(await commander.next('error')).toMatchObject({ code: 'bad-message', message: expect.stringMatching(/confirmed/) });
    commander.send({ type: 'command', commandId: 'mode-no-reason', command: { kind: 'mode.switch', to: { ...typhoonII, reason: '' }, confirmed: true } as never });
    expect(await commander.next('error')).toMatchObject({ code: 'bad-message', message: expect.stringMatching(/a reason is required/) });

    expect((await command(commander, { kind: 'mode.switch', to: typhoonII, confirmed: true })).type).toBe('ack');
    const seen = await wall.next('event', 5_000, (m) => m.event.type === 'mode.switched');
    expect(seen.event.type === 'mode.switched' && seen.event.payload).toMatchObject({ target: typhoonII.target, reason: typhoonII.reason, drill: false, layout: WALL_PRESETS.emergency });
    await desk.next('event', 5_000, (m) => m.event.type === 'mode.switched');
    // The emergency command takes over, an event of its own every seat gets (S-6.2).
    const handover = await desk.next('event', 5_000, (m) => m.event.type === 'command.transferred');
    expect(handover.event.payload).toMatchObject({ to: 'emergency', command: { commander: { name: '陈晓燕' }, desks: ['water', 'emergency', 'fire', 'greening'] } });

    expect(await command(commander, { kind: 'mode.switch', to: typhoonII, confirmed: true })).toMatchObject({ type: 'reject', message: expect.stringMatching(/已处于该指挥模式/) });
    const later = await connect(hall.wsUrl, { role: 'wall', seatId: 'wall-1', token: hall.tokenOf('wall-1') });
    const snapshot = await later.next('snapshot');
    expect(snapshot.mode).toMatchObject({ target: typhoonII.target, reason: typhoonII.reason, command: { deputy: { title: '水务所所长' } } });
    expect(snapshot.wall).toEqual(WALL_PRESETS.emergency);
    for (const c of [commander, wall, desk, later]) await c.close();
  });
});
