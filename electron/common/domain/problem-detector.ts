// S-4.7 the persistent-problem detector over cases and the problem records (problem-model.ts). One rule for
// every site (PROBLEM_RULE):
// - proposed: a category that occurred at least 3 times in one micro grid within the last 30 days
//   (duplicates.ts persistentProblems: merged duplicates are the same occurrence, rejected reports none),
//   counting only the cases that no open or closed problem holds;
// - not proposed while the grid and category have an open problem: new cases there are its recurrences, which
//   the commander links to it;
// - a dismissed proposal (不立项) is proposed again only once a case the dismissal did not name joins it;
// - a problem closes (销项) only after 14 days without an occurrence: neither one of its cases nor a recurrence.
//   Shorter than the window on purpose: a place quiet for two weeks has shown the fix holds, and a relapse
//   within the window is proposed afresh (with the closed problem named beside it).
import { DAY } from './beijing-time.ts';
import type { CaseView } from './case-model.ts';
import { persistentProblems, type ProblemCluster } from './duplicates.ts';
import type { ProblemView } from './problem-model.ts';

export interface ProblemRule { windowMs: number; minCount: number; quietMs: number; radiusM?: number }
export const PROBLEM_RULE: ProblemRule = { windowMs: 30 * DAY, minCount: 3, quietMs: 14 * DAY };

export interface ProblemProposal extends ProblemCluster {
  /** Grid and category (and the spot, with a radius): stable while the proposal stands. */
  key: string;
  /** The latest dismissal at this place, when the proposal is back because of cases it did not name. */
  dismissed: ProblemView | null;
  /** The latest closed problem at this place: the proposal is a relapse. */
  closedBefore: ProblemView | null;
}

const holds = (p: ProblemView) => p.state !== 'dismissed';
const samePlace = (p: { gridId: string; category: string }, c: { gridId?: string | undefined; category: string }) =>
  c.gridId === p.gridId && c.category === p.category;
const latest = (problems: readonly ProblemView[]) => problems.reduce<ProblemView | null>((a, p) => (a === null || p.createdAt > a.createdAt ? p : a), null);

/** The open or closed problem that holds the case, if any (a case belongs to one problem at most). */
export const problemOfCase = (caseId: string, problems: readonly ProblemView[]): ProblemView | undefined =>
  problems.find((p) => holds(p) && p.caseIds.includes(caseId));

/** Proposals at `now`, most occurrences first, then most recent. */
export function problemProposals(cases: readonly CaseView[], problems: readonly ProblemView[], now: number, rule: ProblemRule = PROBLEM_RULE): ProblemProposal[] {
  const held = new Set(problems.filter(holds).flatMap((p) => p.caseIds));
  const free = cases.filter((c) => !held.has(c.id));
  const clusters = persistentProblems(free, { now, windowMs: rule.windowMs, minCount: rule.minCount, ...(rule.radiusM === undefined ? {} : { radiusM: rule.radiusM }) });
  const spotOf = new Map<string, number>();
  return clusters.flatMap((cluster) => {
    const here = problems.filter((p) => samePlace(p, cluster));
    if (here.some((p) => p.state === 'open')) return [];
    const dismissed = latest(here.filter((p) => p.state === 'dismissed'));
    if (dismissed && cluster.cases.every((c) => dismissed.caseIds.includes(c.id))) return [];
    const place = JSON.stringify([cluster.gridId, cluster.category]);
    const spot = spotOf.get(place) ?? 0;
    spotOf.set(place, spot + 1);
    return [{ ...cluster, key: spot === 0 ? place : `${place}#${spot}`, dismissed, closedBefore: latest(here.filter((p) => p.state === 'closed')) }];
  });
}

/** Cases at an open problem's place that no problem holds yet, oldest first: what the commander may link.
 *  Merged duplicates are not new occurrences and rejected reports none. */
export function recurrences(problem: ProblemView, cases: readonly CaseView[], problems: readonly ProblemView[], rule: ProblemRule = PROBLEM_RULE): CaseView[] {
  if (problem.state !== 'open') return [];
  const held = new Set(problems.filter(holds).flatMap((p) => p.caseIds));
  return cases
    .filter((c) => samePlace(problem, c) && !held.has(c.id) && c.state !== 'rejected' && c.duplicateOf === null && c.createdAt >= problem.createdAt - rule.windowMs)
    .sort((a, b) => a.createdAt - b.createdAt);
}

/** When the problem last occurred: its newest case, or a newer recurrence not linked (yet). */
export function lastOccurrence(problem: ProblemView, cases: readonly CaseView[], problems: readonly ProblemView[], rule: ProblemRule = PROBLEM_RULE): number {
  const own = new Set(problem.caseIds);
  const times = [...cases.filter((c) => own.has(c.id)), ...recurrences(problem, cases, problems, rule)].map((c) => c.createdAt);
  return times.length ? Math.max(...times) : problem.createdAt;
}

/** The first moment the problem may be closed (销项). */
export const closableAt = (problem: ProblemView, cases: readonly CaseView[], problems: readonly ProblemView[], rule: ProblemRule = PROBLEM_RULE): number =>
  lastOccurrence(problem, cases, problems, rule) + rule.quietMs;
