// Persistent problems (顽症, S-4.7) as pure rules: the detector's proposals and recurrences, what the console
// may do (立项, 不立项, 关联, 销项, 抄报, 确认收悉) and why not, and the reducer every projection folds them with.
import { describe, expect, it } from 'vitest';
import { DAY, HOUR } from '../../electron/common/domain/beijing-time.ts';
import { newCase } from '../../electron/common/domain/case-intake.ts';
import type { CaseView } from '../../electron/common/domain/case-model.ts';
import { closableAt, PROBLEM_RULE, problemOfCase, problemProposals, recurrences } from '../../electron/common/domain/problem-detector.ts';
import { refuseAcknowledge, refuseClose, refuseCopy, refuseDismiss, refuseLink, refuseOpen } from '../../electron/common/domain/problem-lifecycle.ts';
import type { LeaderCopy, ProblemView } from '../../electron/common/domain/problem-model.ts';
import { ProblemCommand } from '../../electron/common/domain/problem-model.ts';
import { emptyHallState, applyHallEvent } from '../../electron/common/hall-state.ts';
import type { HallEvent } from '../../electron/common/protocol.ts';

const NOW = Date.UTC(2026, 10, 23, 2);
let counter = 0;
function report(daysAgo: number, extra: Partial<CaseView> = {}): CaseView {
  counter += 1;
  const view = newCase(
    { title: '群租扰民', description: '', source: 'hotline12345', urgency: 'general', category: '群租', address: '', gridId: 'M-007' },
    { id: `c${counter}`, no: counter, at: NOW - daysAgo * DAY, seat: null },
  );
  return { ...view, state: 'registered', ...extra };
}

function problem(cases: readonly CaseView[], extra: Partial<ProblemView> = {}): ProblemView {
  return {
    id: `p${++counter}`, no: counter, gridId: 'M-007', category: '群租', caseIds: cases.map((c) => c.id), title: '网格M-007「群租」',
    state: 'open', createdAt: NOW - 10 * DAY, createdBySeat: 'console-1', updatedAt: NOW - 10 * DAY, closedAt: null, closeNote: null, dismissReason: null,
    ...extra,
  };
}

const ref = (cases: readonly CaseView[]) => ({ gridId: 'M-007', category: '群租', caseIds: cases.map((c) => c.id) });

describe('the detector (3 times in one micro grid within 30 days)', () => {
  it('proposes a place once three cases of a category recur there, and not before', () => {
    const three = [report(29), report(12), report(1)];
    const [proposal, ...rest] = problemProposals(three, [], NOW);
    expect(rest).toEqual([]);
    expect(proposal).toMatchObject({ gridId: 'M-007', category: '群租', occurrences: 3, dismissed: null, closedBefore: null });
    expect(proposal!.cases.map((c) => c.id)).toEqual(three.map((c) => c.id));
    expect(problemProposals(three.slice(0, 2), [], NOW)).toEqual([]);
    expect(problemProposals([report(31), ...three.slice(1)], [], NOW), 'one is older than the window').toEqual([]);
    expect(problemProposals([...three.slice(0, 2), report(0, { gridId: 'M-008' })], [], NOW), 'another grid').toEqual([]);
    expect(problemProposals([...three.slice(0, 2), report(0, { category: '市容环境' })], [], NOW), 'another category').toEqual([]);
  });

  it('proposes nothing where a problem is open: new cases there are its recurrences, to link', () => {
    const held = [report(29), report(25), report(20)];
    const open = problem(held);
    const later = [report(5), report(4), report(3, { state: 'rejected' }), report(2, { duplicateOf: 'c1' }), report(1)];
    const all = [...held, ...later];
    expect(problemProposals(all, [open], NOW)).toEqual([]);
    expect(recurrences(open, all, [open]).map((c) => c.id)).toEqual([later[0]!.id, later[1]!.id, later[4]!.id]);
    expect(problemOfCase(held[0]!.id, [open])).toBe(open);
    expect(problemOfCase(later[0]!.id, [open])).toBeUndefined();
  });

  it('brings a dismissed proposal back only when a case it did not name joins it', () => {
    const cases = [report(20), report(10), report(5)];
    const dismissed = problem(cases, { state: 'dismissed', dismissReason: '同一业主已整改' });
    expect(problemProposals(cases, [dismissed], NOW)).toEqual([]);
    const fresh = report(0);
    const [back] = problemProposals([...cases, fresh], [dismissed], NOW);
    expect(back).toMatchObject({ occurrences: 4, dismissed: { id: dismissed.id } });
    expect(problemOfCase(cases[0]!.id, [dismissed]), 'a dismissal holds no case').toBeUndefined();
  });

  it('proposes a relapse after 销项 from the cases the closed problem does not hold', () => {
    const old = [report(29), report(28), report(27)];
    const closed = problem(old, { state: 'closed', closedAt: NOW - 5 * DAY });
    const relapse = [report(3), report(2), report(1)];
    const [proposal] = problemProposals([...old, ...relapse], [closed], NOW);
    expect(proposal!.cases.map((c) => c.id)).toEqual(relapse.map((c) => c.id));
    expect(proposal!.closedBefore?.id).toBe(closed.id);
  });

  it('lets a problem close 14 days after its last occurrence, linked or not', () => {
    const cases = [report(29), report(25), report(20)];
    const open = problem(cases);
    expect(closableAt(open, cases, [open])).toBe(NOW - 20 * DAY + PROBLEM_RULE.quietMs);
    const recurrence = report(3);
    expect(closableAt(open, [...cases, recurrence], [open]), 'an unlinked recurrence counts too').toBe(NOW - 3 * DAY + PROBLEM_RULE.quietMs);
  });
});

describe('what the console may do, and why not', () => {
  it('立项: the proposal must hold now, its cases in its place and no other problem', () => {
    const cases = [report(29), report(12), report(1)];
    expect(refuseOpen(ref(cases), { cases, problems: [] }, NOW)).toBeNull();
    expect(refuseOpen(ref(cases.slice(0, 2)), { cases, problems: [] }, NOW)).toMatch(/未达顽症标准/);
    expect(refuseOpen(ref(cases), { cases, problems: [] }, NOW + 2 * DAY), 'the oldest case has left the window').toMatch(/未达顽症标准/);
    expect(refuseOpen(ref([...cases, { ...cases[0]!, id: 'ghost' }]), { cases, problems: [] }, NOW)).toBe('没有案件 ghost');
    const elsewhere = report(2, { gridId: 'M-008' });
    expect(refuseOpen(ref([...cases, elsewhere]), { cases: [...cases, elsewhere], problems: [] }, NOW)).toMatch(/不在网格M-007「群租」/);
    expect(refuseOpen({ ...ref(cases), caseIds: [cases[0]!.id, cases[0]!.id, cases[1]!.id] }, { cases, problems: [] }, NOW)).toMatch(/重复/);
  });

  it('立项 twice is refused: the place has an open problem, its cases are held', () => {
    const cases = [report(29), report(12), report(1)];
    const opened = problem(cases);
    expect(refuseOpen(ref(cases), { cases, problems: [opened] }, NOW)).toMatch(new RegExp(`已有在办顽症 #${opened.no}`));
    const closed = { ...opened, state: 'closed' as const };
    expect(refuseOpen(ref(cases), { cases, problems: [closed] }, NOW)).toMatch(new RegExp(`已属于顽症 #${opened.no}`));
  });

  it('不立项: with the same checks, and not twice for the same cases', () => {
    const cases = [report(29), report(12), report(1)];
    expect(refuseDismiss(ref(cases), { cases, problems: [] })).toBeNull();
    const dismissed = problem(cases, { state: 'dismissed' });
    expect(refuseDismiss(ref(cases), { cases, problems: [dismissed] })).toMatch(/已不立项/);
    const fresh = report(0);
    expect(refuseDismiss(ref([...cases, fresh]), { cases: [...cases, fresh], problems: [dismissed] }), 'a new case: a new answer').toBeNull();
    expect(refuseDismiss(ref(cases), { cases, problems: [problem(cases)] })).toMatch(/已立项/);
    expect(() => ProblemCommand.parse({ kind: 'problem.dismiss', proposal: ref(cases), reason: '  ' })).toThrow(/reason is required/);
  });

  it('关联: an open problem and a case of its category that no problem holds', () => {
    const cases = [report(29), report(12), report(1)];
    const open = problem(cases);
    const fresh = report(0);
    expect(refuseLink(open, fresh, { cases: [fresh], problems: [open] })).toBeNull();
    expect(refuseLink(open, { ...fresh, gridId: 'M-008' }, { cases: [], problems: [open] }), 'the commander may link across a grid border').toBeNull();
    expect(refuseLink(open, cases[0], { cases, problems: [open] })).toMatch(/已关联/);
    expect(refuseLink(open, { ...fresh, category: '市容环境' }, { cases: [], problems: [open] })).toMatch(/类别「市容环境」/);
    expect(refuseLink(open, { ...fresh, state: 'rejected' }, { cases: [], problems: [open] })).toMatch(/不予立案/);
    expect(refuseLink({ ...open, state: 'closed' }, fresh, { cases: [], problems: [] })).toMatch(/已销项/);
    expect(refuseLink(undefined, fresh, { cases: [], problems: [] })).toBe('没有这个顽症');
    expect(refuseLink(open, undefined, { cases: [], problems: [open] })).toBe('没有这个案件');
    const other = problem([fresh], { gridId: 'M-009' });
    expect(refuseLink(open, fresh, { cases: [fresh], problems: [open, other] })).toMatch(new RegExp(`已属于顽症 #${other.no}`));
  });

  it('销项: only an open problem, only after 14 quiet days (the note is the schema\'s)', () => {
    const cases = [report(29), report(25), report(20)];
    const open = problem(cases);
    expect(refuseClose(open, { cases, problems: [open] }, NOW)).toBeNull();
    const recurrence = report(3);
    expect(refuseClose(open, { cases: [...cases, recurrence], problems: [open] }, NOW)).toMatch(/须连续14天无复发方可销项（2026-12-04 起）/);
    expect(refuseClose({ ...open, state: 'closed' }, { cases, problems: [] }, NOW), 'close twice').toMatch(/已销项/);
    expect(refuseClose({ ...open, state: 'dismissed' }, { cases, problems: [] }, NOW)).toMatch(/未立项/);
    expect(() => ProblemCommand.parse({ kind: 'problem.close', problemId: open.id, note: '' })).toThrow(/note is required/);
  });

  it('抄报: to a leader the site names, an open problem or any case; not again until acknowledged', () => {
    const cases = [report(29), report(25), report(20)];
    const open = problem(cases);
    const target = { problemId: open.id, problem: open };
    expect(refuseCopy(target, 'leader-community', true, [])).toBeNull();
    expect(refuseCopy(target, 'nobody', false, [])).toBe('本中心没有领导 nobody');
    expect(refuseCopy({ problemId: open.id, problem: { ...open, state: 'closed' } }, 'leader-community', true, [])).toMatch(/不在办/);
    expect(refuseCopy({ caseId: 'c-none', view: undefined }, 'leader-community', true, [])).toBe('没有这个案件');
    const sent: LeaderCopy = {
      id: 'k1', no: 40, problemId: open.id, caseId: null, leaderId: 'leader-community', leaderName: '李明', leaderTitle: '副书记', reason: '反复投诉',
      at: NOW, bySeat: 'console-1', acknowledgedAt: null, acknowledgedBySeat: null,
    };
    expect(refuseCopy(target, 'leader-community', true, [sent])).toMatch(/尚未确认收悉/);
    expect(refuseCopy(target, 'leader-urban', true, [sent]), 'another leader').toBeNull();
    expect(refuseCopy(target, 'leader-community', true, [{ ...sent, acknowledgedAt: NOW }])).toBeNull();
    expect(refuseAcknowledge(sent)).toBeNull();
    expect(refuseAcknowledge({ ...sent, acknowledgedAt: NOW })).toMatch(/已确认收悉/);
    expect(refuseAcknowledge(undefined)).toBe('没有这份抄报');
    expect(() => ProblemCommand.parse({ kind: 'leader.copy', leaderId: 'leader-community', reason: 'x' })).toThrow(/either a problem or a case/);
    expect(() => ProblemCommand.parse({ kind: 'leader.copy', problemId: 'p', caseId: 'c', leaderId: 'leader-community', reason: 'x' })).toThrow(/either a problem or a case/);
  });
});

describe('the reducer', () => {
  const base = { origin: 'hall' as const, seat: 'console-1', id: 'e' };
  it('folds 立项, 关联, 销项, 抄报 and 确认收悉 into the records, and ignores what it does not hold', () => {
    const state = emptyHallState();
    const cases = [report(29), report(25), report(20)];
    const opened = problem(cases, { createdAt: NOW - HOUR, updatedAt: NOW - HOUR });
    const fold = (event: Omit<HallEvent, 'id' | 'origin' | 'seat'>) => applyHallEvent(state, { ...base, ...event } as HallEvent);
    expect(fold({ seq: 1, at: NOW - HOUR, type: 'problem.opened', payload: opened }).problem).toEqual(opened);
    expect(fold({ seq: 2, at: NOW, type: 'problem.linked', payload: { problemId: opened.id, caseId: 'c-late' } }).problem?.caseIds).toEqual([...opened.caseIds, 'c-late']);
    expect(fold({ seq: 3, at: NOW, type: 'problem.linked', payload: { problemId: opened.id, caseId: 'c-late' } }), 'linked once').toEqual({ forces: [] });
    expect(fold({ seq: 4, at: NOW, type: 'problem.linked', payload: { problemId: 'unknown', caseId: 'c-late' } })).toEqual({ forces: [] });
    const copy: LeaderCopy = {
      id: 'k1', no: 5, problemId: opened.id, caseId: null, leaderId: 'leader-community', leaderName: '李明', leaderTitle: '副书记', reason: '反复投诉',
      at: NOW, bySeat: 'console-1', acknowledgedAt: null, acknowledgedBySeat: null,
    };
    expect(fold({ seq: 5, at: NOW, type: 'leader.copied', payload: copy }).copy).toEqual(copy);
    expect(fold({ seq: 6, at: NOW + 1, type: 'leader.acknowledged', payload: { copyId: 'k1', problemId: opened.id, caseId: null } }).copy)
      .toMatchObject({ acknowledgedAt: NOW + 1, acknowledgedBySeat: 'console-1' });
    expect(fold({ seq: 7, at: NOW + 2, type: 'problem.closed', payload: { problemId: opened.id, note: '业主签订承诺书，两周无复发' } }).problem)
      .toMatchObject({ state: 'closed', closedAt: NOW + 2, closeNote: '业主签订承诺书，两周无复发', updatedAt: NOW + 2 });
    expect(state.problems.get(opened.id)?.state).toBe('closed');
    expect(state.copies.get('k1')?.acknowledgedAt).toBe(NOW + 1);
  });
});
