// The demo's seeded history (demo-history.ts): the month before a first start, from the bundled resources.
// Same seed, same history; its hours follow the load profile; every act is one a console or desk could take
// (replayed through checkAct); its month's KPIs, computed by the shared KPI code with the site's rules, look
// like a working street's: near its targets, not always at them.
import { describe, expect, it } from 'vitest';
import { DAY, HOUR, beijing, dayOf, dayStart } from '../../electron/common/domain/beijing-time.ts';
import { newCase } from '../../electron/common/domain/case-intake.ts';
import { applyAct, checkAct, type Actor } from '../../electron/common/domain/case-lifecycle.ts';
import { responsibilityFor } from '../../electron/common/domain/responsibility.ts';
import { slaPolicyFor, slaStatus } from '../../electron/common/domain/sla.ts';
import { computeKpis, kpiRulesFor } from '../../electron/common/kpi/kpi-definitions.ts';
import { kpisByPeriod } from '../../electron/common/kpi/kpi-grouping.ts';
import type { CaseView } from '../../electron/common/protocol.ts';
import { HISTORY_DAYS, historySteps, planDemoHistory, type DemoHistory } from '../../electron/hall/demo/demo-history.ts';
import type { PlannedCase } from '../../electron/hall/demo/history-lifecycle.ts';
import { loadDemoLayers } from '../../electron/hall/demo/demo-layers.ts';
import { loadDemoGrids } from '../../electron/hall/demo/demo-street.ts';
import { demoHistoryInput } from '../../electron/hall/demo/seed-history.ts';
import { DEFAULT_SEATS } from '../../electron/hall/seats.ts';
import { REPO } from '../helpers/hall-process.ts';
import { DEMO_NAMES, DEMO_SITE } from '../helpers/demo-site.ts';
import { join } from 'node:path';

const RESOURCES = join(REPO, 'resources');
const layers = loadDemoLayers(RESOURCES);
const grids = loadDemoGrids(RESOURCES);
/** A Thursday morning. */
const START = beijing('2026-11-19', '10:40');
const input = demoHistoryInput({ site: DEMO_SITE, resourcesDir: RESOURCES, grids, staff: layers.staff.staff, seats: DEFAULT_SEATS }, START);
const history = planDemoHistory(input);
const rules = kpiRulesFor(DEMO_SITE.site);

/** Replays a planned case through the lifecycle rules, as the hall core would check a seat's acts. */
function replay(c: PlannedCase): CaseView {
  let view = newCase(c.draft, { id: c.key, no: 1, at: c.at, seat: null });
  let last = c.at;
  for (const { act, at, from, to, by } of c.acts) {
    const seat = DEFAULT_SEATS.find((s) => s.id === by.seat);
    const actor: Actor = seat ? { role: seat.role, department: seat.department } : { role: 'console', department: 'command' };
    expect(by.origin).toBe(seat?.role === 'desk' ? 'desk' : 'hall');
    const check = checkAct(view, act, actor, at, DEMO_NAMES);
    if (!check.ok) throw new Error(`${c.key} ${act.action}: ${check.reason}`);
    expect([from, to]).toEqual([view.state, check.to]);
    expect(at).toBeGreaterThan(last);
    last = at;
    view = applyAct(view, act, to, at);
  }
  expect(last).toBeLessThan(START);
  return view;
}

const views = history.cases.map(replay);
const month = { from: dayStart(history.firstDay), to: dayStart(dayOf(START)) };
const pearson = (a: readonly number[], b: readonly number[]) => {
  const mean = (x: readonly number[]) => x.reduce((s, v) => s + v, 0) / x.length;
  const [ma, mb] = [mean(a), mean(b)];
  const cov = a.reduce((s, v, i) => s + (v - ma) * (b[i]! - mb), 0);
  return cov / Math.sqrt(a.reduce((s, v) => s + (v - ma) ** 2, 0) * b.reduce((s, v) => s + (v - mb) ** 2, 0));
};

describe('demo history', () => {
  it('is the same history for the same seed and start, another for another seed', () => {
    const again: DemoHistory = planDemoHistory(input);
    expect(again).toEqual(history);
    const other = planDemoHistory({ ...input, seed: 7 });
    expect(other.cases.map((c) => c.at)).not.toEqual(history.cases.map((c) => c.at));
  });

  it('covers the 30 Beijing days before the start and that morning, about 90 cases a day, all demo data', () => {
    expect(history.firstDay).toBe(dayOf(START) - HISTORY_DAYS);
    expect(history.cases[0]!.at).toBeGreaterThanOrEqual(dayStart(history.firstDay));
    expect(history.cases.at(-1)!.at).toBeLessThan(START);
    const perDay = Array.from({ length: HISTORY_DAYS }, (_, d) => history.cases.filter((c) => dayOf(c.at) === history.firstDay + d).length);
    expect(Math.min(...perDay)).toBeGreaterThan(25);
    expect(Math.max(...perDay)).toBeLessThan(200);
    const mean = perDay.reduce((a, b) => a + b, 0) / perDay.length;
    expect(mean).toBeGreaterThan(70);
    expect(mean).toBeLessThan(110);
    expect(history.cases.filter((c) => dayOf(c.at) === dayOf(START)).length).toBeGreaterThan(10);
    expect(history.cases.every((c) => c.draft.demo === true)).toBe(true);
  });

  it('comes in by the hour as the load profile says, and by the weekday', () => {
    const hours = Array.from({ length: 24 }, () => 0);
    for (const c of history.cases) if (c.at < month.to) hours[Math.floor((c.at - dayStart(dayOf(c.at))) / HOUR)]!++;
    expect(pearson(hours, input.profile.hourOfDay.share)).toBeGreaterThan(0.9);
    const byWeekday = [0, 1, 2, 3, 4, 5, 6].map((w) => history.cases.filter((c) => (dayOf(c.at) + 4) % 7 === w && c.at < month.to).length);
    expect(pearson(byWeekday, input.profile.dayOfWeek.multiplier)).toBeGreaterThan(0.8);
  });

  it('has its storm day: the heaviest day brings several times the calm days\' flooding and more hotline calls', () => {
    const days = Array.from({ length: HISTORY_DAYS }, (_, d) => history.cases.filter((c) => dayOf(c.at) === history.firstDay + d));
    const flooding = days.map((cases) => cases.filter((c) => c.draft.category === '防汛防台').length);
    const median = [...flooding].sort((a, b) => a - b)[Math.floor(flooding.length / 2)]!;
    const stormiest = flooding.indexOf(Math.max(...flooding));
    expect(flooding[stormiest]).toBeGreaterThan(3 * Math.max(1, median));
    const proactive = (cases: PlannedCase[]) => cases.filter((c) => ['patrol', 'video'].includes(c.draft.source)).length / cases.length;
    expect(proactive(days[stormiest]!)).toBeLessThan(proactive(history.cases));
  });

  it('puts cases in the street\'s micro grids, street-front ones far more often than residential ones', () => {
    const micro = new Map(grids.features.filter((g) => g.properties.level === 'micro').map((g) => [g.properties.id, g.properties.kind!]));
    expect(history.cases.every((c) => micro.has(c.draft.gridId!) && c.draft.location !== undefined && c.draft.address !== '')).toBe(true);
    const perGrid = (kind: string) => history.cases.filter((c) => micro.get(c.draft.gridId!) === kind).length / [...micro.values()].filter((k) => k === kind).length;
    expect(perGrid('streetfront')).toBeGreaterThan(2.5 * perGrid('residential'));
  });

  it('dispatches to the lead the site names (or the one designated) with forces of the registry', () => {
    const forces = new Map(input.forces.map((f) => [f.id, f]));
    for (const c of history.cases) {
      let designated: string | null = null;
      for (const { act } of c.acts) {
        if (act.action === 'designate') designated = act.lead;
        if (act.action !== 'dispatch') continue;
        expect(act.lead).toBe(designated ?? responsibilityFor(c.draft.category, DEMO_SITE.responsibility).lead);
        for (const id of act.forces) expect(forces.has(id)).toBe(true);
      }
    }
    const dispatches = history.cases.flatMap((c) => c.acts.filter((a) => a.act.action === 'dispatch'));
    expect(dispatches.filter((a) => a.act.action === 'dispatch' && a.act.forces.length > 0).length / dispatches.length).toBeGreaterThan(0.6);
  });

  it('takes cases to every outcome: returned, escalated, suspended and resumed, reworked, reopened, rejected, some still open and overdue', () => {
    const count = (action: string) => history.cases.filter((c) => c.acts.some((a) => a.act.action === action)).length;
    for (const action of ['return', 'escalate', 'suspend', 'resume', 'reopen', 'reject', 'designate', 'accept', 'evaluate']) expect(count(action), action).toBeGreaterThan(2);
    expect(history.cases.filter((c) => c.acts.some((a) => a.act.action === 'verify' && !a.act.passed)).length).toBeGreaterThan(5);
    const open = views.filter((v) => !['closed', 'evaluated', 'rejected'].includes(v.state));
    expect(open.length).toBeGreaterThan(20);
    const policy = slaPolicyFor(DEMO_SITE.site);
    const overdue = open.filter((v) => {
      const sla = slaStatus(v, START, policy);
      return sla.clock !== null && sla.level === 'overdue';
    });
    expect(overdue.length).toBeGreaterThan(5);
    const desk = history.cases.flatMap((c) => c.acts).filter((a) => a.by.origin === 'desk');
    expect(desk.length).toBeGreaterThan(1000);
    expect(desk.every((a) => a.by.officer !== undefined)).toBe(true);
  });

  it('gives the month\'s KPIs a working street\'s figures: near the 85 % and 97 % targets, urgent limits mostly met', () => {
    const k = computeKpis(views, month, START, rules);
    const rate = (name: keyof typeof k) => k[name].rate!;
    expect(rate('proactiveDiscovery')).toBeGreaterThan(0.8);
    expect(rate('proactiveDiscovery')).toBeLessThan(0.9);
    expect(rate('closure')).toBeGreaterThan(0.94);
    expect(rate('closure')).toBeLessThan(0.995);
    expect(rate('onTime')).toBeGreaterThan(0.9);
    expect(rate('onTime')).toBeLessThan(1);
    expect(rate('urgentArrival15m')).toBeGreaterThan(0.8);
    expect(rate('urgentArrival15m')).toBeLessThan(1);
    expect(rate('urgentResult1h')).toBeGreaterThan(0.75);
    expect(rate('urgentResult1h')).toBeLessThan(1);
    expect(rate('satisfaction')).toBeGreaterThan(0.85);
    expect(rate('actualResolution')).toBeGreaterThan(0.85);
    expect(rate('gridSelfHandling')).toBeGreaterThan(0.1);
    expect(rate('gridSelfHandling')).toBeLessThan(0.5);
    expect(k.urgentArrival15m.denominator).toBeGreaterThan(100);
    expect(k.satisfaction.denominator).toBeGreaterThan(150);
    // Day by day the discovery rate is sometimes above its target and sometimes below.
    const daily = kpisByPeriod(views, 'day', month, START, rules).map((b) => b.kpis.proactiveDiscovery.met);
    expect(daily.filter((met) => met === true).length).toBeGreaterThan(3);
    expect(daily.filter((met) => met === false).length).toBeGreaterThan(3);
  });

  it('orders its events as they happened, every case\'s own acts in order', () => {
    const steps = historySteps(history);
    expect(steps).toHaveLength(history.cases.length + history.cases.reduce((s, c) => s + c.acts.length, 0));
    expect(steps.every((s, i) => i === 0 || s.at >= steps[i - 1]!.at)).toBe(true);
    const seen = new Set<string>();
    for (const s of steps) {
      if (s.kind === 'created') seen.add(s.case.key);
      else expect(seen.has(s.case.key)).toBe(true);
    }
    expect(steps.at(-1)!.at - steps[0]!.at).toBeGreaterThan((HISTORY_DAYS - 1) * DAY);
  });
});
