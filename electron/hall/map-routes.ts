// The map's data for every seat: the city-operations grids, the other layers (police areas, governance grids,
// roads, rivers, points) and the merge check of the partitions (S-2, S-8.3).
import type { PointCollection, RiverCollection, RoadCollection } from '../common/geo/layer-schema.ts';
import { withoutStreamUrls } from './cameras/camera-config.ts';
import type { GridStore } from './grids/grid-store.ts';
import { sendJsonText } from './http-replies.ts';
import type { RouteTable } from './http-routes.ts';

export function mapRoutes(grids: GridStore, fixed: { roads: RoadCollection; rivers: RiverCollection; points: PointCollection }): RouteTable {
  // Serialised once: they never change while the hall runs.
  const roads = JSON.stringify(fixed.roads);
  const rivers = JSON.stringify(fixed.rivers);
  const points = JSON.stringify(withoutStreamUrls(fixed.points));
  return {
    grids: ({ res }) => sendJsonText(res, 200, grids.json('cityOps')),
    gridCheck: ({ res }) => sendJsonText(res, 200, grids.reportJson()),
    layers: ({ res }) => sendJsonText(res, 200, `{"police":${grids.json('police')},"governance":${grids.json('governance')},"roads":${roads},"rivers":${rivers},"points":${points}}`),
  };
}
