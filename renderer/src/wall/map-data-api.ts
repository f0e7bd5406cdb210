// The wall's data from the hall core besides the LAN stream: the map's static data (grids, the other layers,
// the merge check: fetched together, the map is drawn from all three or not at all) and the camera streams.
// Validated like every outside input.
import { z } from 'zod';
import type { HallBridge } from '../../../electron/common/bridge.ts';
import { parseGridFeatureCollection, Position, type GridFeatureCollection } from '../../../electron/common/geo/grid-schema.ts';
import { GovernanceGridCollection, PointCollection, PoliceAreaCollection, RiverCollection, RoadCollection } from '../../../electron/common/geo/layer-schema.ts';

const MapLayers = z.object({
  police: PoliceAreaCollection,
  governance: GovernanceGridCollection,
  roads: RoadCollection,
  rivers: RiverCollection,
  points: PointCollection,
});
export type MapLayers = z.infer<typeof MapLayers>;

/** The parts of the merge report (MergeReport) the map highlights. */
const Mismatches = z.object({
  findings: z.array(
    z.object({
      kind: z.string(),
      partition: z.enum(['cityOps', 'police', 'governance']),
      microId: z.string().nullable(),
      at: Position,
      message: z.string(),
    }),
  ),
});
export type Mismatch = z.infer<typeof Mismatches>['findings'][number];

export interface MapData {
  grids: GridFeatureCollection;
  layers: MapLayers;
  mismatches: readonly Mismatch[];
}

async function getJson(bridge: HallBridge, path: string, signal: AbortSignal): Promise<unknown> {
  const response = await fetch(`${bridge.httpBase}${path}`, { headers: { Authorization: `Bearer ${bridge.token}` }, signal });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}: ${await response.text()}`);
  return response.json();
}

export async function fetchMapData(bridge: HallBridge, signal: AbortSignal): Promise<MapData> {
  const [grids, layers, check] = await Promise.all(['/api/grids', '/api/layers', '/api/grids/check'].map((path) => getJson(bridge, path, signal)));
  return { grids: parseGridFeatureCollection(grids), layers: MapLayers.parse(layers), mismatches: Mismatches.parse(check).findings };
}

export async function fetchLayers(bridge: HallBridge, signal: AbortSignal): Promise<MapLayers> {
  return MapLayers.parse(await getJson(bridge, '/api/layers', signal));
}

const CameraStreams = z.object({ cameras: z.array(z.object({ id: z.string(), stream: z.string().startsWith('/api/cameras/') })) });

/** The cameras that have a stream, each with the hall path its video plays from (with a ticket). */
export async function fetchCameraStreams(bridge: HallBridge, signal: AbortSignal): Promise<ReadonlyMap<string, string>> {
  const { cameras } = CameraStreams.parse(await getJson(bridge, '/api/cameras', signal));
  return new Map(cameras.map((c) => [c.id, c.stream]));
}
