// The test: the hall core (in this process, its clock the only thing faked: startHallCore takes one)
// runs on, and forty days later a console that connects is still shown who commands — the roster is not a
// week computed at start — and has the handover brief of that shift, as a PDF too. Then the hall is down for
// two days: on start it makes up the four shift changes it slept through, once each, and not again on the
// next start. Everything else is the real hall: SQLite, the LAN hub, HTTP.
import { afterEach, describe, expect, it } from 'vitest';
import { DAY } from '../../electron/common/domain/beijing-time.ts';
import { commanderAt, shiftAt, shiftKey } from '../../electron/common/domain/duty.ts';
import { rosterFromSnapshot } from '../../electron/common/domain/roster.ts';
import type { HandoverRecord, ServerMessage } from '../../electron/common/protocol.ts';
import { parseHallConfig, type HallConfig } from '../../electron/hall/config.ts';
import { startHallCore, type RunningHall } from '../../electron/hall/hall-core.ts';
import { tempDataDir } from '../helpers/hall-process.ts';
import { connect, draft, type TestClient } from '../helpers/ws-client.ts';

type Snapshot = Extract<ServerMessage, { type: 'snapshot' }>;

let offset = 0;
const clock = () => Date.now() + offset;
let running: RunningHall | undefined;
const lines: string[] = [];

async function start(dataDir: string): Promise<{ base: string; ws: string; token: string }> {
  const config = parseHallConfig(['--data-dir', dataDir, '--port', '0', '--demo-feed', '0', '--demo-history', '0'], {}) as HallConfig;
  running = await startHallCore(config, (line) => lines.push(line), clock);
  const token = running.ready.seats.find((s) => s.id === 'console-1')!.token;
  return { base: `http://127.0.0.1:${running.ready.port}`, ws: `ws://127.0.0.1:${running.ready.port}/ws`, token };
}
afterEach(async () => {
  await running?.stop();
  running = undefined;
  offset = 0;
});

async function command(client: TestClient, body: Record<string, unknown>) {
  const commandId = `cmd-${Math.random().toString(36).slice(2, 12)}`;
  client.send({ type: 'command', commandId, command: body });
  return client.take((m) => (m.type === 'ack' || m.type === 'reject') && m.commandId === commandId, commandId);
}
const handovers = async (hall: { base: string; token: string }) =>
  (await (await fetch(`${hall.base}/api/handovers`, { headers: { authorization: `Bearer ${hall.token}` } })).json()) as HandoverRecord[];

describe('forty days of uptime', () => {
  it('still shows a commander and the brief of the shift forty days on', async () => {
    const hall = await start(tempDataDir('duty-clock-'));
    const first = await connect(hall.ws, { seatId: 'console-1', token: hall.token });
    const atStart = (await first.next('snapshot')) as Snapshot;
    expect(commanderAt(clock(), rosterFromSnapshot(atStart.roster))).not.toBeNull();
    // A case registered now is long overdue forty days later: the brief must say so.
    const ack = await first.createCase(draft('人行道板破损'));
    const created = await first.next('event', 5000, (m) => ack.type === 'ack' && m.event.seq === ack.eventSeq);
    const caseId = created.event.type === 'case.created' ? created.event.payload.id : '';
    expect(await command(first, { kind: 'case.act', caseId, act: { action: 'register' } })).toMatchObject({ type: 'ack' });

    offset = 40 * DAY;
    const shift = shiftAt(clock());
    // The console that stayed connected hears the brief of the new shift within the hall's look (15 s).
    const live = await first.next('event', 20_000, (m) => m.event.type === 'duty.handover' && m.event.payload.key === shiftKey(shift));
    await first.close();

    const later = await connect(hall.ws, { seatId: 'console-1', token: hall.token });
    const snapshot = (await later.next('snapshot')) as Snapshot;
    const onDuty = commanderAt(clock(), rosterFromSnapshot(snapshot.roster));
    expect(onDuty, 'a commander forty days on').not.toBeNull();
    expect(onDuty).toMatchObject({ shift: shift.shift, date: shift.date, set: false });
    expect(onDuty!.commander.title).toMatch(shift.shift === 'day' ? /^街道/ : /^派出所/);
    expect(snapshot.handover?.brief).toEqual(live.event.payload);
    const brief = snapshot.handover!.brief;
    expect(brief.incoming.commander).toEqual(onDuty!.commander);
    expect(brief.redLights.cases.map((c) => c.id)).toEqual([caseId]);
    expect(lines.join('\n')).toMatch(/\(\d+ older shift changes while the hall was down not made up\)/);

    const pdf = await fetch(`${hall.base}/api/handovers/${brief.key}.pdf`, { headers: { authorization: `Bearer ${hall.token}` } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-disposition')).toContain(`handover-${brief.key}.pdf`);
    const bytes = new Uint8Array(await pdf.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({ data: bytes, verbosity: 0 }).promise;
    const text = ((await (await doc.getPage(1)).getTextContent()).items as Array<{ str?: string }>).map((i) => i.str ?? '').join('');
    expect(text).toContain(`交接班简报 ${shift.date} ${shift.shift === 'day' ? '日班' : '夜班'}`);
    expect(text).toContain(onDuty!.commander.name);
    expect(text).toContain('人行道板破损');
    expect(text).toContain('红灯超时');

    expect(await command(later, { kind: 'duty.acknowledgeHandover', key: brief.key })).toMatchObject({ type: 'ack' });
    await later.close();
  }, 60_000);
});

describe('a hall that was down', () => {
  it('makes up the shift changes it slept through on start, once each', async () => {
    const dataDir = tempDataDir('duty-down-');
    const hall = await start(dataDir);
    const before = await handovers(hall);
    expect(before.map((r) => r.brief.key)).toEqual([shiftKey(shiftAt(clock()))]);
    await running!.stop();

    offset = 2 * DAY; // four shift changes later
    const again = await start(dataDir);
    const after = await handovers(again);
    expect(after).toHaveLength(5);
    expect(after[0]!.brief.key).toBe(shiftKey(shiftAt(clock())));
    expect(new Set(after.map((r) => r.brief.key)).size).toBe(5);
    await running!.stop();

    const third = await start(dataDir);
    expect((await handovers(third)).map((r) => r.brief.key)).toEqual(after.map((r) => r.brief.key));
  }, 60_000);
});
