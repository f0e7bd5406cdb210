// A handover brief as an A4 PDF for the incoming commander: who hands over to whom, then its tables
// (handover-report.ts), each on the page it fits, drawn with the shared layout of the hall's PDFs.
import type { HandoverBrief } from '../../common/domain/handover.ts';
import type { SiteRules } from '../../common/site/site-config.ts';
import { CONTENT_WIDTH, flowTables, openPdf, PAGE } from '../reports/pdf-drawing.ts';
import type { ReportFont } from '../reports/report-font.ts';
import { handoverLines, handoverTables, handoverTitle } from './handover-report.ts';

export function renderHandoverPdf(brief: HandoverBrief, site: SiteRules, font: ReportFont): Promise<Buffer> {
  const title = handoverTitle(brief);
  const { doc, bytes } = openPdf(title, brief.generatedAt, font);
  doc.fontSize(20).fillColor('black').text(title, PAGE.margin, PAGE.margin, { width: CONTENT_WIDTH, align: 'center' });
  let y = PAGE.margin + 34;
  for (const line of handoverLines(brief)) {
    doc.fontSize(10).fillColor('#333333').text(line, PAGE.margin, y, { width: CONTENT_WIDTH, lineBreak: false });
    y += 16;
  }
  flowTables(doc, handoverTables(brief, site), y + 8, '见指挥台交接班页面');
  doc.end();
  return bytes;
}
