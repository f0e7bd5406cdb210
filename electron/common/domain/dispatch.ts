// S-4.6 dispatch recommendations: for each department the case needs (the lead, and for a joint case 联勤联动 each
// assisting department), the available forces on shift, nearest first. Distance is great-circle from the case to
// the force's last reported position; the ETA assumes riding an e-bike (15 km/h) along streets that are 1.3×
// longer than the straight line. A position older than 10 minutes is not trusted: such forces, and forces
// without a position, rank after the located ones — those of the case's own grid first, then by number.
import type { CaseView, Department } from './case-model.ts';
import type { ForceView } from './force-model.ts';
import type { DutyMode } from './duty.ts';
import { MINUTE } from './beijing-time.ts';
import { greatCircleM } from './great-circle.ts';

export interface DispatchOptions {
  now: number;
  dutyMode: DutyMode;
  /** Candidates per department. */
  count: number;
  /** Defaults to the case's own lead and assisting departments (before dispatch: from `responsibilityFor`). */
  departments?: { lead: Department; assisting: readonly Department[] };
  speedMps?: number;
  detourFactor?: number;
  maxPositionAgeMs?: number;
}

export interface ForceCandidate { force: ForceView; distanceM: number | null; etaMs: number | null }

export interface DepartmentCandidates { department: Department; role: 'lead' | 'assisting'; candidates: ForceCandidate[] }

function onShift(force: ForceView, mode: DutyMode): boolean {
  return force.shift === 'allDay' || force.shift === (mode === 'day' ? 'day' : 'night');
}

/** Lead first, then each assisting department; a department with no candidate still appears, with none. */
export function recommendForces(view: CaseView, forces: readonly ForceView[], options: DispatchOptions): DepartmentCandidates[] {
  const { speedMps = 15_000 / 3600, detourFactor = 1.3, maxPositionAgeMs = 10 * MINUTE } = options;
  const departments = options.departments ?? (view.lead === null ? null : { lead: view.lead, assisting: view.assisting });
  if (departments === null) return [];

  const candidate = (force: ForceView): ForceCandidate => {
    const fresh = force.position !== null && force.positionAt !== null && options.now - force.positionAt <= maxPositionAgeMs;
    if (!fresh || !force.position || !view.location) return { force, distanceM: null, etaMs: null };
    const distanceM = greatCircleM(view.location, force.position);
    return { force, distanceM, etaMs: Math.round((distanceM * detourFactor * 1000) / speedMps) };
  };
  const rank = (a: ForceCandidate, b: ForceCandidate) =>
    (a.distanceM ?? Infinity) - (b.distanceM ?? Infinity)
    || Number(b.force.gridId === view.gridId) - Number(a.force.gridId === view.gridId)
    || a.force.id.localeCompare(b.force.id);
  const forDepartment = (department: Department, role: DepartmentCandidates['role']): DepartmentCandidates => ({
    department,
    role,
    candidates: forces
      .filter((f) => f.department === department && f.status === 'available' && onShift(f, options.dutyMode))
      .map(candidate)
      .sort(rank)
      .slice(0, options.count),
  });
  return [forDepartment(departments.lead, 'lead'), ...departments.assisting.map((d) => forDepartment(d, 'assisting'))];
}
