// The daily report as a two-page A4 PDF for the leaders' desk: page 1 the KPIs, two bar charts (where
// people would rather look than read) and the grids no patrol covered, page 2 the department and source tables
// and the cases needing attention. Tables are cut to what fits, with a note pointing to the xlsx, so the page count never changes.
import PDFDocument from 'pdfkit';
import { formatBeijing } from '../../common/kpi/periods.ts';
import type { BarChart, Cell, DailyReport, ReportColumn, ReportTable } from './daily-report.ts';
import type { ReportFont } from './report-font.ts';

const PAGE = { width: 595.28, height: 841.89, margin: 40 };
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
const BOTTOM = PAGE.height - PAGE.margin;
const ROW_H = 16;
const ACCENT = '#2f6fb3';
const VERDICT_COLOURS: Record<string, string> = { 达标: '#1e7b34', 未达标: '#c0392b' };

type Doc = PDFKit.PDFDocument;

function formatCell(value: Cell, column: ReportColumn): string {
  if (value === null) return '—';
  if (typeof value === 'string') return value;
  if (column.format === 'percent') return `${(value * 100).toFixed(1)}%`;
  if (column.format === 'datetime') return formatBeijing(value).slice(5);
  return String(value);
}

function heading(doc: Doc, text: string, y: number): number {
  doc.fontSize(12).fillColor('black').text(text, PAGE.margin, y, { width: CONTENT_WIDTH, lineBreak: false });
  return y + 20;
}

/** Draws the table's header and as many rows as fit above `bottom`; returns the y below it. */
function drawTable(doc: Doc, table: ReportTable, y: number, bottom: number, overflowNote: string): number {
  y = heading(doc, table.title, y);
  const total = table.columns.reduce((s, c) => s + c.width, 0);
  const widths = table.columns.map((c) => (c.width / total) * CONTENT_WIDTH);
  const row = (cells: string[], top: number, header: boolean) => {
    if (header) doc.rect(PAGE.margin, top, CONTENT_WIDTH, ROW_H).fill('#dce6f1');
    let x = PAGE.margin;
    cells.forEach((text, i) => {
      doc.fontSize(8).fillColor(VERDICT_COLOURS[text] ?? 'black')
        .text(text, x + 3, top + 4, { width: widths[i]! - 6, height: ROW_H - 4, lineBreak: false, ellipsis: true });
      x += widths[i]!;
    });
    doc.moveTo(PAGE.margin, top + ROW_H).lineTo(PAGE.margin + CONTENT_WIDTH, top + ROW_H).lineWidth(0.5).strokeColor('#b0b8c4').stroke();
  };
  row(table.columns.map((c) => c.header), y, true);
  y += ROW_H;
  const fits = Math.max(0, Math.floor((bottom - y - ROW_H) / ROW_H));
  const shown = table.rows.length > fits ? table.rows.slice(0, fits - 1) : table.rows;
  for (const cells of shown) {
    row(cells.map((v, i) => formatCell(v, table.columns[i]!)), y, false);
    y += ROW_H;
  }
  const note = table.rows.length === 0 ? '（无）' : shown.length < table.rows.length ? `另有 ${table.rows.length - shown.length} 行，${overflowNote}` : '';
  if (note) {
    doc.fontSize(8).fillColor('#555555').text(note, PAGE.margin + 3, y + 4, { width: CONTENT_WIDTH, lineBreak: false });
    y += ROW_H;
  }
  return y + 10;
}

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
  const doc = new PDFDocument({
    size: 'A4', margin: PAGE.margin, autoFirstPage: true,
    info: { Title: `${report.title} ${report.date}`, Creator: '城运指挥大厅', CreationDate: new Date(report.generatedAt) },
  });
  doc.registerFont('cjk', font.path, font.family);
  doc.font('cjk');
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.fontSize(22).fillColor('black').text(report.title, PAGE.margin, PAGE.margin, { width: CONTENT_WIDTH, align: 'center' });
  doc.fontSize(10).fillColor('#333333')
    .text(`${report.date}（北京时间）  生成于 ${formatBeijing(report.generatedAt)}`, PAGE.margin, PAGE.margin + 32, { width: CONTENT_WIDTH, align: 'center' });
  const y = drawTable(doc, report.kpis, PAGE.margin + 60, BOTTOM, '');
  const chartW = (CONTENT_WIDTH - 20) / 2;
  report.charts.slice(0, 2).forEach((chart, i) => drawBarChart(doc, chart, PAGE.margin + i * (chartW + 20), y + 10, chartW, 200));
  drawTable(doc, report.uncovered, y + 230, BOTTOM, '详见 Excel 日报「未巡查网格」工作表');

  doc.addPage();
  let y2 = drawTable(doc, report.units.department, PAGE.margin, BOTTOM, '详见 Excel 日报');
  y2 = drawTable(doc, report.units.source, y2, BOTTOM, '详见 Excel 日报');
  y2 = drawTable(doc, report.units.category, y2, BOTTOM, '详见 Excel 日报');
  y2 = drawTable(doc, report.attention, y2, BOTTOM - ROW_H, '详见 Excel 日报');
  doc.fontSize(8).fillColor('#555555').text('按网格明细见 Excel 日报「按网格」工作表。', PAGE.margin, Math.min(y2, BOTTOM - ROW_H), { width: CONTENT_WIDTH, lineBreak: false });
  doc.end();
  return done;
}
