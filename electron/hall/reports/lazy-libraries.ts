// exceljs and pdfkit are loaded when a report or roster file is first made or read, not when the hall starts:
// loading them was most of the processor time a start took (issue 12: cold start), and a start needs neither.
import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';
import type PDFDocument from 'pdfkit';

// Not named `require`: the bundle declares its own.
const load = createRequire(import.meta.url);
let excel: typeof ExcelJS | undefined;
let pdf: typeof PDFDocument | undefined;

export const exceljs = (): typeof ExcelJS => (excel ??= load('exceljs') as typeof ExcelJS);
export const pdfkit = (): typeof PDFDocument => (pdf ??= load('pdfkit') as typeof PDFDocument);
