// Which cases the screens hold: every open case, and a finished one (closed, called back, rejected, merged) for
// a week after its last change. Older ones stay in the hall's database, found by search and counted in the
// KPIs (computed by the hall), but no screen keeps them in memory: a hall that runs for months would otherwise
// send every case it ever had in each snapshot and every console would hold them all.
import { DAY } from './domain/beijing-time.ts';
import type { CaseState, CaseView } from './domain/case-model.ts';

export const FINISHED_KEPT_MS = 7 * DAY;
/** Finished: closed (merged duplicates too), called back, rejected, cancelled by the district. */
export const FINISHED_STATES: readonly CaseState[] = ['closed', 'evaluated', 'rejected', 'cancelled'];

export const keptOnScreens = (c: Pick<CaseView, 'state' | 'updatedAt'>, now: number): boolean =>
  !FINISHED_STATES.includes(c.state) || now - c.updatedAt < FINISHED_KEPT_MS;
