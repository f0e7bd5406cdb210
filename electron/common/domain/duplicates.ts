// S-4.7 duplicates, persistent problems (顽症) and copying to the leader (抄报, seed 003: 「对因长效管理机制不健全
// 导致的共性问题重复投诉，建立向镇相关分管领导抄报制度」).
// - A duplicate is a report of the same category within 50 m and 24 h of an open case (same grid when either
//   has no location); only open originals are offered, since a report after the original was closed is a
//   recurrence, which the persistent-problem rule counts instead of merging it away.
// - A persistent problem is a category that occurred at least 3 times in one micro grid within 30 days
//   (merged duplicates are the same occurrence, rejected reports none); with a radius the grid's cases are
//   further split into spots (cases within the radius of each other, chained).
// - A cluster is copied to the leader once hotline complaints about it (12345, 12319, 110 non-police, merged
//   duplicates included: each is a citizen complaining again) reach 3.
import { FINISHED_STATES } from '../case-window.ts';
import type { CaseSource, CaseView } from './case-model.ts';
import { DAY } from './beijing-time.ts';
import { greatCircleM } from './great-circle.ts';

export interface DuplicateOptions { radiusM: number; windowMs: number }
export const DUPLICATE_DEFAULTS: DuplicateOptions = { radiusM: 50, windowMs: DAY };

export interface DuplicateCandidate {
  original: CaseView;
  /** Null when the match is by grid (a location is missing). */
  distanceM: number | null;
  apartMs: number;
}

const FINISHED = new Set<CaseView['state']>(FINISHED_STATES);

/** Open cases `view` may duplicate, best first: nearest (grid matches last), then closest in time, then oldest. */
export function duplicateCandidates(view: CaseView, others: readonly CaseView[], options: DuplicateOptions = DUPLICATE_DEFAULTS): DuplicateCandidate[] {
  const found: DuplicateCandidate[] = [];
  for (const other of others) {
    if (other.id === view.id || other.category !== view.category || other.duplicateOf !== null || FINISHED.has(other.state)) continue;
    const apartMs = Math.abs(other.createdAt - view.createdAt);
    if (apartMs > options.windowMs) continue;
    if (view.location && other.location) {
      const distanceM = greatCircleM(view.location, other.location);
      if (distanceM <= options.radiusM) found.push({ original: other, distanceM, apartMs });
    } else if (view.gridId !== undefined && view.gridId === other.gridId) {
      found.push({ original: other, distanceM: null, apartMs });
    }
  }
  return found.sort(
    (a, b) => (a.distanceM ?? Infinity) - (b.distanceM ?? Infinity) || a.apartMs - b.apartMs || a.original.createdAt - b.original.createdAt,
  );
}

export interface PersistentOptions { now: number; windowMs: number; minCount: number; radiusM?: number }
export const PERSISTENT_DEFAULTS: Omit<PersistentOptions, 'now'> = { windowMs: 30 * DAY, minCount: 3 };

export interface ProblemCluster {
  gridId: string;
  category: string;
  /** The history, oldest first (merged duplicates included). */
  cases: CaseView[];
  /** Distinct occurrences: cases that are not merged duplicates. */
  occurrences: number;
  hotlineComplaints: number;
  firstAt: number;
  lastAt: number;
}

const HOTLINES: ReadonlySet<CaseSource> = new Set(['hotline12345', 'hotline12319', 'nonpolice110']);

/** Persistent problems in the window ending at `now`, most occurrences first, then most recent. */
export function persistentProblems(cases: readonly CaseView[], options: PersistentOptions): ProblemCluster[] {
  const groups = new Map<string, CaseView[]>();
  for (const c of cases) {
    if (c.gridId === undefined || c.state === 'rejected' || c.state === 'cancelled' || c.createdAt > options.now || c.createdAt < options.now - options.windowMs) continue;
    const key = JSON.stringify([c.gridId, c.category]);
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const clusters: ProblemCluster[] = [];
  for (const group of groups.values()) {
    for (const spot of options.radiusM === undefined ? [group] : spots(group, options.radiusM)) {
      const cluster = clusterOf(spot);
      if (cluster.occurrences >= options.minCount) clusters.push(cluster);
    }
  }
  return clusters.sort((a, b) => b.occurrences - a.occurrences || b.lastAt - a.lastAt);
}

/** The figures of cases at one place and of one category (at least one case): its history oldest first,
 *  occurrences, hotline complaints, first and last report. */
export function clusterOf(cases: readonly CaseView[]): ProblemCluster {
  const history = [...cases].sort((a, b) => a.createdAt - b.createdAt);
  const first = history[0]!;
  return {
    gridId: first.gridId ?? '', category: first.category, cases: history, occurrences: history.filter((c) => c.duplicateOf === null).length,
    hotlineComplaints: history.filter((c) => HOTLINES.has(c.source)).length, firstAt: first.createdAt, lastAt: history[history.length - 1]!.createdAt,
  };
}

/** Chains located cases within `radiusM` of each other into spots; cases without a location form one more. */
function spots(group: readonly CaseView[], radiusM: number): CaseView[][] {
  const unplaced = group.filter((c) => c.location);
  const result: CaseView[][] = [];
  while (unplaced.length > 0) {
    const spot = unplaced.splice(0, 1);
    for (let i = 0; i < spot.length; i++) {
      const here = spot[i]!.location!;
      for (let j = unplaced.length - 1; j >= 0; j--) {
        if (greatCircleM(here, unplaced[j]!.location!) <= radiusM) spot.push(...unplaced.splice(j, 1));
      }
    }
    result.push(spot);
  }
  const unlocated = group.filter((c) => !c.location);
  return unlocated.length > 0 ? [...result, unlocated] : result;
}

export interface CopyRule { minHotlineComplaints: number }
export const COPY_RULE: CopyRule = { minHotlineComplaints: 3 };

/** Whether a persistent problem goes to the leader in charge (抄报), with the reason shown to operators. */
export function copyToLeader(cluster: ProblemCluster, rule: CopyRule = COPY_RULE): { copy: boolean; reason: string } {
  const n = cluster.hotlineComplaints;
  return n >= rule.minHotlineComplaints
    ? { copy: true, reason: `网格${cluster.gridId}「${cluster.category}」问题反复发生，热线重复投诉${n}次，长效管理机制不健全，抄报分管领导` }
    : { copy: false, reason: `热线投诉${n}次，未达抄报标准（${rule.minHotlineComplaints}次）` };
}
