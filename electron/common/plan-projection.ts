// The pre-plan in force, its emergency episode and the episode's situation reports, as a pure reducer over hall
// events (see hall-state.ts for the whole). It trusts the log: the hall core checked every event before storing
// it (hall/preplans/plan-commands.ts). Episodes follow the mode switches themselves; the plan follows its own
// events, appended in the switch's transaction.
import type { EmergencyEpisode, PlanAction, PlanActivated, PlanTick, PlanView } from './preplan/plan-model.ts';
import { levelRank } from './preplan/plan-file.ts';
import { situationRef, type SituationReportRef } from './preplan/situation-model.ts';
import type { HallEvent } from './protocol.ts';

export interface PlanData {
  /** The latest plan: the one in force, or the last one closed. */
  plan: PlanView | null;
  /** The latest emergency episode, open or ended. */
  episode: EmergencyEpisode | null;
  /** The latest episode's situation reports, oldest first. */
  situationReports: SituationReportRef[];
}

export interface PlanChanges { plan?: PlanView; episode?: EmergencyEpisode; situationReports?: SituationReportRef[] }

const MINUTE = 60_000;

/** The actions after an activation at `at`: new ones join with their deadline from now; those in force keep theirs
 *  unless the new level tightens it (counted from now), or adds items (then from now, so nothing is late at once);
 *  those the level no longer has are released, their ticks kept; a released one that comes back starts afresh. */
export function mergeActions(current: readonly PlanAction[], activated: PlanActivated, at: number): PlanAction[] {
  const byId = new Map(current.map((a) => [a.id, a]));
  const next = activated.actions.map((def): PlanAction => {
    const fresh = { ...def, activatedAt: at, deadlineAt: at + def.deadlineMin * MINUTE, released: false };
    const old = byId.get(def.id);
    if (!old || old.released) return fresh;
    const gainedItems = def.items.some((item) => !old.items.some((o) => o.id === item.id));
    return { ...fresh, activatedAt: old.activatedAt, deadlineAt: gainedItems ? fresh.deadlineAt : Math.min(old.deadlineAt, fresh.deadlineAt) };
  });
  const kept = new Set(next.map((a) => a.id));
  return [...next, ...current.filter((a) => !kept.has(a.id)).map((a) => ({ ...a, released: true }))];
}

const sameTick = (a: Pick<PlanTick, 'actionId' | 'itemId' | 'station'>, b: Pick<PlanTick, 'actionId' | 'itemId' | 'station'>) =>
  a.actionId === b.actionId && a.itemId === b.itemId && a.station === b.station;

/** Folds one event; returns what it changed (nothing for other events). */
export function applyPlanEvent(data: PlanData, event: HallEvent): PlanChanges {
  switch (event.type) {
    case 'mode.switched': {
      const { target, drill } = event.payload;
      const open = data.episode && data.episode.endedSeq === null ? data.episode : null;
      const changes: PlanChanges = {};
      if (open && (target.mode !== 'emergency' || open.drill !== drill)) {
        data.episode = { ...open, endedSeq: event.seq, endedAt: event.at };
        changes.episode = data.episode;
      }
      if (target.mode !== 'emergency') return changes;
      const continuing = data.episode && data.episode.endedSeq === null ? data.episode : null;
      const peakLevel = continuing && levelRank(continuing.peakLevel) > levelRank(target.level) ? continuing.peakLevel : target.level;
      data.episode = continuing
        ? { ...continuing, hazard: target.hazard, level: target.level, peakLevel }
        : { seq: event.seq, startedAt: event.at, drill, hazard: target.hazard, level: target.level, peakLevel, endedSeq: null, endedAt: null };
      if (!continuing) data.situationReports = [];
      return { episode: data.episode, ...(continuing ? {} : { situationReports: data.situationReports }) };
    }
    case 'plan.activated': {
      const p = event.payload;
      const current = data.plan && data.plan.id === p.planId && data.plan.closedAt === null ? data.plan : null;
      const { actions: _actions, planId: _id, ...fields } = p;
      data.plan = current
        ? {
          ...current, ...fields, stationNames: { ...current.stationNames, ...p.stationNames }, levels: [...current.levels, { level: p.level, at: event.at }],
          actions: mergeActions(current.actions, p, event.at),
        }
        : {
          ...fields, id: p.planId, no: event.seq, startedAt: event.at, levels: [{ level: p.level, at: event.at }], closedAt: null, closeReason: null,
          actions: mergeActions([], p, event.at), ticks: [],
        };
      return { plan: data.plan };
    }
    case 'plan.ticked': {
      const plan = data.plan;
      const p = event.payload;
      if (!plan || plan.id !== p.planId) return {};
      const places = p.stations.length ? p.stations : [null];
      const here = (t: PlanTick) => places.some((station) => sameTick(t, { ...p, station }));
      // A tick already there keeps its first time and author; an untick removes the item's ticks at those places.
      const ticks = p.done
        ? [...plan.ticks, ...places.filter((station) => !plan.ticks.some((t) => sameTick(t, { ...p, station }))).map((station): PlanTick => ({
          actionId: p.actionId, itemId: p.itemId, station, at: event.at, seat: event.seat, ...(event.officer ? { officer: event.officer } : {}),
        }))]
        : plan.ticks.filter((t) => !here(t));
      data.plan = { ...plan, ticks };
      return { plan: data.plan };
    }
    case 'plan.closed': {
      const plan = data.plan;
      if (!plan || plan.id !== event.payload.planId) return {};
      data.plan = { ...plan, closedAt: event.at, closeReason: event.payload.reason };
      return { plan: data.plan };
    }
    case 'situation.reported': {
      if (data.episode?.seq !== event.payload.episodeSeq) return {};
      data.situationReports = [...data.situationReports, situationRef(event.payload)];
      return { situationReports: data.situationReports };
    }
    default:
      return {};
  }
}
