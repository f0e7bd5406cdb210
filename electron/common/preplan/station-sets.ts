// The stations (工作站 / 城运站点, one per small grid) a pre-plan's actions apply to: every one, and those whose
// small grid holds a flood-prone point or a shelter, from the map's points and the grid hierarchy.
import type { GridFeature } from '../geo/grid-schema.ts';
import type { PointFeature } from '../geo/layer-schema.ts';
import type { StationSets } from './plan-activation.ts';

export function stationSets(points: readonly PointFeature[], grids: readonly GridFeature[]): StationSets {
  const parent = new Map(grids.map((g) => [g.properties.id, g.properties.parentId]));
  const stations = points.filter((p) => p.properties.kind === 'station');
  const smallGridsWith = (kind: 'flood' | 'shelter') =>
    new Set(points.filter((p) => p.properties.kind === kind).map((p) => parent.get(p.properties.gridId) ?? p.properties.gridId));
  const having = (kind: 'flood' | 'shelter') => {
    const grids = smallGridsWith(kind);
    return stations.filter((s) => grids.has(s.properties.gridId)).map((s) => s.properties.id);
  };
  return {
    all: stations.map((s) => s.properties.id), flood: having('flood'), shelter: having('shelter'),
    names: Object.fromEntries(stations.map((s) => [s.properties.id, s.properties.name])),
  };
}
