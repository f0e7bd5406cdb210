// The hall's one CAP ingest path over a real store (S-6.4): the street's area from the demo grids; the district
// link's cap.alert applied in the transaction that records the inbox row and moves the cursor (a refused one keeps
// its body there and stores no event); what is held is a projection, rebuilt from the log the same; the snapshot
// carries it; the same message twice is stored once.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { capTimeMs } from '../../electron/common/cap/cap-model.ts';
import { streetAreaOf } from '../../electron/common/cap/street-area.ts';
import type { SeatInfo } from '../../electron/common/protocol.ts';
import { loadDemoGrids } from '../../electron/hall/demo/demo-street.ts';
import { createWarningIngest } from '../../electron/hall/emergency/warning-ingest.ts';
import { loadWarnings } from '../../electron/hall/emergency/warning-state.ts';
import { createEventLog } from '../../electron/hall/event-log.ts';
import { createForcePositions } from '../../electron/hall/force-positions.ts';
import { rebuildProjections } from '../../electron/hall/projections.ts';
import { snapshotFields } from '../../electron/hall/snapshot.ts';
import { openStore } from '../../electron/hall/store/database.ts';
import { ackedDown } from '../../electron/hall/store/upstream-tables.ts';
import { createDownApplier } from '../../electron/hall/upstream/apply-down.ts';
import { HOSTILE_CAP, CN_CAP } from '../helpers/cap-fixtures.ts';
import { DEMO_SITE, demoGazetteer } from '../helpers/demo-site.ts';
import { REPO, tempDataDir } from '../helpers/hall-process.ts';

const NOW = capTimeMs('2024-09-15T13:00:00+08:00');
const WALL: SeatInfo = { id: 'wall-1', role: 'wall', department: 'command', label: '大屏' };
const xml = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');
const street = streetAreaOf(loadDemoGrids(join(REPO, 'resources')).features);

function hall() {
  const store = openStore(join(tempDataDir('warnings-'), 'hall.db'));
  const events = createEventLog(store, () => NOW);
  const ingestWarning = createWarningIngest({ events, street: () => street, log: () => {} });
  const positions = createForcePositions(store);
  const applyDown = createDownApplier({ store, events, site: DEMO_SITE, gazetteer: demoGazetteer(), positions, ingestWarning, gauges: { recordGaugeReadings: () => { throw new Error('no gauge readings in these tests'); } }, now: () => NOW, log: () => {} });
  const inbox = (key: string) => store.get<{ outcome: string; body: string | null }>('SELECT outcome, body FROM upstream_inbox WHERE key = ?', key);
  return { store, events, ingestWarning, applyDown, positions, inbox };
}

describe('the warning ingest path', () => {
  it('reads the street from the grids: 中山街道 310117004 and its outline', () => {
    expect(street).toMatchObject({ geocode: '310117004' });
    expect(street!.outline.length).toBeGreaterThan(20);
  });

  it('applies a district cap.alert with its inbox row and cursor in one transaction', () => {
    const h = hall();
    const appended = h.applyDown(1, 'cap:orange', { kind: 'cap.alert', xml: xml(CN_CAP, 'typhoon-orange-songjiang.xml') }, false);
    expect(appended.map((a) => a.event.type)).toEqual(['warning.received']);
    expect(appended[0]!.event).toMatchObject({ origin: 'upstream', seat: null, payload: { via: 'district', covers: true, summary: { hazard: 'typhoon', level: 'II' } } });
    expect(h.inbox('cap:orange')).toEqual({ outcome: 'applied', body: null });
    expect(ackedDown(h.store)).toBe(1);
    // Redelivered: nothing new.
    expect(h.applyDown(1, 'cap:orange', { kind: 'cap.alert', xml: xml(CN_CAP, 'typhoon-orange-songjiang.xml') }, false)).toEqual([]);
    expect(h.events.head()).toBe(1);

    // A refused warning stores no event; the inbox keeps it as it came, for a person to look at.
    const hostile = { kind: 'cap.alert' as const, xml: xml(HOSTILE_CAP, 'billion-laughs.xml') };
    expect(h.applyDown(2, 'cap:laughs', hostile, false)).toEqual([]);
    expect(h.inbox('cap:laughs')).toEqual({ outcome: 'refused: doctype', body: JSON.stringify(hostile) });
    expect(ackedDown(h.store)).toBe(2);
    expect(h.events.head()).toBe(1);
  });

  it('stores the same message once whichever way it comes, and refuses without storing', () => {
    const h = hall();
    const orange = new TextEncoder().encode(xml(CN_CAP, 'typhoon-orange-songjiang.xml'));
    const first = h.ingestWarning(orange, { via: 'console', seat: 'console-1', file: 'a.xml' });
    expect(first).toMatchObject({ ok: true, duplicate: false, covers: true, outcome: { held: true } });
    expect(h.ingestWarning(orange, { via: 'district' })).toMatchObject({ ok: true, duplicate: true, outcome: null });
    const refused = h.ingestWarning(new TextEncoder().encode(xml(HOSTILE_CAP, 'xxe-file.xml')), { via: 'http', seat: 'console-1' });
    expect(refused).toMatchObject({ ok: false, refusal: { code: 'doctype', line: 3, column: 1 } });
    expect(h.events.head()).toBe(1);
    // Chongming is another district of Shanghai: not the street's.
    expect(h.ingestWarning(new TextEncoder().encode(xml(CN_CAP, 'chongming-rainstorm.xml')), { via: 'http', seat: 'console-1' })).toMatchObject({ ok: true, covers: false });
  });

  it('projects what is held, sends it in the snapshot and rebuilds it from the log the same', () => {
    const h = hall();
    for (const file of ['typhoon-orange-songjiang.xml', 'typhoon-red-update.xml']) h.ingestWarning(new TextEncoder().encode(xml(CN_CAP, file)), { via: 'district' });
    const held = loadWarnings(h.store);
    expect(held.map((w) => [w.summary.identifier, w.summary.level])).toEqual([['31011741600000_20240915120000_0', 'I']]);
    expect(JSON.parse(`{${snapshotFields(h.store, WALL, h.positions, NOW)}}`).warnings).toEqual(held);
    rebuildProjections(h.store);
    expect(loadWarnings(h.store)).toEqual(held);
  });
});
