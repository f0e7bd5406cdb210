// How far a pre-plan has got, folded from its ticks: per action and station, the items done; an action is done
// when every item is ticked at every station it applies to, late (超时) when its deadline passed before that. The
// console, the desks, the wall and the reports all read progress through these functions.
import type { PlanAction, PlanTick, PlanView } from './plan-model.ts';

/** done: complete (`late` too when it was completed after its deadline); late: past its deadline, not complete;
 *  open: not complete, still in time; released: no longer part of the plan. */
export type ActionState = 'done' | 'late' | 'open' | 'released';

export interface StationProgress { station: string | null; done: number; total: number }

export interface ActionProgress {
  action: PlanAction;
  state: ActionState;
  done: number;
  total: number;
  stations: StationProgress[];
  /** When the last tick that completed it was made. */
  doneAt: number | null;
  /** Completed after the deadline, or not completed and past it. */
  late: boolean;
}

/** The places an action is ticked at: its stations, or the centre (null) for its own. */
export const placesOf = (action: Pick<PlanAction, 'stations'>): Array<string | null> => (action.stations.length ? action.stations : [null]);

export const tickOf = (ticks: readonly PlanTick[], actionId: string, itemId: string, station: string | null): PlanTick | undefined =>
  ticks.find((t) => t.actionId === actionId && t.itemId === itemId && t.station === station);

/** The time progress is judged at: now while the plan is in force, its closing time after. */
export const judgedAt = (plan: Pick<PlanView, 'closedAt'>, now: number): number => plan.closedAt ?? now;

export function actionProgress(plan: Pick<PlanView, 'ticks' | 'closedAt'>, action: PlanAction, now: number): ActionProgress {
  const ticks = plan.ticks.filter((t) => t.actionId === action.id && action.items.some((i) => i.id === t.itemId));
  const stations = placesOf(action).map((station): StationProgress => ({
    station, done: ticks.filter((t) => t.station === station).length, total: action.items.length,
  }));
  const total = stations.reduce((s, p) => s + p.total, 0);
  const done = stations.reduce((s, p) => s + p.done, 0);
  const doneAt = done === total ? Math.max(...ticks.map((t) => t.at)) : null;
  const at = judgedAt(plan, now);
  const late = doneAt !== null ? doneAt > action.deadlineAt : at > action.deadlineAt;
  const state: ActionState = action.released ? 'released' : doneAt !== null ? 'done' : late ? 'late' : 'open';
  return { action, state, done, total, stations, doneAt, late };
}

export interface PlanSummary { total: number; done: number; late: number; open: number; doneLate: number }

export function planSummary(plan: PlanView, now: number): PlanSummary {
  const progress = plan.actions.map((a) => actionProgress(plan, a, now)).filter((p) => p.state !== 'released');
  return {
    total: progress.length,
    done: progress.filter((p) => p.state === 'done').length,
    late: progress.filter((p) => p.state === 'late').length,
    open: progress.filter((p) => p.state === 'open').length,
    doneLate: progress.filter((p) => p.state === 'done' && p.late).length,
  };
}

const ORDER: Record<ActionState, number> = { late: 0, open: 1, done: 2, released: 3 };

/** Late first, then open by deadline, then done, then released: what needs attention on top. */
export const byAttention = (a: ActionProgress, b: ActionProgress): number =>
  ORDER[a.state] - ORDER[b.state] || a.action.deadlineAt - b.action.deadlineAt || a.action.id.localeCompare(b.action.id);

/** Every action's progress, by attention. */
export const planProgress = (plan: PlanView, now: number): ActionProgress[] => plan.actions.map((a) => actionProgress(plan, a, now)).sort(byAttention);
