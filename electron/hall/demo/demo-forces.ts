// The demo street's field staff (resources/demo-street/staff.json) as the hall's force registry (S-3.1):
// registered through the log on a hall's first start, so they are projected, snapshotted and audited like
// any other change.
import type { StaffMember } from '../../common/geo/staff-schema.ts';
import type { ForceView } from '../../common/protocol.ts';
import type { EventLog } from '../event-log.ts';
import type { ForcePositions } from '../force-positions.ts';
import type { Store } from '../store/database.ts';
import { hasForces } from '../store/force-table.ts';

export function staffToForce(member: StaffMember, at: number): ForceView {
  const [lon, lat] = member.home;
  return {
    id: member.id, name: member.name, department: member.department, gridId: member.gridId, kind: member.kind,
    shift: member.shift, phone: member.phone, device: member.deviceId, status: 'available',
    position: { lon: lon!, lat: lat! }, positionAt: at,
  };
}

/** On a hall's first start (no force registered yet): registers the staff and their home positions. */
export function registerStaffOnce(store: Store, events: EventLog, positions: ForcePositions, staff: readonly StaffMember[], at: number): void {
  if (hasForces(store)) return;
  const forces = staff.map((m) => staffToForce(m, at));
  events.appendMany(forces.map((f) => ({ type: 'force.registered', origin: 'hall', seat: null, payload: () => f })));
  positions.record(forces.map((f) => ({ id: f.id, ...f.position!, at })));
}
