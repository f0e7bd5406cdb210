// The weekly report as a four-page A4 PDF: page 1 the figures against last week with the day-by-day trend
// (lines) and the cases reported each day (bars), page 2 the rankings (督查考核) as bars and tables, page 3 the
// days and the department and source tables, page 4 the categories and the cases needing attention.
import { formatBeijing } from '../../common/kpi/periods.ts';
import { BOTTOM, CONTENT_WIDTH, drawBarChart, drawLineChart, drawPairs, drawTable, drawTitle, HALVES, heading, note, openPdf, PAGE, ROW_H } from './pdf-drawing.ts';
import type { ReportFont } from './report-font.ts';
import { weekSpan, type WeeklyReport } from './weekly-report.ts';

const MORE = '详见 Excel 周报';

export function renderWeeklyPdf(report: WeeklyReport, font: ReportFont): Promise<Buffer> {
  const { doc, bytes } = openPdf(`${report.title} ${report.week}`, report.generatedAt, font);
  const subtitle = `${report.week}（${weekSpan(report.period)}，北京时间）  对比上周 ${report.previousWeek}  生成于 ${formatBeijing(report.generatedAt)}`;
  const y = drawTable(doc, report.kpis, drawTitle(doc, report.title, subtitle), { bottom: BOTTOM, overflowNote: '' });
  drawLineChart(doc, report.trend, PAGE.margin, y + 10, CONTENT_WIDTH, 240);
  drawBarChart(doc, report.reportedByDay, PAGE.margin, y + 270, CONTENT_WIDTH, 170);

  doc.addPage();
  const top = heading(doc, '督查考核排名', PAGE.margin);
  report.rankingCharts.slice(0, 2).forEach((chart, i) => drawBarChart(doc, chart, HALVES[i]!.x, top, HALVES[i]!.width, 230));
  drawPairs(doc, report.rankings, top + 250, MORE);

  doc.addPage();
  let y3 = drawTable(doc, report.days, PAGE.margin, { bottom: BOTTOM, overflowNote: MORE });
  y3 = drawTable(doc, report.units.department, y3, { bottom: BOTTOM, overflowNote: MORE, maxRows: 14 });
  drawTable(doc, report.units.source, y3, { bottom: BOTTOM, overflowNote: MORE, maxRows: 8 });

  doc.addPage();
  const y4 = drawTable(doc, report.units.category, PAGE.margin, { bottom: BOTTOM, overflowNote: MORE, maxRows: 15 });
  const end = drawTable(doc, report.attention, y4, { bottom: BOTTOM - ROW_H, overflowNote: MORE });
  note(doc, '按网格明细见 Excel 周报「按网格」工作表。', PAGE.margin, Math.min(end, BOTTOM - ROW_H), CONTENT_WIDTH);
  doc.end();
  return bytes;
}
