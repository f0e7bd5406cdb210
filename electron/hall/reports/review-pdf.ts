// The after-action review as an A4 PDF: overview, plan actions, the timeline and the cases, each table on the
// page it fits (long tables are cut and point to the xlsx).
import { drawTitle, flowTables, openPdf } from './pdf-drawing.ts';
import type { ReportFont } from './report-font.ts';
import type { ReviewReport } from './review-report.ts';

export function renderReviewPdf(report: ReviewReport, font: ReportFont): Promise<Buffer> {
  const { doc, bytes } = openPdf(report.title, report.generatedAt, font);
  flowTables(doc, [report.overview, report.actions, report.timeline, report.cases], drawTitle(doc, report.title, report.subtitle), '详见 Excel 复盘');
  doc.end();
  return bytes;
}
