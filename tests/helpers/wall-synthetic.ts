// Synthetic hall traffic for the wall benchmarks and end-to-end tests, shaped like the real protocol's messages: cases
// spread over the demo street, forces walking about, and a case's events through its lifecycle.
import type { HallProcess } from './hall-process.ts';
import type { CaseAction, CaseState, CaseView, Department, ForcePosition, ForceView, HallEvent } from '../../electron/common/protocol.ts';

/** The demo street's extent (中山街道, 松江), from /api/grids. */
export interface Extent { west: number; south: number; east: number; north: number }

const OPEN_STATES: readonly CaseState[] = ['reported', 'registered', 'dispatched', 'onScene', 'handled'];
const DEPARTMENTS: readonly Department[] = ['police', 'urban', 'market', 'other'];
const HOUR = 3_600_000;

/** A deterministic pseudo-random sequence (mulberry32), so every run draws the same picture. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const placeIn = (extent: Extent, rnd: () => number) => ({
  lon: extent.west + rnd() * (extent.east - extent.west),
  lat: extent.south + rnd() * (extent.north - extent.south),
});

/** A case as the hall would show it; `createdAt` an hour back, so no wall follows it. */
export function syntheticCase(i: number, extent: Extent, rnd: () => number, state: CaseState = OPEN_STATES[i % OPEN_STATES.length]!): CaseView {
  const at = Date.now() - HOUR - i;
  return {
    id: `bench-${i}`, no: 1_000_000 + i, title: `占道经营 ${i}`, description: '', source: 'patrol', urgency: i % 10 === 0 ? 'urgent' : 'general',
    category: '街面秩序', address: '中山街道', location: placeIn(extent, rnd), state, createdAt: at, updatedAt: at, createdBySeat: null,
    lead: null, assisting: [], dutyRule: null, forces: [], tier: 'micro', registeredAt: state === 'reported' ? null : at, dispatchedAt: null,
    acceptedAt: null, onSceneAt: null, handledAt: null, verifiedAt: null, closedAt: null, evaluatedAt: null, suspendedFrom: null,
    suspendedUntil: null, satisfaction: null, resolved: null, selfHandled: false, duplicateOf: null, returns: 0, reopens: 0,
  };
}

export function syntheticForce(i: number, extent: Extent, rnd: () => number): ForceView {
  return {
    id: `BX-${String(i).padStart(4, '0')}`, name: `测试${i}`, department: DEPARTMENTS[i % DEPARTMENTS.length]!, gridId: 'M001', kind: 'patrol',
    shift: 'allDay', phone: '', device: '', status: 'available', position: placeIn(extent, rnd), positionAt: Date.now(),
  };
}

/** Every force a few metres on from where it was (a walk at roughly patrol speed). */
export function walk(forces: ForceView[], rnd: () => number, at: number): ForcePosition[] {
  return forces.map((f) => {
    const p = f.position!;
    f.position = { lon: p.lon + (rnd() - 0.5) * 1e-4, lat: p.lat + (rnd() - 0.5) * 1e-4 };
    return { id: f.id, lon: f.position.lon, lat: f.position.lat, at };
  });
}

/** The lifecycle a day's case goes through on the wall: created, then each of these acts. */
export const LIFECYCLE: ReadonlyArray<{ act: CaseAction; from: CaseState; to: CaseState }> = [
  { act: { action: 'register' }, from: 'reported', to: 'registered' },
  { act: { action: 'dispatch', lead: 'urban', assisting: [], forces: [], dutyRule: 'clear' }, from: 'registered', to: 'dispatched' },
  { act: { action: 'arrive' }, from: 'dispatched', to: 'onScene' },
  { act: { action: 'handle', note: '已处置', attachments: [], selfHandled: true }, from: 'onScene', to: 'handled' },
  { act: { action: 'close', note: '' }, from: 'handled', to: 'closed' },
];

/** A hall event with its log sequence, as the hall would send it. */
export function eventOf(seq: number, at: number, body: Pick<HallEvent, 'type' | 'payload'>): HallEvent {
  return { seq, id: `bench-ev-${seq}`, origin: 'hall', at, seat: null, ...body } as HallEvent;
}

/** The bounding box of the hall's grids. */
export async function streetExtent(hall: HallProcess): Promise<Extent> {
  const response = await fetch(`${hall.httpBase}/api/grids`, { headers: { Authorization: `Bearer ${hall.tokenOf('wall-1')}` } });
  const grids = (await response.json()) as { features: Array<{ geometry: { coordinates: number[][][] } }> };
  const points = grids.features.flatMap((f) => f.geometry.coordinates[0] ?? []);
  const lons = points.map((p) => p[0]!);
  const lats = points.map((p) => p[1]!);
  return { west: Math.min(...lons), south: Math.min(...lats), east: Math.max(...lons), north: Math.max(...lats) };
}
