// The hall's side of the pre-plans (S-6.3): the plan events a mode switch brings, appended in the switch's own
// transaction right after it (common/preplan/plan-activation.ts decides which), and the tick command, checked by
// common/preplan/plan-rules.ts against the plan in force.
import type { ModeSwitch } from '../../common/domain/command-mode.ts';
import { planSteps, type PlanLibrary } from '../../common/preplan/plan-activation.ts';
import type { PlanCommand } from '../../common/preplan/plan-model.ts';
import { tickRefusal } from '../../common/preplan/plan-rules.ts';
import type { HallEvent, Officer, Origin, SeatInfo } from '../../common/protocol.ts';
import type { SiteRules } from '../../common/site/site-config.ts';
import type { Appended, AppendSpec, EventLog } from '../event-log.ts';
import { uuidv7 } from '../ids.ts';
import type { Store } from '../store/database.ts';
import { latestEpisode, latestPlan } from '../store/emergency-table.ts';

export interface PlanCommandContext {
  store: Store;
  log: EventLog;
  site: SiteRules;
  /** The site's plans; null when it has none. */
  plans: PlanLibrary | null;
  now(): number;
}

interface By { origin: Origin; seat: string; officer?: Officer; idemKey: string }

type EventOf<T extends HallEvent['type']> = Extract<HallEvent, { type: T }>;

/** Appends the plan events the switch just appended brings; returns them, in order. */
export function appendPlanSteps(ctx: PlanCommandContext, next: ModeSwitch, by: By): Appended[] {
  const steps = planSteps({ library: ctx.plans, plan: latestPlan(ctx.store), episode: latestEpisode(ctx.store), next, newPlanId: uuidv7(ctx.now()) });
  // Keys derived from the switch's: a retried switch is answered from the log and brings nothing twice.
  return steps.map((step, i) => ctx.log.append({ type: step.type, ...by, idemKey: `${by.idemKey}/plan-${i}`, payload: () => step.payload } as AppendSpec<HallEvent>));
}

export type PlanResult = ({ ok: true } & Appended) | { ok: false; code: 'forbidden' | 'invalid-command'; message: string };

export function executePlanCommand(ctx: PlanCommandContext, seat: SeatInfo, command: PlanCommand, by: By): PlanResult {
  const { kind: _kind, ...tick } = command;
  const refusal = tickRefusal(latestPlan(ctx.store), tick, seat, (d) => ctx.site.department(d).zh);
  if (refusal) return { ok: false, ...refusal };
  return { ok: true, ...ctx.log.append({ type: 'plan.ticked', ...by, payload: () => tick } as AppendSpec<EventOf<'plan.ticked'>>) };
}
