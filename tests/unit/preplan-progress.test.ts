// Pre-plans as pure rules: which plan events a mode switch brings (activation by hazard × level, the raise, another
// hazard, the stand-down), the fold of activations and ticks into the plan (per station, raise keeps what was
// ticked), progress and overdue actions, and who may tick what.
import { describe, expect, it } from 'vitest';
import type { ModeSwitch } from '../../electron/common/domain/command-mode.ts';
import { applyPlanEvent, type PlanData } from '../../electron/common/plan-projection.ts';
import { planSteps, type PlanLibrary } from '../../electron/common/preplan/plan-activation.ts';
import { PlanFile, type HazardPlanSpec } from '../../electron/common/preplan/plan-file.ts';
import type { PlanView } from '../../electron/common/preplan/plan-model.ts';
import { actionProgress, planProgress, planSummary } from '../../electron/common/preplan/plan-progress.ts';
import { tickRefusal, type TickSeat } from '../../electron/common/preplan/plan-rules.ts';
import type { HallEvent } from '../../electron/common/protocol.ts';
import { WALL_PRESETS } from '../../electron/common/domain/wall-model.ts';

const MIN = 60_000;
const T0 = Date.UTC(2026, 7, 1, 2); // 10:00 Beijing

const [spec, rain] = PlanFile.parse({
  source: 'test',
  plans: [{
    hazard: 'typhoon', title: '防台预案', categories: ['防汛防台'], reportEveryMin: { IV: 240, II: 60 },
    actions: [
      { id: 'duty', from: 'IV', title: '值班', department: 'command', deadlineMin: 30, items: [{ id: 'roster', text: '带班' }] },
      { id: 'patrol', from: 'III', title: '巡逻', department: 'police', deadlineMin: { III: 120, II: 60 }, items: [{ id: 'roads', text: '路段' }, { id: 'tunnels', text: '下立交', from: 'II' }] },
      { id: 'trees', from: 'III', title: '树木', department: 'urban', deadlineMin: 240, stations: 'all', items: [{ id: 'check', text: '排查' }, { id: 'fix', text: '加固' }] },
      { id: 'evacuate', from: 'II', title: '转移', department: 'urban', deadlineMin: 90, stations: { with: 'flood' }, items: [{ id: 'move', text: '转移' }] },
    ],
  }, { hazard: 'rainstorm', title: '防暴雨预案', categories: ['防汛防台'], reportEveryMin: 120, actions: [{ id: 'rain', from: 'IV', title: '排水', department: 'command', deadlineMin: 60, items: [{ id: 'go', text: '排水' }] }] }],
}).plans as [HazardPlanSpec, HazardPlanSpec];
const library: PlanLibrary = {
  plans: new Map([['typhoon', spec], ['rainstorm', rain]]),
  stations: { all: ['GZ-01', 'GZ-02', 'GZ-03'], flood: ['GZ-02'], shelter: [], names: { 'GZ-01': '一站', 'GZ-02': '二站', 'GZ-03': '三站' } },
};

/** A little hall: folds events through the shared reducer, appending the plan events each switch brings. */
function hall() {
  const data: PlanData = { plan: null, episode: null, situationReports: [] };
  let seq = 0;
  const fold = (type: HallEvent['type'], payload: unknown, at: number, seat: string | null = 'console-1') => {
    const event = { seq: ++seq, id: `e${seq}`, origin: 'hall', at, seat, type, payload } as HallEvent;
    applyPlanEvent(data, event);
    return event;
  };
  let ids = 0;
  return {
    data,
    switchTo(next: ModeSwitch, at: number) {
      fold('mode.switched', { ...next, layout: WALL_PRESETS.daily }, at);
      const steps = planSteps({ library, plan: data.plan, episode: data.episode, next, newPlanId: `plan-${++ids}` });
      for (const step of steps) fold(step.type, step.payload, at);
      return steps;
    },
    tick(actionId: string, itemId: string, stations: string[], done: boolean, at: number, seat = 'desk-police') {
      return fold('plan.ticked', { planId: data.plan!.id, actionId, itemId, stations, done }, at, seat);
    },
  };
}
const typhoon = (level: 'IV' | 'III' | 'II' | 'I', drill = false): ModeSwitch => ({ target: { mode: 'emergency', hazard: 'typhoon', level }, reason: '预警', drill });
const daily: ModeSwitch = { target: { mode: 'daily' }, reason: '解除', drill: false };

describe('activation by hazard × level', () => {
  it('activates the hazard\'s plan at the level, with the actions and items of that level and below', () => {
    const h = hall();
    const steps = h.switchTo(typhoon('III'), T0);
    expect(steps.map((s) => s.type)).toEqual(['plan.activated']);
    const plan = h.data.plan!;
    expect(plan).toMatchObject({ id: 'plan-1', level: 'III', episodeSeq: 1, startedAt: T0, reportEveryMin: 240, closedAt: null });
    expect(plan.actions.map((a) => a.id)).toEqual(['duty', 'patrol', 'trees']);
    expect(plan.actions.find((a) => a.id === 'patrol')!.items.map((i) => i.id)).toEqual(['roads']);
    expect(plan.actions.find((a) => a.id === 'trees')!.stations).toEqual(['GZ-01', 'GZ-02', 'GZ-03']);
    expect(plan.actions.find((a) => a.id === 'duty')!.deadlineAt).toBe(T0 + 30 * MIN);
    expect(plan.stationNames).toEqual({ 'GZ-01': '一站', 'GZ-02': '二站', 'GZ-03': '三站' });
  });

  it('raises the level on the same plan: new actions and items join, deadlines tighten from the raise, ticks stay', () => {
    const h = hall();
    h.switchTo(typhoon('III'), T0);
    h.tick('patrol', 'roads', [], true, T0 + 10 * MIN);
    h.tick('trees', 'check', ['GZ-01'], true, T0 + 15 * MIN);
    const steps = h.switchTo(typhoon('II'), T0 + 100 * MIN);
    expect(steps.map((s) => s.type)).toEqual(['plan.activated']);
    const plan = h.data.plan!;
    expect(plan.id).toBe('plan-1');
    expect(plan.levels.map((l) => l.level)).toEqual(['III', 'II']);
    expect(plan.reportEveryMin).toBe(60);
    expect(plan.actions.map((a) => a.id)).toEqual(['duty', 'patrol', 'trees', 'evacuate']);
    expect(plan.ticks.map((t) => `${t.actionId}/${t.itemId}/${t.station}`)).toEqual(['patrol/roads/null', 'trees/check/GZ-01']);
    const byId = (id: string) => plan.actions.find((a) => a.id === id)!;
    // Patrol gained an item: its deadline counts from the raise (60 min at II), so it is not late at once.
    expect(byId('patrol').items.map((i) => i.id)).toEqual(['roads', 'tunnels']);
    expect(byId('patrol').deadlineAt).toBe(T0 + 160 * MIN);
    // Duty keeps its own deadline; evacuate joins from the raise.
    expect(byId('duty').deadlineAt).toBe(T0 + 30 * MIN);
    expect(byId('evacuate')).toMatchObject({ activatedAt: T0 + 100 * MIN, deadlineAt: T0 + 190 * MIN, stations: ['GZ-02'] });
    // Patrol was complete at III; with the added item it is not.
    expect(actionProgress(plan, byId('patrol'), T0 + 101 * MIN)).toMatchObject({ state: 'open', done: 1, total: 2 });
  });

  it('tightens an unchanged action\'s deadline from the raise, never lengthens it', () => {
    const h = hall();
    h.switchTo(typhoon('III'), T0);
    h.switchTo(typhoon('II'), T0 + 10 * MIN);
    // trees: 240 at III and II (no change): stays T0 + 240.
    expect(h.data.plan!.actions.find((a) => a.id === 'trees')!.deadlineAt).toBe(T0 + 240 * MIN);
    h.switchTo(typhoon('III'), T0 + 20 * MIN);
    h.switchTo(typhoon('II'), T0 + 200 * MIN);
    expect(h.data.plan!.actions.find((a) => a.id === 'trees')!.deadlineAt).toBe(T0 + 240 * MIN);
  });

  it('releases the higher level\'s actions when the level is lowered, keeping their ticks; they start afresh if raised again', () => {
    const h = hall();
    h.switchTo(typhoon('II'), T0);
    h.tick('evacuate', 'move', ['GZ-02'], true, T0 + 5 * MIN, 'desk-urban');
    h.switchTo(typhoon('III'), T0 + 60 * MIN);
    const released = h.data.plan!.actions.find((a) => a.id === 'evacuate')!;
    expect(released.released).toBe(true);
    expect(planSummary(h.data.plan!, T0 + 200 * MIN).total).toBe(3);
    expect(actionProgress(h.data.plan!, released, T0 + 200 * MIN).state).toBe('released');
    h.switchTo(typhoon('I'), T0 + 120 * MIN);
    expect(h.data.plan!.actions.find((a) => a.id === 'evacuate')).toMatchObject({ released: false, activatedAt: T0 + 120 * MIN, deadlineAt: T0 + 210 * MIN });
    expect(h.data.plan!.ticks.some((t) => t.actionId === 'evacuate')).toBe(true);
  });

  it('replaces the plan for another hazard within the episode, and closes it at the stand-down', () => {
    const h = hall();
    h.switchTo(typhoon('III'), T0);
    const first = h.data.plan!;
    const steps = h.switchTo({ target: { mode: 'emergency', hazard: 'rainstorm', level: 'II' }, reason: '暴雨', drill: false }, T0 + MIN);
    expect(steps.map((s) => s.type)).toEqual(['plan.closed', 'plan.activated']);
    expect(steps[0]!.payload).toEqual({ planId: first.id, reason: 'replaced' });
    expect(h.data.plan).toMatchObject({ hazard: 'rainstorm', episodeSeq: first.episodeSeq });
    expect(h.data.episode).toMatchObject({ seq: 1, hazard: 'rainstorm', level: 'II', peakLevel: 'II', endedSeq: null });
    const down = h.switchTo(daily, T0 + 2 * MIN);
    expect(down).toEqual([{ type: 'plan.closed', payload: { planId: h.data.plan!.id, reason: 'standDown' } }]);
    expect(h.data.plan).toMatchObject({ closedAt: T0 + 2 * MIN, closeReason: 'standDown' });
    expect(h.data.episode).toMatchObject({ endedAt: T0 + 2 * MIN });
  });

  it('activates nothing for a hazard without a plan (the episode runs all the same), and nothing out of emergency', () => {
    const h = hall();
    expect(h.switchTo({ target: { mode: 'emergency', hazard: 'heat', level: 'III' }, reason: '高温', drill: false }, T0)).toEqual([]);
    expect(h.data.episode).toMatchObject({ hazard: 'heat', endedSeq: null });
    expect(h.switchTo({ target: { mode: 'joint' }, reason: '联席', drill: false }, T0 + MIN)).toEqual([]);
    expect(h.data.episode!.endedSeq).not.toBeNull();
  });

  it('starts a new episode and plan when a drill follows a real response', () => {
    const h = hall();
    h.switchTo(typhoon('III'), T0);
    const steps = h.switchTo(typhoon('III', true), T0 + MIN);
    expect(steps.map((s) => s.type)).toEqual(['plan.closed', 'plan.activated']);
    expect(steps[0]!.payload).toMatchObject({ reason: 'standDown' });
    expect(h.data.plan).toMatchObject({ drill: true, episodeSeq: 3 }); // the drill's own switch
  });
});

describe('progress and overdue actions', () => {
  const started = () => {
    const h = hall();
    h.switchTo(typhoon('III'), T0);
    return h;
  };
  const progressOf = (plan: PlanView, id: string, now: number) => actionProgress(plan, plan.actions.find((a) => a.id === id)!, now);

  it('counts items per station; an action is done when every item is ticked at every station', () => {
    const h = started();
    h.tick('trees', 'check', ['GZ-01', 'GZ-02', 'GZ-03'], true, T0 + 10 * MIN, 'console-1');
    h.tick('trees', 'fix', ['GZ-01'], true, T0 + 20 * MIN);
    let p = progressOf(h.data.plan!, 'trees', T0 + 30 * MIN);
    expect(p).toMatchObject({ state: 'open', done: 4, total: 6, doneAt: null, late: false });
    expect(p.stations).toEqual([{ station: 'GZ-01', done: 2, total: 2 }, { station: 'GZ-02', done: 1, total: 2 }, { station: 'GZ-03', done: 1, total: 2 }]);
    h.tick('trees', 'fix', ['GZ-02', 'GZ-03'], true, T0 + 40 * MIN);
    p = progressOf(h.data.plan!, 'trees', T0 + 50 * MIN);
    expect(p).toMatchObject({ state: 'done', done: 6, doneAt: T0 + 40 * MIN, late: false });
  });

  it('keeps the first tick\'s time and author; an untick takes the item back', () => {
    const h = started();
    h.tick('trees', 'check', ['GZ-01'], true, T0 + 10 * MIN, 'desk-urban');
    h.tick('trees', 'check', ['GZ-01', 'GZ-02'], true, T0 + 20 * MIN, 'console-1');
    expect(h.data.plan!.ticks).toEqual([
      expect.objectContaining({ station: 'GZ-01', at: T0 + 10 * MIN, seat: 'desk-urban' }),
      expect.objectContaining({ station: 'GZ-02', at: T0 + 20 * MIN, seat: 'console-1' }),
    ]);
    h.tick('trees', 'check', ['GZ-01'], false, T0 + 30 * MIN);
    expect(h.data.plan!.ticks.map((t) => t.station)).toEqual(['GZ-02']);
  });

  it('is late once its deadline has passed unfinished, and done late when finished after it', () => {
    const h = started();
    expect(progressOf(h.data.plan!, 'duty', T0 + 30 * MIN).state).toBe('open');
    expect(progressOf(h.data.plan!, 'duty', T0 + 30 * MIN + 1)).toMatchObject({ state: 'late', late: true });
    expect(planSummary(h.data.plan!, T0 + 31 * MIN)).toEqual({ total: 3, done: 0, late: 1, open: 2, doneLate: 0 });
    expect(planProgress(h.data.plan!, T0 + 31 * MIN).map((p) => p.action.id)).toEqual(['duty', 'patrol', 'trees']);
    h.tick('duty', 'roster', [], true, T0 + 45 * MIN, 'console-1');
    expect(progressOf(h.data.plan!, 'duty', T0 + 50 * MIN)).toMatchObject({ state: 'done', late: true, doneAt: T0 + 45 * MIN });
    expect(planSummary(h.data.plan!, T0 + 50 * MIN)).toMatchObject({ done: 1, late: 0, doneLate: 1 });
    // Done comes after what needs attention.
    expect(planProgress(h.data.plan!, T0 + 50 * MIN).map((p) => p.action.id)).toEqual(['patrol', 'trees', 'duty']);
  });

  it('is judged at the stand-down once the plan is closed', () => {
    const h = started();
    h.switchTo(daily, T0 + 20 * MIN);
    expect(progressOf(h.data.plan!, 'duty', T0 + 500 * MIN)).toMatchObject({ state: 'open', late: false });
  });
});

describe('who may tick what', () => {
  const h = hall();
  h.switchTo(typhoon('III'), T0);
  const plan = h.data.plan!;
  const police: TickSeat = { role: 'desk', department: 'police' };
  const console1: TickSeat = { role: 'console', department: 'command' };
  const name = (d: string) => ({ police: '派出所', urban: '城管中队', command: '城运中心' })[d] ?? d;
  const tick = (actionId: string, itemId: string, stations: string[] = [], done = true) => ({ planId: plan.id, actionId, itemId, stations, done });
  const refused = (t: ReturnType<typeof tick>, seat: TickSeat = police) => tickRefusal(plan, t, seat, name);

  it('a desk its own department\'s actions, the console any, a wall none', () => {
    expect(refused(tick('patrol', 'roads'))).toBeNull();
    expect(refused(tick('trees', 'check', ['GZ-01']))).toEqual({ code: 'forbidden', message: expect.stringMatching(/^该措施由城管中队负责/) });
    expect(refused(tick('trees', 'check', ['GZ-01']), console1)).toBeNull();
    expect(refused(tick('patrol', 'roads'), { role: 'wall', department: 'command' })).toMatchObject({ code: 'forbidden' });
  });

  it('only items and stations the action has, and only a change', () => {
    expect(refused(tick('evacuate', 'move', ['GZ-02']), console1)?.message).toMatch(/no action evacuate in force/);
    expect(refused(tick('patrol', 'tunnels'))?.message).toMatch(/no item tunnels/);
    expect(refused(tick('patrol', 'roads', ['GZ-01']))?.message).toMatch(/not ticked per station/);
    expect(refused(tick('trees', 'check'), console1)?.message).toMatch(/name the stations/);
    expect(refused(tick('trees', 'check', ['GZ-09']), console1)?.message).toMatch(/does not apply to station GZ-09/);
    expect(refused(tick('trees', 'check', ['GZ-01', 'GZ-01']), console1)?.message).toMatch(/named twice/);
    expect(refused(tick('patrol', 'roads', [], false))?.message).toMatch(/not ticked/);
    expect(tickRefusal(null, tick('patrol', 'roads'), police, name)?.message).toMatch(/no plan/);
    expect(tickRefusal({ ...plan, closedAt: T0 }, tick('patrol', 'roads'), police, name)?.message).toMatch(/closed/);
    h.tick('patrol', 'roads', [], true, T0 + MIN);
    expect(tickRefusal(h.data.plan, tick('patrol', 'roads'), police, name)?.message).toMatch(/already ticked/);
  });
});
