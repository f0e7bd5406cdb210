// The KPI figures in SQL equal their definitions in common/kpi/kpi-definitions.ts: the same random cases go
// through the real projection into a real SQLite file and through the pure functions, for several periods,
// times of day, site rules and groupings.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyAct, checkAct } from '../../electron/common/domain/case-lifecycle.ts';
import { newCase } from '../../electron/common/domain/case-intake.ts';
import { computeKpis, kpiRulesFor, SEED_001_KPI_RULES, type KpiSet } from '../../electron/common/kpi/kpi-definitions.ts';
import { kpisByUnit } from '../../electron/common/kpi/kpi-grouping.ts';
import type { CaseAction, CaseView } from '../../electron/common/protocol.ts';
import { createEventLog } from '../../electron/hall/event-log.ts';
import { createRng } from '../../electron/common/prng.ts';
import { loadCases } from '../../electron/hall/store/case-table.ts';
import { openStore } from '../../electron/hall/store/database.ts';
import { kpisByUnitInSql, kpisInSql } from '../../electron/hall/store/kpi-table.ts';
import { DEMO_NAMES, DEMO_SITE } from '../helpers/demo-site.ts';
import { tempDataDir } from '../helpers/hall-process.ts';

const MIN = 60_000;
const START = Date.UTC(2026, 10, 1, 0, 0) - 8 * 3600_000; // 2026-11-01 00:00 Beijing
const GRADES = ['urgent', 'major', 'general', 'minor'];
const SOURCES = ['hotline12345', 'patrol', 'video', 'nonpolice110', 'qr'] as const;
const CONSOLE = { role: 'console' as const, department: 'command' };

/** Random cases over ten days, each walked a random way through its lifecycle by legal acts only. */
function randomHall() {
  const store = openStore(join(tempDataDir('kpi-sql-'), 'hall.db'));
  const log = createEventLog(store);
  const { next: rand } = createRng(20261203);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  for (let i = 0; i < 600; i++) {
    const at = START + Math.floor(rand() * 10 * 1440) * MIN;
    const draft = {
      title: `案件 ${i}`, description: '', source: pick(SOURCES), urgency: pick(GRADES), category: pick(['市容环境', '街面秩序', '防汛防台']),
      address: '', gridId: rand() < 0.9 ? `M${String(1 + Math.floor(rand() * 9)).padStart(3, '0')}` : undefined,
      ...(rand() < 0.5 ? { dueAt: at + Math.floor(rand() * 3 * 1440) * MIN } : {}),
    };
    const created = log.append({ type: 'case.created', origin: 'hall', seat: null, at, payload: (seq) => newCase(draft, { id: `case-${i}`, no: seq, at, seat: null }) });
    let view = created.event.payload as CaseView;
    let t = at;
    const steps: CaseAction[] = rand() < 0.1 ? [{ action: 'reject', reason: '不属实' }] : [
      { action: 'register' }, { action: 'dispatch', lead: pick(['urban', 'police', 'water']), assisting: [], forces: [], dutyRule: 'clear' },
      { action: 'arrive' }, { action: 'handle', note: '已处置', attachments: [], selfHandled: rand() < 0.5 },
      { action: 'verify', passed: true, note: '' }, { action: 'close', note: '' },
      { action: 'evaluate', satisfaction: pick(['satisfied', 'basic', 'unsatisfied'] as const), resolved: rand() < 0.8, note: '' },
    ];
    const stopAt = Math.floor(rand() * (steps.length + 1));
    for (const act of steps.slice(0, stopAt)) {
      t += Math.floor(rand() * 90) * MIN + MIN;
      const check = checkAct(view, act, CONSOLE, t - 1, DEMO_NAMES);
      if (!check.ok) break;
      const from = view.state;
      log.append({ type: 'case.transitioned', origin: 'hall', seat: null, at: t, payload: () => ({ caseId: view.id, act, from, to: check.to }) });
      view = applyAct(view, act, check.to, t);
    }
  }
  return store;
}

const figuresOnly = (k: KpiSet) => Object.fromEntries(Object.entries(k).map(([n, r]) => [n, { numerator: r.numerator, denominator: r.denominator, rate: r.rate, met: r.met }]));

describe('KPIs in SQL', () => {
  const store = randomHall();
  const cases = loadCases(store);
  const periods = [
    { from: START, to: START + 10 * 1440 * MIN },
    { from: START + 2 * 1440 * MIN, to: START + 3 * 1440 * MIN },
    { from: START + 5 * 1440 * MIN + 7 * 60 * MIN, to: START + 8 * 1440 * MIN },
  ];
  const nows = [START + 3 * 1440 * MIN, START + 11 * 1440 * MIN];
  const ruleSets = [kpiRulesFor(DEMO_SITE.site), SEED_001_KPI_RULES];

  it('equal the definitions for every figure, period, time and site', () => {
    // Every figure has something to count over the whole span, so the comparison is not between zeros.
    for (const r of Object.values(computeKpis(cases, periods[0]!, nows[1]!, ruleSets[0]!))) {
      expect(r.denominator).toBeGreaterThan(5);
      expect(r.numerator).toBeGreaterThan(0);
    }
    for (const p of periods) for (const now of nows) for (const rules of ruleSets) {
      expect(figuresOnly(kpisInSql(store, p, { rules, now }))).toEqual(figuresOnly(computeKpis(cases, p, now, rules)));
    }
  });

  it('give the same case ids to drill down into', () => {
    const p = periods[0]!;
    const rules = ruleSets[0]!;
    const sql = kpisInSql(store, p, { rules, now: nows[1]!, withIds: true });
    const pure = computeKpis(cases, p, nows[1]!, rules);
    for (const name of Object.keys(pure) as Array<keyof KpiSet>) {
      expect([...sql[name].numeratorIds].sort()).toEqual([...pure[name].numeratorIds].sort());
      expect([...sql[name].denominatorIds].sort()).toEqual([...pure[name].denominatorIds].sort());
    }
  });

  it('equal the definitions per unit, for the units the period counts', () => {
    const p = periods[0]!;
    for (const unit of ['grid', 'department', 'source', 'category'] as const) {
      const sql = kpisByUnitInSql(store, unit, p, { rules: ruleSets[0]!, now: nows[1]! });
      const pure = new Map(kpisByUnit(cases, unit, p, nows[1]!, ruleSets[0]!).map((g) => [g.key, g.kpis]));
      expect(sql.length).toBeGreaterThan(1);
      for (const g of sql) expect(figuresOnly(g.kpis), `${unit} ${g.key}`).toEqual(figuresOnly(pure.get(g.key)!));
      const withIds = kpisByUnitInSql(store, unit, p, { rules: ruleSets[0]!, now: nows[1]!, withIds: true });
      for (const g of withIds) {
        for (const [name, r] of Object.entries(g.kpis) as Array<[keyof KpiSet, KpiSet[keyof KpiSet]]>) {
          expect([...r.denominatorIds].sort(), `${unit} ${g.key} ${name}`).toEqual([...pure.get(g.key)![name].denominatorIds].sort());
          expect([...r.numeratorIds].sort()).toEqual([...pure.get(g.key)![name].numeratorIds].sort());
        }
      }
      // A unit left out had nothing counted in the period by any figure.
      for (const [key, kpis] of pure) if (!sql.some((g) => g.key === key)) expect(Object.values(kpis).every((r) => r.denominator === 0)).toBe(true);
    }
  });
});
