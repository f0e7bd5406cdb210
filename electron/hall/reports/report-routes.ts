// HTTP for S-5: GET /api/kpi (figures as JSON, for the wall's KPI board and the console) and
// GET /api/reports/daily|weekly.xlsx|pdf (the reports, for the console seat only). Everything is read through
// the report source (report-source.ts).
import type { ServerResponse } from 'node:http';
import type { SiteRules } from '../../common/site/site-config.ts';
import type { RouteTable } from '../http-routes.ts';
import { sendFile, sendJson } from '../http-replies.ts';
import { buildDailyReport, dailyReportData, type DailyPatrol } from './daily-report.ts';
import { renderDailyPdf } from './daily-pdf.ts';
import { renderDailyXlsx } from './daily-xlsx.ts';
import { findReportFont, ReportFontMissing, type ReportFont } from './report-font.ts';
import type { ReportSource } from './report-source.ts';
import { buildWeeklyReport, weeklyReportData } from './weekly-report.ts';
import { renderWeeklyPdf } from './weekly-pdf.ts';
import { renderWeeklyXlsx } from './weekly-xlsx.ts';

export interface ReportRouteDeps {
  source: ReportSource;
  /** A day's patrol coverage (S-3.4), if the hall has a record of it. */
  patrol(date: string): DailyPatrol | undefined;
  site: SiteRules;
  now(): number;
  env: NodeJS.ProcessEnv;
}

type Format = 'xlsx' | 'pdf';

/** A report's two renderings and the names its file is saved under (ASCII, and the Chinese one). */
export interface Rendering<R> { xlsx(report: R): Promise<Buffer>; pdf(report: R, font: ReportFont): Promise<Buffer>; files: [ascii: string, chinese: string] }

/** Renders the report in the format asked for and sends it as a download; 503 naming the missing font for a PDF. */
export async function sendReport<R>(deps: { env: NodeJS.ProcessEnv }, res: ServerResponse, report: R, format: Format, rendering: Rendering<R>): Promise<void> {
  let body: Buffer;
  if (format === 'pdf') {
    try {
      body = await rendering.pdf(report, findReportFont(deps.env));
    } catch (error) {
      if (!(error instanceof ReportFontMissing)) throw error;
      sendJson(res, 503, { error: error.message });
      return;
    }
  } else {
    body = await rendering.xlsx(report);
  }
  const type = format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  sendFile(res, body, type, `${rendering.files[0]}.${format}`, `${rendering.files[1]}.${format}`);
}

export function reportRoutes(deps: ReportRouteDeps): RouteTable {
  return {
    kpi: async ({ res, query }) => sendJson(res, 200, await deps.source.kpi(query)),
    dailyReport: async ({ res, params, query }) => {
      const report = buildDailyReport(await dailyReportData(deps.source, deps.site, query.date, deps.now(), deps.patrol(query.date)));
      await sendReport(deps, res, report, params.format, { xlsx: renderDailyXlsx, pdf: renderDailyPdf, files: [`daily-report-${query.date}`, `城运中心日报-${query.date}`] });
    },
    weeklyReport: async ({ res, params, query }) => {
      const report = buildWeeklyReport(await weeklyReportData(deps.source, deps.site, query.week, deps.now()));
      await sendReport(deps, res, report, params.format, { xlsx: renderWeeklyXlsx, pdf: renderWeeklyPdf, files: [`weekly-report-${query.week}`, `城运中心周报-${query.week}`] });
    },
  };
}
