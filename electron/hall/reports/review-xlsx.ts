// The after-action review as an Excel workbook: overview and actions, the timeline, the cases.
import type { ReviewReport } from './review-report.ts';
import { addSheet, newWorkbook, workbookBuffer } from './xlsx-tables.ts';

export function renderReviewXlsx(report: ReviewReport): Promise<Buffer> {
  const book = newWorkbook(report.generatedAt);
  const heading = `${report.title}  ${report.subtitle}`;
  addSheet(book, '概况与预案措施', heading, [report.overview, report.actions]);
  addSheet(book, '时间线', heading, [report.timeline]);
  addSheet(book, '案件', heading, [report.cases]);
  return workbookBuffer(book);
}
