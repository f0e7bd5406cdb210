// The daily report as an Excel workbook: one sheet of KPIs, one per grouping, one of cases needing attention,
// one of the micro grids no patrol covered.
// Rates are stored as numbers with a percent format and times as Beijing-time text, so the sheet can be
// re-calculated by whoever receives it and still reads the same on a PC in any time zone.
import ExcelJS from 'exceljs';
import { formatBeijing } from '../../common/kpi/periods.ts';
import type { Cell, DailyReport, ReportColumn, ReportTable } from './daily-report.ts';

const NUM_FORMATS: Partial<Record<ReportColumn['format'], string>> = { percent: '0.0%', count: '0' };

function addTable(book: ExcelJS.Workbook, name: string, table: ReportTable, heading: string): void {
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 3 }] });
  sheet.columns = table.columns.map((c) => ({ width: c.width + 2, style: NUM_FORMATS[c.format] ? { numFmt: NUM_FORMATS[c.format]! } : {} }));
  sheet.addRow([heading]).font = { bold: true, size: 14 };
  sheet.addRow([table.title]).font = { bold: true };
  const header = sheet.addRow(table.columns.map((c) => c.header));
  header.font = { bold: true };
  header.eachCell((cell) => (cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } }));
  for (const row of table.rows) sheet.addRow(row.map((value, i) => cellValue(value, table.columns[i]!)));
  if (table.rows.length === 0) sheet.addRow(['（无）']);
}

const cellValue = (value: Cell, column: ReportColumn): Cell =>
  column.format === 'datetime' && typeof value === 'number' ? formatBeijing(value) : value;

export async function renderDailyXlsx(report: DailyReport): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '城运指挥大厅';
  book.created = new Date(report.generatedAt);
  const heading = `${report.title} ${report.date}（生成于 ${formatBeijing(report.generatedAt)}）`;
  addTable(book, '考核指标', report.kpis, heading);
  addTable(book, '按主办部门', report.units.department, heading);
  addTable(book, '按网格', report.units.grid, heading);
  addTable(book, '按来源', report.units.source, heading);
  addTable(book, '按类别', report.units.category, heading);
  addTable(book, '超时及紧急案件', report.attention, heading);
  addTable(book, '未巡查网格', report.uncovered, heading);
  return Buffer.from(await book.xlsx.writeBuffer());
}
