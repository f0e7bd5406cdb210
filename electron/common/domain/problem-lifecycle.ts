// S-4.7 what may be done to persistent problems and copies to the leader, and why not: the hall core's gate
// for the console's problem commands (the reasons are shown to the commander as they are). Pure: the hall
// hands in the records and cases the command touches.
// - 立项 (open): the cases named exist, lie in the proposal's grid and category, belong to no other problem,
//   still make a persistent problem by the rule at this moment, and the place has no open problem yet (a
//   second confirmation of the same proposal is refused here).
// - 不立项 (dismiss): the same cases, with a reason; not twice for the same cases.
// - 关联 (link): an open problem, a case of its category that no problem holds and that was not rejected.
// - 销项 (close): an open problem, with a note, once no occurrence for the rule's quiet period.
// - 抄报 (copy): an open problem or any case, to a leader the site names, with a reason; not again to the same
//   leader while the last copy is unacknowledged. 确认收悉 (acknowledge): once.
import { dateKey, dayOf } from './beijing-time.ts';
import type { CaseView } from './case-model.ts';
import { persistentProblems } from './duplicates.ts';
import { closableAt, lastOccurrence, PROBLEM_RULE, problemOfCase, type ProblemRule } from './problem-detector.ts';
import type { LeaderCopy, ProblemProposalRef, ProblemView } from './problem-model.ts';

/** The records a check needs: the cases and problems of the place concerned and of the cases named. */
export interface ProblemScope { cases: readonly CaseView[]; problems: readonly ProblemView[] }

const day = (t: number) => dateKey(dayOf(t));
const no = (p: { no: number }) => `#${p.no}`;

/** Why the named cases cannot stand for this proposal; null when they can. */
function refusedCases(ref: ProblemProposalRef, scope: ProblemScope): string | null {
  if (new Set(ref.caseIds).size !== ref.caseIds.length) return '提议中的案件重复';
  for (const id of ref.caseIds) {
    const view = scope.cases.find((c) => c.id === id);
    if (!view) return `没有案件 ${id}`;
    if (view.gridId !== ref.gridId || view.category !== ref.category) return `案件 #${view.no} 不在网格${ref.gridId}「${ref.category}」`;
    const holder = problemOfCase(id, scope.problems);
    if (holder) return `案件 #${view.no} 已属于顽症 ${no(holder)}`;
  }
  return null;
}

const openAt = (ref: ProblemProposalRef, problems: readonly ProblemView[]) =>
  problems.find((p) => p.state === 'open' && p.gridId === ref.gridId && p.category === ref.category);

export function refuseOpen(ref: ProblemProposalRef, scope: ProblemScope, now: number, rule: ProblemRule = PROBLEM_RULE): string | null {
  const open = openAt(ref, scope.problems);
  if (open) return `网格${ref.gridId}「${ref.category}」已有在办顽症 ${no(open)}，请将案件关联到该顽症`;
  const refused = refusedCases(ref, scope);
  if (refused) return refused;
  const named = scope.cases.filter((c) => ref.caseIds.includes(c.id));
  const cluster = persistentProblems(named, { now, windowMs: rule.windowMs, minCount: rule.minCount });
  if (cluster.length === 0) {
    const days = Math.round(rule.windowMs / 86_400_000);
    return `这些案件近${days}天未达顽症标准（同一网格同类问题${rule.minCount}次），不能立项`;
  }
  return null;
}

export function refuseDismiss(ref: ProblemProposalRef, scope: ProblemScope): string | null {
  const open = openAt(ref, scope.problems);
  if (open) return `网格${ref.gridId}「${ref.category}」已立项为顽症 ${no(open)}`;
  const refused = refusedCases(ref, scope);
  if (refused) return refused;
  const earlier = scope.problems.find((p) => p.state === 'dismissed' && p.gridId === ref.gridId && p.category === ref.category && ref.caseIds.every((id) => p.caseIds.includes(id)));
  return earlier ? `该提议已不立项（${no(earlier)}），此后无新发案件` : null;
}

export function refuseLink(problem: ProblemView | undefined, view: CaseView | undefined, scope: ProblemScope): string | null {
  if (!problem) return '没有这个顽症';
  if (problem.state !== 'open') return `顽症 ${no(problem)} ${problem.state === 'closed' ? '已销项' : '未立项'}，不能关联案件`;
  if (!view) return '没有这个案件';
  if (view.category !== problem.category) return `案件 #${view.no} 的类别「${view.category}」与顽症「${problem.category}」不同`;
  if (view.state === 'rejected') return `案件 #${view.no} 不予立案，不是一次发生`;
  if (problem.caseIds.includes(view.id)) return `案件 #${view.no} 已关联到顽症 ${no(problem)}`;
  const holder = problemOfCase(view.id, scope.problems);
  return holder ? `案件 #${view.no} 已属于顽症 ${no(holder)}` : null;
}

export function refuseClose(problem: ProblemView | undefined, scope: ProblemScope, now: number, rule: ProblemRule = PROBLEM_RULE): string | null {
  if (!problem) return '没有这个顽症';
  if (problem.state !== 'open') return `顽症 ${no(problem)} ${problem.state === 'closed' ? '已销项' : '未立项'}`;
  const from = closableAt(problem, scope.cases, scope.problems, rule);
  if (from > now) {
    const days = Math.round(rule.quietMs / 86_400_000);
    return `最近一次发生于 ${day(lastOccurrence(problem, scope.cases, scope.problems, rule))}，须连续${days}天无复发方可销项（${day(from)} 起）`;
  }
  return null;
}

/** What a copy is about: a problem or a case, by id, with the record when it exists. */
export type CopyTarget = { problemId: string; problem: ProblemView | undefined } | { caseId: string; view: CaseView | undefined };

export function refuseCopy(target: CopyTarget, leaderId: string, leaderKnown: boolean, copies: readonly LeaderCopy[]): string | null {
  if (!leaderKnown) return `本中心没有领导 ${leaderId}`;
  if ('problemId' in target) {
    if (!target.problem) return '没有这个顽症';
    if (target.problem.state !== 'open') return `顽症 ${no(target.problem)} 不在办，不能抄报`;
  } else if (!target.view) return '没有这个案件';
  const same = (c: LeaderCopy) => ('problemId' in target ? c.problemId === target.problemId : c.caseId === target.caseId);
  const waiting = copies.find((c) => c.leaderId === leaderId && c.acknowledgedAt === null && same(c));
  return waiting ? `已于 ${day(waiting.at)} 抄报 ${waiting.leaderName}（${no(waiting)}），尚未确认收悉` : null;
}

export function refuseAcknowledge(copy: LeaderCopy | undefined): string | null {
  if (!copy) return '没有这份抄报';
  return copy.acknowledgedAt === null ? null : `抄报 ${no(copy)} 已确认收悉`;
}
