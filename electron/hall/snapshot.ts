// The snapshot a seat gets on connect: what it may see of the cases screens hold (every open one and the last
// week's finished ones, common/case-window.ts), every force with its latest position, the seat plan, the duty
// roster (the rotation and what is set in the settable window), the latest shift handover, the flood assets and
// gauges, the CAP warnings held and, for the centre's seats, the persistent problems and copies to the leader, as
// JSON fields for the `snapshot` message.
import { FINISHED_KEPT_MS } from '../common/case-window.ts';
import type { SeatInfo } from '../common/protocol.ts';
import { caseVisibleTo, centreSees } from '../common/visibility.ts';
import { rosterSnapshot } from './duty/roster-state.ts';
import type { ForcePositions } from './force-positions.ts';
import { loadPlanData } from './preplans/plan-state.ts';
import { loadWarnings } from './emergency/warning-state.ts';
import { loadMode, loadWallLayout } from './projections.ts';
import { caseOf, caseRowsForSnapshot } from './store/case-table.ts';
import type { Store } from './store/database.ts';
import { loadForces } from './store/force-table.ts';
import { recentHandovers } from './store/handover-table.ts';
import { loadCopies, loadProblems } from './store/problem-table.ts';
import { loadSeats } from './store/seat-table.ts';
import { openConflicts } from './store/conflict-table.ts';
import { loadTyphoons } from './store/typhoon-table.ts';
import { loadAssets } from './store/asset-table.ts';
import type { GaugeView } from '../common/emergency/gauge-model.ts';

export function snapshotFields(store: Store, seat: SeatInfo, positions: ForcePositions, now: number, gauges: () => readonly GaugeView[] = () => []): string {
  const rows = caseRowsForSnapshot(store, now - FINISHED_KEPT_MS);
  // Parse only where visibility depends on more than the lead column (desks and assisting departments).
  const cases = seat.role === 'desk'
    ? rows.filter((r) => r.lead === seat.department || caseVisibleTo(seat, caseOf(r.view)))
    : rows;
  return [
    `"cases":[${cases.map((r) => r.view).join(',')}]`,
    `"forces":${JSON.stringify(loadForces(store).map(positions.withPosition))}`,
    `"seats":${JSON.stringify(loadSeats(store))}`,
    `"roster":${JSON.stringify(rosterSnapshot(store, now))}`,
    `"wall":${JSON.stringify(loadWallLayout(store))}`,
    `"mode":${JSON.stringify(loadMode(store))}`,
    `"conflicts":${centreSees(seat) ? JSON.stringify(openConflicts(store)) : '[]'}`,
    // A brief lists every department's cases: a desk sees only its own (S-9).
    `"handover":${seat.role === 'desk' ? 'null' : JSON.stringify(recentHandovers(store, 1)[0] ?? null)}`,
    ...(centreSees(seat) ? [`"problems":${JSON.stringify(loadProblems(store))}`, `"copies":${JSON.stringify(loadCopies(store))}`] : []),
    ...planFields(store, seat),
    `"warnings":${JSON.stringify(loadWarnings(store))}`,
    `"typhoons":${JSON.stringify(loadTyphoons(store))}`,
    `"assets":${JSON.stringify(loadAssets(store))}`,
    `"gauges":${JSON.stringify(gauges())}`,
  ].join(',');
}

/** The pre-plan and its episode for every seat (desks tick their department's items); situation reports for the centre. */
function planFields(store: Store, seat: SeatInfo): string[] {
  const { plan, episode, situationReports } = loadPlanData(store);
  return [`"plan":${JSON.stringify(plan)}`, `"episode":${JSON.stringify(episode)}`, ...(centreSees(seat) ? [`"situationReports":${JSON.stringify(situationReports)}`] : [])];
}
