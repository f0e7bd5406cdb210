// A roster file (CSV or xlsx, read into rows of text by the hall) checked row by row into roster changes.
// Columns 日期/date, 班次/shift (日班 day, 夜班 night, 备勤 standby), 部门/department (standby rows only: the
// site's id or its Chinese name), 姓名/name, 职务/title, 电话/phone, 席位/seat (optional: the console seat a day
// commander sits at). Everything is checked before anything is kept: one bad cell refuses the whole file, and
// every problem is named by its row (as numbered in the file) and column. A file sets exactly the shifts and
// standbys it names; everything else on those dates stays as it was.
import { dateKey, dayOfKey } from './beijing-time.ts';
import { DutyPerson, StandbyPerson, rosterWindow, type RosterChange, type RosterDay, type RosterRules } from './roster.ts';

export const MAX_ROSTER_ROWS = 3000;
/** Problems listed in one answer; the count says how many there were in all. */
export const MAX_LISTED_PROBLEMS = 200;

export type RosterColumn = 'date' | 'shift' | 'department' | 'name' | 'title' | 'phone' | 'seat';

const HEADERS: Record<RosterColumn, readonly string[]> = {
  date: ['date', '日期'],
  shift: ['shift', '班次'],
  department: ['department', '部门'],
  name: ['name', '姓名'],
  title: ['title', '职务'],
  phone: ['phone', '电话', '联系电话'],
  seat: ['seat', '席位', '指挥席位'],
};
const REQUIRED: readonly RosterColumn[] = ['date', 'shift', 'name', 'phone'];

type RowKind = 'day' | 'night' | 'standby';
const SHIFTS: Record<string, RowKind> = { day: 'day', 日班: 'day', 白班: 'day', night: 'night', 夜班: 'night', standby: 'standby', 备勤: 'standby' };

/** The template's header and words, Chinese (the hall's working language); English ones are read too. */
export const TEMPLATE_HEADER = ['日期', '班次', '部门', '姓名', '职务', '电话', '席位'] as const;
const SHIFT_WORDS: Record<RowKind, string> = { day: '日班', night: '夜班', standby: '备勤' };

export interface RosterRow {
  /** As numbered in the file (the header is row 1). */
  row: number;
  cells: readonly string[];
}

export interface RowProblem {
  /** Null for the file as a whole. */
  row: number | null;
  /** The column's header as the file has it; null for the file as a whole. */
  column: string | null;
  message: string;
}

export type RosterRowsResult =
  | { ok: true; changes: RosterChange[]; rows: number; first: string; last: string }
  | { ok: false; problems: RowProblem[]; count: number };

export interface RosterRowRules extends RosterRules {
  /** The site's departments with their Chinese names, which a file may use instead of ids. */
  departments: ReadonlyArray<{ id: string; zh: string }>;
  now: number;
}

/** 2026-11-23, 2026/11/23 or 2026.11.23 (one-digit month and day too) → 2026-11-23; null if not a real date. */
function normaliseDate(text: string): string | null {
  const match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  if (!match) return null;
  const key = `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`;
  try {
    return dateKey(dayOfKey(key));
  } catch {
    return null;
  }
}

export function rosterChangesFromRows(header: readonly string[], rows: readonly RosterRow[], rules: RosterRowRules): RosterRowsResult {
  const problems: RowProblem[] = [];
  const fail = () => ({ ok: false as const, problems: problems.slice(0, MAX_LISTED_PROBLEMS), count: problems.length });
  const names = header.map((h) => h.trim().toLowerCase());
  const at = Object.fromEntries(
    (Object.keys(HEADERS) as RosterColumn[]).map((c) => [c, names.findIndex((h) => HEADERS[c].includes(h))]),
  ) as Record<RosterColumn, number>;
  for (const column of REQUIRED) {
    if (at[column] === -1) problems.push({ row: 1, column: null, message: `缺少“${HEADERS[column][1]}”列 / no ${column} column (header: ${TEMPLATE_HEADER.join(',')})` });
  }
  names.forEach((h, i) => {
    if (h && !Object.values(HEADERS).some((aliases) => aliases.includes(h))) problems.push({ row: 1, column: header[i]!, message: `未知列 / unknown column ${JSON.stringify(header[i])}` });
  });
  if (rows.length === 0) problems.push({ row: null, column: null, message: '文件没有数据行 / the file has no rows' });
  if (rows.length > MAX_ROSTER_ROWS) problems.push({ row: null, column: null, message: `超过 ${MAX_ROSTER_ROWS} 行 / more than ${MAX_ROSTER_ROWS} rows` });
  if (problems.length) return fail();

  const { first, last } = rosterWindow(rules.now);
  const departmentOf = new Map(rules.departments.filter((d) => d.id !== 'command').flatMap((d) => [[d.id.toLowerCase(), d.id], [d.zh, d.id]]));
  const seen = new Map<string, number>();
  const changes = new Map<string, RosterChange>();
  for (const { row, cells } of rows) {
    const cell = (c: RosterColumn) => (at[c] === -1 ? '' : (cells[at[c]] ?? '').trim());
    const problem = (c: RosterColumn, message: string) => problems.push({ row, column: at[c] === -1 ? HEADERS[c][1]! : header[at[c]]!, message });
    const before = problems.length;

    const date = normaliseDate(cell('date'));
    if (!date) problem('date', `不是日期 / not a date: ${JSON.stringify(cell('date'))} (YYYY-MM-DD)`);
    else if (date < first || date > last) problem('date', `${date} 不在可设置范围 ${first} 至 ${last} / outside ${first} … ${last}`);
    const kind = SHIFTS[cell('shift').toLowerCase()];
    if (!kind) problem('shift', `班次应为 日班、夜班 或 备勤 / shift must be day, night or standby, not ${JSON.stringify(cell('shift'))}`);

    let department: string | undefined;
    if (kind === 'standby') {
      department = departmentOf.get(cell('department')) ?? departmentOf.get(cell('department').toLowerCase());
      if (!cell('department')) problem('department', '备勤行需要部门 / a standby row names its department');
      else if (!department) problem('department', `本中心没有部门 ${JSON.stringify(cell('department'))} / no such department at this site`);
    } else if (kind && cell('department')) {
      problem('department', '日班、夜班行不填部门 / day and night rows name no department');
    }

    const seat = cell('seat') || null;
    if (seat && kind === 'standby') problem('seat', '备勤行不填席位 / a standby row has no seat');
    else if (seat && !rules.consoleSeats.includes(seat)) problem('seat', `没有指挥席位 ${seat} / no console seat ${seat} (${rules.consoleSeats.join(', ')})`);

    const person = kind === 'standby'
      ? StandbyPerson.safeParse({ name: cell('name'), phone: cell('phone') })
      : DutyPerson.safeParse({ name: cell('name'), title: cell('title'), seat, phone: cell('phone') });
    if (!person.success) {
      for (const issue of person.error.issues) {
        const column = issue.path[0] as RosterColumn;
        if (column !== 'seat') problem(column, `${issue.message}: ${JSON.stringify(cell(column))}`);
      }
    }

    // Only rows that say which slot they fill can repeat one.
    if (date && kind && (kind !== 'standby' || department)) {
      const key = `${date} ${kind}${department ? ` ${department}` : ''}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) problem('shift', `与第 ${earlier} 行重复 / the same ${key} as row ${earlier}`);
      else seen.set(key, row);
    }
    if (problems.length > before || !date || !kind || !person.success) continue;
    const change = changes.get(date) ?? { date };
    if (kind === 'standby') change.standby = { ...change.standby, [department!]: person.data as StandbyPerson };
    else change[kind] = person.data as DutyPerson;
    changes.set(date, change);
  }
  if (problems.length) return fail();
  const dates = [...changes.keys()].sort();
  return { ok: true, changes: dates.map((d) => changes.get(d)!), rows: rows.length, first: dates[0]!, last: dates.at(-1)! };
}

/** Rows of a filled-in template: the roster of the given days as the file would state it. */
export function rosterTemplateRows(days: readonly RosterDay[], departmentName: (id: string) => string): string[][] {
  return [
    [...TEMPLATE_HEADER],
    ...days.flatMap((d) => [
      ...(['day', 'night'] as const).flatMap((shift) => {
        const p = d[shift]?.person;
        return p ? [[d.date, SHIFT_WORDS[shift], '', p.name, p.title, p.phone, p.seat ?? '']] : [];
      }),
      ...d.standby.map((s) => [d.date, SHIFT_WORDS.standby, departmentName(s.department), s.person.name, '', s.person.phone, '']),
    ]),
  ];
}
