// The daily report as a three-page A4 PDF for the leaders' desk: page 1 the KPIs, two bar charts, the grids no
// patrol covered and the cases needing attention, page 2 the department, source and category tables, page 3 the rankings (督查考核).
import { formatBeijing } from '../../common/kpi/periods.ts';
import type { DailyReport } from './daily-report.ts';
import { BOTTOM, CONTENT_WIDTH, drawBarChart, drawPairs, drawTable, drawTitle, heading, note, openPdf, PAGE, ROW_H } from './pdf-drawing.ts';
import type { ReportFont } from './report-font.ts';

const MORE = '详见 Excel 日报';

export function renderDailyPdf(report: DailyReport, font: ReportFont): Promise<Buffer> {
  const { doc, bytes } = openPdf(`${report.title} ${report.date}`, report.generatedAt, font);
  const y = drawTable(doc, report.kpis, drawTitle(doc, report.title, `${report.date}（北京时间）  生成于 ${formatBeijing(report.generatedAt)}`), { bottom: BOTTOM, overflowNote: '' });
  const chartW = (CONTENT_WIDTH - 20) / 2;
  report.charts.slice(0, 2).forEach((chart, i) => drawBarChart(doc, chart, PAGE.margin + i * (chartW + 20), y + 10, chartW, 200));
  const y1 = drawTable(doc, report.uncovered, y + 220, { bottom: BOTTOM, overflowNote: '详见 Excel 日报「未巡查网格」工作表', maxRows: 6 });
  drawTable(doc, report.attention, y1, { bottom: BOTTOM, overflowNote: MORE });

  doc.addPage();
  let y2 = drawTable(doc, report.units.department, PAGE.margin, { bottom: BOTTOM, overflowNote: MORE, maxRows: 14 });
  y2 = drawTable(doc, report.units.source, y2, { bottom: BOTTOM, overflowNote: MORE, maxRows: 8 });
  y2 = drawTable(doc, report.units.category, y2, { bottom: BOTTOM - ROW_H, overflowNote: MORE });
  note(doc, '按网格明细见 Excel 日报「按网格」工作表。', PAGE.margin, Math.min(y2, BOTTOM - ROW_H), CONTENT_WIDTH);

  doc.addPage();
  drawPairs(doc, report.rankings, heading(doc, '督查考核排名', PAGE.margin), MORE);
  doc.end();
  return bytes;
}
