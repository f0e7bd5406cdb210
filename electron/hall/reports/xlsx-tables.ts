// Report tables (report-model.ts) as Excel sheets, for the daily and the weekly report alike. Rates are stored
// as numbers with a percent format and times as Beijing-time text, so the sheet can be re-calculated by whoever
// receives it and still reads the same on a PC in any time zone.
import type ExcelJS from 'exceljs';
import { formatBeijing } from '../../common/kpi/periods.ts';
import { exceljs } from './lazy-libraries.ts';
import type { Cell, ReportColumn, ReportTable } from './report-model.ts';

const NUM_FORMATS: Partial<Record<ReportColumn['format'], string>> = { percent: '0.0%', delta: '+0.0%;-0.0%;0.0%', count: '0' };

const cellValue = (value: Cell, column: ReportColumn): Cell =>
  column.format === 'datetime' && typeof value === 'number' ? formatBeijing(value) : value;

export function newWorkbook(generatedAt: number): ExcelJS.Workbook {
  const book = new (exceljs().Workbook)();
  book.creator = '城运指挥大厅';
  book.created = new Date(generatedAt);
  return book;
}

/** A sheet with the report's heading on top and the tables one under the other. A sheet of one table keeps
 *  its heading, title and column headers (rows 1–3) frozen. */
export function addSheet(book: ExcelJS.Workbook, name: string, heading: string, tables: readonly ReportTable[]): void {
  const sheet = book.addWorksheet(name, tables.length === 1 ? { views: [{ state: 'frozen', ySplit: 3 }] } : {});
  const widths = tables.flatMap((t) => t.columns.map((c, i) => [i, c.width] as const));
  sheet.columns = Array.from({ length: Math.max(0, ...widths.map(([i]) => i + 1)) }, (_, i) => ({ width: Math.max(...widths.filter(([j]) => j === i).map(([, w]) => w)) + 2 }));
  sheet.addRow([heading]).font = { bold: true, size: 14 };
  tables.forEach((table, t) => {
    if (t > 0) sheet.addRow([]);
    sheet.addRow([table.title]).font = { bold: true };
    const header = sheet.addRow(table.columns.map((c) => c.header));
    header.font = { bold: true };
    header.eachCell((cell) => (cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } }));
    for (const values of table.rows) {
      const row = sheet.addRow(values.map((value, i) => cellValue(value, table.columns[i]!)));
      table.columns.forEach((c, i) => {
        const format = NUM_FORMATS[c.format];
        if (format) row.getCell(i + 1).numFmt = format;
      });
    }
    if (table.rows.length === 0) sheet.addRow(['（无）']);
  });
}

export async function workbookBuffer(book: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await book.xlsx.writeBuffer());
}
