// Situation reports (灾情快报): issued by the hall itself every so often while a plan is in force (over a real store
// and log, with a clock the test moves: once per slot, one after a stop, none outside emergency), numbered within
// the episode with the ones made on demand, and carrying the figures: the response, the plan's progress, the
// emergency's cases by category, state and grid, the forces out, and sections without a feed saying so.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ModeSwitch } from '../../electron/common/domain/command-mode.ts';
import { WALL_PRESETS } from '../../electron/common/domain/wall-model.ts';
import { planSteps } from '../../electron/common/preplan/plan-activation.ts';
import type { SituationReport } from '../../electron/common/preplan/situation-model.ts';
import type { CaseView, HallEvent } from '../../electron/common/protocol.ts';
import { caseCreatedSpec } from '../../electron/hall/commands.ts';
import { loadDemoLayers } from '../../electron/hall/demo/demo-layers.ts';
import { loadDemoGrids } from '../../electron/hall/demo/demo-street.ts';
import { createEventLog, type Appended, type AppendSpec } from '../../electron/hall/event-log.ts';
import { loadPlanLibrary } from '../../electron/hall/preplans/plan-file-load.ts';
import { issueDueReport, issueSituationReport, nextScheduledAt, type SituationDeps } from '../../electron/hall/preplans/situation-reports.ts';
import { mapOnlyFeeds } from '../../electron/hall/reports/situation-feeds.ts';
import { openStore } from '../../electron/hall/store/database.ts';
import { rebuildProjections } from '../../electron/hall/projections.ts';
import { latestEpisode, latestPlan, situationReportRefs } from '../../electron/hall/store/emergency-table.ts';
import { loadSite } from '../../electron/hall/site-file.ts';
import { REPO, tempDataDir } from '../helpers/hall-process.ts';

const MIN = 60_000;
const T0 = Date.UTC(2026, 7, 1, 2);
const RESOURCES = join(REPO, 'resources');
const site = loadSite(join(RESOURCES, 'demo-street/site.json'));
const layers = loadDemoLayers(RESOURCES);
const grids = loadDemoGrids(RESOURCES).features;
const { library } = loadPlanLibrary(join(RESOURCES, 'demo-street/site.json'), true, site, { points: layers.points.features, grids });

function hallAt(start: number) {
  const store = openStore(join(tempDataDir('situation-'), 'hall.db'));
  let now = start;
  const events = createEventLog(store, () => now);
  const sent: Appended[] = [];
  const byId = new Map(grids.map((g) => [g.properties.id, g.properties]));
  const deps: SituationDeps = {
    store, events, site, plans: library, feeds: mapOnlyFeeds(layers.points.features), now: () => now, broadcast: (a) => sent.push(a), log: () => {},
    areaOf: (id) => {
      const small = byId.get(byId.get(id)?.parentId ?? '');
      return small && { id: small.id, name: small.name };
    },
    stationName: (id) => id,
  };
  const append = (type: HallEvent['type'], payload: unknown) => events.append({ type, origin: 'hall', seat: 'console-1', payload: () => payload } as AppendSpec<HallEvent>);
  return {
    store, deps, sent,
    at: (t: number) => (now = t),
    switchTo(to: ModeSwitch) {
      append('mode.switched', { ...to, layout: WALL_PRESETS[to.target.mode] });
      for (const step of planSteps({ library, plan: latestPlan(store), episode: latestEpisode(store), next: to, newPlanId: `plan-${now}` })) append(step.type, step.payload);
    },
    tick(actionId: string, itemId: string, stations: string[] = []) {
      append('plan.ticked', { planId: latestPlan(store)!.id, actionId, itemId, stations, done: true });
    },
    addCase(title: string, category: string, gridId: string): CaseView {
      const draft = { title, description: '', source: 'patrol' as const, urgency: 'urgent', category, address: '', gridId };
      return (events.append(caseCreatedSpec(draft, { origin: 'hall', seat: 'console-1', at: now })).event as Extract<HallEvent, { type: 'case.created' }>).payload;
    },
    act(view: CaseView, act: object, from: string, to: string) {
      append('case.transitioned', { caseId: view.id, act, from, to });
    },
  };
}
const typhoon = (level: 'III' | 'II'): ModeSwitch => ({ target: { mode: 'emergency', hazard: 'typhoon', level }, reason: '台风预警', drill: false });
const reportOf = (a: Appended | undefined) => (a!.event as Extract<HallEvent, { type: 'situation.reported' }>).payload;
const rows = (report: SituationReport, key: string) => report.sections.find((s) => s.key === key)!.table.rows;

describe('scheduled situation reports', () => {
  it('are due every reportEveryMin of the level in force, after the last scheduled one', () => {
    const h = hallAt(T0);
    h.switchTo(typhoon('III'));
    const episode = latestEpisode(h.store)!;
    const plan = latestPlan(h.store)!;
    expect(nextScheduledAt(episode, plan, null)).toBe(T0 + 240 * MIN);
    expect(nextScheduledAt(episode, plan, T0 + 300 * MIN)).toBe(T0 + 540 * MIN);
    expect(nextScheduledAt(episode, null, null)).toBeNull();
  });

  it('are issued once per slot, one after a stop, numbered with those on demand, none out of emergency', () => {
    const h = hallAt(T0);
    expect(issueDueReport(h.deps)).toBeUndefined(); // daily command
    h.switchTo(typhoon('III'));
    h.at(T0 + 239 * MIN);
    expect(issueDueReport(h.deps)).toBeUndefined();
    h.at(T0 + 240 * MIN);
    expect(reportOf(issueDueReport(h.deps))).toMatchObject({ no: 1, trigger: 'schedule', at: T0 + 240 * MIN });
    expect(issueDueReport(h.deps)).toBeUndefined();
    // On demand in between: numbered on, the schedule unchanged.
    h.at(T0 + 300 * MIN);
    expect(reportOf(issueSituationReport(h.deps, 'demand', { origin: 'hall', seat: 'console-1', idemKey: 'demand-1' }))).toMatchObject({ no: 2, trigger: 'demand' });
    // Raised to II: every 120 minutes from the last scheduled one. The hall was down from 370 to 700: one report, then on from there.
    h.switchTo(typhoon('II'));
    h.at(T0 + 700 * MIN);
    expect(reportOf(issueDueReport(h.deps))).toMatchObject({ no: 3, trigger: 'schedule' });
    expect(issueDueReport(h.deps)).toBeUndefined();
    h.at(T0 + 820 * MIN);
    expect(reportOf(issueDueReport(h.deps))).toMatchObject({ no: 4 });
    expect(h.sent.map((a) => a.event.type)).toEqual(Array(4).fill('situation.reported'));
    const episode = latestEpisode(h.store)!.seq;
    expect(situationReportRefs(h.store, episode).map((r) => r.no)).toEqual([1, 2, 3, 4]);
    h.switchTo({ target: { mode: 'daily' }, reason: '解除', drill: false });
    h.at(T0 + 2000 * MIN);
    expect(issueDueReport(h.deps)).toBeUndefined();
    expect(issueSituationReport(h.deps, 'demand', { origin: 'hall', seat: 'console-1', idemKey: 'demand-2' })).toBeUndefined();
  });
});

describe('the situation report', () => {
  it('carries the response, the plan\'s progress, the emergency\'s cases and forces, and says what has no feed', () => {
    const h = hallAt(T0 - 10 * MIN);
    h.addCase('之前的案件', '防汛防台', 'M062'); // before the emergency: not counted
    h.at(T0);
    h.switchTo(typhoon('III'));
    h.at(T0 + 10 * MIN);
    const water = h.addCase('下立交积水', '防汛防台', 'M062');
    h.addCase('行道树倒伏', '园林绿化', 'M001');
    h.addCase('噪声扰民', '噪声扰民', 'M001'); // not an emergency category
    h.act(water, { action: 'register' }, 'reported', 'registered');
    h.tick('ty-patrol', 'patrol');
    h.tick('ty-patrol', 'underpass');
    h.tick('ty-stations', 'onduty', ['GZ-01', 'GZ-02']);
    h.at(T0 + 45 * MIN);
    const report = reportOf(issueSituationReport(h.deps, 'demand', { origin: 'hall', seat: 'console-1', idemKey: 'demand-1' }));
    expect(report.title).toBe('中山街道城运中心灾情快报');
    expect(report.subtitle).toMatch(/^台风Ⅲ级应急响应 · 第1期 · 2026-08-01 10:45$/);
    expect(report.sections.map((s) => s.key)).toEqual(['overview', 'plan', 'stations', 'casesByState', 'casesByGrid', 'forces', 'warnings', 'gauges', 'shelters']);
    const overview = Object.fromEntries(rows(report, 'overview') as Array<[string, string]>);
    expect(overview).toMatchObject({ 应急响应: '台风Ⅲ级应急响应', 启动时间: '2026-08-01 10:00', 已持续: '45分钟', 启动原因: '台风预警', 全部案件: '应急响应以来上报3件' });
    expect(overview.预案).toBe('中山街道防御台风应急预案：10项措施，已完成1项，超时1项，进行中8项');
    expect(overview.应急类案件).toMatch(/^上报2件，已办结0件，未办结2件/);
    // Late first (the 30-minute duty), done last.
    const plan = rows(report, 'plan');
    expect(plan[0]).toEqual(['启动防汛防台值班', '城运中心', T0 + 30 * MIN, '超时未完成', '0/3', '—', null]);
    expect(plan.at(-1)).toEqual(['加强街面巡逻防控', '派出所', T0 + 120 * MIN, '已完成', '2/2', '—', T0 + 10 * MIN]);
    expect(plan.find((r) => r[0] === '工作站进入防汛值守')).toEqual(['工作站进入防汛值守', '网格中心', T0 + 120 * MIN, '进行中', '2/52', '0/26', null]);
    expect(rows(report, 'stations').find((r) => r[0] === 'GZ-01')).toEqual(['GZ-01', 3, 0, expect.stringContaining('工作站进入防汛值守')]);
    expect(rows(report, 'casesByState')).toEqual([
      ['防汛防台', 1, 0, 1, 0, 0, 0], ['园林绿化', 1, 1, 0, 0, 0, 0], ['合计', 2, 1, 1, 0, 0, 0],
    ]);
    expect(rows(report, 'casesByGrid')).toEqual([['功能区片区公司（S13）', 1, 1, 0, 1], ['谷阳居委（S01）', 1, 1, 0, 1]]);
    const section = (key: string) => report.sections.find((s) => s.key === key)!.table;
    expect(section('warnings')).toMatchObject({ rows: [], note: expect.stringMatching(/未接入/) });
    expect(section('gauges')).toMatchObject({ rows: [], note: expect.stringMatching(/未接入/) });
    expect(section('shelters').rows[0]).toEqual(['中山小学避难点', 1200, null, '—']);

    // The plan, its episode and its reports are projections: rebuilt from the log, the same.
    const before = [latestPlan(h.store), latestEpisode(h.store), situationReportRefs(h.store)];
    rebuildProjections(h.store);
    expect([latestPlan(h.store), latestEpisode(h.store), situationReportRefs(h.store)]).toEqual(before);
  });
});
