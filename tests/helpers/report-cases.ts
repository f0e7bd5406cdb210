// The four cases the report tests count on, made through the LAN protocol at a console seat, today:
// a: patrol, closed well before its ticket deadline, handled by the grid itself (城管中队);
// b: urgent video case, the police on scene at once, not yet handled (its 1-hour clock still runs);
// c: a 12345 ticket, registered only; d: a QR report with no address (so no grid), not yet registered.
import { DAY } from '../../electron/common/domain/beijing-time.ts';
import type { HallProcess } from './hall-process.ts';
import { connect, draft, type TestClient } from './ws-client.ts';

export type ReportCases = Record<'a' | 'b' | 'c' | 'd', string>;

async function createCase(client: TestClient, d: Parameters<TestClient['createCase']>[0]): Promise<string> {
  const ack = await client.createCase(d);
  if (ack.type !== 'ack') throw new Error(`case not created: ${JSON.stringify(ack)}`);
  const seen = await client.next('event', 5000, (m) => m.event.seq === ack.eventSeq);
  return seen.event.type === 'case.created' ? seen.event.payload.id : '';
}

async function act(client: TestClient, caseId: string, a: Record<string, unknown>): Promise<void> {
  const commandId = `cmd-${Math.random().toString(36).slice(2, 12)}`;
  client.send({ type: 'command', commandId, command: { kind: 'case.act', caseId, act: a } });
  const reply = await client.take((m) => (m.type === 'ack' || m.type === 'reject') && m.commandId === commandId, commandId);
  if (reply.type !== 'ack') throw new Error(`${String(a.action)} refused: ${JSON.stringify(reply)}`);
}

export async function seedReportCases(hall: HallProcess): Promise<ReportCases> {
  const console1 = await connect(hall.wsUrl, { seatId: 'console-1', token: hall.tokenOf('console-1') });
  try {
    await console1.next('snapshot');
    const a = await createCase(console1, draft('垃圾满溢', { source: 'patrol', gridId: 'g-a', dueAt: Date.now() + DAY }));
    for (const step of [
      { action: 'register' }, { action: 'dispatch', lead: 'urban' }, { action: 'arrive' },
      { action: 'handle', note: '已清运', selfHandled: true }, { action: 'verify', passed: true }, { action: 'close' },
    ]) await act(console1, a, step);
    const b = await createCase(console1, draft('广告牌松动', { source: 'video', urgency: 'urgent', category: '安全隐患', gridId: 'g-b' }));
    for (const step of [{ action: 'register' }, { action: 'dispatch', lead: 'police' }, { action: 'arrive' }]) await act(console1, b, step);
    const c = await createCase(console1, draft('噪声扰民', { source: 'hotline12345', gridId: 'g-a' }));
    await act(console1, c, { action: 'register' });
    const d = await createCase(console1, draft('路灯不亮', { source: 'qr', address: '' }));
    return { a, b, c, d };
  } finally {
    await console1.close();
  }
}
