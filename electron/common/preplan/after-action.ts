// The after-action review (复盘, S-6.6) of one emergency episode: a pure function over the log's events from the
// switch into emergency to the stand-down. It folds them through the same reducers the screens use (the plan's
// progress through plan-projection.ts) and lays out what happened when: mode switches and levels, plans activated
// and closed, plan actions done (in time or late) and deadlines missed, cases opened and closed, forces
// dispatched, situation reports issued, CAP warnings received, typhoon tracks imported, gauges crossing their warning lines; with the cases and frames for a replay on the map (the hall adds the
// forces' positions at each frame from their tracks: `sampleTrack`).
import { z } from 'zod';
import { FINISHED_STATES } from '../case-window.ts';
import { CaseState, LonLat, type CaseView } from '../domain/case-model.ts';
import { Hazard, ModeTarget } from '../domain/command-mode.ts';
import { WarningLevel as Level } from '../cap/cn-profile.ts';
import { MsgType } from '../cap/cap-model.ts';
import { WarningVia } from '../cap/warning-model.ts';
import { applyPlanEvent, type PlanData } from '../plan-projection.ts';
import type { HallEvent } from '../protocol.ts';
import { PlanCloseReason, type EmergencyEpisode, type PlanView } from './plan-model.ts';
import { actionProgress } from './plan-progress.ts';
import { SituationTrigger } from './situation-model.ts';
import { GaugeCrossed } from '../emergency/gauge-model.ts';
import { IntensityCategory } from '../typhoon/categories.ts';

/** Bump when what a review holds changes: stored reviews of another version are built again. */
export const REVIEW_VERSION = 4;

const time = z.number().int();
const base = { at: time };

export const ReviewEntry = z.discriminatedUnion('kind', [
  z.object({ ...base, kind: z.literal('mode'), target: ModeTarget, reason: z.string(), drill: z.boolean(), warning: z.string().optional() }),
  z.object({ ...base, kind: z.literal('planActivated'), planId: z.string(), title: z.string(), hazard: Hazard, level: Level, actions: z.number().int(), added: z.number().int() }),
  z.object({ ...base, kind: z.literal('planClosed'), planId: z.string(), title: z.string(), reason: PlanCloseReason }),
  z.object({ ...base, kind: z.literal('actionDone'), actionId: z.string(), title: z.string(), department: z.string(), late: z.boolean(), deadlineAt: time }),
  z.object({ ...base, kind: z.literal('actionLate'), actionId: z.string(), title: z.string(), department: z.string() }),
  z.object({ ...base, kind: z.literal('caseOpened'), caseId: z.string(), no: z.number().int(), title: z.string(), category: z.string(), urgency: z.string(), emergency: z.boolean() }),
  z.object({ ...base, kind: z.literal('caseClosed'), caseId: z.string(), no: z.number().int(), title: z.string(), state: CaseState }),
  z.object({ ...base, kind: z.literal('dispatch'), caseId: z.string(), no: z.number().int(), title: z.string(), lead: z.string(), forces: z.array(z.string()) }),
  z.object({ ...base, kind: z.literal('report'), no: z.number().int(), trigger: SituationTrigger }),
  z.object({
    ...base, kind: z.literal('warning'), identifier: z.string(), msgType: MsgType, headline: z.string(), hazard: Hazard.nullable(), level: Level.nullable(),
    covers: z.boolean(), via: WarningVia,
  }),
  z.object({
    ...base, kind: z.literal('typhoon'), typhoonId: z.string(), number: z.string().nullable(), nameZh: z.string().nullable(), nameEn: z.string().nullable(),
    fixes: z.number().int(), lastFixAt: time, category: IntensityCategory,
  }),
  z.object({ ...base, kind: z.literal('gauge'), ...GaugeCrossed.omit({ readAt: true, kind: true }).shape, gaugeKind: GaugeCrossed.shape.kind }),
]);
export type ReviewEntry = z.infer<typeof ReviewEntry>;
export type ReviewEntryKind = ReviewEntry['kind'];

export const ActionOutcome = z.object({
  planId: z.string(), actionId: z.string(), title: z.string(), department: z.string(), from: Level,
  deadlineAt: time, doneAt: time.nullable(), late: z.boolean(), done: z.number().int(), total: z.number().int(),
});
export type ActionOutcome = z.infer<typeof ActionOutcome>;

export const ReviewCase = z.object({
  id: z.string(), no: z.number().int(), title: z.string(), category: z.string(), urgency: z.string(), emergency: z.boolean(),
  position: LonLat.nullable(), openedAt: time, closedAt: time.nullable(), state: CaseState,
});
export type ReviewCase = z.infer<typeof ReviewCase>;

export const ReplayForce = z.object({ id: z.string(), department: z.string(), positions: z.array(z.tuple([z.number(), z.number()]).nullable()) });
export type ReplayForce = z.infer<typeof ReplayForce>;

export const Review = z.object({
  version: z.number().int(),
  episodeSeq: z.number().int(),
  endSeq: z.number().int(),
  startedAt: time,
  endedAt: time,
  drill: z.boolean(),
  hazard: Hazard,
  peakLevel: Level,
  summary: z.object({
    minutes: z.number().int(),
    casesOpened: z.number().int(), casesClosed: z.number().int(), casesOpenAtEnd: z.number().int(), emergencyCases: z.number().int(),
    dispatches: z.number().int(), forcesDispatched: z.number().int(),
    actions: z.object({ total: z.number().int(), onTime: z.number().int(), late: z.number().int(), notDone: z.number().int() }),
    reports: z.number().int(),
  }),
  entries: z.array(ReviewEntry),
  actions: z.array(ActionOutcome),
  cases: z.array(ReviewCase),
  /** Frame times for the replay, and the dispatched forces' positions ([lon, lat]) at each (null: none known). */
  replay: z.object({ frames: z.array(time), forces: z.array(ReplayForce) }),
});
export type Review = z.infer<typeof Review>;

export interface ReviewInput {
  /** The episode, ended. */
  episode: EmergencyEpisode;
  /** Every event from the episode's first switch to its stand-down, in order. */
  events: readonly HallEvent[];
  /** Cases acted on in the episode that were reported before it. */
  priorCases: readonly CaseView[];
  /** The case categories each hazard's plan counts as the emergency's (the plans' own when they were activated). */
  categories: (hazard: Hazard) => readonly string[];
}

const isFinished = (state: CaseState) => FINISHED_STATES.includes(state);

/** Frame times from start to end: a step of at least `minStepMs`, at most `maxFrames` frames, both ends included. */
export function replayFrames(startedAt: number, endedAt: number, maxFrames = 240, minStepMs = 60_000): number[] {
  const span = Math.max(0, endedAt - startedAt);
  const step = Math.max(minStepMs, Math.ceil(span / (maxFrames - 1)));
  const frames: number[] = [];
  for (let t = startedAt; t < endedAt; t += step) frames.push(t);
  frames.push(endedAt);
  return frames;
}

/** A force's position at each frame: its last fix at or before the frame, if not older than `staleMs`. */
export function sampleTrack(fixes: ReadonlyArray<{ at: number; lon: number; lat: number }>, frames: readonly number[], staleMs = 10 * 60_000): Array<[number, number] | null> {
  let i = -1;
  return frames.map((t) => {
    while (i + 1 < fixes.length && fixes[i + 1]!.at <= t) i++;
    const fix = fixes[i];
    return fix && t - fix.at <= staleMs ? [fix.lon, fix.lat] : null;
  });
}

/** The review without the forces' positions (`replay.forces` empty: the hall samples them from the tracks). */
export function buildReview({ episode, events, priorCases, categories }: ReviewInput): Review {
  if (episode.endedSeq === null || episode.endedAt === null) throw new RangeError(`episode ${episode.seq} has not ended`);
  const entries: ReviewEntry[] = [];
  const data: PlanData = { plan: null, episode: null, situationReports: [] };
  const plans = new Map<string, PlanView>();
  const cases = new Map<string, ReviewCase>(priorCases.map((c) => [c.id, caseOf(c)]));
  const emergencyCategories = new Set<string>();
  const dispatched = new Set<string>();
  let dispatches = 0;
  let reports = 0;
  for (const event of events) {
    const before = data.plan;
    const changes = applyPlanEvent(data, event);
    if (changes.plan) plans.set(changes.plan.id, changes.plan);
    const at = event.at;
    switch (event.type) {
      case 'mode.switched': {
        const { target, reason, drill, warning } = event.payload;
        entries.push({ at, kind: 'mode', target, reason, drill, ...(warning ? { warning } : {}) });
        if (target.mode === 'emergency') categories(target.hazard).forEach((c) => emergencyCategories.add(c));
        break;
      }
      case 'plan.activated': {
        const p = event.payload;
        p.categories.forEach((c) => emergencyCategories.add(c));
        const had = before && before.id === p.planId ? before.actions.filter((a) => !a.released).map((a) => a.id) : [];
        entries.push({ at, kind: 'planActivated', planId: p.planId, title: p.title, hazard: p.hazard, level: p.level, actions: p.actions.length, added: p.actions.filter((a) => !had.includes(a.id)).length });
        break;
      }
      case 'plan.closed': {
        const plan = plans.get(event.payload.planId);
        entries.push({ at, kind: 'planClosed', planId: event.payload.planId, title: plan?.title ?? '', reason: event.payload.reason });
        break;
      }
      case 'warning.received': {
        const { summary: s, covers, via } = event.payload;
        entries.push({ at, kind: 'warning', identifier: s.identifier, msgType: s.msgType, headline: s.headline ?? s.event ?? s.identifier, hazard: s.hazard, level: s.level, covers, via });
        break;
      }
      case 'typhoon.imported': {
        const { id, track } = event.payload;
        const last = track.fixes.at(-1)!;
        entries.push({
          at, kind: 'typhoon', typhoonId: id, number: track.cmaNumber ?? track.internationalNumber, nameZh: track.nameZh, nameEn: track.nameEn,
          fixes: track.fixes.length, lastFixAt: last.t, category: last.category,
        });
        break;
      }
      case 'gauge.crossed': {
        const { readAt, kind: gaugeKind, ...crossed } = event.payload;
        entries.push({ at: readAt, kind: 'gauge', gaugeKind, ...crossed });
        break;
      }
      case 'situation.reported':
        reports++;
        entries.push({ at, kind: 'report', no: event.payload.no, trigger: event.payload.trigger });
        break;
      case 'case.created': {
        const view = event.payload;
        const emergency = emergencyCategories.has(view.category);
        cases.set(view.id, caseOf(view));
        entries.push({ at, kind: 'caseOpened', caseId: view.id, no: view.no, title: view.title, category: view.category, urgency: view.urgency, emergency });
        break;
      }
      case 'case.transitioned': {
        const c = cases.get(event.payload.caseId);
        if (!c) break;
        const { act, from, to } = event.payload;
        if (act.action === 'dispatch') {
          dispatches++;
          act.forces.forEach((f) => dispatched.add(f));
          entries.push({ at, kind: 'dispatch', caseId: c.id, no: c.no, title: c.title, lead: act.lead, forces: [...act.forces] });
        }
        const closes = isFinished(to) && !isFinished(from);
        if (closes) entries.push({ at, kind: 'caseClosed', caseId: c.id, no: c.no, title: c.title, state: to });
        cases.set(c.id, { ...c, state: to, closedAt: closes ? at : isFinished(to) ? c.closedAt : null });
        break;
      }
    }
  }
  const endedAt = episode.endedAt;
  const actions = [...plans.values()].flatMap((plan) => plan.actions.filter((a) => !a.released).map((a): ActionOutcome => {
    const p = actionProgress(plan, a, endedAt);
    return { planId: plan.id, actionId: a.id, title: a.title, department: a.department, from: a.from, deadlineAt: a.deadlineAt, doneAt: p.doneAt, late: p.late, done: p.done, total: p.total };
  }));
  for (const a of actions) {
    if (a.doneAt !== null) entries.push({ at: a.doneAt, kind: 'actionDone', actionId: a.actionId, title: a.title, department: a.department, late: a.late, deadlineAt: a.deadlineAt });
    if (a.late && a.deadlineAt <= endedAt) entries.push({ at: a.deadlineAt, kind: 'actionLate', actionId: a.actionId, title: a.title, department: a.department });
  }
  // Stable: events in log order, then the derived entries by time.
  entries.sort((x, y) => x.at - y.at);
  const all = [...cases.values()].map((c) => ({ ...c, emergency: emergencyCategories.has(c.category) }));
  const opened = all.filter((c) => c.openedAt >= episode.startedAt);
  return {
    version: REVIEW_VERSION, episodeSeq: episode.seq, endSeq: episode.endedSeq, startedAt: episode.startedAt, endedAt, drill: episode.drill,
    hazard: episode.hazard, peakLevel: episode.peakLevel,
    summary: {
      minutes: Math.round((endedAt - episode.startedAt) / 60_000),
      casesOpened: opened.length,
      casesClosed: entries.filter((e) => e.kind === 'caseClosed').length,
      casesOpenAtEnd: all.filter((c) => !isFinished(c.state)).length,
      emergencyCases: opened.filter((c) => c.emergency).length,
      dispatches, forcesDispatched: dispatched.size,
      actions: {
        total: actions.length, onTime: actions.filter((a) => a.doneAt !== null && !a.late).length,
        late: actions.filter((a) => a.doneAt !== null && a.late).length, notDone: actions.filter((a) => a.doneAt === null).length,
      },
      reports,
    },
    entries, actions, cases: all.sort((a, b) => a.openedAt - b.openedAt || a.no - b.no),
    replay: { frames: replayFrames(episode.startedAt, endedAt), forces: [] },
  };
}

/** A case as the review starts it: open until a transition in the episode says otherwise. */
function caseOf(view: CaseView): ReviewCase {
  return {
    id: view.id, no: view.no, title: view.title, category: view.category, urgency: view.urgency, emergency: false, position: view.location ?? null,
    openedAt: view.createdAt, closedAt: null, state: view.state,
  };
}

/** The forces dispatched in the review, for the hall to sample their tracks. */
export const dispatchedForces = (review: Review): string[] => [...new Set(review.entries.flatMap((e) => (e.kind === 'dispatch' ? e.forces : [])))];

/** What the replay shows at a frame: the cases open then, and each force's position. */
export function replayAt(review: Review, frame: number): { cases: ReviewCase[]; forces: Array<{ id: string; department: string; lon: number; lat: number }> } {
  const t = review.replay.frames[frame] ?? review.endedAt;
  return {
    cases: review.cases.filter((c) => c.openedAt <= t && (c.closedAt === null || c.closedAt > t)),
    forces: review.replay.forces.flatMap((f) => {
      const p = f.positions[frame];
      return p ? [{ id: f.id, department: f.department, lon: p[0], lat: p[1] }] : [];
    }),
  };
}
