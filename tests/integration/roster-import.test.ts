// The roster against a real hall process: CSV and xlsx files imported over HTTP (bad ones refused with their
// rows and columns named, changing nothing), the template read back, edits over the LAN protocol with the
// hall's checks, every change an audited event every console follows live, and all of it still there after
// a restart. Handover briefs are for consoles only.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateKey, dayOf } from '../../electron/common/domain/beijing-time.ts';
import { commanderAt, shiftAt, shiftKey } from '../../electron/common/domain/duty.ts';
import { rosterFromSnapshot } from '../../electron/common/domain/roster.ts';
import type { ServerMessage } from '../../electron/common/protocol.ts';
import { startHall, type HallProcess } from '../helpers/hall-process.ts';
import { connect, type TestClient } from '../helpers/ws-client.ts';

type Snapshot = Extract<ServerMessage, { type: 'snapshot' }>;
type Answer = { ok: boolean; stored: boolean; rows?: number; dates?: number; first?: string; last?: string; problems?: Array<{ row: number | null; column: string | null; message: string }>; count?: number };

let hall: HallProcess;
const day = (offset: number) => dateKey(dayOf(Date.now()) + offset);
const HEADER = '日期,班次,部门,姓名,职务,电话,席位';

const post = (body: BodyInit, query = '', seat = 'console-1') =>
  fetch(`${hall.httpBase}/api/roster/import${query}`, { method: 'POST', body, headers: { authorization: `Bearer ${hall.tokenOf(seat)}` } });
/** A request body of text and bytes. */
const blob = (...parts: Array<string | Buffer>) => new Blob(parts.map((p) => (typeof p === 'string' ? p : new Uint8Array(p))));
const answer = async (res: Response) => (await res.json()) as Answer;
async function snapshot(seat = 'console-1'): Promise<Snapshot> {
  const client = await connect(hall.wsUrl, { seatId: seat, token: hall.tokenOf(seat), role: seat.startsWith('desk') ? 'desk' : 'console' });
  const s = (await client.next('snapshot')) as Snapshot;
  await client.close();
  return s;
}
async function command(client: TestClient, body: Record<string, unknown>) {
  const commandId = `cmd-${Math.random().toString(36).slice(2, 12)}`;
  client.send({ type: 'command', commandId, command: body });
  return client.take((m) => (m.type === 'ack' || m.type === 'reject') && m.commandId === commandId, commandId);
}
async function workbook(rows: unknown[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('值班表');
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

beforeAll(async () => {
  hall = await startHall({ args: ['--demo-feed', '0'] });
});
afterAll(() => hall.stop());

describe('roster import', () => {
  it('stores a good CSV as one audited change that every console follows live', async () => {
    const watcher = await connect(hall.wsUrl, { seatId: 'console-1', token: hall.tokenOf('console-1') });
    await watcher.next('snapshot');
    const csv = [
      HEADER,
      `${day(1)},日班,,韩立,街道办事处副主任,021-57789001,console-1`,
      `${day(1)},夜班,,孟雪,派出所副所长,021-57789002,`,
      `${day(1)},备勤,派出所,钱程,,13812345678,`,
      `${day(2)},备勤,房管所,"欧阳, 晴",,021-57789004,`,
    ].join('\r\n');
    const res = await post(blob('\ufeff', csv), '?name=十二月值班.csv');
    expect(res.status).toBe(200);
    expect(await answer(res)).toEqual({ ok: true, stored: true, rows: 4, dates: 2, first: day(1), last: day(2) });
    const live = await watcher.next('event', 5000, (m) => m.event.type === 'roster.set');
    expect(live.event).toMatchObject({ origin: 'hall', seat: 'console-1', payload: { file: '十二月值班.csv', changes: [{ date: day(1) }, { date: day(2), standby: { housing: { name: '欧阳, 晴' } } }] } });
    await watcher.close();

    const roster = rosterFromSnapshot((await snapshot()).roster);
    expect(roster.days.get(day(1))).toMatchObject({ day: { name: '韩立', seat: 'console-1' }, night: { name: '孟雪', seat: null }, standby: { police: { name: '钱程' } } });
    expect(hall.output()).toMatch(/console-1 imported the roster for 2 date\(s\)/);
  });

  it('stores a good xlsx, date cells and English headers included', async () => {
    const date = new Date(`${day(3)}T00:00:00Z`);
    const file = await workbook([['date', 'shift', 'department', 'name', 'title', 'phone', 'seat'], [date, 'day', null, '贺青', '街道办事处副主任', '021-57789011', 'console-1'], [date, 'standby', 'urban', '陆明', null, 13912345678, null]]);
    const res = await post(blob(file));
    expect(await answer(res)).toMatchObject({ ok: true, stored: true, dates: 1, first: day(3) });
    const entry = rosterFromSnapshot((await snapshot()).roster).days.get(day(3));
    expect(entry).toMatchObject({ day: { name: '贺青' }, night: null, standby: { urban: { name: '陆明', phone: '13912345678' } } });
  });

  it('refuses a bad CSV naming each bad row and column, and changes nothing', async () => {
    const before = (await snapshot()).roster;
    const csv = [
      HEADER,
      `${day(4)},日班,,贺青,,021-57789011,`,
      `${day(4)}x,夜班,,孟雪,,021-57789002,`,
      `${day(4)},备勤,消防站,钱程,,13812345678,`,
      `${day(4)},日班,,王五,,021-57789013,`,
      `${day(4)},夜班,,,派出所副所长,abc,desk-police`,
      `${day(900)},日班,,赵六,,021-57789014,`,
    ].join('\n');
    const res = await post(blob(csv));
    expect(res.status).toBe(422);
    const body = await answer(res);
    expect(body.ok).toBe(false);
    expect(body.stored).toBe(false);
    expect(body.problems!.map((p) => [p.row, p.column])).toEqual([[3, '日期'], [4, '部门'], [5, '班次'], [6, '席位'], [6, '姓名'], [6, '电话'], [7, '日期']]);
    expect(body.problems![2]!.message).toMatch(/as row 2/);
    expect(body.problems![3]!.message).toMatch(/no console seat desk-police/);
    expect((await snapshot()).roster).toEqual(before);
  });

  it('refuses a bad xlsx the same way, and changes nothing', async () => {
    const before = (await snapshot()).roster;
    const file = await workbook([['日期', '班次', '部门', '姓名', '电话'], [day(5), '备勤', '派出所', '钱程', '13812345678'], ['明天', '日班', null, '贺青', '021-57789011'], [day(5), '备勤', 'police', '钱程', '110']]);
    const res = await post(blob(file));
    expect(res.status).toBe(422);
    const body = await answer(res);
    expect(body.problems!.map((p) => [p.row, p.column])).toEqual([[3, '日期'], [4, '班次']]);
    expect(body.problems!.map((p) => p.message)).toEqual([expect.stringMatching(/^不是日期 \/ not a date: "明天"/), expect.stringMatching(/^与第 2 行重复/)]);
    expect((await snapshot()).roster).toEqual(before);
  });

  it('refuses what is no roster file at all, too large a file, a dry run stores nothing, and only a console imports', async () => {
    const before = (await snapshot()).roster;
    const refused = async (body: BodyInit, status: number, message: RegExp, query = '') => {
      const res = await post(body, query);
      expect(res.status).toBe(status);
      expect(await answer(res)).toMatchObject({ ok: false, stored: false, count: 1, problems: [{ row: null, column: null, message: expect.stringMatching(message) }] });
    };
    await refused(blob(Buffer.from('PK\x03\x04 not really a zip', 'latin1')), 422, /not a valid xlsx workbook/);
    await refused(blob(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0])), 422, /old \.xls is not supported/);
    await refused(blob(), 422, /the file is empty/);
    await refused(blob(`${HEADER}\n`), 422, /no rows/);
    await refused(blob('"unterminated,quote\n1,2'), 422, /not a valid CSV/);
    await refused(blob(Buffer.alloc(1024 * 1024 + 1, 0x41)), 413, /larger than 1 MB/);
    const dry = await post(blob(`${HEADER}\n${day(6)},日班,,贺青,,021-57789011,`), '?dryRun=1');
    expect(await answer(dry)).toEqual({ ok: true, stored: false, rows: 1, dates: 1, first: day(6), last: day(6) });
    expect((await post(blob(HEADER), '', 'desk-police')).status).toBe(403);
    expect((await fetch(`${hall.httpBase}/api/roster/import`, { method: 'POST', body: HEADER })).status).toBe(401);
    expect((await post(blob(HEADER), '?format=csv')).status).toBe(400);
    expect((await snapshot()).roster).toEqual(before);
  });

  it('offers a template of the coming week that imports as it is', async () => {
    for (const format of ['csv', 'xlsx']) {
      const res = await fetch(`${hall.httpBase}/api/roster/template.${format}`, { headers: { authorization: `Bearer ${hall.tokenOf('console-1')}` } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toContain(`roster-template.${format}`);
      const bytes = Buffer.from(await res.arrayBuffer());
      if (format === 'csv') expect(bytes.toString('utf8')).toMatch(new RegExp(`^\ufeff${HEADER}\r\n${day(1)},日班,,韩立,`));
      expect(await answer(await post(blob(bytes), '?dryRun=1'))).toMatchObject({ ok: true, dates: 7, first: day(1), last: day(7) });
    }
    expect((await fetch(`${hall.httpBase}/api/roster/template.csv`, { headers: { authorization: `Bearer ${hall.tokenOf('wall-1')}` } })).status).toBe(403);
  });
});

describe('roster edits over the LAN protocol', () => {
  it('the hall checks a console\'s change and refuses others', async () => {
    const commander = await connect(hall.wsUrl, { seatId: 'console-1', token: hall.tokenOf('console-1') });
    const desk = await connect(hall.wsUrl, { seatId: 'desk-police', token: hall.tokenOf('desk-police'), role: 'desk' });
    await commander.next('snapshot');
    await desk.next('snapshot');
    const person = { name: '贺青', title: '街道办事处副主任', seat: 'console-1', phone: '021-57789011' };
    expect(await command(commander, { kind: 'roster.set', changes: [{ date: day(1), day: person, standby: { police: null } }] })).toMatchObject({ type: 'ack' });
    expect(await command(commander, { kind: 'roster.set', changes: [{ date: day(-8), day: person }] })).toMatchObject({ type: 'reject', code: 'invalid-command', message: expect.stringMatching(/outside/) });
    expect(await command(commander, { kind: 'roster.set', changes: [{ date: day(1), standby: { coastguard: { name: '海一', phone: '95110' } } }] })).toMatchObject({ type: 'reject', message: expect.stringMatching(/no department coastguard/) });
    expect(await command(commander, { kind: 'roster.set', changes: [{ date: day(1), day: { ...person, seat: 'wall-1' } }] })).toMatchObject({ type: 'reject', message: expect.stringMatching(/no console seat wall-1/) });
    commander.send({ type: 'command', commandId: 'cmd-badphone-01', command: { kind: 'roster.set', changes: [{ date: day(1), day: { ...person, phone: '12' } }] } });
    expect((await commander.next('error')).message).toMatch(/changes\.0\.day\.phone: 不是电话号码/);
    await desk.take((m) => m.type === 'event' && m.event.type === 'roster.set', 'the roster change at the desk too');
    expect(await command(desk, { kind: 'seat.signIn', officer: { name: '沈晨', badge: '031245' } })).toMatchObject({ type: 'ack' });
    expect(await command(desk, { kind: 'roster.set', changes: [{ date: day(1), day: person }] })).toMatchObject({ type: 'reject', code: 'forbidden' });
    expect(await command(desk, { kind: 'duty.acknowledgeHandover', key: `${day(0)}-day` })).toMatchObject({ type: 'reject', code: 'forbidden' });
    const entry = rosterFromSnapshot((await snapshot()).roster).days.get(day(1));
    expect(entry).toMatchObject({ day: { name: '贺青' }, night: { name: '孟雪' }, standby: {} });
    await Promise.all([commander.close(), desk.close()]);
  });

  it('makes the brief again for a new commander before anyone takes over, and keeps it from the desks', async () => {
    expect((await snapshot('desk-police')).handover).toBeNull();
    expect((await snapshot('console-1')).handover).toMatchObject({ acknowledged: null });
    const commander = await connect(hall.wsUrl, { seatId: 'console-1', token: hall.tokenOf('console-1') });
    const desk = await connect(hall.wsUrl, { seatId: 'desk-police', token: hall.tokenOf('desk-police'), role: 'desk' });
    await commander.next('snapshot');
    await desk.next('snapshot');
    const now = shiftAt(Date.now());
    const person = { name: '闻雷', title: '街道办事处副主任', seat: null, phone: '021-57789021' };
    expect(await command(commander, { kind: 'roster.set', changes: [{ date: now.date, [now.shift]: person }] })).toMatchObject({ type: 'ack' });
    const brief = await commander.next('event', 5000, (m) => m.event.type === 'duty.handover');
    expect(brief.event).toMatchObject({ origin: 'hall', seat: null, payload: { key: shiftKey(now), incoming: { commander: { name: '闻雷' } } } });
    expect(await command(commander, { kind: 'duty.acknowledgeHandover', key: shiftKey(now) })).toMatchObject({ type: 'ack' });
    await commander.next('event', 5000, (m) => m.event.type === 'duty.handoverAcknowledged');
    expect(await command(commander, { kind: 'duty.acknowledgeHandover', key: shiftKey(now) })).toMatchObject({ type: 'reject', message: expect.stringMatching(/acknowledged already/) });
    expect(await command(commander, { kind: 'duty.acknowledgeHandover', key: '2020-01-01-day' })).toMatchObject({ type: 'reject', message: expect.stringMatching(/no handover/) });
    // The desk heard the roster change, never the brief nor its take-over (they list every department's cases).
    await desk.next('event', 5000, (m) => m.event.type === 'roster.set' && m.event.seq === brief.event.seq - 1);
    expect(desk.messages.filter((m) => m.type === 'event' && m.event.type.startsWith('duty.'))).toEqual([]);
    expect((await snapshot('console-1')).handover).toMatchObject({ brief: { incoming: { commander: { name: '闻雷' } } }, acknowledged: { seat: 'console-1' } });
    await Promise.all([commander.close(), desk.close()]);

    const res = await fetch(`${hall.httpBase}/api/handovers`, { headers: { authorization: `Bearer ${hall.tokenOf('desk-police')}` } });
    expect(res.status).toBe(403);
    const pdf = await fetch(`${hall.httpBase}/api/handovers/2020-01-01-day.pdf`, { headers: { authorization: `Bearer ${hall.tokenOf('console-1')}` } });
    expect(pdf.status).toBe(404);
  });
});

describe('after a restart', () => {
  it('the roster is still what was set, and the rotation fills in the rest', async () => {
    const before = (await snapshot()).roster;
    const dataDir = hall.dataDir;
    await hall.stop();
    hall = await startHall({ dataDir, args: ['--demo-feed', '0'] });
    const after = (await snapshot()).roster;
    expect(after).toEqual(before);
    const roster = rosterFromSnapshot(after);
    expect(roster.days.get(day(1))?.day?.name).toBe('贺青');
    expect(commanderAt(Date.now() + 30 * 86_400_000, roster)?.commander.name, 'a month ahead, from the rotation').toBeTruthy();
  });
});
