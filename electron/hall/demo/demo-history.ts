// The demo's seeded history (S-1.4): the 30 Beijing days before the hall's first start, and that day up to the
// start, as a plan of cases with their lifecycle acts, so that a newcomer's hall has a month behind it: KPIs,
// trends, heat and rankings with something to show. Everything is demo data (`demo: true`). Pure and seeded:
// the same inputs and seed give the same history. seed-history.ts writes it through the log.
import { dayOf } from '../../common/domain/beijing-time.ts';
import type { ForceView, SeatInfo } from '../../common/protocol.ts';
import type { SiteRules } from '../../common/site/site-config.ts';
import { planArrivals, type HistoryGrid, type HistoryPlace } from './history-arrivals.ts';
import { ForceBookings, planLifecycle, type PlannedAct, type PlannedCase } from './history-lifecycle.ts';
import type { LoadProfile } from './load-profile.ts';
import { createRng } from '../../common/prng.ts';

export const HISTORY_DAYS = 30;
export const HISTORY_SEED = 311;

export interface HistoryInput {
  profile: LoadProfile;
  site: SiteRules;
  /** The street's micro grids. */
  grids: readonly HistoryGrid[];
  places: readonly HistoryPlace[];
  forces: readonly ForceView[];
  seats: readonly SeatInfo[];
  /** The hall's first start: the history ends just before it. */
  until: number;
  days?: number;
  seed?: number;
}

export interface DemoHistory { firstDay: number; until: number; cases: PlannedCase[] }

export function planDemoHistory(input: HistoryInput): DemoHistory {
  const rng = createRng(input.seed ?? HISTORY_SEED);
  const firstDay = dayOf(input.until) - (input.days ?? HISTORY_DAYS);
  const arrivals = planArrivals({ ...input, firstDay }, rng);
  const bookings = new ForceBookings();
  const world = { site: input.site, profile: input.profile, forces: input.forces, seats: input.seats, until: input.until };
  return { firstDay, until: input.until, cases: arrivals.map((a) => planLifecycle(world, bookings, a, rng.next)) };
}

export type HistoryStep =
  | { kind: 'created'; at: number; case: PlannedCase }
  | { kind: 'act'; at: number; case: PlannedCase; index: number; act: PlannedAct };

/** Every event of the history in the order it happened (a case's own acts keep theirs), so the log reads as the
 *  month went and the forces end up where the last acts left them. */
export function historySteps(history: DemoHistory): HistoryStep[] {
  const steps: HistoryStep[] = history.cases.flatMap((c) => [
    { kind: 'created' as const, at: c.at, case: c },
    ...c.acts.map((act, index) => ({ kind: 'act' as const, at: act.at, case: c, index, act })),
  ]);
  // Array.prototype.sort is stable: equal times keep the case's own order.
  return steps.sort((a, b) => a.at - b.at);
}
