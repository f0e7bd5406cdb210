// Points of the demo street: flood-prone spots (积水点) at road junctions and underpasses, shelters (避难点) in
// schools, parks and halls, cameras along the roads, and one station (工作站 / 城运站点) per small grid with its
// people (S-2.4). Each point carries the grid it lies in.
import type { PointFeature, RoadFeature } from '../../common/geo/layer-schema.ts';
import type { LonLat } from '../../common/geo/projection.ts';
import { interiorPoint, pointInRing } from '../../common/geo/ring.ts';
import type { Rng } from '../../common/prng.ts';
import { outlineRing, type DemoStreetModel, type Grid } from './street-generator.ts';

const FLOOD_JUNCTIONS = 8;
const FLOOD_UNDERPASSES = 4;
const CAMERAS = 60;
const SHELTERS: ReadonlyArray<{ name: string; capacity: number; indoor: boolean }> = [
  { name: '中山小学避难点', capacity: 1200, indoor: true },
  { name: '松江二中避难点', capacity: 2000, indoor: true },
  { name: '中山体育场避难点', capacity: 3000, indoor: false },
  { name: '醉白池公园避难点', capacity: 2500, indoor: false },
  { name: '谷阳公园避难点', capacity: 1500, indoor: false },
  { name: '方塔园避难点', capacity: 1800, indoor: false },
  { name: '社区文化活动中心避难点', capacity: 600, indoor: true },
  { name: '荣乐中学避难点', capacity: 1400, indoor: true },
];

export function buildPoints(model: DemoStreetModel, roads: readonly RoadFeature[], rng: Rng, nextName: () => string): PointFeature[] {
  const micros = model.micros.map((g) => ({ id: g.props.id, ring: outlineRing(model.points, g.region.outline), kind: g.props.kind }));
  const microAt = (p: LonLat) => micros.find((m) => pointInRing(p, m.ring) === 'inside')?.id ?? micros.find((m) => pointInRing(p, m.ring) === 'boundary')?.id;
  const feature = (coordinates: LonLat, properties: PointFeature['properties']): PointFeature => ({
    type: 'Feature', properties, geometry: { type: 'Point', coordinates: [coordinates[0], coordinates[1]] },
  });

  // Road vertices inside the street, and junctions: vertices two roads share.
  const stops = roads.flatMap((road) => road.geometry.coordinates.map((p) => ({ road, p: p as LonLat, gridId: microAt(p) })))
    .filter((s): s is typeof s & { gridId: string } => s.gridId !== undefined);
  const roadsAt = new Map<string, typeof stops>();
  for (const stop of stops) roadsAt.set(stop.p.join(), [...(roadsAt.get(stop.p.join()) ?? []), stop]);
  const junctions = [...roadsAt.values()].filter((s) => s.length >= 2 && s.some((x) => x.road.properties.class !== 'local'));

  const flood = [
    ...pick(junctions, FLOOD_JUNCTIONS, rng).map((at) => ({
      at: at[0]!, name: `${at.map((s) => s.road.properties.name).join('')}路口积水点`, road: at[0]!.road.properties.name,
    })),
    ...pick(stops.filter((s) => s.road.properties.class === 'main' && (roadsAt.get(s.p.join())?.length ?? 0) === 1), FLOOD_UNDERPASSES, rng)
      .map((at) => ({ at, name: `${at.road.properties.name}下立交积水点`, road: at.road.properties.name })),
  ].map(({ at, name, road }, i) => feature(at.p, {
    id: `JS-${pad(i + 1, 2)}`, kind: 'flood', name, gridId: at.gridId, road, depthCm: 10 + 5 * rng.int(8),
  }));

  const cameraCount = new Map<string, number>();
  const cameras = pick(stops, CAMERAS, rng).map((at, i) => {
    const road = at.road.properties.name;
    cameraCount.set(road, (cameraCount.get(road) ?? 0) + 1);
    return feature(at.p, {
      id: `SX-${pad(i + 1, 3)}`, kind: 'camera', name: `${road}${pad(cameraCount.get(road)!, 2)}号探头`, gridId: at.gridId, road, streamUrl: null,
    });
  });

  // Schools and parks are extended grids (拓展网格); the rest go to committees' grids, spread by picking at random.
  const byKind = [...pick(micros.filter((m) => m.kind === 'extended'), SHELTERS.length, rng), ...pick(micros.filter((m) => m.kind !== 'extended'), SHELTERS.length, rng)];
  const shelters = SHELTERS.map((s, i) => {
    const micro = byKind[i]!;
    return feature(interiorPoint(micro.ring)!, { id: `BN-${pad(i + 1, 2)}`, kind: 'shelter', name: s.name, gridId: micro.id, capacity: s.capacity, indoor: s.indoor });
  });

  const stations = model.smalls.map((small: Grid, i) => feature(interiorPoint(outlineRing(model.points, small.region.outline))!, {
    id: `GZ-${pad(i + 1, 2)}`,
    kind: 'station',
    name: `${small.props.name}${small.props.unit === 'company' ? '城运站点' : '工作站'}`,
    gridId: small.props.id,
    gridChief: nextName(),
    deputyChief: nextName(),
    unitHead: nextName(),
  }));
  return [...flood, ...shelters, ...cameras, ...stations];
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** `count` distinct items at random, in the order picked. */
export function pick<T>(items: readonly T[], count: number, rng: Rng): T[] {
  const pool = [...items];
  const chosen: T[] = [];
  while (chosen.length < count && pool.length > 0) chosen.push(pool.splice(rng.int(pool.length), 1)[0]!);
  return chosen;
}
