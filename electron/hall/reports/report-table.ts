// A table of a report as plain data, which every rendering (xlsx, PDF) draws its own way: the daily report's
// tables and the shift handover's.

/** How a column's raw values are shown: rates are fractions (0.85), times epoch ms. */
export type ColumnFormat = 'text' | 'count' | 'percent' | 'datetime';
export interface ReportColumn { header: string; format: ColumnFormat; width: number }
export type Cell = string | number | null;
export interface ReportTable { title: string; columns: ReportColumn[]; rows: Cell[][] }

export const col = (header: string, format: ColumnFormat, width = 12): ReportColumn => ({ header, format, width });
