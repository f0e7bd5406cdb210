// The daily report as an Excel workbook: one sheet of KPIs, one per grouping, the rankings, the cases needing
// attention.
import { formatBeijing } from '../../common/kpi/periods.ts';
import type { DailyReport } from './daily-report.ts';
import { addSheet, newWorkbook, workbookBuffer } from './xlsx-tables.ts';

export function renderDailyXlsx(report: DailyReport): Promise<Buffer> {
  const book = newWorkbook(report.generatedAt);
  const heading = `${report.title} ${report.date}（生成于 ${formatBeijing(report.generatedAt)}）`;
  addSheet(book, '考核指标', heading, [report.kpis]);
  addSheet(book, '按主办部门', heading, [report.units.department]);
  addSheet(book, '按网格', heading, [report.units.grid]);
  addSheet(book, '按来源', heading, [report.units.source]);
  addSheet(book, '按类别', heading, [report.units.category]);
  addSheet(book, '督查考核排名', heading, report.rankings);
  addSheet(book, '超时及紧急案件', heading, [report.attention]);
  addSheet(book, '未巡查网格', heading, [report.uncovered]);
  return workbookBuffer(book);
}
