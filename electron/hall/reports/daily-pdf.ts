// The daily report as a two-page A4 PDF for the leaders' desk: page 1 the KPIs and two bar charts (where
// people would rather look than read), page 2 the department and source tables and the cases needing
// attention. Tables are cut to what fits, with a note pointing to the xlsx, so the page count never changes.
import { formatBeijing } from '../../common/kpi/periods.ts';
import type { BarChart, DailyReport } from './daily-report.ts';
import { BOTTOM, CONTENT_WIDTH, drawTable, openPdf, PAGE, ROW_H, type Doc } from './pdf-layout.ts';
import type { ReportFont } from './report-font.ts';

const ACCENT = '#2f6fb3';

/** Horizontal bars with their counts, in a box of the given size. */
function drawBarChart(doc: Doc, chart: BarChart, x: number, y: number, width: number, height: number): void {
  doc.fontSize(10).fillColor('black').text(chart.title, x, y, { width, lineBreak: false });
  const labelW = 70;
  const valueW = 28;
  const top = y + 18;
  const barSlot = (height - 18) / Math.max(1, chart.bars.length);
  const max = Math.max(1, ...chart.bars.map((b) => b.value));
  chart.bars.forEach((bar, i) => {
    const barY = top + i * barSlot;
    const barH = Math.min(14, barSlot * 0.7);
    doc.fontSize(8).fillColor('black').text(bar.label, x, barY + (barH - 8) / 2, { width: labelW - 4, align: 'right', lineBreak: false });
    const w = ((width - labelW - valueW) * bar.value) / max;
    if (w > 0) doc.rect(x + labelW, barY, w, barH).fill(ACCENT);
    doc.fontSize(8).fillColor('black').text(String(bar.value), x + labelW + w + 3, barY + (barH - 8) / 2, { width: valueW, lineBreak: false });
  });
  doc.moveTo(x + labelW, top - 2).lineTo(x + labelW, top + chart.bars.length * barSlot).lineWidth(0.5).strokeColor('#888888').stroke();
}

export function renderDailyPdf(report: DailyReport, font: ReportFont): Promise<Buffer> {
  const { doc, done } = openPdf({ title: `${report.title} ${report.date}`, at: report.generatedAt }, font);

  doc.fontSize(22).fillColor('black').text(report.title, PAGE.margin, PAGE.margin, { width: CONTENT_WIDTH, align: 'center' });
  doc.fontSize(10).fillColor('#333333')
    .text(`${report.date}（北京时间）  生成于 ${formatBeijing(report.generatedAt)}`, PAGE.margin, PAGE.margin + 32, { width: CONTENT_WIDTH, align: 'center' });
  const y = drawTable(doc, report.kpis, PAGE.margin + 60, BOTTOM, '');
  const chartW = (CONTENT_WIDTH - 20) / 2;
  report.charts.slice(0, 2).forEach((chart, i) => drawBarChart(doc, chart, PAGE.margin + i * (chartW + 20), y + 10, chartW, 200));

  doc.addPage();
  let y2 = drawTable(doc, report.units.department, PAGE.margin, BOTTOM, '详见 Excel 日报');
  y2 = drawTable(doc, report.units.source, y2, BOTTOM, '详见 Excel 日报');
  y2 = drawTable(doc, report.units.category, y2, BOTTOM, '详见 Excel 日报');
  y2 = drawTable(doc, report.attention, y2, BOTTOM - ROW_H, '详见 Excel 日报');
  doc.fontSize(8).fillColor('#555555').text('按网格明细见 Excel 日报「按网格」工作表。', PAGE.margin, Math.min(y2, BOTTOM - ROW_H), { width: CONTENT_WIDTH, lineBreak: false });
  doc.end();
  return done;
}
