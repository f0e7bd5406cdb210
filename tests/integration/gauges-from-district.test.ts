// Gauge readings from the district simulator's storm reach the hall over the upstream link, each its own process:
// the hall stores them through its one ingest path, every seat gets the gauges as telemetry (the `gauges`
// message), GET /api/gauges and a new seat's snapshot carry them, and a gauge over its line is on the log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GaugeView } from '../../electron/common/emergency/gauge-model.ts';
import type { HallEvent } from '../../electron/common/protocol.ts';
import { startDistrict, type DistrictProcess } from '../helpers/district-process.ts';
import { startHall, type HallProcess } from '../helpers/hall-process.ts';
import { connect, type TestClient } from '../helpers/ws-client.ts';

let district: DistrictProcess;
let hall: HallProcess;
let wall: TestClient;

beforeAll(async () => {
  district = await startDistrict();
  hall = await startHall({ args: ['--demo-feed', '0', '--district', `ws://127.0.0.1:${district.ready.port}`, '--district-token', district.ready.enrolToken!] });
  wall = await connect(hall.wsUrl, { role: 'wall', seatId: 'wall-1', token: hall.tokenOf('wall-1') });
});
afterAll(async () => {
  await wall?.close();
  await hall?.stop();
  await district?.stop();
});

describe('a storm called at the district', () => {
  it('brings its gauge readings to every seat of the hall', async () => {
    await district.call('/admin/storm', { on: true, gaugeEveryS: 1 });
    const first = await wall.next('gauges', 20_000);
    const ids = first.gauges.map((g) => g.gaugeId).sort();
    expect(ids).toEqual(['huangpu-park', 'wusongkou', 'zhongshan-rain']);
    // A second batch a second later: each gauge's series grows.
    const second = await wall.next('gauges', 10_000);
    const rain = second.gauges.find((g) => g.gaugeId === 'zhongshan-rain')!;
    expect(rain.series.length).toBeGreaterThanOrEqual(2);
    expect(rain.over).toBe(rain.value >= 20);

    const res = await fetch(`${hall.httpBase}/api/gauges`, { headers: { authorization: `Bearer ${hall.tokenOf('desk-police')}` } });
    const served = (await res.json()) as GaugeView[];
    expect(served.map((g) => g.gaugeId).sort()).toEqual(ids);
    const desk = await connect(hall.wsUrl, { role: 'desk', seatId: 'desk-police', token: hall.tokenOf('desk-police') });
    const snapshot = await desk.next('snapshot');
    expect(snapshot.gauges.map((g) => g.gaugeId).sort()).toEqual(ids);
    await desk.close();

    // Whatever is over its line now has crossed it on the log, named.
    const over = served.filter((g) => g.over).map((g) => g.gaugeId).sort();
    const crossed = wall.messages.flatMap((m) => (m.type === 'event' && m.event.type === 'gauge.crossed' ? [(m.event as Extract<HallEvent, { type: 'gauge.crossed' }>).payload] : []));
    expect([...new Set(crossed.filter((c) => c.over).map((c) => c.gaugeId))].sort()).toEqual(expect.arrayContaining(over));
    await district.call('/admin/storm', { on: false });
  });
});
