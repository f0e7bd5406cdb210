// Who may tick what in the plan in force (S-6.3, S-9): a desk only its own department's actions, the console any,
// the wall nothing; only items of actions in force, at stations the action applies to, and only a change (ticking
// what is ticked is refused, so the log holds no empty events). Pure: the hall core checks with it, the screens
// offer only what it allows.
import type { Role } from '../domain/case-model.ts';
import type { PlanTicked, PlanView } from './plan-model.ts';
import { tickOf } from './plan-progress.ts';

export interface TickSeat { role: Role; department: string }

/** Whether the seat may tick items of an action of this department. */
export const mayTick = (seat: TickSeat, department: string): boolean => seat.role === 'console' || (seat.role === 'desk' && seat.department === department);

export interface TickRefusal { code: 'forbidden' | 'invalid-command'; message: string }

/** Why the tick is refused (forbidden: not this seat's to tick), in Chinese and English; null when it may be made. */
export function tickRefusal(plan: PlanView | null, tick: PlanTicked, seat: TickSeat, departmentName: (id: string) => string): TickRefusal | null {
  const invalid = (message: string): TickRefusal => ({ code: 'invalid-command', message });
  if (!plan || plan.id !== tick.planId) return invalid(`没有预案 ${tick.planId} / no plan ${tick.planId}`);
  if (plan.closedAt !== null) return invalid('预案已结束 / the plan is closed');
  const action = plan.actions.find((a) => a.id === tick.actionId);
  if (!action || action.released) return invalid(`预案中没有在办措施 ${tick.actionId} / no action ${tick.actionId} in force`);
  if (!mayTick(seat, action.department)) {
    return { code: 'forbidden', message: `该措施由${departmentName(action.department)}负责 / ${action.id} belongs to another department` };
  }
  if (!action.items.some((i) => i.id === tick.itemId)) return invalid(`措施 ${action.id} 没有清单项 ${tick.itemId} / no item ${tick.itemId}`);
  if (action.stations.length === 0 && tick.stations.length > 0) return invalid(`${action.id} 为中心统一措施，不分站点 / ${action.id} is not ticked per station`);
  if (action.stations.length > 0 && tick.stations.length === 0) return invalid('请选择站点 / name the stations');
  const unknown = tick.stations.find((s) => !action.stations.includes(s));
  if (unknown) return invalid(`措施 ${action.id} 不涉及站点 ${unknown} / ${action.id} does not apply to station ${unknown}`);
  if (new Set(tick.stations).size !== tick.stations.length) return invalid('站点重复 / a station is named twice');
  const places = tick.stations.length ? tick.stations : [null];
  if (places.every((s) => Boolean(tickOf(plan.ticks, action.id, tick.itemId, s)) === tick.done)) {
    return invalid(tick.done ? '已勾选 / already ticked' : '尚未勾选 / not ticked');
  }
  return null;
}
