// What the hall's PDFs share: an A4 document set in the embedded CJK font (report-font.ts), headings, and
// tables drawn with as many rows as fit above a bottom line and a note for the rest, so a page never
// overflows. The daily report (daily-pdf.ts) and the shift handover (duty/handover-pdf.ts) use it.
import PDFDocument from 'pdfkit';
import { formatBeijing } from '../../common/kpi/periods.ts';
import type { ReportFont } from './report-font.ts';
import type { Cell, ReportColumn, ReportTable } from './report-table.ts';

export const PAGE = { width: 595.28, height: 841.89, margin: 40 };
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
export const BOTTOM = PAGE.height - PAGE.margin;
export const ROW_H = 16;
const VERDICT_COLOURS: Record<string, string> = { 达标: '#1e7b34', 未达标: '#c0392b', 红灯超时: '#c0392b' };

export type Doc = PDFKit.PDFDocument;

/** A new A4 document in the CJK font; `done` resolves with its bytes once `doc.end()` is called. */
export function openPdf(info: { title: string; at: number }, font: ReportFont): { doc: Doc; done: Promise<Buffer> } {
  const doc = new PDFDocument({
    size: 'A4', margin: PAGE.margin, autoFirstPage: true,
    info: { Title: info.title, Creator: '城运指挥大厅', CreationDate: new Date(info.at) },
  });
  doc.registerFont('cjk', font.path, font.family);
  doc.font('cjk');
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}

function formatCell(value: Cell, column: ReportColumn): string {
  if (value === null) return '—';
  if (typeof value === 'string') return value;
  if (column.format === 'percent') return `${(value * 100).toFixed(1)}%`;
  if (column.format === 'datetime') return formatBeijing(value).slice(5);
  return String(value);
}

export function heading(doc: Doc, text: string, y: number): number {
  doc.fontSize(12).fillColor('black').text(text, PAGE.margin, y, { width: CONTENT_WIDTH, lineBreak: false });
  return y + 20;
}

/** Draws the table's header and as many rows as fit above `bottom`; returns the y below it. */
export function drawTable(doc: Doc, table: ReportTable, y: number, bottom: number, overflowNote: string): number {
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
