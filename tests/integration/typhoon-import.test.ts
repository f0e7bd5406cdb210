// Typhoon tracks against a real hall process: the operational JSON and a whole year's CMA best track imported
// over HTTP (each storm one audited event every screen follows live and gets in its snapshot), bad files refused
// with the problem named and nothing stored, consoles only; the commander puts an earlier storm on the wall
// (typhoon.show), and every track is still there after a restart, in the same order.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TyphoonImportAnswer } from '../../electron/common/http-api.ts';
import type { ServerMessage } from '../../electron/common/protocol.ts';
import type { StoredTyphoon } from '../../electron/common/typhoon/stored-typhoon.ts';
import { MAX_TYPHOON_FILE_BYTES } from '../../electron/common/typhoon/typhoon-import.ts';
import { startHall, type HallProcess } from '../helpers/hall-process.ts';
import { CMA_DIR, JSON_DIR, readText } from '../helpers/typhoon-data.ts';
import { connect } from '../helpers/ws-client.ts';

type Snapshot = Extract<ServerMessage, { type: 'snapshot' }>;

let hall: HallProcess;
const BEBINCA_JSON = readText(join(JSON_DIR, '202413.json'));

const post = (body: BodyInit, query = '', seat = 'console-1') =>
  fetch(`${hall.httpBase}/api/typhoons${query}`, { method: 'POST', body, headers: { authorization: `Bearer ${hall.tokenOf(seat)}` } });
const answer = async (res: Response) => (await res.json()) as TyphoonImportAnswer;
const stored = async () => (await (await fetch(`${hall.httpBase}/api/typhoons`, { headers: { authorization: `Bearer ${hall.tokenOf('console-1')}` } })).json()) as StoredTyphoon[];
async function snapshot(seat = 'console-1'): Promise<Snapshot> {
  const client = await connect(hall.wsUrl, { seatId: seat, token: hall.tokenOf(seat), role: seat.startsWith('desk') ? 'desk' : 'console' });
  const s = (await client.next('snapshot')) as Snapshot;
  await client.close();
  return s;
}

beforeAll(async () => {
  hall = await startHall({ args: ['--demo-feed', '0'] });
});
afterAll(() => hall.stop());

describe('typhoon import', () => {
  it('stores the operational JSON of Bebinca as one event every screen follows live', async () => {
    const watcher = await connect(hall.wsUrl, { seatId: 'desk-police', token: hall.tokenOf('desk-police'), role: 'desk' });
    await watcher.next('snapshot');
    const res = await post(BEBINCA_JSON, '?name=202413.json');
    expect(res.status).toBe(200);
    expect(await answer(res)).toEqual({ ok: true, stored: true, storms: [{ id: 'wztf-json:2413', name: '贝碧嘉 Bebinca', fixes: 102 }] });
    const live = await watcher.next('event', 5000, (m) => m.event.type === 'typhoon.imported');
    expect(live.event).toMatchObject({ origin: 'hall', seat: 'console-1', payload: { id: 'wztf-json:2413', file: '202413.json', track: { nameEn: 'Bebinca', source: 'wztf-json' } } });
    await watcher.close();
    const [track] = (await snapshot('desk-police')).typhoons;
    expect(track!.track.fixes).toHaveLength(102);
    expect(track!.track.landfalls.some((l) => l.place.includes('临港'))).toBe(true);
    expect(hall.output()).toMatch(/console-1 imported 1 typhoon track\(s\): wztf-json:2413 from 202413\.json/);
  });

  it('stores every storm of a year of the CMA best track, beside the operational track of the same storm', async () => {
    const res = await post(readText(join(CMA_DIR, 'CH2024BST.txt')));
    const body = await answer(res);
    expect(res.status).toBe(200);
    if (!body.ok) throw new Error(body.error);
    expect(body.storms.length).toBeGreaterThan(20);
    expect(body.storms.map((s) => s.id)).toContain('cma-bst:2413');
    const ids = (await stored()).map((s) => s.id);
    expect(ids).toContain('wztf-json:2413');
    expect(ids).toContain('cma-bst:2414');
    expect(ids).toHaveLength(body.storms.length + 1);
  });

  it('replaces a storm imported again from the same source', async () => {
    const before = (await stored()).length;
    expect((await post(BEBINCA_JSON, '?name=again.json')).status).toBe(200);
    const after = await stored();
    expect(after).toHaveLength(before);
    expect(after.at(-1)).toMatchObject({ id: 'wztf-json:2413', file: 'again.json' });
  });

  it('refuses bad files, naming the problem, and stores nothing of them', async () => {
    const before = await stored();
    const head = (await snapshot()).atSeq;
    const broken = JSON.parse(BEBINCA_JSON.replace(/^\uFEFF/, '')) as Array<{ points: Array<{ lat: number }> }>;
    broken[0]!.points[5]!.lat = 95.5;
    const cma = readText(join(CMA_DIR, '2024_bebinca.txt')).split('\n');
    const cases: Array<[string, BodyInit, number, RegExp]> = [
      ['empty', '', 422, /empty/],
      ['neither format', 'name,lat,lon\nBebinca,31,121\n', 422, /neither a CMA best track/],
      ['a latitude beyond the pole', JSON.stringify(broken), 422, /points\.5\.lat/],
      ['a best track missing records its header announces', cma.slice(0, 10).join('\n'), 422, /line|record/i],
      ['truncated JSON', BEBINCA_JSON.slice(0, 5000), 422, /JSON/],
      ['not UTF-8', new Blob([new Uint8Array([0x36, 0x36, 0x36, 0x36, 0x36, 0x20, 0xff, 0xfe, 0x80])]), 422, /UTF-8/],
      ['larger than the cap', 'x'.repeat(MAX_TYPHOON_FILE_BYTES + 1), 413, /larger than 2 MB/],
    ];
    for (const [what, body, status, problem] of cases) {
      const res = await post(body);
      const reply = await answer(res);
      expect(res.status, what).toBe(status);
      expect(reply.ok, what).toBe(false);
      if (!reply.ok) {
        console.info(`${what}: ${reply.error}`);
        expect(reply.error, what).toMatch(problem);
      }
    }
    expect(await stored()).toEqual(before);
    expect((await snapshot()).atSeq, 'no event logged').toBe(head);
  });

  it('is for console seats only', async () => {
    const res = await post(BEBINCA_JSON, '', 'desk-police');
    expect(res.status).toBe(403);
  });
});

describe('putting a storm on the wall', () => {
  /** Sends typhoon.show from a seat and gives the hall's reply. */
  async function show(typhoonId: string, seat = 'console-1') {
    const client = await connect(hall.wsUrl, { seatId: seat, token: hall.tokenOf(seat), role: seat.startsWith('desk') ? 'desk' : 'console' });
    const commandId = `show-${typhoonId}-${Date.now()}`.replace(/[^\w-]/g, '-');
    client.send({ type: 'command', commandId, command: { kind: 'typhoon.show', typhoonId } });
    // A malformed command is answered by an error naming the problem, a refused one by its reject.
    const reply = await client.take((m) => m.type === 'error' || ((m.type === 'ack' || m.type === 'reject') && m.commandId === commandId), 'reply');
    await client.close();
    return reply;
  }

  it('moves an imported storm to the end of the list, the one the wall shows, for every seat', async () => {
    const before = (await stored()).map((s) => s.id);
    expect(before.at(-1)).toBe('wztf-json:2413');
    const watcher = await connect(hall.wsUrl, { seatId: 'desk-police', token: hall.tokenOf('desk-police'), role: 'desk' });
    await watcher.next('snapshot');
    expect((await show('cma-bst:2414')).type).toBe('ack');
    const live = await watcher.next('event', 5000, (m) => m.event.type === 'typhoon.shown');
    expect(live.event).toMatchObject({ seat: 'console-1', payload: { id: 'cma-bst:2414' } });
    await watcher.close();
    const after = (await stored()).map((s) => s.id);
    expect(after).toEqual([...before.filter((id) => id !== 'cma-bst:2414'), 'cma-bst:2414']);
    expect((await snapshot()).typhoons.map((s) => s.id)).toEqual(after);
  });

  it('refuses a storm never imported, and a desk', async () => {
    const before = await stored();
    expect(await show('cma-bst:1999')).toMatchObject({ type: 'reject', code: 'invalid-command', message: expect.stringContaining('cma-bst:1999') });
    expect(await show('wztf-json:2413', 'desk-police')).toMatchObject({ type: 'reject', code: 'forbidden' });
    expect(await show('not an id')).toMatchObject({ type: 'error', message: expect.stringContaining('a typhoon id is source:number') });
    expect(await stored()).toEqual(before);
  });
});

describe('after a restart', () => {
  it('every track is still there, in the same order', async () => {
    const before = await stored();
    const dataDir = hall.dataDir;
    await hall.stop();
    hall = await startHall({ dataDir, args: ['--demo-feed', '0'] });
    expect(await stored()).toEqual(before);
    expect((await snapshot()).typhoons).toEqual(before);
  });
});
