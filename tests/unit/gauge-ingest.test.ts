// Gauge readings through the one ingest path (electron/hall/emergency/gauge-ingest.ts) over a real SQLite store
// and event log: readings are stored once, checked against the site's gauges (refusals named, the rest kept),
// a crossing of a warning line is one `gauge.crossed` event, the views carry value, line, trend and the last
// hours, readings are pruned by age (a moved clock), and the district link's gauge.readings go through it in
// the transaction of the inbox row and cursor.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOUR, MINUTE } from '../../electron/common/domain/beijing-time.ts';
import type { GaugeReading, GaugeView } from '../../electron/common/emergency/gauge-model.ts';
import { GAUGE_KEEP_MS, createGaugeIngest } from '../../electron/hall/emergency/gauge-ingest.ts';
import { createEventLog } from '../../electron/hall/event-log.ts';
import { createForcePositions } from '../../electron/hall/force-positions.ts';
import { openStore } from '../../electron/hall/store/database.ts';
import { eventPage } from '../../electron/hall/store/event-table.ts';
import { ackedDown } from '../../electron/hall/store/upstream-tables.ts';
import { createDownApplier } from '../../electron/hall/upstream/apply-down.ts';
import { createWarningIngest } from '../../electron/hall/emergency/warning-ingest.ts';
import { gaugeReadings } from '../../electron/district/storm.ts';
import { DEMO_SITE, demoGazetteer } from '../helpers/demo-site.ts';
import { tempDataDir } from '../helpers/hall-process.ts';

const T0 = Date.parse('2026-07-12T02:00:00Z');

function hall() {
  const store = openStore(join(tempDataDir('gauges-'), 'hall.db'));
  const events = createEventLog(store);
  let now = T0;
  const published: GaugeView[][] = [];
  const ingest = createGaugeIngest({ store, events, site: DEMO_SITE, now: () => now, publish: (views) => published.push(views) });
  const crossedEvents = () => eventPage(store, 0, 1000).filter((r) => r.type === 'gauge.crossed').map((r) => JSON.parse(r.payload) as { gaugeId: string; over: boolean; value: number });
  return { store, events, ingest, published, crossedEvents, setNow: (t: number) => { now = t; } };
}

const tide = (value: number, at: number, gaugeId = 'huangpu-park'): GaugeReading => ({ gaugeId, kind: 'tide', value, at });
const settle = () => new Promise<void>((resolve) => queueMicrotask(resolve));

describe('recordGaugeReadings', () => {
  it('stores readings once and publishes the gauges that changed, after the transaction', async () => {
    const h = hall();
    const answer = h.events.batch(() => h.ingest.recordGaugeReadings([tide(3.9, T0 - 10 * MINUTE), tide(4.1, T0 - 5 * MINUTE)], 'http'));
    expect(answer).toMatchObject({ stored: 2, duplicates: 0, refused: [], crossed: [] });
    expect(h.published).toEqual([]);
    await settle();
    expect(h.published).toHaveLength(1);
    expect(h.published[0]![0]).toMatchObject({ gaugeId: 'huangpu-park', value: 4.1, over: false, trend: 'rising', series: [[T0 - 10 * MINUTE, 3.9], [T0 - 5 * MINUTE, 4.1]] });
    const again = h.ingest.recordGaugeReadings([tide(4.1, T0 - 5 * MINUTE)], 'upstream');
    expect(again).toMatchObject({ stored: 0, duplicates: 1 });
  });

  it('names each refused reading and keeps the others', () => {
    const h = hall();
    const answer = h.ingest.recordGaugeReadings([
      tide(4, T0, 'no-such-gauge'),
      { gaugeId: 'zhongshan-rain', kind: 'tide', value: 3, at: T0 },
      tide(4, T0 + HOUR),
      { gaugeId: 'zhongshan-rain', kind: 'rain', value: -2, at: T0 },
      tide(4.2, T0),
    ], 'http');
    expect(answer.stored).toBe(1);
    expect(answer.refused.map((r) => r.index)).toEqual([0, 1, 2, 3]);
    expect(answer.refused[0]!.reason).toContain('no gauge no-such-gauge');
    expect(answer.refused[1]!.reason).toContain('is a rain gauge, not tide');
    expect(answer.refused[2]!.reason).toContain("ahead of the hall's clock");
    expect(answer.refused[3]!.reason).toContain('negative');
    expect(h.ingest.views().map((v) => v.gaugeId)).toEqual(['huangpu-park']);
  });

  it('appends one gauge.crossed when the latest reading passes the warning line, and one when it falls back', () => {
    const h = hall();
    h.ingest.recordGaugeReadings([tide(4.4, T0 - 20 * MINUTE)], 'upstream');
    const up = h.ingest.recordGaugeReadings([tide(4.55, T0 - 10 * MINUTE)], 'upstream');
    expect(up.crossed).toHaveLength(1);
    h.ingest.recordGaugeReadings([tide(4.7, T0 - 5 * MINUTE)], 'upstream');
    // A late reading from before does not change the latest, so it crosses nothing.
    expect(h.ingest.recordGaugeReadings([tide(4.0, T0 - 15 * MINUTE)], 'upstream').crossed).toEqual([]);
    expect(h.ingest.views()[0]).toMatchObject({ value: 4.7, over: true, trend: 'rising' });
    h.ingest.recordGaugeReadings([tide(4.5, T0)], 'upstream');
    expect(h.crossedEvents()).toEqual([
      { gaugeId: 'huangpu-park', value: 4.55, readAt: T0 - 10 * MINUTE, warnAt: 4.55, over: true },
      { gaugeId: 'huangpu-park', value: 4.5, readAt: T0, warnAt: 4.55, over: false },
    ]);
  });

  it('keeps readings for a month after they arrived, then prunes them', () => {
    const h = hall();
    h.ingest.recordGaugeReadings([tide(3, T0 - MINUTE)], 'upstream');
    h.setNow(T0 + 10 * 24 * HOUR);
    h.ingest.recordGaugeReadings([tide(3.2, T0 + 10 * 24 * HOUR - MINUTE)], 'upstream');
    expect(h.ingest.prune(T0 + GAUGE_KEEP_MS - 1)).toBe(0);
    expect(h.ingest.prune(T0 + GAUGE_KEEP_MS + 1)).toBe(1);
    expect(h.ingest.views()[0]).toMatchObject({ value: 3.2, series: [[T0 + 10 * 24 * HOUR - MINUTE, 3.2]] });
    expect(h.ingest.prune(T0 + 10 * 24 * HOUR + GAUGE_KEEP_MS + 1)).toBe(1);
    expect(h.ingest.views()).toEqual([]);
  });
});

describe('gauge.readings from the district', () => {
  it('go through the ingest with the inbox row and the cursor; a redelivery changes nothing', () => {
    const h = hall();
    const applyDown = createDownApplier({
      store: h.store, events: h.events, site: DEMO_SITE, gazetteer: demoGazetteer(), positions: createForcePositions(h.store),
      gauges: h.ingest, ingestWarning: createWarningIngest({ events: h.events, street: () => null, log: () => {} }), now: () => T0, log: () => {},
    });
    // The simulator's storm, three hours in: the surge has lifted the tide gauges.
    const since = T0 - 3 * HOUR;
    const readings = [...gaugeReadings(T0 - 40 * MINUTE, since), ...gaugeReadings(T0 - 30 * MINUTE, since)];
    const first = applyDown(7, 'gauges:1', { kind: 'gauge.readings', readings }, true);
    expect(ackedDown(h.store)).toBe(7);
    expect(h.ingest.views().map((v) => v.gaugeId).sort()).toEqual(['huangpu-park', 'wusongkou', 'zhongshan-rain']);
    expect(first.map((a) => a.event.type)).toEqual(h.ingest.views().filter((v) => v.over).map(() => 'gauge.crossed'));
    const stored = h.ingest.views();
    expect(applyDown(8, 'gauges:1', { kind: 'gauge.readings', readings }, true)).toEqual([]);
    expect(ackedDown(h.store)).toBe(8);
    expect(h.ingest.views()).toEqual(stored);
  });

  it('keep the message in the inbox, its outcome naming the refusal, when some readings are refused', () => {
    const h = hall();
    const lines: string[] = [];
    const applyDown = createDownApplier({
      store: h.store, events: h.events, site: DEMO_SITE, gazetteer: demoGazetteer(), positions: createForcePositions(h.store),
      gauges: h.ingest, ingestWarning: createWarningIngest({ events: h.events, street: () => null, log: () => {} }), now: () => T0, log: (l) => lines.push(l),
    });
    applyDown(1, 'gauges:2', { kind: 'gauge.readings', readings: [tide(4, T0, 'xujiahui'), tide(4, T0)] }, false);
    const row = h.store.get<{ outcome: string; body: string | null }>('SELECT outcome, body FROM upstream_inbox WHERE key = ?', 'gauges:2')!;
    expect(row.outcome).toContain('refused 1');
    expect(JSON.parse(row.body!)).toMatchObject({ kind: 'gauge.readings' });
    expect(lines.join('\n')).toContain('no gauge xujiahui');
    expect(h.ingest.views()).toHaveLength(1);
  });
});
