// The wall's data from the hall core besides the LAN stream: the map's static data (grids, the other layers,
// the merge check: fetched together, the map is drawn from all three or not at all) and the camera streams.
// Validated with the HTTP contract's schemas, like every outside input.
import type { HallBridge } from '../../../electron/common/bridge.ts';
import type { GridFeatureCollection } from '../../../electron/common/geo/grid-schema.ts';
import type { MapLayers, MergeFinding } from '../../../electron/common/http-api.ts';
import { fetchApi } from '../hall-api.ts';

export type { MapLayers };
export type Mismatch = MergeFinding;

export interface MapData {
  grids: GridFeatureCollection;
  layers: MapLayers;
  mismatches: readonly Mismatch[];
}

export async function fetchMapData(bridge: HallBridge, signal: AbortSignal): Promise<MapData> {
  const [grids, layers, check] = await Promise.all([fetchApi(bridge, 'grids', { signal }), fetchApi(bridge, 'layers', { signal }), fetchApi(bridge, 'gridCheck', { signal })]);
  return { grids, layers, mismatches: check.findings };
}

export const fetchLayers = (bridge: HallBridge, signal: AbortSignal): Promise<MapLayers> => fetchApi(bridge, 'layers', { signal });

/** The cameras that have a stream, each with the hall path its video plays from (with a ticket). */
export async function fetchCameraStreams(bridge: HallBridge, signal: AbortSignal): Promise<ReadonlyMap<string, string>> {
  const { cameras } = await fetchApi(bridge, 'cameras', { signal });
  return new Map(cameras.map((c) => [c.id, c.stream]));
}
