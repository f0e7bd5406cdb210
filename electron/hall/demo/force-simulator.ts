// Demo force movement (S-1.4): until real terminals report through the upstream link, forces move as the
// hall expects them to: towards the case they were sent to, stay at it while on scene, and otherwise patrol
// around their post. One step is pure: state in, fixes out.
import type { CaseView, ForcePosition, ForceView, LonLat } from '../../common/protocol.ts';

const METRES_PER_DEG_LAT = 111_320;
const RIDE_MPS = 4;
const PATROL_MPS = 1.2;
const PATROL_RADIUS_M = 150;

export interface SimulatedForce {
  force: ForceView;
  /** Where the force is based: patrols stay near it. */
  home: LonLat;
  at: LonLat;
}

function moveTowards(from: LonLat, to: LonLat, metres: number): LonLat {
  const mPerDegLon = METRES_PER_DEG_LAT * Math.cos((from.lat * Math.PI) / 180);
  const dx = (to.lon - from.lon) * mPerDegLon;
  const dy = (to.lat - from.lat) * METRES_PER_DEG_LAT;
  const distance = Math.hypot(dx, dy);
  if (distance <= metres) return to;
  return { lon: from.lon + (dx / distance) * (metres / mPerDegLon), lat: from.lat + (dy / distance) * (metres / METRES_PER_DEG_LAT) };
}

/** Advances every force by dtMs; returns the new fixes (only forces that moved). */
export function stepForces(forces: SimulatedForce[], caseOf: (forceId: string) => CaseView | undefined, rand: () => number, now: number, dtMs: number): ForcePosition[] {
  const fixes: ForcePosition[] = [];
  for (const f of forces) {
    const target = caseOf(f.force.id)?.location;
    let next: LonLat;
    if (f.force.status === 'offDuty') continue;
    if ((f.force.status === 'enRoute' || f.force.status === 'onScene') && target) {
      next = moveTowards(f.at, target, (RIDE_MPS * dtMs) / 1000);
    } else {
      // A patrol wanders: a random heading, pulled back towards its post when it strays too far.
      const angle = rand() * 2 * Math.PI;
      const wander = { lon: f.at.lon + Math.cos(angle) * 0.001, lat: f.at.lat + Math.sin(angle) * 0.001 };
      const strayM = Math.hypot((f.at.lon - f.home.lon) * METRES_PER_DEG_LAT * Math.cos((f.home.lat * Math.PI) / 180), (f.at.lat - f.home.lat) * METRES_PER_DEG_LAT);
      next = moveTowards(f.at, strayM > PATROL_RADIUS_M ? f.home : wander, (PATROL_MPS * dtMs) / 1000);
    }
    if (next.lon === f.at.lon && next.lat === f.at.lat) continue;
    f.at = next;
    fixes.push({ id: f.force.id, lon: Number(next.lon.toFixed(6)), lat: Number(next.lat.toFixed(6)), at: now });
  }
  return fixes;
}
