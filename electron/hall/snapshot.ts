// The snapshot a seat gets on connect: what it may see of cases, every force with its latest position, the
// seat plan and the duty roster, and for the centre's seats the persistent problems and copies to the leader,
// as JSON fields for the `snapshot` message.
import type { DutyRoster } from '../common/domain/duty.ts';
import type { CaseView, SeatInfo } from '../common/protocol.ts';
import { caseVisibleTo, centreSees } from '../common/visibility.ts';
import type { ForcePositions } from './force-positions.ts';
import { loadWallLayout } from './projections.ts';
import { caseRowsForSnapshot } from './store/case-table.ts';
import type { Store } from './store/database.ts';
import { loadForces } from './store/force-table.ts';
import { loadCopies, loadProblems } from './store/problem-table.ts';
import { loadSeats } from './store/seat-table.ts';

export function snapshotFields(store: Store, seat: SeatInfo, positions: ForcePositions, roster: DutyRoster): string {
  const rows = caseRowsForSnapshot(store);
  // Parse only where visibility depends on more than the lead column (desks and assisting departments).
  const cases = seat.role === 'desk'
    ? rows.filter((r) => r.lead === seat.department || caseVisibleTo(seat, JSON.parse(r.view) as CaseView))
    : rows;
  return [
    `"cases":[${cases.map((r) => r.view).join(',')}]`,
    `"forces":${JSON.stringify(loadForces(store).map(positions.withPosition))}`,
    `"seats":${JSON.stringify(loadSeats(store))}`,
    `"roster":${JSON.stringify(roster)}`,
    `"wall":${JSON.stringify(loadWallLayout(store))}`,
    ...(centreSees(seat) ? [`"problems":${JSON.stringify(loadProblems(store))}`, `"copies":${JSON.stringify(loadCopies(store))}`] : []),
  ].join(',');
}
