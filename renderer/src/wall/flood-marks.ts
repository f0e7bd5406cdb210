// The map's flood layer (S-8.3) as data: which mark each flood-prone point, pump and shelter gets from what the
// hall has been told (asset-model.ts). A point that is normal or not reported keeps the base map's blue 水; one
// ponding turns amber 积, one closed to traffic red 封. Every pump shows, by status: 泵 green running, grey stopped
// or not reported, red filled on a fault. An open shelter is filled green 避, a full one red 满; a closed one keeps
// the base map's outline. Each look has a glyph besides its colour (the guide: never colour alone).
import type { FloodPointView, PumpView, ShelterView } from '../../../electron/common/emergency/asset-model.ts';

export const FLOOD_LOOK = {
  ponding: { glyph: '积', colour: '#f59e0b', filled: true },
  closed: { glyph: '封', colour: '#ef4444', filled: true },
  pumpRunning: { glyph: '泵', colour: '#4ade80', filled: false },
  pumpStopped: { glyph: '泵', colour: '#94a3b8', filled: false },
  pumpFault: { glyph: '泵', colour: '#ef4444', filled: true },
  shelterOpen: { glyph: '避', colour: '#4ade80', filled: true },
  shelterFull: { glyph: '满', colour: '#ef4444', filled: true },
} as const;
export type FloodLook = keyof typeof FLOOD_LOOK;

export interface FloodMark { id: string; lon: number; lat: number; look: FloodLook }

interface Place { id: string; lon: number; lat: number }

export function floodMarks(
  places: { floodPoints: readonly Place[]; pumps: readonly Place[]; shelters: ReadonlyArray<Place & { capacity: number }> },
  reported: { floodPoints: readonly FloodPointView[]; pumps: readonly PumpView[]; shelters: readonly ShelterView[] },
): FloodMark[] {
  const point = new Map(reported.floodPoints.map((p) => [p.pointId, p]));
  const pump = new Map(reported.pumps.map((p) => [p.pumpId, p]));
  const shelter = new Map(reported.shelters.map((s) => [s.shelterId, s]));
  const mark = (p: Place, look: FloodLook): FloodMark => ({ id: p.id, lon: p.lon, lat: p.lat, look });
  return [
    ...places.floodPoints.flatMap((p) => {
      const status = point.get(p.id)?.status;
      return status === 'ponding' || status === 'closed' ? [mark(p, status)] : [];
    }),
    ...places.pumps.map((p) => {
      const status = pump.get(p.id)?.status;
      return mark(p, status === 'running' ? 'pumpRunning' : status === 'fault' ? 'pumpFault' : 'pumpStopped');
    }),
    ...places.shelters.flatMap((s) => {
      const r = shelter.get(s.id);
      if (!r?.open) return [];
      return [mark(s, r.occupancy >= s.capacity ? 'shelterFull' : 'shelterOpen')];
    }),
  ];
}
