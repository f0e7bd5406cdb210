// The demo street's field staff (resources/demo-street/staff.json) as the hall's force registry (S-3.1):
// registered through the log on a hall's first start, so they are projected, snapshotted and audited like
// any other change.
import type { StaffMember } from '../../common/geo/staff-schema.ts';
import type { ForceView } from '../../common/protocol.ts';

export function staffToForce(member: StaffMember, at: number): ForceView {
  const [lon, lat] = member.home;
  return {
    id: member.id, name: member.name, department: member.department, gridId: member.gridId, kind: member.kind,
    shift: member.shift, phone: member.phone, device: member.deviceId, status: 'available',
    position: { lon: lon!, lat: lat! }, positionAt: at,
  };
}
