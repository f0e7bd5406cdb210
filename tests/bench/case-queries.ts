// Issue 3: with 100k cases stored, the queue query, text search and the KPI computation, each timed as a
// ratio to a plain indexed SQL count on the same database in the same run.
import { join } from 'node:path';
import { caseCreatedSpec } from '../../electron/hall/commands.ts';
import { CaseQuery } from '../../electron/common/http-api.ts';
import { searchCases } from '../../electron/hall/store/case-search.ts';
import { createEventLog, type AppendSpec } from '../../electron/hall/event-log.ts';
import { loadCases } from '../../electron/hall/store/case-table.ts';
import { openStore, type Store } from '../../electron/hall/store/database.ts';
import { computeKpis, SEED_001_KPI_RULES as RULES } from '../../electron/common/kpi/kpi-definitions.ts';
import { kpisByUnit } from '../../electron/common/kpi/kpi-grouping.ts';
import type { CaseAction, CaseDraft, CaseState, HallEvent } from '../../electron/common/protocol.ts';
import { tempDataDir } from '../helpers/hall-process.ts';

const PLACES = ['荣乐东路', '中山中路', '人民北路', '谷阳北路', '玉树路', '西林北路'];
const PROBLEMS: Array<[string, string]> = [['市容环境', '垃圾箱满溢'], ['街面秩序', '占道经营'], ['防汛防台', '道路积水'], ['噪声扰民', '夜间施工噪声'], ['设施管理', '窨井盖缺失']];
const SOURCES = ['hotline12345', 'patrol', 'video', 'nonpolice110', 'qr'] as const;
const DAY = 86_400_000;

/** A store of `n` cases over 30 days, about a third of them carried through dispatch to closure. */
export function fillStore(n: number): Store {
  const store = openStore(join(tempDataDir('bench-cases-'), 'hall.db'));
  const log = createEventLog(store);
  const start = Date.now() - 30 * DAY;
  for (let from = 0; from < n; from += 1000) {
    const specs = Array.from({ length: Math.min(1000, n - from) }, (_, k) => {
      const i = from + k;
      const [category, title] = PROBLEMS[i % PROBLEMS.length]!;
      const draft: CaseDraft = {
        title: `${PLACES[i % PLACES.length]}${title}`, description: `第${i}号 市民反映${title}`, category, source: SOURCES[i % SOURCES.length]!,
        urgency: i % 10 === 0 ? 'urgent' : 'general', address: `中山街道 ${PLACES[(i * 7) % PLACES.length]} ${i % 500} 号`, gridId: `M${String((i % 125) + 1).padStart(3, '0')}`,
      };
      return caseCreatedSpec(draft, { origin: 'upstream', seat: null, at: start + Math.floor((i / n) * 30 * DAY) });
    });
    const created = log.appendMany(specs);
    const acts: Array<AppendSpec<HallEvent>> = [];
    created.forEach(({ event }, k) => {
      if ((from + k) % 3 !== 0 || event.type !== 'case.created') return;
      const c = event.payload;
      const steps: Array<[CaseAction, CaseState, number]> = [
        [{ action: 'register' }, 'registered', 60_000], [{ action: 'dispatch', lead: 'urban', assisting: [], forces: [], dutyRule: 'clear' }, 'dispatched', 120_000],
        [{ action: 'arrive' }, 'onScene', 600_000], [{ action: 'handle', note: '已处置', attachments: [], selfHandled: true }, 'handled', 1_800_000],
        [{ action: 'verify', passed: true, note: '' }, 'verified', 3_600_000], [{ action: 'close', note: '' }, 'closed', 4_000_000],
      ];
      let state: CaseState = c.state;
      for (const [act, to, after] of steps) {
        const from = state;
        acts.push({ type: 'case.transitioned', origin: 'hall', seat: 'console-1', at: c.createdAt + after, payload: () => ({ caseId: c.id, act, from, to }) });
        state = to;
      }
    });
    log.appendMany(acts);
  }
  return store;
}

export interface QueryTimings { baselineMs: number; queueMs: number; searchMs: number; shortSearchMs: number; kpiMs: number }

const time = (fn: () => unknown, repeat: number) => {
  fn();
  const started = performance.now();
  for (let i = 0; i < repeat; i++) fn();
  return (performance.now() - started) / repeat;
};

export function timeQueries(store: Store): QueryTimings {
  const now = Date.now();
  const period = { from: now - 30 * DAY, to: now };
  return {
    baselineMs: time(() => store.get("SELECT count(*) FROM cases WHERE state = 'dispatched'"), 20),
    // The console's queue: open cases of a state, newest first, one page.
    queueMs: time(() => searchCases(store, CaseQuery.parse({ state: 'reported', limit: 200 })), 20),
    searchMs: time(() => searchCases(store, CaseQuery.parse({ q: '荣乐东路道路积水' })), 20),
    shortSearchMs: time(() => searchCases(store, CaseQuery.parse({ q: '积水' })), 5),
    // KPIs as the board computes them: every case loaded, the whole set and by department.
    kpiMs: time(() => {
      const cases = loadCases(store);
      computeKpis(cases, period, now, RULES);
      kpisByUnit(cases, 'department', period, now, RULES);
    }, 2),
  };
}
