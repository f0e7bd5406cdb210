// The situation report (灾情快报) as an Excel workbook: the overview and the plan, the stations, the cases, the
// forces, and the warnings, gauges and shelters, a sheet each.
import type { SituationReport } from '../../common/preplan/situation-model.ts';
import { sectionTables } from './situation-report.ts';
import { addSheet, newWorkbook, workbookBuffer } from './xlsx-tables.ts';

export function renderSituationXlsx(report: SituationReport): Promise<Buffer> {
  const book = newWorkbook(report.at);
  const heading = `${report.title}  ${report.subtitle}`;
  addSheet(book, '概况与预案', heading, sectionTables(report, ['overview', 'plan']));
  addSheet(book, '站点落实', heading, sectionTables(report, ['stations']));
  addSheet(book, '应急类案件', heading, sectionTables(report, ['casesByState', 'casesByGrid']));
  addSheet(book, '力量部署', heading, sectionTables(report, ['forces']));
  addSheet(book, '预警水位避难', heading, sectionTables(report, ['warnings', 'gauges', 'shelters']));
  return workbookBuffer(book);
}
