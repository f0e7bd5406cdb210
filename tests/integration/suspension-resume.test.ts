// A case suspended (挂起/延期) until a moment that passes while the hall is down is back in hand when the hall
// starts again: a real hall process, the suspension made over the LAN protocol by the commander.
import { describe, expect, it } from 'vitest';
import type { CaseAction } from '../../electron/common/protocol.ts';
import { startHall, tempDataDir } from '../helpers/hall-process.ts';
import { connect, draft, type TestClient } from '../helpers/ws-client.ts';

async function act(client: TestClient, caseId: string, a: CaseAction, commandId: string): Promise<void> {
  client.send({ type: 'command', commandId, command: { kind: 'case.act', caseId, act: a } });
  const reply = await client.take((m) => (m.type === 'ack' || m.type === 'reject') && m.commandId === commandId, commandId);
  expect(reply.type, JSON.stringify(reply)).toBe('ack');
}

describe('suspension ends', () => {
  it('resumes at start a case whose suspension ended while the hall was down, dated when it ended', async () => {
    const dataDir = tempDataDir('suspension-');
    const first = await startHall({ dataDir, args: ['--demo-feed', '0'] });
    const token = first.tokenOf('console-1');
    const commander = await connect(first.wsUrl, { seatId: 'console-1', token });
    await commander.next('snapshot');
    const ack = await commander.createCase(draft('井盖缺失'));
    const created = await commander.next('event', 5_000, (m) => ack.type === 'ack' && m.event.seq === ack.eventSeq);
    const caseId = created.event.type === 'case.created' ? created.event.payload.id : '';
    await act(commander, caseId, { action: 'register' }, 'suspension-register');
    const until = Date.now() + 1_500;
    await act(commander, caseId, { action: 'suspend', reason: '等待产权单位确认', until }, 'suspension-suspend');
    await commander.close();
    await first.stop();
    await new Promise((r) => setTimeout(r, until + 200 - Date.now()));

    const second = await startHall({ dataDir, args: ['--demo-feed', '0'] });
    try {
      const after = await connect(second.wsUrl, { seatId: 'console-1', token });
      const resumed = (await after.next('snapshot')).cases.find((c) => c.id === caseId)!;
      expect(resumed).toMatchObject({ state: 'registered', suspendedFrom: null, suspendedUntil: null, updatedAt: until });
      expect(resumed.suspensions).toEqual([{ from: expect.any(Number), to: until }]);
      expect(second.output()).toMatch(/resumed 1 case\(s\) whose suspension ended/);
      // In the case's timeline, by the hall itself (the console shows 系统自动 · 挂起期满，恢复办理).
      const timeline = (await (await fetch(`${second.httpBase}/api/cases/${caseId}/events`, { headers: { authorization: `Bearer ${token}` } })).json()) as Array<Record<string, unknown>>;
      expect(timeline.at(-1)).toMatchObject({ type: 'case.transitioned', origin: 'hall', seat: null, at: until, payload: { act: { action: 'resume' }, from: 'suspended', to: 'registered' } });
      await after.close();
    } finally {
      await second.stop();
    }
  }, 60_000);
});
