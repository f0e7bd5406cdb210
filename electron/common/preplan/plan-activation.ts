// Which plan events a mode switch brings (S-6.3): pure, over the site's plan library, the plan held and the
// episode as the switch has made it. Into emergency for a hazard: its plan at that level is activated; a level
// change within the episode activates the same plan again (plan-projection.ts merges it); another hazard replaces
// the plan; out of emergency (the stand-down) the plan is closed.
import type { Hazard, ResponseLevel } from '../domain/command-mode.ts';
import type { ModeSwitch } from '../domain/command-mode.ts';
import { appliesAt, atLevel, type HazardPlanSpec, type PlanFile, type StationChoice } from './plan-file.ts';
import type { EmergencyEpisode, PlanActionDef, PlanActivated, PlanClosed, PlanView } from './plan-model.ts';

/** Station ids of the map, in its order: all of them, and those whose small grid holds a flood-prone point or a
 *  shelter; with their names. */
export interface StationSets { all: readonly string[]; flood: readonly string[]; shelter: readonly string[]; names: Readonly<Record<string, string>> }

export interface PlanLibrary { plans: ReadonlyMap<Hazard, HazardPlanSpec>; stations: StationSets }

export const planLibrary = (file: PlanFile, stations: StationSets): PlanLibrary => ({ plans: new Map(file.plans.map((p) => [p.hazard, p])), stations });

function stationsFor(choice: StationChoice | undefined, sets: StationSets): string[] {
  if (choice === undefined) return [];
  if (choice === 'all') return [...sets.all];
  if (Array.isArray(choice)) return [...choice];
  return [...sets[choice.with]];
}

/** The plan's actions at a level: those declared at it or below, with the items and the deadline of that level. */
export function resolveActions(spec: HazardPlanSpec, level: ResponseLevel, sets: StationSets): PlanActionDef[] {
  return spec.actions.filter((a) => appliesAt(a.from, level)).map((a) => ({
    id: a.id,
    from: a.from,
    title: a.title,
    department: a.department,
    deadlineMin: atLevel(a.deadlineMin, level)!,
    stations: stationsFor(a.stations, sets),
    items: a.items.filter((i) => appliesAt(i.from ?? a.from, level)).map((i) => ({ id: i.id, text: i.text })),
  }));
}

export function activationOf(spec: HazardPlanSpec, level: ResponseLevel, ids: { planId: string; episodeSeq: number; drill: boolean }, sets: StationSets): PlanActivated {
  const actions = resolveActions(spec, level, sets);
  const stations = [...new Set(actions.flatMap((a) => a.stations))];
  return {
    planId: ids.planId, hazard: spec.hazard, level, drill: ids.drill, title: spec.title, episodeSeq: ids.episodeSeq,
    reportEveryMin: atLevel(spec.reportEveryMin, level)!, categories: [...spec.categories], actions,
    stationNames: Object.fromEntries(stations.map((id) => [id, sets.names[id] ?? id])),
  };
}

export type PlanStep = { type: 'plan.closed'; payload: PlanClosed } | { type: 'plan.activated'; payload: PlanActivated };

export interface SwitchInput {
  library: PlanLibrary | null;
  /** The latest plan, in force or not. */
  plan: PlanView | null;
  /** The episode as the switch has made it (open when the switch is into emergency). */
  episode: EmergencyEpisode | null;
  next: ModeSwitch;
  /** The id a newly activated plan gets. */
  newPlanId: string;
}

export function planSteps({ library, plan, episode, next, newPlanId }: SwitchInput): PlanStep[] {
  const inForce = plan && plan.closedAt === null ? plan : null;
  const target = next.target;
  if (target.mode !== 'emergency' || !episode || episode.endedSeq !== null) {
    return inForce ? [{ type: 'plan.closed', payload: { planId: inForce.id, reason: 'standDown' } }] : [];
  }
  const spec = library?.plans.get(target.hazard);
  const sameEpisode = inForce?.episodeSeq === episode.seq;
  if (inForce && sameEpisode && inForce.hazard === target.hazard && spec) {
    return [{ type: 'plan.activated', payload: activationOf(spec, target.level, { planId: inForce.id, episodeSeq: episode.seq, drill: next.drill }, library!.stations) }];
  }
  const steps: PlanStep[] = inForce ? [{ type: 'plan.closed', payload: { planId: inForce.id, reason: sameEpisode ? 'replaced' : 'standDown' } }] : [];
  if (spec) steps.push({ type: 'plan.activated', payload: activationOf(spec, target.level, { planId: newPlanId, episodeSeq: episode.seq, drill: next.drill }, library!.stations) });
  return steps;
}
