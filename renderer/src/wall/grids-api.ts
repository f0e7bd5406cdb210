import type { HallBridge } from '../../../electron/common/bridge.ts';
import { parseGridFeatureCollection, type GridFeatureCollection } from '../../../electron/common/geo/grid-schema.ts';

/** The street's grid hierarchy from the hall core, validated like every outside input. */
export async function fetchGrids(bridge: HallBridge, signal: AbortSignal): Promise<GridFeatureCollection> {
  const response = await fetch(`${bridge.httpBase}/api/grids`, { headers: { Authorization: `Bearer ${bridge.token}` }, signal });
  if (!response.ok) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
  return parseGridFeatureCollection(await response.json());
}
