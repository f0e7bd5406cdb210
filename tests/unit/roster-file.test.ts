// Roster files read into rows (electron/hall/duty/roster-file.ts): CSV in UTF-8 with or without BOM and in
// GBK as Excel on a Chinese Windows saves it, xlsx with date, number, rich-text and formula cells, row numbers
// as the file has them, and what is no roster file refused by name; the template written in both formats.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readRosterFile, RosterFileError, rosterCsv, rosterXlsx } from '../../electron/hall/duty/roster-file.ts';

// 日期,班次,姓名,电话 / 2026-11-24,夜班,张伟,021-57782001 in GBK.
const GBK = Buffer.concat([
  Buffer.from('C8D5C6DA2CB0E0B4CE2CD0D5C3FB2CB5E7BBB00D0A', 'hex'),
  Buffer.from('2026-11-24,', 'latin1'), Buffer.from('D2B9B0E0', 'hex'), Buffer.from(',', 'latin1'), Buffer.from('D5C5CEB0', 'hex'), Buffer.from(',021-57782001\r\n', 'latin1'),
]);

describe('readRosterFile', () => {
  it('reads CSV in UTF-8 with a BOM, skipping blank lines but keeping the file\'s row numbers', async () => {
    const table = await readRosterFile(Buffer.from('\ufeff日期,班次,姓名,电话\n\n2026-11-24,日班,"王, 建华",021-57781001\n,,,\n2026-11-25,夜班,张伟,021-57782001\n'));
    expect(table).toEqual({
      header: ['日期', '班次', '姓名', '电话'],
      rows: [{ row: 3, cells: ['2026-11-24', '日班', '王, 建华', '021-57781001'] }, { row: 5, cells: ['2026-11-25', '夜班', '张伟', '021-57782001'] }],
    });
  });

  it('reads CSV in GBK', async () => {
    expect(await readRosterFile(GBK)).toEqual({ header: ['日期', '班次', '姓名', '电话'], rows: [{ row: 2, cells: ['2026-11-24', '夜班', '张伟', '021-57782001'] }] });
  });

  it('reads the first sheet of an xlsx as text, dates as YYYY-MM-DD', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('值班表');
    sheet.addRow(['日期', '班次', '姓名', '电话']);
    sheet.addRow([]);
    sheet.addRow([new Date('2026-11-24T00:00:00Z'), { richText: [{ text: '日' }, { text: '班' }] }, '王建华', 13812345678]);
    sheet.addRow(['2026-11-25', { formula: '"夜"&"班"', result: '夜班' }, { text: '张伟', hyperlink: 'mailto:x@example.org' }, '021-57782001']);
    book.addWorksheet('备注').addRow(['不读这张表']);
    const table = await readRosterFile(Buffer.from(await book.xlsx.writeBuffer()));
    expect(table).toEqual({
      header: ['日期', '班次', '姓名', '电话'],
      rows: [{ row: 3, cells: ['2026-11-24', '日班', '王建华', '13812345678'] }, { row: 4, cells: ['2026-11-25', '夜班', '张伟', '021-57782001'] }],
    });
  });

  it.each([
    ['empty', Buffer.alloc(0), /the file is empty/],
    ['an old .xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]), /old \.xls is not supported/],
    ['a zip that is no workbook', Buffer.from('PK\x03\x04garbage', 'latin1'), /not a valid xlsx workbook/],
    ['a CSV with an open quote', Buffer.from('日期,"班次\n1,2'), /not a valid CSV/],
  ])('refuses %s by name', async (_what, bytes, message) => {
    await expect(readRosterFile(bytes)).rejects.toThrow(RosterFileError);
    await expect(readRosterFile(bytes)).rejects.toThrow(message);
  });
});

describe('the template files', () => {
  const rows = [['日期', '班次', '部门', '姓名', '职务', '电话', '席位'], ['2026-11-24', '备勤', '派出所', '顾振宇', '', '021-57783101', '']];
  it('read back as they were written, in CSV and in xlsx', async () => {
    const csv = rosterCsv(rows);
    expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(await readRosterFile(csv)).toEqual({ header: rows[0], rows: [{ row: 2, cells: rows[1] }] });
    const xlsx = await readRosterFile(await rosterXlsx(rows));
    expect(xlsx.header).toEqual(rows[0]);
    expect(xlsx.rows[0]!.cells.slice(0, 6)).toEqual(rows[1]!.slice(0, 6));
  });
});
