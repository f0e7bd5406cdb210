// Who may report what of the flood assets, and what a report must say (asset-model.ts): flood points and pumps
// are the water affairs department's (水务) and the centre's; a shelter's occupancy is reported by any desk (the
// station running it) or the centre, between 0 and its capacity, and a closed shelter holds nobody.
import type { PointFeature } from '../geo/layer-schema.ts';
import type { SeatInfo } from '../protocol.ts';
import type { SiteConfig } from '../site/site-config.ts';
import type { AssetCommand } from './asset-model.ts';

/** The department whose desk runs the flood points and pumps. */
export const WATER_DEPARTMENT = 'water';

export interface AssetPlaces {
  floodPoints: ReadonlyMap<string, { name: string }>;
  pumps: ReadonlyMap<string, { name: string }>;
  shelters: ReadonlyMap<string, { name: string; capacity: number }>;
}

export function assetPlaces(points: readonly PointFeature[], site: Pick<SiteConfig, 'pumps'>): AssetPlaces {
  const kind = <K extends PointFeature['properties']['kind']>(k: K) =>
    points.flatMap((p) => (p.properties.kind === k ? [p.properties as Extract<PointFeature['properties'], { kind: K }>] : []));
  return {
    floodPoints: new Map(kind('flood').map((p) => [p.id, { name: p.name }])),
    pumps: new Map(site.pumps.map((p) => [p.id, { name: p.name }])),
    shelters: new Map(kind('shelter').map((p) => [p.id, { name: p.name, capacity: p.capacity }])),
  };
}

export interface AssetRefusal { code: 'forbidden' | 'invalid-command'; message: string }

const forbidden = (message: string): AssetRefusal => ({ code: 'forbidden', message });
const invalid = (message: string): AssetRefusal => ({ code: 'invalid-command', message });

export function assetRefusal(command: AssetCommand, seat: Pick<SeatInfo, 'role' | 'department'>, places: AssetPlaces): AssetRefusal | null {
  if (seat.role === 'wall') return forbidden('大屏只显示，不能操作 / a wall seat only displays');
  const waterOnly = seat.role === 'desk' && seat.department !== WATER_DEPARTMENT;
  switch (command.kind) {
    case 'floodPoint.set':
      if (waterOnly) return forbidden('积水点由水务所或指挥台报告 / flood points are reported by the water affairs desk or the console');
      if (!places.floodPoints.has(command.pointId)) return invalid(`没有积水点 ${command.pointId} / no flood-prone point ${command.pointId}`);
      if (command.status === 'normal' && command.depthCm) return invalid(`${command.pointId}: a point back to normal has no water depth`);
      if (command.status === 'ponding' && !command.depthCm) return invalid(`${command.pointId}: ponding needs its depth in cm`);
      return null;
    case 'pump.set':
      if (waterOnly) return forbidden('泵站由水务所或指挥台报告 / pumps are reported by the water affairs desk or the console');
      return places.pumps.has(command.pumpId) ? null : invalid(`没有泵站 ${command.pumpId} / no pump ${command.pumpId}`);
    case 'shelter.set': {
      const shelter = places.shelters.get(command.shelterId);
      if (!shelter) return invalid(`没有避难场所 ${command.shelterId} / no shelter ${command.shelterId}`);
      if (command.occupancy > shelter.capacity) {
        return invalid(`${shelter.name} 可容纳 ${shelter.capacity} 人，不能报 ${command.occupancy} 人 / ${command.shelterId} takes ${shelter.capacity} people, not ${command.occupancy}`);
      }
      if (!command.open && command.occupancy > 0) return invalid(`${shelter.name} 未开放，不能有人 / a closed shelter holds nobody`);
      return null;
    }
  }
}
