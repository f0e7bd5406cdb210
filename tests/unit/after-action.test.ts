// The after-action review (复盘) as a pure function over a fixture log of one typhoon episode: raised from III to
// II, a case from before closed during it, a new waterlogging case dispatched and closed, a situation report, the
// duty action done in time and the patrol passing its deadline; then the replay's frames and the forces' positions
// sampled from their tracks. A CAP warning received during it (the raise to red) and a typhoon track imported on
// the console are on the timeline.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCap } from '../../electron/common/cap/parse-cap.ts';
import { summarizeWarning } from '../../electron/common/cap/warning-summary.ts';
import { newCase } from '../../electron/common/domain/case-intake.ts';
import type { CaseAction, CaseDraft, CaseState, CaseView } from '../../electron/common/domain/case-model.ts';
import type { ModeSwitch } from '../../electron/common/domain/command-mode.ts';
import { WALL_PRESETS } from '../../electron/common/domain/wall-model.ts';
import { applyPlanEvent, type PlanData } from '../../electron/common/plan-projection.ts';
import { buildReview, dispatchedForces, replayAt, replayFrames, sampleTrack } from '../../electron/common/preplan/after-action.ts';
import { planSteps, type PlanLibrary } from '../../electron/common/preplan/plan-activation.ts';
import { PlanFile } from '../../electron/common/preplan/plan-file.ts';
import { entryText } from '../../electron/common/preplan/review-words.ts';
import type { HallEvent } from '../../electron/common/protocol.ts';
import { UNKNOWN_RADII, type TrackFix } from '../../electron/common/typhoon/track-schema.ts';

const MIN = 60_000;
const T0 = Date.UTC(2026, 7, 1, 2);
const [typhoonPlan] = PlanFile.parse({
  source: 'test',
  plans: [{
    hazard: 'typhoon', title: '防台预案', categories: ['防汛防台'], reportEveryMin: 120,
    actions: [
      { id: 'duty', from: 'IV', title: '启动值班', department: 'command', deadlineMin: 30, items: [{ id: 'roster', text: '带班' }] },
      { id: 'patrol', from: 'III', title: '巡查积水点', department: 'water', deadlineMin: { III: 120, II: 60 }, items: [{ id: 'watch', text: '值守' }, { id: 'depth', text: '报水深', from: 'II' }] },
      { id: 'trees', from: 'III', title: '排查树木', department: 'greening', deadlineMin: 240, items: [{ id: 'check', text: '排查' }] },
      { id: 'evacuate', from: 'II', title: '转移人员', department: 'housing', deadlineMin: 90, items: [{ id: 'move', text: '转移' }] },
    ],
  }],
}).plans;
const library: PlanLibrary = { plans: new Map([['typhoon', typhoonPlan!]]), stations: { all: [], flood: [], shelter: [], names: {} } };

/** The log of the episode, built the way the hall appends it. */
function fixtureLog() {
  const events: HallEvent[] = [];
  const data: PlanData = { plan: null, episode: null, situationReports: [] };
  let seq = 100;
  const add = (type: HallEvent['type'], payload: unknown, at: number, seat: string | null = 'console-1') => {
    const event = { seq: ++seq, id: `e${seq}`, origin: 'hall', at, seat, type, payload } as HallEvent;
    events.push(event);
    applyPlanEvent(data, event);
    return event;
  };
  const switchTo = (to: ModeSwitch, at: number) => {
    add('mode.switched', { ...to, layout: WALL_PRESETS[to.target.mode] }, at);
    for (const step of planSteps({ library, plan: data.plan, episode: data.episode, next: to, newPlanId: 'plan-1' })) add(step.type, step.payload, at);
  };
  const act = (view: CaseView, a: CaseAction, from: CaseState, to: CaseState, at: number) => add('case.transitioned', { caseId: view.id, act: a, from, to }, at);
  const draft: CaseDraft = { title: '下立交积水', description: '', source: 'patrol', urgency: 'urgent', category: '防汛防台', address: '', location: { lon: 121.23, lat: 31.0 }, gridId: 'M062' };
  const prior = { ...newCase({ ...draft, title: '井盖缺失', category: '设施管理', location: { lon: 121.22, lat: 31.01 } }, { id: 'case-prior', no: 50, at: T0 - 60 * MIN, seat: null }), state: 'dispatched' as const };

  switchTo({ target: { mode: 'emergency', hazard: 'typhoon', level: 'III' }, reason: '台风黄色预警', drill: false, warning: 'CAP-1' }, T0);
  const water = add('case.created', newCase(draft, { id: 'case-water', no: seq + 1, at: T0 + 5 * MIN, seat: 'console-1' }), T0 + 5 * MIN) as Extract<HallEvent, { type: 'case.created' }>;
  act(water.payload, { action: 'register' }, 'reported', 'registered', T0 + 8 * MIN);
  act(water.payload, { action: 'dispatch', lead: 'urban', assisting: [], forces: ['CG-001', 'CG-002'], dutyRule: 'clear' }, 'registered', 'dispatched', T0 + 10 * MIN);
  add('plan.ticked', { planId: 'plan-1', actionId: 'duty', itemId: 'roster', stations: [], done: true }, T0 + 20 * MIN);
  act(prior, { action: 'handle', note: '已修复', attachments: [], selfHandled: false }, 'dispatched', 'handled', T0 + 25 * MIN);
  act(prior, { action: 'close', note: '' }, 'handled', 'closed', T0 + 30 * MIN);
  add('situation.reported', { id: 'rep-1', no: 1, episodeSeq: 101, at: T0 + 60 * MIN, trigger: 'schedule', drill: false, planId: 'plan-1', title: '灾情快报', subtitle: '', sections: [] }, T0 + 60 * MIN, null);
  add('plan.ticked', { planId: 'plan-1', actionId: 'patrol', itemId: 'watch', stations: [], done: true }, T0 + 70 * MIN, 'desk-flex-1');
  const fix = (hours: number, category: TrackFix['category']): TrackFix => ({ t: T0 + hours * 60 * MIN, lat: 28 + hours, lon: 124, pressureHpa: 960, maxWindMs: 38, category, radii: UNKNOWN_RADII });
  const track = { source: 'wztf-json', cmaNumber: '2413', internationalNumber: '2413', nameEn: 'Bebinca', nameZh: '贝碧嘉', fixes: [fix(-6, 'STS'), fix(0, 'TY')], forecasts: [], landfalls: [] } as const;
  add('typhoon.imported', { id: 'wztf-json:2413', file: 'bebinca.json', track }, T0 + 75 * MIN);
  const update = parseCap(readFileSync(join(import.meta.dirname, '../fixtures/cap/cn/typhoon-red-update.xml')));
  if (!update.ok) throw new Error(update.reason.message);
  add('warning.received', { summary: summarizeWarning(update.alert), via: 'district', covers: true }, T0 + 85 * MIN, null);
  // Stored a minute after the reading it reports: the timeline puts it at the reading.
  add('gauge.crossed', { gaugeId: 'huangpu-park', name: '黄浦公园', kind: 'tide', value: 4.62, readAt: T0 + 87 * MIN, warnAt: 4.55, over: true }, T0 + 88 * MIN, null);
  switchTo({ target: { mode: 'emergency', hazard: 'typhoon', level: 'II' }, reason: '升级为橙色预警', drill: false }, T0 + 90 * MIN);
  act(water.payload, { action: 'handle', note: '已排水', attachments: [], selfHandled: false }, 'dispatched', 'handled', T0 + 110 * MIN);
  act(water.payload, { action: 'close', note: '' }, 'handled', 'closed', T0 + 120 * MIN);
  switchTo({ target: { mode: 'daily' }, reason: '台风远离，解除响应', drill: false }, T0 + 180 * MIN);
  return { events, episode: data.episode!, prior };
}

describe('the after-action review of an episode', () => {
  const { events, episode, prior } = fixtureLog();
  const review = buildReview({ episode, events, priorCases: [prior], categories: () => ['防汛防台'] });

  it('covers the episode from the switch into emergency to the stand-down', () => {
    expect(episode).toMatchObject({ seq: 101, startedAt: T0, endedAt: T0 + 180 * MIN, peakLevel: 'II', level: 'II' });
    expect(review).toMatchObject({ episodeSeq: 101, endSeq: episode.endedSeq, startedAt: T0, endedAt: T0 + 180 * MIN, hazard: 'typhoon', peakLevel: 'II', drill: false });
  });

  it('lays out what happened when, in order', () => {
    const line = (e: (typeof review.entries)[number]) => `${(e.at - T0) / MIN} ${e.kind} ${entryText(e, 'zh', (d) => d)}`;
    expect(review.entries.map(line)).toEqual([
      '0 mode 切换到台风Ⅲ级应急响应：台风黄色预警（预警 CAP-1）',
      '0 planActivated 防台预案（Ⅲ级），3项措施',
      '5 caseOpened #103 下立交积水（防汛防台） 应急类',
      '10 dispatch #103 下立交积水 → urban，CG-001、CG-002',
      '20 actionDone 启动值班（command）按时完成',
      '30 caseClosed #50 井盖缺失 已结案',
      '60 report 第1期（定时）',
      '75 typhoon 导入第2413号台风“贝碧嘉”路径，2个定位，最新为台风',
      '85 warning 松江区气象台将台风橙色预警升级为红色[Ⅰ级/特别严重]（更新，区平台，覆盖本街道）',
      '87 gauge 黄浦公园 4.62 m，超过警戒 4.55 m',
      '90 mode 切换到台风Ⅱ级应急响应：升级为橙色预警',
      '90 planActivated 防台预案（Ⅱ级），4项措施，新增1项',
      '120 caseClosed #103 下立交积水 已结案',
      // Patrol gained an item at the raise: 60 minutes from then, and it was never finished.
      '150 actionLate 巡查积水点（water）超过时限未完成',
      '180 mode 切换到日常指挥：台风远离，解除响应',
      '180 planClosed 防台预案随应急响应结束而关闭',
      // Evacuation's deadline (90 min from the raise) is the stand-down itself: unfinished, not late.
    ]);
  });

  it('sums it up: cases, dispatches, actions in time, late and not done, reports', () => {
    expect(review.summary).toEqual({
      minutes: 180, casesOpened: 1, casesClosed: 2, casesOpenAtEnd: 0, emergencyCases: 1, dispatches: 1, forcesDispatched: 2,
      actions: { total: 4, onTime: 1, late: 0, notDone: 3 }, reports: 1,
    });
    expect(review.actions.map((a) => `${a.actionId} ${a.doneAt === null ? 'not done' : a.late ? 'late' : 'in time'} ${a.done}/${a.total}`))
      .toEqual(['duty in time 1/1', 'patrol not done 1/2', 'trees not done 0/1', 'evacuate not done 0/1']);
    expect(dispatchedForces(review)).toEqual(['CG-001', 'CG-002']);
  });

  it('replays the cases open at each moment', () => {
    expect(review.replay.frames).toHaveLength(181);
    expect(review.replay.frames.at(-1)).toBe(T0 + 180 * MIN);
    const openAt = (minute: number) => replayAt(review, minute).cases.map((c) => c.id);
    expect(openAt(0)).toEqual(['case-prior']);
    expect(openAt(6)).toEqual(['case-prior', 'case-water']);
    expect(openAt(60)).toEqual(['case-water']);
    expect(openAt(180)).toEqual([]);
    expect(review.cases.find((c) => c.id === 'case-water')).toMatchObject({ emergency: true, openedAt: T0 + 5 * MIN, closedAt: T0 + 120 * MIN, state: 'closed', position: { lon: 121.23, lat: 31.0 } });
  });

  it('refuses an episode that has not ended', () => {
    expect(() => buildReview({ episode: { ...episode, endedSeq: null, endedAt: null }, events, priorCases: [], categories: () => [] })).toThrow(/has not ended/);
  });
});

describe('replay frames and tracks', () => {
  it('steps at least a minute, at most 240 frames, both ends included', () => {
    expect(replayFrames(T0, T0 + 30_000)).toEqual([T0, T0 + 30_000]);
    expect(replayFrames(T0, T0 + 3 * MIN)).toEqual([T0, T0 + MIN, T0 + 2 * MIN, T0 + 3 * MIN]);
    const day = replayFrames(T0, T0 + 24 * 60 * MIN);
    expect(day.length).toBeLessThanOrEqual(240);
    expect(day.at(-1)).toBe(T0 + 24 * 60 * MIN);
  });

  it('samples a force at each frame from its last fix, none once the fix is ten minutes old', () => {
    const fixes = [{ at: T0 - 5 * MIN, lon: 1, lat: 2 }, { at: T0 + 2 * MIN, lon: 3, lat: 4 }];
    expect(sampleTrack(fixes, [T0 - 9 * MIN, T0, T0 + MIN, T0 + 2 * MIN, T0 + 12 * MIN, T0 + 13 * MIN])).toEqual([null, [1, 2], [1, 2], [3, 4], [3, 4], null]);
  });
});
