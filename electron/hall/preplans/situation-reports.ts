// Situation reports (灾情快报, S-6.5) while the hall is in emergency command: every so often as the plan in force
// says (its `reportEveryMin` at the level), and whenever the console asks. Each is an event of the log carrying the
// whole report (reports/situation-report.ts), numbered within its episode (第N期). The hall looks every half
// minute; after a stop it issues the one that fell due meanwhile, once, and counts the next from then.
import type { PlanLibrary } from '../../common/preplan/plan-activation.ts';
import type { EmergencyEpisode, PlanView } from '../../common/preplan/plan-model.ts';
import type { SituationTrigger } from '../../common/preplan/situation-model.ts';
import type { HallEvent, Officer, Origin } from '../../common/protocol.ts';
import type { SiteRules } from '../../common/site/site-config.ts';
import type { Appended, AppendSpec, EventLog } from '../event-log.ts';
import { uuidv7 } from '../ids.ts';
import { loadMode } from '../projections.ts';
import { buildSituationReport } from '../reports/situation-report.ts';
import type { SituationFeeds } from '../reports/situation-feeds.ts';
import { casesCreatedBetween } from '../store/case-table.ts';
import type { Store } from '../store/database.ts';
import { latestEpisode, latestPlan, situationCounts } from '../store/emergency-table.ts';
import { loadForces } from '../store/force-table.ts';

const LOOK_EVERY_MS = 30_000;
const MINUTE = 60_000;

export interface SituationDeps {
  store: Store;
  events: EventLog;
  site: SiteRules;
  plans: PlanLibrary | null;
  feeds: SituationFeeds;
  areaOf(gridId: string): { id: string; name: string } | undefined;
  stationName(id: string): string;
  now(): number;
  broadcast(appended: Appended): void;
  log(line: string): void;
}

/** The open episode and its plan in force, if the hall is in emergency command. */
export function currentEmergency(store: Store): { episode: EmergencyEpisode; plan: PlanView | null } | null {
  const episode = latestEpisode(store);
  if (!episode || episode.endedSeq !== null) return null;
  const plan = latestPlan(store);
  return { episode, plan: plan && plan.episodeSeq === episode.seq && plan.closedAt === null ? plan : null };
}

/** When the next scheduled report falls due: `reportEveryMin` after the last scheduled one (or the episode's
 *  start); null without a plan in force (reports are then only made on demand). */
export function nextScheduledAt(episode: EmergencyEpisode, plan: PlanView | null, lastScheduledAt: number | null): number | null {
  return plan ? (lastScheduledAt ?? episode.startedAt) + plan.reportEveryMin * MINUTE : null;
}

interface By { origin: Origin; seat: string | null; officer?: Officer; idemKey: string }

/** Issues a report of the emergency now; undefined when the hall is not in emergency command. */
export function issueSituationReport(deps: SituationDeps, trigger: SituationTrigger, by: By): Appended | undefined {
  const current = currentEmergency(deps.store);
  if (!current) return undefined;
  const { episode, plan } = current;
  const now = deps.now();
  const spec: AppendSpec<Extract<HallEvent, { type: 'situation.reported' }>> = {
    type: 'situation.reported', ...by, at: now,
    payload: () => buildSituationReport({
      site: deps.site, id: uuidv7(now), no: situationCounts(deps.store, episode.seq).last + 1, trigger, now, episode, mode: loadMode(deps.store), plan,
      categories: deps.site.withEmergencyCategories(plan?.categories ?? deps.plans?.plans.get(episode.hazard)?.categories ?? []),
      cases: casesCreatedBetween(deps.store, episode.startedAt, now), forces: loadForces(deps.store),
      areaOf: deps.areaOf, stationName: deps.stationName, feeds: deps.feeds,
    }),
  };
  const appended = deps.events.append(spec);
  if (!appended.duplicate) deps.broadcast(appended);
  return appended;
}

/** Issues the scheduled report if one is due; returns it. */
export function issueDueReport(deps: SituationDeps): Appended | undefined {
  const current = currentEmergency(deps.store);
  if (!current) return undefined;
  const last = situationCounts(deps.store, current.episode.seq).lastScheduledAt;
  const due = nextScheduledAt(current.episode, current.plan, last);
  if (due === null || deps.now() < due) return undefined;
  // One report per slot, whoever looks first (a restart, the next look).
  return issueSituationReport(deps, 'schedule', { origin: 'hall', seat: null, idemKey: `situation/${current.episode.seq}/${last ?? current.episode.startedAt}` });
}

export function startSituationReports(deps: SituationDeps): () => void {
  const look = () => {
    try {
      const issued = issueDueReport(deps)?.event;
      if (issued?.type === 'situation.reported') deps.log(`situation report no. ${issued.payload.no} of the emergency from #${issued.payload.episodeSeq} issued`);
    } catch (error) {
      deps.log(`situation reports: ${(error as Error).stack ?? String(error)}`);
    }
  };
  look();
  const timer = setInterval(look, LOOK_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
