// A newcomer's demo hall has a month behind it (S-1.4 seeded history): the embedded default's first start seeds
// 30 days of demo cases through the log before it serves, /api/kpi has figures for last week, a restart adds
// nothing, and a site's own hall (no --demo) seeds nothing.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY, dateKey, dayOf } from '../../electron/common/domain/beijing-time.ts';
import { startOf } from '../../electron/common/kpi/periods.ts';
import { KpiAnswer } from '../../electron/common/http-api.ts';
import type { CaseView } from '../../electron/common/protocol.ts';
import { loadCases } from '../../electron/hall/store/case-table.ts';
import { openStore } from '../../electron/hall/store/database.ts';
import { REPO, startHall, tempDataDir, type HallProcess } from '../helpers/hall-process.ts';
import { connect } from '../helpers/ws-client.ts';

const HISTORY = ['--demo-feed', '0', '--demo-history', '30'];
const SEEDING_MS = 90_000;
let hall: HallProcess;
let dataDir: string;

async function snapshotOf(h: HallProcess): Promise<{ cases: CaseView[]; atSeq: number }> {
  const console1 = await connect(h.wsUrl, { seatId: 'console-1', token: h.tokenOf('console-1') });
  const snapshot = await console1.next('snapshot', 20_000);
  await console1.close();
  return snapshot;
}

const kpi = async (h: HallProcess, query: string) => {
  const res = await fetch(`${h.httpBase}/api/kpi?${query}`, { headers: { authorization: `Bearer ${h.tokenOf('console-1')}` } });
  expect(res.status).toBe(200);
  return KpiAnswer.parse(await res.json());
};

beforeAll(async () => {
  dataDir = tempDataDir('history-');
  hall = await startHall({ dataDir, args: HISTORY });
}, SEEDING_MS);
afterAll(() => hall?.stop());

describe('demo history at first start', () => {
  it('a fresh demo hall holds about 30 days of demo cases, and says it seeded them', async () => {
    expect(hall.output()).toMatch(/seeded demo history: \d+ cases, \d+ new events in [\d.]+ s/);
    // Screens hold a week of finished cases (common/case-window.ts): the month is read from the hall's database.
    const db = openStore(join(hall.dataDir, 'hall.db'), { readonly: true });
    const cases = loadCases(db);
    db.close();
    expect(cases.length).toBeGreaterThan(1800);
    expect((await snapshotOf(hall)).cases.length).toBeLessThan(cases.length);
    expect(cases.every((c) => c.demo === true)).toBe(true);
    const days = new Set(cases.map((c) => dayOf(c.createdAt)));
    expect(days.size).toBeGreaterThanOrEqual(30);
    expect(Math.min(...days)).toBe(dayOf(Date.now()) - 30);
    expect(cases.filter((c) => c.state === 'closed' || c.state === 'evaluated').length).toBeGreaterThan(0.85 * cases.length);
    expect(cases.some((c) => c.state === 'dispatched' || c.state === 'onScene')).toBe(true);
  });

  it('answers /api/kpi for last week with rates, and ranks the departments', async () => {
    const monday = dayOf(startOf('week', Date.now())) - 7;
    const week = `from=${dateKey(monday)}&to=${dateKey(monday + 6)}`;
    const { kpis } = await kpi(hall, week);
    for (const name of ['proactiveDiscovery', 'closure', 'onTime', 'satisfaction', 'actualResolution', 'urgentArrival15m', 'urgentResult1h', 'gridSelfHandling'] as const) {
      expect(kpis[name].rate, name).not.toBeNull();
      expect(kpis[name].denominator, name).toBeGreaterThan(5);
    }
    expect(kpis.proactiveDiscovery.rate).toBeGreaterThan(0.75);
    expect(kpis.closure.rate).toBeGreaterThan(0.9);
    const { ranking } = await kpi(hall, `${week}&groupBy=department&rankBy=closure`);
    expect(ranking!.filter((r) => r.rank > 0).length).toBeGreaterThan(5);
    const byDay = await kpi(hall, `${week}&groupBy=day`);
    expect(byDay.groups!.map((g) => g.kpis.proactiveDiscovery.denominator).every((n) => n > 20)).toBe(true);
  });

  it('a second start adds nothing', async () => {
    const before = await snapshotOf(hall);
    await hall.stop();
    hall = await startHall({ dataDir, args: HISTORY });
    expect(hall.output()).not.toMatch(/seeding demo history/);
    const after = await snapshotOf(hall);
    expect(after.atSeq).toBe(before.atSeq);
    expect(after.cases).toHaveLength(before.cases.length);
  }, SEEDING_MS);

  it('a --site hall without --demo seeds nothing', async () => {
    const site = join(tempDataDir('history-site-'), 'site.json');
    writeFileSync(site, readFileSync(join(REPO, 'resources/demo-street/site.json'), 'utf8'));
    const own = await startHall({ args: ['--site', site, ...HISTORY] });
    try {
      expect(own.output()).not.toMatch(/demo history/);
      const { cases } = await snapshotOf(own);
      expect(cases).toEqual([]);
      const { kpis } = await kpi(own, `from=${dateKey(dayOf(Date.now() - 7 * DAY))}&to=${dateKey(dayOf(Date.now()))}`);
      expect(kpis.closure.rate).toBeNull();
    } finally {
      await own.stop();
    }
  }, SEEDING_MS);
});
