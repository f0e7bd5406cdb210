// Persistent problems (顽症) and copies to the leader (抄报) in a real hall: the console's commands become
// events of the log, consoles and walls receive them live and in their snapshot after a restart, desks never;
// the problem's timeline comes from the log; refusals name the reason.
import { describe, expect, it } from 'vitest';
import { DAY } from '../../electron/common/domain/beijing-time.ts';
import type { CaseDraft, HallEvent, ServerMessage } from '../../electron/common/protocol.ts';
import { startHall, tempDataDir, type HallProcess } from '../helpers/hall-process.ts';
import { prepareCases } from '../helpers/prepared-log.ts';
import { connect, type TestClient } from '../helpers/ws-client.ts';

const QUIET = ['--demo-feed', '0'];
const draft: CaseDraft = { title: '群租扰民', description: '出租屋隔断住人', source: 'hotline12345', urgency: 'general', category: '群租', address: '谷阳居委', gridId: 'M003' };

async function command(client: TestClient, commandId: string, body: Record<string, unknown>) {
  client.send({ type: 'command', commandId, command: body });
  return client.take((m) => (m.type === 'ack' || m.type === 'reject') && m.commandId === commandId, `reply to ${commandId}`) as Promise<Extract<ServerMessage, { type: 'ack' | 'reject' }>>;
}

const seatClient = (hall: HallProcess, seatId: string, role: 'console' | 'desk' | 'wall' = 'console') => connect(hall.wsUrl, { role, seatId, token: hall.tokenOf(seatId) });

describe('persistent problems in a running hall', () => {
  it('stores 立项, 关联, 抄报 and 确认收悉 as events that survive a restart, for consoles and walls only', async () => {
    const dataDir = tempDataDir('problems-');
    const now = Date.now();
    const cases = prepareCases(dataDir, [25, 20, 15].map((days) => ({ at: now - days * DAY, draft })));
    const later = prepareCases(dataDir, [{ at: now - 10 * DAY, draft: { ...draft, gridId: 'M004', title: '群租（隔壁网格）' } }])[0]!;
    let hall = await startHall({ dataDir, args: QUIET });
    let problemId = '';
    try {
      const [console1, police, wall] = [await seatClient(hall, 'console-1'), await seatClient(hall, 'desk-police', 'desk'), await seatClient(hall, 'wall-1', 'wall')];
      for (const c of [console1, police, wall]) await c.next('snapshot');
      const proposal = { gridId: 'M003', category: '群租', caseIds: cases.map((c) => c.id) };

      const opened = await command(console1, 'cmd-open-1', { kind: 'problem.open', proposal, title: '谷阳居委群租反复' });
      expect(opened.type).toBe('ack');
      const event = (await console1.next('event', 5000, (m) => m.event.type === 'problem.opened')).event as Extract<HallEvent, { type: 'problem.opened' }>;
      problemId = event.payload.id;
      expect(event.payload).toMatchObject({ state: 'open', no: event.seq, caseIds: proposal.caseIds, createdBySeat: 'console-1' });
      await wall.next('event', 5000, (m) => m.event.type === 'problem.opened');

      expect(await command(console1, 'cmd-open-2', { kind: 'problem.open', proposal, title: '再次立项' })).toMatchObject({ type: 'reject', code: 'invalid-command', message: expect.stringMatching(/已有在办顽症/) });
      expect(await command(police, 'cmd-desk-1', { kind: 'problem.link', problemId, caseId: later.id })).toMatchObject({ type: 'reject', code: 'forbidden' });
      console1.send({ type: 'command', commandId: 'cmd-bad-1', command: { kind: 'problem.close', problemId, note: ' ' } });
      expect((await console1.next('error')).message).toMatch(/note: a note is required/);
      expect((await command(console1, 'cmd-link-1', { kind: 'problem.link', problemId, caseId: later.id })).type).toBe('ack');
      expect((await command(console1, 'cmd-copy-1', { kind: 'leader.copy', problemId, leaderId: 'leader-community', reason: '热线重复投诉，长效管理机制不健全' })).type).toBe('ack');
      const copied = (await console1.next('event', 5000, (m) => m.event.type === 'leader.copied')).event as Extract<HallEvent, { type: 'leader.copied' }>;
      expect(copied.payload).toMatchObject({ leaderName: '李明', problemId, acknowledgedAt: null });
      expect((await command(console1, 'cmd-ack-1', { kind: 'leader.acknowledge', copyId: copied.payload.id })).type).toBe('ack');
      await console1.next('event', 5000, (m) => m.event.type === 'leader.acknowledged');
      // A retried command lands once.
      expect(await command(console1, 'cmd-ack-1', { kind: 'leader.acknowledge', copyId: copied.payload.id })).toMatchObject({ type: 'ack', duplicate: true });

      await new Promise((r) => setTimeout(r, 200));
      const deskSaw = police.messages.flatMap((m) => (m.type === 'event' ? [m.event.type] : []));
      expect(deskSaw.filter((t) => t.startsWith('problem.') || t.startsWith('leader.')), 'a desk hears nothing of it').toEqual([]);
      for (const c of [console1, police, wall]) await c.close();
    } finally {
      await hall.stop();
    }

    hall = await startHall({ dataDir, args: QUIET });
    try {
      const console1 = await seatClient(hall, 'console-1');
      const snapshot = await console1.next('snapshot');
      expect(snapshot.problems).toMatchObject([{ id: problemId, state: 'open', caseIds: [...cases.map((c) => c.id), later.id], title: '谷阳居委群租反复' }]);
      expect(snapshot.copies).toMatchObject([{ problemId, leaderId: 'leader-community', acknowledgedBySeat: 'console-1' }]);
      const police = await seatClient(hall, 'desk-police', 'desk');
      expect((await police.next('snapshot')).problems).toEqual([]);
      await Promise.all([console1.close(), police.close()]);

      const timeline = (token: string) => fetch(`${hall.httpBase}/api/problems/${problemId}/events`, { headers: { Authorization: `Bearer ${token}` } });
      const events = (await (await timeline(hall.tokenOf('console-1'))).json()) as HallEvent[];
      expect(events.map((e) => e.type)).toEqual(['problem.opened', 'problem.linked', 'leader.copied', 'leader.acknowledged']);
      expect((await timeline(hall.tokenOf('desk-police'))).status).toBe(403);
      expect((await fetch(`${hall.httpBase}/api/problems/nothing-here/events`, { headers: { Authorization: `Bearer ${hall.tokenOf('console-1')}` } })).status).toBe(404);
    } finally {
      await hall.stop();
    }
  });
});
