// The situation report (灾情快报) as an A4 PDF for the leaders: title and issue, then every section's table in
// the report's order, each on the page it fits (tables cut to what fits point to the xlsx).
import { SituationSection, type SituationReport } from '../../common/preplan/situation-model.ts';
import { drawTitle, flowTables, openPdf } from './pdf-drawing.ts';
import type { ReportFont } from './report-font.ts';
import { sectionTables } from './situation-report.ts';

export function renderSituationPdf(report: SituationReport, font: ReportFont): Promise<Buffer> {
  const { doc, bytes } = openPdf(`${report.title} 第${report.no}期`, report.at, font);
  flowTables(doc, sectionTables(report, SituationSection.options), drawTitle(doc, report.title, report.subtitle), '详见 Excel 快报');
  doc.end();
  return bytes;
}
