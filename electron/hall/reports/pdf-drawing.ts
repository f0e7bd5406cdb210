// Drawing report tables and charts (report-model.ts) on A4 pages with pdfkit, for the daily and the weekly PDF.
// Tables are cut to what fits, with a note pointing to the xlsx, so a report's page count never changes; charts
// are drawn as vectors (bars and lines), where people would rather look than read.
import { formatBeijing } from '../../common/kpi/periods.ts';
import type { BarChart, Cell, LineChart, ReportColumn, ReportTable } from './report-model.ts';
import { pdfkit } from './lazy-libraries.ts';
import type { ReportFont } from './report-font.ts';

export const PAGE = { width: 595.28, height: 841.89, margin: 40 };
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
export const BOTTOM = PAGE.height - PAGE.margin;
export const ROW_H = 16;
const ACCENT = '#2f6fb3';
const SERIES_COLOURS = ['#2f6fb3', '#e67e22', '#1e7b34', '#8e44ad', '#c0392b'];
const GOOD = '#1e7b34';
const BAD = '#c0392b';
const WORD_COLOURS: Record<string, string> = { 达标: GOOD, 未达标: BAD, '↑ 上升': GOOD, '↓ 下降': BAD };

export type Doc = PDFKit.PDFDocument;

/** A horizontal strip of the page: where a table or a chart goes. */
export interface Box { x: number; width: number }
export const FULL_WIDTH: Box = { x: PAGE.margin, width: CONTENT_WIDTH };

const percent = (v: number) => `${(v * 100).toFixed(1)}%`;

export function formatCell(value: Cell, column: ReportColumn): string {
  if (value === null) return '—';
  if (typeof value === 'string') return value;
  if (column.format === 'percent') return percent(value);
  if (column.format === 'delta') return `${value > 0 ? '+' : ''}${percent(value)}`;
  if (column.format === 'datetime') return formatBeijing(value).slice(5);
  return String(value);
}

/** A new A4 document set in the CJK font, and its bytes once `doc.end()` is called. */
export function openPdf(title: string, generatedAt: number, font: ReportFont): { doc: Doc; bytes: Promise<Buffer> } {
  const doc = new (pdfkit())({ size: 'A4', margin: PAGE.margin, autoFirstPage: true, info: { Title: title, Creator: '城运指挥大厅', CreationDate: new Date(generatedAt) } });
  doc.registerFont('cjk', font.path, font.family);
  doc.font('cjk');
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, bytes };
}

/** The report's title and the line under it; returns the y below them. */
export function drawTitle(doc: Doc, title: string, subtitle: string): number {
  doc.fontSize(22).fillColor('black').text(title, PAGE.margin, PAGE.margin, { width: CONTENT_WIDTH, align: 'center' });
  doc.fontSize(10).fillColor('#333333').text(subtitle, PAGE.margin, PAGE.margin + 32, { width: CONTENT_WIDTH, align: 'center' });
  return PAGE.margin + 60;
}

export function heading(doc: Doc, text: string, y: number, box: Box = FULL_WIDTH): number {
  doc.fontSize(12).fillColor('black').text(text, box.x, y, { width: box.width, height: 18, lineBreak: false, ellipsis: true });
  return y + 20;
}

// Every text is drawn in a box with a height: pdfkit would otherwise start a new page for text that reaches the
// bottom margin, and a report's pages are fixed.
export const note = (doc: Doc, text: string, x: number, y: number, width: number) =>
  doc.fontSize(8).fillColor('#555555').text(text, x, y, { width, height: 12, lineBreak: false });

/** Draws the table's title, header and as many rows as fit above `bottom` (and at most `maxRows`), then a note
 *  saying how many rows were left out; returns the y below it. */
export function drawTable(doc: Doc, table: ReportTable, y: number, opts: { bottom: number; overflowNote: string; box?: Box; maxRows?: number }): number {
  const box = opts.box ?? FULL_WIDTH;
  y = heading(doc, table.title, y, box);
  const total = table.columns.reduce((s, c) => s + c.width, 0);
  const widths = table.columns.map((c) => (c.width / total) * box.width);
  const row = (cells: string[], top: number, header: boolean) => {
    if (header) doc.rect(box.x, top, box.width, ROW_H).fill('#dce6f1');
    let x = box.x;
    cells.forEach((text, i) => {
      doc.fontSize(8).fillColor(WORD_COLOURS[text] ?? 'black')
        .text(text, x + 3, top + 4, { width: widths[i]! - 6, height: ROW_H - 4, lineBreak: false, ellipsis: true });
      x += widths[i]!;
    });
    doc.moveTo(box.x, top + ROW_H).lineTo(box.x + box.width, top + ROW_H).lineWidth(0.5).strokeColor('#b0b8c4').stroke();
  };
  row(table.columns.map((c) => c.header), y, true);
  y += ROW_H;
  // Room for the rows, keeping one row's height for the note when some must be left out.
  const fits = Math.min(opts.maxRows ?? Infinity, Math.max(0, Math.floor((opts.bottom - y) / ROW_H)));
  const shown = table.rows.length > fits ? table.rows.slice(0, Math.max(0, fits - 1)) : table.rows;
  for (const cells of shown) {
    row(cells.map((v, i) => formatCell(v, table.columns[i]!)), y, false);
    y += ROW_H;
  }
  const left = table.rows.length - shown.length;
  const text = table.rows.length === 0 ? '（无）' : left > 0 ? `另有 ${left} 行，${opts.overflowNote}` : '';
  if (text) {
    note(doc, text, box.x + 3, y + 4, box.width);
    y += ROW_H;
  }
  return y + 10;
}

/** A table starts on a new page unless its title, header and a few rows still fit. */
const MIN_TABLE_HEIGHT = 20 + 5 * ROW_H;

/** Tables one under the other from `y`, each on a new page when too little of it would fit; returns the y below. */
export function flowTables(doc: Doc, tables: readonly ReportTable[], y: number, overflowNote: string): number {
  for (const table of tables) {
    if (y + MIN_TABLE_HEIGHT > BOTTOM) {
      doc.addPage();
      y = PAGE.margin;
    }
    y = drawTable(doc, table, y, { bottom: BOTTOM, overflowNote });
  }
  return y;
}

/** Two boxes side by side. */
export const HALVES: readonly [Box, Box] = [
  { x: PAGE.margin, width: (CONTENT_WIDTH - 16) / 2 },
  { x: PAGE.margin + (CONTENT_WIDTH + 16) / 2, width: (CONTENT_WIDTH - 16) / 2 },
];

/** Tables two by two side by side from `y` down: the first pair in the upper half of the room left, the second
 *  pair below it. */
export function drawPairs(doc: Doc, tables: readonly ReportTable[], y: number, overflowNote: string): void {
  const middle = y + (BOTTOM - y) / 2;
  for (let pair = 0; pair < tables.length; pair += 2) {
    const bottom = pair === 0 ? middle : BOTTOM;
    y = Math.max(...tables.slice(pair, pair + 2).map((table, i) => drawTable(doc, table, y, { bottom, overflowNote, box: HALVES[i]! })));
  }
}

/** Horizontal bars with their values in a box of the given size; a rate chart's target as a dashed line. */
export function drawBarChart(doc: Doc, chart: BarChart, x: number, y: number, width: number, height: number): void {
  doc.fontSize(10).fillColor('black').text(chart.title, x, y, { width, lineBreak: false });
  const labelW = 70;
  const valueW = 34;
  const top = y + 18;
  const plotW = width - labelW - valueW;
  const barSlot = (height - 30) / Math.max(1, chart.bars.length);
  const max = chart.format === 'percent' ? 1 : Math.max(1, ...chart.bars.map((b) => b.value));
  const show = (v: number) => (chart.format === 'percent' ? percent(v) : String(v));
  if (chart.bars.length === 0) note(doc, '（无数据）', x + labelW, top + 4, plotW);
  chart.bars.forEach((bar, i) => {
    const barY = top + i * barSlot;
    const barH = Math.min(14, barSlot * 0.7);
    doc.fontSize(8).fillColor('black').text(bar.label, x, barY + (barH - 8) / 2, { width: labelW - 4, align: 'right', lineBreak: false, ellipsis: true });
    const w = (plotW * bar.value) / max;
    const missed = chart.target !== undefined && bar.value < chart.target;
    if (w > 0) doc.rect(x + labelW, barY, w, barH).fill(missed ? BAD : ACCENT);
    doc.fontSize(8).fillColor('black').text(show(bar.value), x + labelW + w + 3, barY + (barH - 8) / 2, { width: valueW, lineBreak: false });
  });
  const bottom = top + Math.max(1, chart.bars.length) * barSlot;
  doc.moveTo(x + labelW, top - 2).lineTo(x + labelW, bottom).lineWidth(0.5).strokeColor('#888888').stroke();
  if (chart.target !== undefined) {
    const tx = x + labelW + plotW * chart.target;
    doc.moveTo(tx, top - 2).lineTo(tx, bottom).lineWidth(1).dash(3, { space: 2 }).strokeColor('#333333').stroke().undash();
    doc.fontSize(7).fillColor('#333333').text(`目标 ${percent(chart.target)}`, tx - 30, bottom + 2, { width: 60, align: 'center', lineBreak: false });
  }
}

/** Rates (0–100 %) as lines over the labels, with a legend; a missing value breaks its line. */
export function drawLineChart(doc: Doc, chart: LineChart, x: number, y: number, width: number, height: number): void {
  doc.fontSize(10).fillColor('black').text(chart.title, x, y, { width, lineBreak: false });
  let legendX = x;
  chart.series.forEach((s, i) => {
    const colour = SERIES_COLOURS[i % SERIES_COLOURS.length]!;
    doc.rect(legendX, y + 19, 10, 3).fill(colour);
    doc.fontSize(8).fillColor('black').text(s.name, legendX + 13, y + 16, { lineBreak: false });
    legendX += 13 + doc.widthOfString(s.name) + 14;
  });
  const axisW = 30;
  const plot = { left: x + axisW, top: y + 36, right: x + width - 10, bottom: y + height - 14 };
  const yOf = (rate: number) => plot.bottom - rate * (plot.bottom - plot.top);
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    doc.moveTo(plot.left, yOf(tick)).lineTo(plot.right, yOf(tick)).lineWidth(0.5).strokeColor(tick === 0 ? '#888888' : '#dddddd').stroke();
    doc.fontSize(7).fillColor('#555555').text(`${tick * 100}%`, x, yOf(tick) - 3.5, { width: axisW - 4, align: 'right', lineBreak: false });
  }
  const step = (plot.right - plot.left) / Math.max(1, chart.labels.length);
  const xOf = (i: number) => plot.left + step * (i + 0.5);
  chart.labels.forEach((label, i) => doc.fontSize(7).fillColor('#555555').text(label, xOf(i) - step / 2, plot.bottom + 3, { width: step, align: 'center', lineBreak: false }));
  chart.series.forEach((s, i) => {
    const colour = SERIES_COLOURS[i % SERIES_COLOURS.length]!;
    let drawing = false;
    s.values.forEach((v, j) => {
      if (v === null) {
        drawing = false;
        return;
      }
      if (drawing) doc.lineTo(xOf(j), yOf(v));
      else doc.moveTo(xOf(j), yOf(v));
      drawing = true;
    });
    doc.lineWidth(1.5).strokeColor(colour).stroke();
    s.values.forEach((v, j) => {
      if (v !== null) doc.circle(xOf(j), yOf(v), 2).fill(colour);
    });
  });
}
