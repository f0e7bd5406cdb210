// HTTP for S-5: GET /api/kpi (figures as JSON, for the wall's KPI board and the console) and
// GET /api/reports/daily.xlsx|pdf (the daily report, for the console seat only: desks and walls get 403).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { DAY } from '../../common/domain/beijing-time.ts';
import type { CaseView } from '../../common/domain/case-model.ts';
import { computeKpis, KPI_NAMES, type KpiResult, type KpiSet } from '../../common/kpi/kpi-definitions.ts';
import { kpisByPeriod, kpisByUnit, rankUnits, type UnitDimension } from '../../common/kpi/kpi-grouping.ts';
import { beijingDay, isoBeijing, type Period } from '../../common/kpi/periods.ts';
import { unitLabel } from '../../common/kpi/unit-labels.ts';
import { describeIssues } from '../../common/protocol.ts';
import type { RouteHandler } from '../http-server.ts';
import type { SeatRegistry } from '../seats.ts';
import { buildDailyReport } from './daily-report.ts';
import { renderDailyPdf } from './daily-pdf.ts';
import { renderDailyXlsx } from './daily-xlsx.ts';
import { bearerSeat, sendJson, settle } from '../http-replies.ts';
import { findReportFont, ReportFontMissing } from './report-font.ts';

export interface ReportRouteDeps {
  seats: SeatRegistry;
  cases(): CaseView[];
  now(): number;
  env: NodeJS.ProcessEnv;
  log(line: string): void;
}

/** Longest period /api/kpi answers for: a year (a leap year's 366 days). */
const MAX_DAYS = 366;
const date = z.string().refine((s) => beijingDay(s) !== undefined, 'not a calendar date YYYY-MM-DD');
const UNIT_GROUPS = ['grid', 'department', 'source'] as const;

/** [first day 00:00, day after the last 00:00) in Beijing time; undefined while a date is invalid. */
function periodOf(q: { from: string; to: string }): Period | undefined {
  const [first, last] = [beijingDay(q.from), beijingDay(q.to)];
  return first && last ? { from: first.from, to: last.to } : undefined;
}

const KpiQuery = z
  .object({
    /** First and last Beijing calendar day, both included. */
    from: date,
    to: date,
    groupBy: z.enum([...UNIT_GROUPS, 'day', 'week', 'month']).optional(),
    rankBy: z.enum(KPI_NAMES).optional(),
    /** 1: include the case ids behind every numerator and denominator (drill-down). */
    ids: z.enum(['0', '1']).optional(),
  })
  .strict()
  // zod runs these even when a date failed above: a period that is not there is left to that error.
  .refine((q) => !periodOf(q) || periodOf(q)!.from < periodOf(q)!.to, { message: 'from is after to', path: ['from'] })
  .refine((q) => !periodOf(q) || periodOf(q)!.to - periodOf(q)!.from <= MAX_DAYS * DAY, { message: `longer than ${MAX_DAYS} days`, path: ['to'] })
  .refine((q) => !q.rankBy || UNIT_GROUPS.includes(q.groupBy as UnitDimension), { message: 'rankBy needs groupBy grid, department or source', path: ['rankBy'] });

const ReportQuery = z.object({ date }).strict();

const stripIds = ({ numeratorIds: _n, denominatorIds: _d, ...figures }: KpiResult) => figures;
const present = (kpis: KpiSet, withIds: boolean) =>
  withIds ? kpis : Object.fromEntries(Object.entries(kpis).map(([name, r]) => [name, stripIds(r)]));

function parseQuery<T>(schema: z.ZodType<T>, url: URL): { ok: true; data: T } | { ok: false; error: string } {
  const parsed = schema.safeParse(Object.fromEntries(url.searchParams));
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, error: describeIssues(parsed.error) };
}

function kpiAnswer(deps: ReportRouteDeps, q: z.infer<typeof KpiQuery>): object {
  const period = periodOf(q)!;
  const now = deps.now();
  const cases = deps.cases();
  const withIds = q.ids === '1';
  const answer: Record<string, unknown> = {
    period: { from: isoBeijing(period.from), to: isoBeijing(period.to) }, now: isoBeijing(now), kpis: present(computeKpis(cases, period, now), withIds),
  };
  if (q.groupBy === 'day' || q.groupBy === 'week' || q.groupBy === 'month') {
    answer.groups = kpisByPeriod(cases, q.groupBy, period, now).map((b) => ({ key: b.label, from: isoBeijing(b.from), to: isoBeijing(b.to), kpis: present(b.kpis, withIds) }));
  } else if (q.groupBy) {
    const by = q.groupBy;
    const groups = kpisByUnit(cases, by, period, now);
    answer.groups = groups.map((g) => ({ key: g.key, label: unitLabel(by, g.key), kpis: present(g.kpis, withIds) }));
    if (q.rankBy) answer.ranking = rankUnits(groups, q.rankBy).map((r) => ({ rank: r.rank, key: r.key, label: unitLabel(by, r.key), ...(withIds ? r.result : stripIds(r.result)) }));
  }
  return answer;
}

async function sendReport(deps: ReportRouteDeps, res: ServerResponse, day: string, format: 'xlsx' | 'pdf'): Promise<void> {
  const report = buildDailyReport({ cases: deps.cases(), date: day, now: deps.now() });
  let body: Buffer;
  if (format === 'pdf') {
    try {
      body = await renderDailyPdf(report, findReportFont(deps.env));
    } catch (error) {
      if (!(error instanceof ReportFontMissing)) throw error;
      sendJson(res, 503, { error: error.message });
      return;
    }
  } else {
    body = await renderDailyXlsx(report);
  }
  const type = format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const name = `城运中心日报-${day}.${format}`;
  res.writeHead(200, {
    'content-type': type, 'cache-control': 'no-store', 'content-length': body.length,
    'content-disposition': `attachment; filename="daily-report-${day}.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`,
  }).end(body);
}

export function reportRoutes(deps: ReportRouteDeps): RouteHandler {
  return (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const report = /^\/api\/reports\/daily\.(xlsx|pdf)$/.exec(url.pathname);
    if (url.pathname !== '/api/kpi' && !report) return false;
    if (req.method !== 'GET') {
      sendJson(res, 405, { error: 'method not allowed: use GET' });
      return true;
    }
    const seat = bearerSeat(req, deps.seats);
    if (!seat) {
      sendJson(res, 401, { error: 'a seat token is required (Authorization: Bearer <token>)' });
      return true;
    }
    if (report) {
      if (seat.role !== 'console') {
        sendJson(res, 403, { error: `日报仅限指挥台导出 / the daily report is for the console seat, not a ${seat.role} seat` });
        return true;
      }
      const q = parseQuery(ReportQuery, url);
      if (!q.ok) sendJson(res, 400, { error: q.error });
      else settle(res, sendReport(deps, res, q.data.date, report[1] as 'xlsx' | 'pdf'), deps.log);
      return true;
    }
    const q = parseQuery(KpiQuery, url);
    if (!q.ok) sendJson(res, 400, { error: q.error });
    else sendJson(res, 200, kpiAnswer(deps, q.data));
    return true;
  };
}
