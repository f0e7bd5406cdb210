// The after-action reviews (复盘, S-6.6): built from the log when an episode ends (just after the stand-down is
// committed) and stored; a review asked for and missing, or built by another version of the code, is built
// again then. The forces' positions for the replay come from their tracks, which the hall keeps a week: a review
// built later than that replays the cases without the forces.
import { buildReview, dispatchedForces, REVIEW_VERSION, Review, sampleTrack } from '../../common/preplan/after-action.ts';
import type { PlanLibrary } from '../../common/preplan/plan-activation.ts';
import type { EmergencyEpisode } from '../../common/preplan/plan-model.ts';
import { HallEvent } from '../../common/protocol.ts';
import type { ForcePositions } from '../force-positions.ts';
import { casesByIds } from '../store/case-table.ts';
import type { Store } from '../store/database.ts';
import { episodeEndedBy, loadEpisode, loadReview, saveReview } from '../store/emergency-table.ts';
import { eventJson, eventPage } from '../store/event-table.ts';
import { loadForce } from '../store/force-table.ts';

export interface ReviewDeps {
  store: Store;
  plans: PlanLibrary | null;
  positions: Pick<ForcePositions, 'track'>;
  now(): number;
  log(line: string): void;
}

/** Tracks before the episode count for where a force was at its start. */
const TRACK_LEAD_MS = 10 * 60_000;

/** What a stand-down brings in its own transaction: the plan closed, command handed back to the roster. */
const standDownFollowUp = (event: HallEvent) => event.type.startsWith('plan.') || event.type === 'command.transferred';

/** The episode's events, from its first switch to its stand-down and the follow-ups that switch brought. */
function episodeEvents(store: Store, episode: EmergencyEpisode): HallEvent[] {
  const end = episode.endedSeq!;
  const events: HallEvent[] = [];
  for (let after = episode.seq - 1; ;) {
    const page = eventPage(store, after, 2000);
    for (const row of page) {
      const event = HallEvent.parse(JSON.parse(eventJson(row)));
      if (row.seq > end && !(row.seq === events.at(-1)!.seq + 1 && standDownFollowUp(event))) return events;
      events.push(event);
    }
    if (page.length === 0) return events;
    after = page.at(-1)!.seq;
  }
}

export function buildEpisodeReview(deps: ReviewDeps, episode: EmergencyEpisode): Review {
  const events = episodeEvents(deps.store, episode);
  const created = new Set(events.flatMap((e) => (e.type === 'case.created' ? [e.payload.id] : [])));
  const prior = [...new Set(events.flatMap((e) => (e.type === 'case.transitioned' && !created.has(e.payload.caseId) ? [e.payload.caseId] : [])))];
  const review = buildReview({ episode, events, priorCases: casesByIds(deps.store, prior), categories: (h) => deps.plans?.plans.get(h)?.categories ?? [] });
  const forces = dispatchedForces(review).flatMap((id) => {
    const force = loadForce(deps.store, id);
    if (!force) return [];
    const fixes = deps.positions.track(id, episode.startedAt - TRACK_LEAD_MS, review.endedAt + 1);
    return [{ id, department: force.department, positions: sampleTrack(fixes, review.replay.frames) }];
  });
  return { ...review, replay: { ...review.replay, forces } };
}

/** The episode's review, stored; undefined when there is no such episode or it has not ended. */
export function reviewOf(deps: ReviewDeps, episodeSeq: number): Review | undefined {
  const stored = loadReview(deps.store, episodeSeq);
  if (stored && stored.version === REVIEW_VERSION) return Review.parse(JSON.parse(stored.json));
  const episode = loadEpisode(deps.store, episodeSeq);
  if (!episode || episode.endedSeq === null) return undefined;
  const review = buildEpisodeReview(deps, episode);
  deps.store.writeTx(() => saveReview(deps.store, { episodeSeq, endSeq: episode.endedSeq!, version: REVIEW_VERSION, builtAt: deps.now(), json: JSON.stringify(review) }));
  deps.log(`after-action review of the emergency from #${episode.seq} to #${episode.endedSeq}: ${review.entries.length} entries`);
  return review;
}

/** After a batch is committed: builds the review of an episode one of its switches ended (on the next turn, so the
 *  seats hear of the stand-down first). */
export function reviewAfterSwitch(deps: ReviewDeps, switchSeqs: readonly number[]): void {
  const ended = switchSeqs.map((seq) => episodeEndedBy(deps.store, seq)).filter((e) => e !== null);
  if (ended.length === 0) return;
  setImmediate(() => {
    for (const episode of ended) {
      try {
        reviewOf(deps, episode.seq);
      } catch (error) {
        deps.log(`after-action review of #${episode.seq}: ${(error as Error).stack ?? String(error)}`);
      }
    }
  });
}
