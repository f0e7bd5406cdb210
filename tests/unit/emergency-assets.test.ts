// Flood points, pumps and shelters (S-6.5) through the hall's commands over a real store and log: who may
// report what (the water affairs desk and the console for points and pumps, any desk and the console for
// shelters, never a wall), what a report must say (occupancy 0..capacity, a closed shelter empty, ponding with a
// depth), each report one event, projected, rebuilt the same from the log, in every seat's snapshot; the
// situation feeds carry the shelters' occupancy and the gauges' readings; the site's gauges and pumps are checked.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DAILY_MODE } from '../../electron/common/domain/command-mode.ts';
import { assetPlaces } from '../../electron/common/emergency/asset-rules.ts';
import { describeIssues, type Command, type SeatInfo } from '../../electron/common/protocol.ts';
import { SiteConfig } from '../../electron/common/site/site-config.ts';
import { executeCommand, type CommandContext } from '../../electron/hall/commands.ts';
import { loadDemoLayers } from '../../electron/hall/demo/demo-layers.ts';
import { withGaugesAndShelters } from '../../electron/hall/emergency/emergency-feeds.ts';
import { createEventLog } from '../../electron/hall/event-log.ts';
import { createForcePositions } from '../../electron/hall/force-positions.ts';
import { rebuildProjections } from '../../electron/hall/projections.ts';
import { mapOnlyFeeds } from '../../electron/hall/reports/situation-feeds.ts';
import { snapshotFields } from '../../electron/hall/snapshot.ts';
import { loadAssets } from '../../electron/hall/store/asset-table.ts';
import { openStore } from '../../electron/hall/store/database.ts';
import { DEMO_SITE, demoGazetteer } from '../helpers/demo-site.ts';
import { REPO, tempDataDir } from '../helpers/hall-process.ts';

const NOW = Date.parse('2026-09-16T03:00:00Z');
const POINTS = loadDemoLayers(join(REPO, 'resources')).points.features;
const CONSOLE: SeatInfo = { id: 'console-1', role: 'console', department: 'command', label: '值班指挥台' };
const WATER: SeatInfo = { id: 'desk-water', role: 'desk', department: 'water', label: '水务坐席' };
const POLICE: SeatInfo = { id: 'desk-police', role: 'desk', department: 'police', label: '派出所坐席' };
const WALL: SeatInfo = { id: 'wall-1', role: 'wall', department: 'command', label: '大屏' };

function hall() {
  const store = openStore(join(tempDataDir('assets-'), 'hall.db'));
  const log = createEventLog(store, () => NOW);
  const ctx: CommandContext = {
    log, store, site: DEMO_SITE, now: () => NOW, officerAt: (seat) => (seat.startsWith('desk') ? { name: '王芳', badge: '0042' } : null),
    loadCase: () => undefined, loadForce: () => undefined, consoleSeats: ['console-1'], loadHandover: () => undefined,
    mode: () => DAILY_MODE, openConflict: () => undefined, gazetteer: demoGazetteer(), places: assetPlaces(POINTS, DEMO_SITE.site),
  };
  let n = 0;
  const run = (command: Command, seat = CONSOLE) => executeCommand(ctx, seat, `cmd-asset-${++n}`, command);
  return { store, run };
}

describe('flood assets from the console and desks', () => {
  it('a shelter\'s occupancy is set by the console or any desk, within 0..capacity, and only while open', () => {
    const h = hall();
    expect(h.run({ kind: 'shelter.set', shelterId: 'BN-01', open: true, occupancy: 350 })).toMatchObject({ ok: true });
    expect(h.run({ kind: 'shelter.set', shelterId: 'BN-01', open: true, occupancy: 420 }, POLICE)).toMatchObject({ ok: true });
    expect(h.run({ kind: 'shelter.set', shelterId: 'BN-01', open: true, occupancy: 1201 })).toMatchObject({ ok: false, code: 'invalid-command', message: expect.stringContaining('takes 1200 people, not 1201') });
    expect(h.run({ kind: 'shelter.set', shelterId: 'BN-07', open: false, occupancy: 5 })).toMatchObject({ ok: false, message: expect.stringContaining('a closed shelter holds nobody') });
    expect(h.run({ kind: 'shelter.set', shelterId: 'BN-99', open: true, occupancy: 0 })).toMatchObject({ ok: false, message: expect.stringContaining('no shelter BN-99') });
    expect(h.run({ kind: 'shelter.set', shelterId: 'BN-01', open: true, occupancy: 1 }, WALL)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(loadAssets(h.store).shelters).toEqual([{ shelterId: 'BN-01', open: true, occupancy: 420, at: NOW, seat: 'desk-police' }]);
  });

  it('flood points and pumps are the water affairs desk\'s and the console\'s', () => {
    const h = hall();
    expect(h.run({ kind: 'pump.set', pumpId: 'PS-02', status: 'running' }, WATER)).toMatchObject({ ok: true });
    expect(h.run({ kind: 'pump.set', pumpId: 'PS-03', status: 'fault' })).toMatchObject({ ok: true });
    expect(h.run({ kind: 'pump.set', pumpId: 'PS-02', status: 'stopped' }, POLICE)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(h.run({ kind: 'pump.set', pumpId: 'PS-77', status: 'stopped' })).toMatchObject({ ok: false, message: expect.stringContaining('no pump PS-77') });
    expect(h.run({ kind: 'floodPoint.set', pointId: 'JS-06', status: 'ponding', depthCm: 25 }, WATER)).toMatchObject({ ok: true });
    expect(h.run({ kind: 'floodPoint.set', pointId: 'JS-06', status: 'ponding', depthCm: null })).toMatchObject({ ok: false, message: expect.stringContaining('needs its depth') });
    expect(h.run({ kind: 'floodPoint.set', pointId: 'JS-06', status: 'normal', depthCm: 10 })).toMatchObject({ ok: false, message: expect.stringContaining('no water depth') });
    expect(h.run({ kind: 'floodPoint.set', pointId: 'JS-01', status: 'closed', depthCm: 40 }, POLICE)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(h.run({ kind: 'floodPoint.set', pointId: 'BN-01', status: 'closed', depthCm: 40 })).toMatchObject({ ok: false, message: expect.stringContaining('no flood-prone point BN-01') });
    const assets = loadAssets(h.store);
    expect(assets.pumps.map((p) => [p.pumpId, p.status])).toEqual([['PS-02', 'running'], ['PS-03', 'fault']]);
    expect(assets.floodPoints).toEqual([{ pointId: 'JS-06', status: 'ponding', depthCm: 25, at: NOW, seat: 'desk-water' }]);
  });

  it('are rebuilt the same from the log and reach every seat\'s snapshot', () => {
    const h = hall();
    h.run({ kind: 'shelter.set', shelterId: 'BN-03', open: true, occupancy: 1800 });
    h.run({ kind: 'pump.set', pumpId: 'PS-01', status: 'running' }, WATER);
    const before = loadAssets(h.store);
    rebuildProjections(h.store);
    expect(loadAssets(h.store)).toEqual(before);
    const snapshot = JSON.parse(`{${snapshotFields(h.store, POLICE, createForcePositions(h.store), NOW)}}`) as { assets: unknown; gauges: unknown };
    expect(snapshot.assets).toEqual(before);
    expect(snapshot.gauges).toEqual([]);
  });

  it('fill the situation reports\' shelter and gauge feeds', () => {
    const h = hall();
    h.run({ kind: 'shelter.set', shelterId: 'BN-02', open: true, occupancy: 640 });
    const feeds = withGaugesAndShelters(mapOnlyFeeds(POINTS), {
      site: DEMO_SITE.site, shelters: () => loadAssets(h.store).shelters,
      gauges: () => [{ gaugeId: 'wusongkou', value: 4.86, at: NOW, over: true, trend: 'rising', series: [[NOW, 4.86]] }],
    });
    expect(feeds.shelters()!.find((s) => s.id === 'BN-02')).toEqual({ id: 'BN-02', name: '松江二中避难点', capacity: 2000, occupancy: 640, open: true });
    expect(feeds.shelters()!.find((s) => s.id === 'BN-01')).toMatchObject({ occupancy: null, open: null });
    expect(feeds.gauges()).toEqual([{ id: 'wusongkou', name: '吴淞口', kind: 'tide', value: 4.86, unit: 'm', warnAt: 4.8, at: NOW }]);
  });
});

describe('the site\'s gauges and pumps', () => {
  const problem = (patch: Record<string, unknown>) => {
    const parsed = SiteConfig.safeParse({ ...DEMO_SITE.site, ...patch });
    return parsed.success ? null : describeIssues(parsed.error);
  };
  it('are checked with the rest of the site file', () => {
    expect(problem({})).toBeNull();
    expect(problem({ gauges: [...DEMO_SITE.site.gauges, DEMO_SITE.site.gauges[0]] })).toContain('huangpu-park appears twice');
    expect(problem({ gauges: [{ id: 'x', name: '某站', kind: 'sea', warnAt: 4 }] })).toContain('gauges.0.kind');
    expect(problem({ gauges: [{ id: 'x', name: '某站', kind: 'tide', warnAt: -1 }] })).toContain('gauges.0.warnAt');
    expect(problem({ gauges: [{ id: 'x', name: '某站', kind: 'rain', warnAt: 20, lon: 121.2 }] })).toContain('x: give both lon and lat, or neither');
    expect(problem({ pumps: [{ id: 'PS-1', name: '泵站', gridId: 'M001', lon: 121.2, lat: 31, capacityM3s: 0 }] })).toContain('pumps.0.capacityM3s');
  });
});
