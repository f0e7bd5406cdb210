// The plan part of the projections (common/plan-projection.ts folds it): what an event of the emergency can touch
// is loaded from the store before the fold and what it changed is written back, in the event's transaction.
import type { PlanChanges, PlanData } from '../../common/plan-projection.ts';
import type { HallEvent } from '../../common/protocol.ts';
import type { Store } from '../store/database.ts';
import { insertSituationReport, latestEpisode, latestPlan, situationReportRefs, upsertEpisode, upsertPlan } from '../store/emergency-table.ts';

const PLAN_EVENTS: ReadonlySet<HallEvent['type']> = new Set(['mode.switched', 'plan.activated', 'plan.ticked', 'plan.closed', 'situation.reported']);

/** The latest plan, episode and the episode's reports, as the reducer holds them. */
export function loadPlanData(store: Store): PlanData {
  const episode = latestEpisode(store);
  return { plan: latestPlan(store), episode, situationReports: episode ? situationReportRefs(store, episode.seq) : [] };
}

export function loadPlanDataFor(store: Store, event: HallEvent, into: PlanData): void {
  if (PLAN_EVENTS.has(event.type)) Object.assign(into, loadPlanData(store));
}

export function writePlanChanges(store: Store, event: HallEvent, changes: PlanChanges): void {
  if (changes.episode) upsertEpisode(store, changes.episode);
  if (changes.plan) upsertPlan(store, changes.plan);
  if (event.type === 'situation.reported' && changes.situationReports) insertSituationReport(store, event.payload);
}
