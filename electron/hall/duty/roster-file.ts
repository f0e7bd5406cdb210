// A roster file as rows of text, for the row checks (common/domain/roster-rows.ts): an xlsx workbook (its first
// sheet) or a CSV, told apart by their bytes, not by a name. CSV comes as UTF-8 (with or without BOM) or, as
// Excel on a Chinese Windows saves it, GB18030/GBK. And the template the console offers, in either format.
import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import type { RosterRow } from '../../common/domain/roster-rows.ts';
import { exceljs } from '../reports/lazy-libraries.ts';

export interface RosterTable { header: string[]; rows: RosterRow[] }

export class RosterFileError extends Error {}

const XLSX_MAGIC = Buffer.from('PK\x03\x04', 'latin1');
const XLS_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
/** Columns read from a sheet; a roster has seven. */
const MAX_COLUMNS = 20;

export async function readRosterFile(bytes: Buffer): Promise<RosterTable> {
  if (bytes.length === 0) throw new RosterFileError('文件是空的 / the file is empty');
  if (bytes.subarray(0, 4).equals(XLS_MAGIC)) throw new RosterFileError('不支持旧版 .xls，请另存为 .xlsx 或 CSV / old .xls is not supported: save as .xlsx or CSV');
  return bytes.subarray(0, 4).equals(XLSX_MAGIC) ? readXlsx(bytes) : readCsv(bytes);
}

function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

function readCsv(bytes: Buffer): RosterTable {
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(decodeText(bytes), { info: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as unknown as typeof records;
  } catch (error) {
    throw new RosterFileError(`不是有效的 CSV / not a valid CSV: ${(error as Error).message}`);
  }
  const [head, ...rest] = records;
  if (!head) throw new RosterFileError('文件是空的 / the file is empty');
  return { header: head.record, rows: rest.filter((r) => r.record.some((c) => c !== '')).map((r) => ({ row: r.info.lines, cells: r.record })) };
}

/** A cell as the text a person sees in it; a date cell as YYYY-MM-DD (exceljs gives it as UTC midnight). */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((t) => t.text).join('');
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  if ('text' in value) return String(value.text);
  if ('error' in value) return String(value.error);
  return '';
}

async function readXlsx(bytes: Buffer): Promise<RosterTable> {
  const book = new (exceljs().Workbook)();
  try {
    await book.xlsx.load(bytes as never);
  } catch (error) {
    throw new RosterFileError(`不是有效的 xlsx 工作簿 / not a valid xlsx workbook: ${(error as Error).message}`);
  }
  const sheet = book.worksheets[0];
  if (!sheet) throw new RosterFileError('工作簿没有工作表 / the workbook has no sheet');
  const rows: RosterRow[] = [];
  let header: string[] | null = null;
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells = Array.from({ length: Math.min(MAX_COLUMNS, row.cellCount) }, (_, i) => cellText(row.getCell(i + 1).value).trim());
    if (!cells.some((c) => c !== '')) return;
    if (header === null) header = cells;
    else rows.push({ row: number, cells });
  });
  if (header === null) throw new RosterFileError('工作表是空的 / the sheet is empty');
  return { header, rows };
}

/** The template (or an export of the coming days) as CSV, with a BOM so Excel opens the Chinese right. */
export function rosterCsv(rows: readonly string[][]): Buffer {
  const quote = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return Buffer.from(`\ufeff${rows.map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`, 'utf8');
}

export async function rosterXlsx(rows: readonly string[][]): Promise<Buffer> {
  const book = new (exceljs().Workbook)();
  book.creator = '城运指挥大厅';
  const sheet = book.addWorksheet('值班表');
  sheet.columns = [12, 8, 14, 10, 20, 16, 12].map((width) => ({ width }));
  // Text cells: a date or a phone number typed over them stays as typed (no 2157781001 from 021-57781001).
  for (const r of rows) sheet.addRow(r).eachCell((cell) => (cell.numFmt = '@'));
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await book.xlsx.writeBuffer());
}
