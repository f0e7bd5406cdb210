// Reading the reports back the way a recipient would: the xlsx with exceljs, the PDF's text with pdf.js.
import ExcelJS from 'exceljs';

export async function readWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as never);
  return book;
}

/** A row's values from column A on (exceljs counts from 1). */
export const rowValues = (book: ExcelJS.Workbook, sheet: string, row: number) => (book.getWorksheet(sheet)!.getRow(row).values as unknown[]).slice(1);

/** Each page's text, joined; throws unless the bytes are a PDF. */
export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  if (Buffer.from(bytes.subarray(0, 5)).toString() !== '%PDF-') throw new Error('not a PDF');
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: bytes, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) pages.push(((await (await doc.getPage(n)).getTextContent()).items as Array<{ str?: string }>).map((i) => i.str ?? '').join(''));
  return pages;
}
