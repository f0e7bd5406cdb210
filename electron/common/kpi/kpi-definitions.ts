// The S-5 assessment figures (考核指标) over case views, with their exact definitions. Pure: the same code
// computes the wall's KPI board, the /api/kpi answer and the daily report.
//
// Shared rules
// - A period is [from, to) in epoch ms; Beijing-time day/week/month boundaries come from periods.ts.
// - Each figure puts a case in a period by ONE milestone, named in its definition below (a case reported on
//   Monday and closed on Tuesday counts in Monday's discovery rate and in Tuesday's on-time rate).
// - Not counted anywhere: rejected reports (state `rejected`, 不予立案: not a case) and merged duplicates
//   (`duplicateOf` set: their problem is counted once, in the case they were merged into).
// - "Closed" means state `closed` or `evaluated` now; a reopened case is not closed until it closes again.
// - Every figure keeps the case ids behind its numerator and denominator (drill-down); rate is null when the
//   denominator is 0, so "no data" never reads as 0 % or 100 %; `met` is then absent too (nothing to judge).
import type { CaseSource, CaseView } from '../domain/case-model.ts';
import { HOUR, MINUTE } from '../domain/beijing-time.ts';
import type { SiteConfig } from '../site/site-config.ts';
import { inPeriod, type Period } from './periods.ts';

export interface KpiResult {
  numerator: number;
  denominator: number;
  rate: number | null;
  target?: number;
  met?: boolean;
  numeratorIds: string[];
  denominatorIds: string[];
}

export const KPI_NAMES = [
  'proactiveDiscovery', 'closure', 'onTime', 'actualResolution', 'satisfaction', 'urgentArrival15m', 'urgentResult1h',
  'gridSelfHandling',
] as const;
export type KpiName = (typeof KPI_NAMES)[number];
export type KpiSet = Record<KpiName, KpiResult>;

export const KPI_LABELS: Record<KpiName | 'patrolCoverage', string> = {
  proactiveDiscovery: '先行发现率', closure: '结案率', onTime: '按时办结率', actualResolution: '实际解决率',
  satisfaction: '群众满意率', urgentArrival15m: '紧急类15分钟到场率', urgentResult1h: '紧急类1小时处置率',
  gridSelfHandling: '网格自行处置率', patrolCoverage: '巡查覆盖率',
};

/** Targets set by the seeds (盈浦街道方案: 先行发现率达85%、结案率达97%); the other figures have none yet. */
export const KPI_TARGETS: Partial<Record<KpiName | 'patrolCoverage', number>> = { proactiveDiscovery: 0.85, closure: 0.97 };

export const PROACTIVE_SOURCES: readonly CaseSource[] = ['patrol', 'video'];

/** What the figures need of the site: its 紧急类 grades (seed 001: on scene within 15 min, a result within 1 h)
 *  with their limits. Cases of other grades are not in the urgent figures. */
export interface KpiRules { urgent: Readonly<Record<string, { onSceneMs: number; resultMs: number }>> }

/** Seed 001's two classes: `urgent` (15 min, 1 h) and everything else general. */
export const SEED_001_KPI_RULES: KpiRules = { urgent: { urgent: { onSceneMs: 15 * MINUTE, resultMs: HOUR } } };

export function kpiRulesFor(site: Pick<SiteConfig, 'urgencies'>): KpiRules {
  return {
    urgent: Object.fromEntries(site.urgencies.flatMap((u) => (u.urgent && u.onSceneMin !== null && u.resultMin !== null
      ? [[u.id, { onSceneMs: u.onSceneMin * MINUTE, resultMs: u.resultMin * MINUTE }]] : []))),
  };
}

/** Rejected reports and tickets the district cancelled are not cases; merged duplicates count in their target;
 *  drill cases (S-6.7) are an exercise, not the street's work. */
export const isCounted = (c: CaseView) => c.state !== 'rejected' && c.state !== 'cancelled' && c.duplicateOf == null && c.drill !== true;
export const isClosed = (c: CaseView) => c.state === 'closed' || c.state === 'evaluated';

/** The deadline a case is judged against for 按时办结: urgent cases registeredAt + their result limit (S-4.3:
 *  1 h), other cases their ticket deadline `dueAt`; null when there is none (not registered, or no dueAt). */
export function deadlineOf(c: CaseView, rules: KpiRules): number | null {
  const urgent = rules.urgent[c.urgency];
  if (urgent) return c.registeredAt == null ? null : c.registeredAt + urgent.resultMs;
  return c.dueAt ?? null;
}

function ratio(denominator: readonly CaseView[], inNumerator: (c: CaseView) => boolean, name: KpiName): KpiResult {
  const numerator = denominator.filter(inNumerator);
  return withRate(numerator.map((c) => c.id), denominator.map((c) => c.id), KPI_TARGETS[name]);
}

function withRate(numeratorIds: string[], denominatorIds: string[], target: number | undefined): KpiResult {
  const rate = denominatorIds.length ? numeratorIds.length / denominatorIds.length : null;
  return {
    numerator: numeratorIds.length, denominator: denominatorIds.length, rate,
    ...(target === undefined ? {} : { target }),
    ...(target === undefined || rate === null ? {} : { met: rate >= target }),
    numeratorIds, denominatorIds,
  };
}

/** 先行发现率. Denominator: counted cases reported (createdAt) in the period. Numerator: those whose source is
 *  grid patrol or smart video (found by our own forces before anyone complained). Target ≥ 85 %. */
export function proactiveDiscovery(cases: readonly CaseView[], p: Period): KpiResult {
  const reported = cases.filter((c) => isCounted(c) && inPeriod(c.createdAt, p));
  return ratio(reported, (c) => PROACTIVE_SOURCES.includes(c.source), 'proactiveDiscovery');
}

/** 结案率. Denominator: counted cases registered (registeredAt) in the period. Numerator: those closed now.
 *  Target ≥ 97 %. */
export function closure(cases: readonly CaseView[], p: Period): KpiResult {
  return ratio(cases.filter((c) => isCounted(c) && inPeriod(c.registeredAt, p)), isClosed, 'closure');
}

/** 按时办结率. Denominator: counted cases closed now whose closedAt is in the period and that have a deadline
 *  (deadlineOf). Numerator: closedAt ≤ deadline. A general case without dueAt cannot be judged and is left out. */
export function onTime(cases: readonly CaseView[], p: Period, rules: KpiRules): KpiResult {
  const closed = cases.filter((c) => isCounted(c) && isClosed(c) && inPeriod(c.closedAt, p) && deadlineOf(c, rules) !== null);
  return ratio(closed, (c) => c.closedAt! <= deadlineOf(c, rules)!, 'onTime');
}

/** 实际解决率. Denominator: counted cases evaluated (evaluatedAt, the callback 回访) in the period with a
 *  `resolved` answer. Numerator: resolved = true. */
export function actualResolution(cases: readonly CaseView[], p: Period): KpiResult {
  return ratio(cases.filter((c) => isCounted(c) && inPeriod(c.evaluatedAt, p) && c.resolved != null), (c) => c.resolved === true, 'actualResolution');
}

/** 群众满意率. Denominator: counted cases evaluated in the period with a satisfaction answer. Numerator:
 *  满意 plus 基本满意, unweighted (the usual 12345 callback rule: both count as satisfied). */
export function satisfaction(cases: readonly CaseView[], p: Period): KpiResult {
  return ratio(
    cases.filter((c) => isCounted(c) && inPeriod(c.evaluatedAt, p) && c.satisfaction != null),
    (c) => c.satisfaction === 'satisfied' || c.satisfaction === 'basic',
    'satisfaction',
  );
}

/** Urgent cases registered in the period whose outcome for a limit is already decided at `now`: the milestone
 *  is there, or the limit has run out. Undecided ones (clock still running) are in neither count. An urgent
 *  case never dispatched is a miss, not left out: otherwise not dispatching would raise the rate. */
function urgentWithin(cases: readonly CaseView[], p: Period, now: number, rules: KpiRules, limit: 'onSceneMs' | 'resultMs', name: KpiName): KpiResult {
  const milestone = limit === 'onSceneMs' ? 'onSceneAt' : 'handledAt';
  const limitOf = (c: CaseView) => rules.urgent[c.urgency]?.[limit];
  const decided = cases.filter((c) => {
    const ms = limitOf(c);
    return ms !== undefined && isCounted(c) && inPeriod(c.registeredAt, p) && (c[milestone] != null || now >= c.registeredAt + ms);
  });
  return ratio(decided, (c) => {
    const at = c[milestone];
    return at != null && at - c.registeredAt! <= limitOf(c)!;
  }, name);
}

/** 紧急类15分钟到场率: onSceneAt − registeredAt ≤ 15 min, over decided urgent cases registered in the period. */
export const urgentArrival15m = (cases: readonly CaseView[], p: Period, now: number, rules: KpiRules) =>
  urgentWithin(cases, p, now, rules, 'onSceneMs', 'urgentArrival15m');

/** 紧急类1小时处置率: handledAt − registeredAt ≤ 60 min (preliminary result), over decided urgent cases. */
export const urgentResult1h = (cases: readonly CaseView[], p: Period, now: number, rules: KpiRules) =>
  urgentWithin(cases, p, now, rules, 'resultMs', 'urgentResult1h');

/** 网格自行处置率. Denominator: counted cases handled (handledAt) in the period. Numerator: selfHandled. */
export function gridSelfHandling(cases: readonly CaseView[], p: Period): KpiResult {
  return ratio(cases.filter((c) => isCounted(c) && inPeriod(c.handledAt, p)), (c) => c.selfHandled, 'gridSelfHandling');
}

/** 巡查覆盖率 for one day: micro grids covered by a patrol track ÷ all micro grids. Ids are grid ids. */
export function patrolCoverage(grids: ReadonlyArray<{ gridId: string; covered: boolean }>): KpiResult {
  return withRate(grids.filter((g) => g.covered).map((g) => g.gridId), grids.map((g) => g.gridId), KPI_TARGETS.patrolCoverage);
}

/** Every case figure for one period. */
export function computeKpis(cases: readonly CaseView[], p: Period, now: number, rules: KpiRules): KpiSet {
  return {
    proactiveDiscovery: proactiveDiscovery(cases, p),
    closure: closure(cases, p),
    onTime: onTime(cases, p, rules),
    actualResolution: actualResolution(cases, p),
    satisfaction: satisfaction(cases, p),
    urgentArrival15m: urgentArrival15m(cases, p, now, rules),
    urgentResult1h: urgentResult1h(cases, p, now, rules),
    gridSelfHandling: gridSelfHandling(cases, p),
  };
}
