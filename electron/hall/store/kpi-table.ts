// case_kpi and the S-5 figures computed from it in SQL. Each figure is the SQL form of its definition in
// common/kpi/kpi-definitions.ts (same milestones, same counting rules; a unit test holds them equal on random
// cases): a count and a conditional sum over an index range of one milestone, optionally grouped by a unit.
import { isClosed, isCounted, KPI_NAMES, KPI_TARGETS, PROACTIVE_SOURCES, type KpiName, type KpiResult, type KpiRules, type KpiSet } from '../../common/kpi/kpi-definitions.ts';
import type { Period } from '../../common/kpi/periods.ts';
import type { CaseView } from '../../common/protocol.ts';
import type { Store } from './database.ts';

export function upsertCaseKpi(db: Store, c: CaseView): void {
  const flag = (b: boolean | null) => (b === null ? null : Number(b));
  db.run(
    `INSERT OR REPLACE INTO case_kpi (no, id, counted, closed, urgency, source, grid_id, lead, category, created_at, registered_at,
       on_scene_at, handled_at, closed_at, evaluated_at, due_at, satisfaction, resolved, self_handled)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    c.no, c.id, Number(isCounted(c)), Number(isClosed(c)), c.urgency, c.source, c.gridId ?? null, c.lead, c.category, c.createdAt,
    c.registeredAt, c.onSceneAt, c.handledAt, c.closedAt, c.evaluatedAt, c.dueAt ?? null, c.satisfaction, flag(c.resolved), Number(c.selfHandled),
  );
}

/** The columns a figure may be grouped by; cases without one are the unit '-' (kpi-grouping.ts's NO_UNIT). */
export const KPI_UNIT_COLUMNS = { grid: 'grid_id', department: 'lead', source: 'source', category: 'category' } as const;
export type KpiUnit = keyof typeof KPI_UNIT_COLUMNS;

interface FigureSql { milestone: string; where: string; numerator: string }

const quoted = (s: string) => `'${s.replace(/'/g, "''")}'`;
const list = (items: readonly string[]) => (items.length ? items.map(quoted).join(', ') : "''");

/** The SQL of each figure under the site's rules (its urgent grades and their limits, in ms) at `now`. */
function figures(rules: KpiRules, now: number): Record<KpiName, FigureSql> {
  const urgent = Object.entries(rules.urgent);
  const limit = (which: 'onSceneMs' | 'resultMs') => `CASE urgency ${urgent.map(([g, l]) => `WHEN ${quoted(g)} THEN ${l[which]}`).join(' ')} END`;
  const deadline = urgent.length ? `CASE WHEN urgency IN (${list(urgent.map(([g]) => g))}) THEN registered_at + ${limit('resultMs')} ELSE due_at END` : 'due_at';
  const urgentWithin = (column: string, which: 'onSceneMs' | 'resultMs'): FigureSql => ({
    milestone: 'registered_at',
    where: `urgency IN (${list(urgent.map(([g]) => g))}) AND (${column} IS NOT NULL OR ${now} >= registered_at + ${limit(which)})`,
    numerator: `${column} IS NOT NULL AND ${column} - registered_at <= ${limit(which)}`,
  });
  return {
    proactiveDiscovery: { milestone: 'created_at', where: '1', numerator: `source IN (${list(PROACTIVE_SOURCES)})` },
    closure: { milestone: 'registered_at', where: '1', numerator: 'closed = 1' },
    onTime: { milestone: 'closed_at', where: `closed = 1 AND (${deadline}) IS NOT NULL`, numerator: `closed_at <= (${deadline})` },
    actualResolution: { milestone: 'evaluated_at', where: 'resolved IS NOT NULL', numerator: 'resolved = 1' },
    satisfaction: { milestone: 'evaluated_at', where: 'satisfaction IS NOT NULL', numerator: "satisfaction IN ('satisfied', 'basic')" },
    urgentArrival15m: urgentWithin('on_scene_at', 'onSceneMs'),
    urgentResult1h: urgentWithin('handled_at', 'resultMs'),
    gridSelfHandling: { milestone: 'handled_at', where: '1', numerator: 'self_handled = 1' },
  };
}

const result = (name: KpiName, numerator: number, denominator: number, ids?: { numerator: string[]; denominator: string[] }): KpiResult => {
  const rate = denominator ? numerator / denominator : null;
  const target = KPI_TARGETS[name];
  return {
    numerator, denominator, rate,
    ...(target === undefined ? {} : { target }),
    ...(target === undefined || rate === null ? {} : { met: rate >= target }),
    numeratorIds: ids?.numerator ?? [], denominatorIds: ids?.denominator ?? [],
  };
};

export interface KpiSqlOptions { rules: KpiRules; now: number; withIds?: boolean }

/** Every figure for one period. Without `withIds` the id lists are empty (they are fetched only to drill down). */
export function kpisInSql(db: Store, p: Period, { rules, now, withIds = false }: KpiSqlOptions): KpiSet {
  const sqlOf = figures(rules, now);
  return Object.fromEntries(KPI_NAMES.map((name) => {
    const f = sqlOf[name];
    const range = `counted = 1 AND ${f.milestone} >= ? AND ${f.milestone} < ? AND (${f.where})`;
    const row = db.get<{ den: number; num: number | null }>(`SELECT count(*) AS den, sum(${f.numerator}) AS num FROM case_kpi WHERE ${range}`, p.from, p.to)!;
    if (!withIds) return [name, result(name, row.num ?? 0, row.den)];
    const rows = db.all<{ id: string; hit: number }>(`SELECT id, (${f.numerator}) AS hit FROM case_kpi WHERE ${range} ORDER BY no`, p.from, p.to);
    return [name, result(name, row.num ?? 0, row.den, { numerator: rows.filter((r) => r.hit).map((r) => r.id), denominator: rows.map((r) => r.id) })];
  })) as KpiSet;
}

/** Every figure for one period, per unit: the units that have a case counted by at least one figure. */
export function kpisByUnitInSql(db: Store, unit: KpiUnit, p: Period, { rules, now, withIds = false }: KpiSqlOptions): Array<{ key: string; kpis: KpiSet }> {
  const column = KPI_UNIT_COLUMNS[unit];
  const sqlOf = figures(rules, now);
  type Counted = { num: number; den: number; ids?: { numerator: string[]; denominator: string[] } };
  const byKey = new Map<string, Partial<Record<KpiName, Counted>>>();
  const entryOf = (key: string) => byKey.get(key) ?? byKey.set(key, {}).get(key)!;
  for (const name of KPI_NAMES) {
    const f = sqlOf[name];
    const where = `counted = 1 AND ${f.milestone} >= ? AND ${f.milestone} < ? AND (${f.where})`;
    if (!withIds) {
      const rows = db.all<{ key: string; den: number; num: number | null }>(
        `SELECT coalesce(${column}, '-') AS key, count(*) AS den, sum(${f.numerator}) AS num FROM case_kpi WHERE ${where} GROUP BY 1`, p.from, p.to,
      );
      for (const r of rows) entryOf(r.key)[name] = { num: r.num ?? 0, den: r.den };
      continue;
    }
    // Drill-down: the case ids behind each unit's counts (a period's worth, only when asked).
    const rows = db.all<{ key: string; id: string; hit: number }>(
      `SELECT coalesce(${column}, '-') AS key, id, (${f.numerator}) AS hit FROM case_kpi WHERE ${where} ORDER BY no`, p.from, p.to,
    );
    for (const r of rows) {
      const counted = (entryOf(r.key)[name] ??= { num: 0, den: 0, ids: { numerator: [], denominator: [] } });
      counted.den++;
      counted.ids!.denominator.push(r.id);
      if (r.hit) {
        counted.num++;
        counted.ids!.numerator.push(r.id);
      }
    }
  }
  return [...byKey.keys()].sort().map((key) => {
    const entry = byKey.get(key)!;
    return { key, kpis: Object.fromEntries(KPI_NAMES.map((name) => [name, result(name, entry[name]?.num ?? 0, entry[name]?.den ?? 0, entry[name]?.ids)])) as KpiSet };
  });
}
