// A roster file's rows checked into changes (electron/common/domain/roster-rows.ts): what a good file sets,
// every problem of a bad one named by row and column, and the template read back as what it shows.
import { describe, expect, it } from 'vitest';
import { beijing } from '../../electron/common/domain/beijing-time.ts';
import { rosterDayOf, RosterRotation, type Roster } from '../../electron/common/domain/roster.ts';
import { MAX_ROSTER_ROWS, rosterChangesFromRows, rosterTemplateRows, TEMPLATE_HEADER, type RosterRow } from '../../electron/common/domain/roster-rows.ts';

const now = beijing('2026-11-23', '10:00');
const rules = {
  now, consoleSeats: ['console-1'], hasDepartment: (d: string) => ['command', 'police', 'urban'].includes(d),
  departments: [{ id: 'command', zh: '城运中心' }, { id: 'police', zh: '派出所' }, { id: 'urban', zh: '城管中队' }],
};
const header = [...TEMPLATE_HEADER];
const rows = (...cells: string[][]): RosterRow[] => cells.map((c, i) => ({ row: i + 2, cells: c }));
const check = (head: string[], ...cells: string[][]) => rosterChangesFromRows(head, rows(...cells), rules);

describe('a good roster file', () => {
  it('sets the shifts and standbys it names, by date', () => {
    const result = check(header,
      ['2026-11-24', '日班', '', '王建华', '街道办事处主任', '021-57781001', 'console-1'],
      ['2026/11/24', '夜班', '', '张伟', '派出所所长', '021 5778 2001', ''],
      ['2026-11-24', '备勤', '派出所', '顾振宇', '', '021-57783101', ''],
      ['2026-11-25', '备勤', 'urban', '陆文杰', '', '13812345678', ''],
      ['2026.11.26', 'day', '', '李明', '', '8802', ''],
    );
    expect(result).toEqual({
      ok: true, rows: 5, first: '2026-11-24', last: '2026-11-26',
      changes: [
        {
          date: '2026-11-24',
          day: { name: '王建华', title: '街道办事处主任', seat: 'console-1', phone: '021-57781001' },
          night: { name: '张伟', title: '派出所所长', seat: null, phone: '02157782001' },
          standby: { police: { name: '顾振宇', phone: '021-57783101' } },
        },
        { date: '2026-11-25', standby: { urban: { name: '陆文杰', phone: '13812345678' } } },
        { date: '2026-11-26', day: { name: '李明', title: '', seat: null, phone: '8802' } },
      ],
    });
  });

  it('reads English headers in any order and without the optional columns', () => {
    const result = check(['Phone', 'NAME', 'shift', 'date'], ['021-57781001', '王建华', 'night', '2026-11-24']);
    expect(result).toMatchObject({ ok: true, changes: [{ date: '2026-11-24', night: { name: '王建华', title: '', seat: null } }] });
  });
});

describe('a bad roster file', () => {
  it('names every bad cell by its row and column, and sets nothing', () => {
    const result = check(header,
      ['2026-02-30', '日班', '', '王建华', '主任', '021-57781001', ''],
      ['2026-11-24', '早班', '', '王建华', '主任', '021-57781001', ''],
      ['2026-11-24', '备勤', '', '顾振宇', '', '021-57783101', ''],
      ['2026-11-24', '备勤', '消防队', '顾振宇', '', '021-57783101', ''],
      ['2026-11-24', '夜班', '派出所', '', '', '12', 'console-9'],
      ['2026-11-10', '日班', '', '李明', '', '021-57781002', ''],
      ['2027-12-01', '日班', '', '李明', '', '021-57781002', ''],
      ['2026-11-25', '备勤', '派出所', '顾振宇', '', '021-57783101', 'console-1'],
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const at = result.problems.map((p) => [p.row, p.column]);
    expect(at).toEqual([
      [2, '日期'], [3, '班次'], [4, '部门'], [5, '部门'], [6, '部门'], [6, '席位'], [6, '姓名'], [6, '电话'], [7, '日期'], [8, '日期'], [9, '席位'],
    ]);
    expect(result.problems[0]!.message).toMatch(/not a date: "2026-02-30"/);
    expect(result.problems[1]!.message).toMatch(/shift must be day, night or standby/);
    expect(result.problems[3]!.message).toMatch(/"消防队".*no such department/);
    expect(result.problems[7]!.message).toMatch(/not a phone number.*"12"/);
    expect(result.problems[8]!.message).toMatch(/outside 2026-11-16 … 2027-11-24/);
    expect(result.count).toBe(11);
  });

  it('names duplicate rows by the row they repeat', () => {
    const result = check(header,
      ['2026-11-24', '日班', '', '王建华', '', '021-57781001', ''],
      ['2026-11-24', '备勤', '派出所', '顾振宇', '', '021-57783101', ''],
      ['2026/11/24', 'day', '', '李明', '', '021-57781002', ''],
      ['2026-11-24', '备勤', 'police', '钱立新', '', '021-57783102', ''],
      ['2026-11-24', '备勤', '城管中队', '陆文杰', '', '021-57783201', ''],
    );
    expect(result).toMatchObject({
      ok: false, count: 2,
      problems: [{ row: 4, column: '班次', message: expect.stringMatching(/与第 2 行重复/) }, { row: 5, column: '班次', message: expect.stringMatching(/as row 3/) }],
    });
  });

  it('refuses a file without its columns, with unknown columns, without rows or with too many', () => {
    expect(check(['日期', '姓名'], ['2026-11-24', '王建华'])).toMatchObject({ ok: false, problems: [{ row: 1, column: null, message: expect.stringMatching(/no shift column/) }, { message: expect.stringMatching(/no phone column/) }] });
    expect(check([...header, '备注'], ['2026-11-24', '日班', '', '王建华', '', '021-57781001', '', ''])).toMatchObject({ ok: false, problems: [{ row: 1, column: '备注' }] });
    expect(check(header)).toMatchObject({ ok: false, problems: [{ row: null, message: expect.stringMatching(/no rows/) }] });
    const many = Array.from({ length: MAX_ROSTER_ROWS + 1 }, () => ['2026-11-24', '日班', '', '王建华', '', '021-57781001', '']);
    expect(check(header, ...many)).toMatchObject({ ok: false, count: 1, problems: [{ row: null, message: expect.stringMatching(/more than 3000 rows/) }] });
  });

  it('lists at most 200 problems and counts them all', () => {
    const bad = Array.from({ length: 300 }, () => ['someday', '日班', '', '王建华', '', '021-57781001', '']);
    const result = check(header, ...bad);
    expect(result).toMatchObject({ ok: false, count: 300 });
    expect(!result.ok && result.problems.length).toBe(200);
  });
});

describe('the template', () => {
  it('is read back as exactly what it shows', () => {
    const rotation = RosterRotation.parse({
      anchor: '2026-11-23',
      day: [{ name: '王建华', title: '街道办事处主任', seat: 'console-1', phone: '021-57781001' }],
      night: [{ name: '张伟', title: '派出所所长', seat: null, phone: '021-57782001' }],
      standby: { police: [{ name: '顾振宇', phone: '021-57783101' }], urban: [{ name: '陆文杰', phone: '021-57783201' }] },
    });
    const roster: Roster = { rotation, days: new Map() };
    const days = ['2026-11-24', '2026-11-25'].map((d) => rosterDayOf(d, roster));
    const [head, ...body] = rosterTemplateRows(days, (id) => rules.departments.find((d) => d.id === id)!.zh);
    expect(head).toEqual(['日期', '班次', '部门', '姓名', '职务', '电话', '席位']);
    expect(body[2]).toEqual(['2026-11-24', '备勤', '派出所', '顾振宇', '', '021-57783101', '']);
    const result = check(head!, ...body);
    expect(result).toMatchObject({ ok: true, rows: 8 });
    if (!result.ok) return;
    for (const change of result.changes) {
      const shown = rosterDayOf(change.date, roster);
      expect(change).toEqual({
        date: change.date, day: shown.day!.person, night: shown.night!.person,
        standby: Object.fromEntries(shown.standby.map((s) => [s.department, s.person])),
      });
    }
  });
});
