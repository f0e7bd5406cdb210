// A handover brief as an A4 PDF for the incoming commander: who hands over to whom, then its tables
// (handover-report.ts), each on the page it fits, drawn with the shared layout of the hall's PDFs.
import type { HandoverBrief } from '../../common/domain/handover.ts';
import type { SiteRules } from '../../common/site/site-config.ts';
import { BOTTOM, CONTENT_WIDTH, drawTable, openPdf, PAGE, ROW_H } from '../reports/pdf-drawing.ts';
import type { ReportFont } from '../reports/report-font.ts';
import { handoverLines, handoverTables, handoverTitle } from './handover-report.ts';

/** A table starts on a new page unless its title, header and a few rows still fit. */
const MIN_TABLE_HEIGHT = 20 + 5 * ROW_H;

export function renderHandoverPdf(brief: HandoverBrief, site: SiteRules, font: ReportFont): Promise<Buffer> {
  const title = handoverTitle(brief);
  const { doc, bytes } = openPdf(title, brief.generatedAt, font);
  doc.fontSize(20).fillColor('black').text(title, PAGE.margin, PAGE.margin, { width: CONTENT_WIDTH, align: 'center' });
  let y = PAGE.margin + 34;
  for (const line of handoverLines(brief)) {
    doc.fontSize(10).fillColor('#333333').text(line, PAGE.margin, y, { width: CONTENT_WIDTH, lineBreak: false });
    y += 16;
  }
  y += 8;
  for (const table of handoverTables(brief, site)) {
    if (y + MIN_TABLE_HEIGHT > BOTTOM) {
      doc.addPage();
      y = PAGE.margin;
    }
    y = drawTable(doc, table, y, { bottom: BOTTOM, overflowNote: '见指挥台交接班页面' });
  }
  doc.end();
  return bytes;
}
