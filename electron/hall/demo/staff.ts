// The demo street's ~200 field staff (S-3.1): one community police officer per small grid (确保每个网格内有一名
// 责任区民警, seed 000) plus auxiliaries, the urban-management squad (城管中队), market supervisors (市场监管所), grid
// supervisors, social-security team members and volunteers, each numbered and placed at home in their grid.
import type { StaffMember } from '../../common/geo/staff-schema.ts';
import type { ForceKind, ForceShift } from '../../common/domain/force-model.ts';
import { bbox, localProjection, type LonLat } from '../../common/geo/projection.ts';
import { pointInRing, ringCentroid, type Ring } from '../../common/geo/ring.ts';
import type { Rng } from '../../common/prng.ts';
import { outlineRing, type DemoStreetModel } from './street-generator.ts';

interface Team {
  prefix: string;
  department: StaffMember['department'];
  role: string;
  count: number;
  /** Which level of grid a member is assigned to. */
  grid: 'small' | 'micro';
  kind: ForceKind;
  shifts: readonly ForceShift[];
}

const TEAMS: readonly Team[] = [
  { prefix: 'PA', department: 'police', role: '责任区民警', count: 26, grid: 'small', kind: 'patrol', shifts: ['day', 'allDay'] },
  { prefix: 'PA', department: 'police', role: '辅警', count: 14, grid: 'micro', kind: 'patrol', shifts: ['night', 'day', 'night'] },
  { prefix: 'CG', department: 'urban', role: '城管队员', count: 36, grid: 'micro', kind: 'enforcement', shifts: ['day', 'day', 'night'] },
  { prefix: 'SJ', department: 'market', role: '市场监管员', count: 16, grid: 'small', kind: 'enforcement', shifts: ['day'] },
  { prefix: 'WG', department: 'grid', role: '网格监督员', count: 50, grid: 'micro', kind: 'patrol', shifts: ['day', 'day', 'allDay'] },
  { prefix: 'SB', department: 'safety', role: '社保队员', count: 28, grid: 'micro', kind: 'patrol', shifts: ['day', 'night'] },
  { prefix: 'ZY', department: 'grid', role: '志愿者', count: 30, grid: 'micro', kind: 'volunteer', shifts: ['day'] },
];

export function buildStaff(model: DemoStreetModel, rng: Rng, nextName: () => string): StaffMember[] {
  const grids = {
    small: model.smalls.map((g) => ({ id: g.props.id, ring: outlineRing(model.points, g.region.outline) })),
    micro: model.micros.map((g) => ({ id: g.props.id, ring: outlineRing(model.points, g.region.outline) })),
  };
  const numbers = new Map<string, number>();
  let phone = 0;
  return TEAMS.flatMap((team) => Array.from({ length: team.count }, (_, i): StaffMember => {
    const number = (numbers.get(team.prefix) ?? 0) + 1;
    numbers.set(team.prefix, number);
    const id = `${team.prefix}-${String(number).padStart(3, '0')}`;
    const pool = grids[team.grid];
    // Officers go one per small grid in order; everyone else to a grid at random.
    const grid = team.grid === 'small' && team.count === pool.length ? pool[i]! : pool[rng.int(pool.length)]!;
    phone++;
    return {
      id,
      name: nextName(),
      department: team.department,
      role: team.role,
      gridId: grid.id,
      kind: team.kind,
      shift: team.shifts[rng.int(team.shifts.length)]!,
      // Masked like a real registry shows it, so nobody dials a demo number.
      phone: `139****${String(phone).padStart(4, '0')}`,
      deviceId: `ZD-${id}`,
      home: randomPointIn(grid.ring, rng),
    };
  }));
}

/** A uniformly random point strictly inside the ring, by rejection in its bounding box; its centroid as a fallback. */
function randomPointIn(ring: Ring, rng: Rng): [number, number] {
  const [w, s, e, n] = bbox(ring);
  const proj = localProjection(s, w);
  const [maxX, maxY] = proj.toXY([e, n]);
  for (let tries = 0; tries < 200; tries++) {
    const p: LonLat = proj.toLonLat([rng.range(0, maxX), rng.range(0, maxY)]);
    const rounded: [number, number] = [round6(p[0]), round6(p[1])];
    if (pointInRing(rounded, ring) === 'inside') return rounded;
  }
  const c = ringCentroid(ring);
  return [round6(c[0]), round6(c[1])];
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;
