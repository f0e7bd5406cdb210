// The street's flood-prone points and shelters as the map layers have them (names, capacity, where), fetched once
// from the hall; null until they come. Pumps and gauges come with the site (use-site.ts).
import type { PointFeature } from '../../../electron/common/geo/layer-schema.ts';
import { useHall } from '../hall-context.tsx';
import { useFetched } from '../use-fetched.ts';
import { fetchLayers } from '../wall/map-data-api.ts';

type Props<K extends PointFeature['properties']['kind']> = Extract<PointFeature['properties'], { kind: K }> & { lon: number; lat: number };
export type FloodPointPlace = Props<'flood'>;
export type ShelterPlace = Props<'shelter'>;

export interface FloodPlaces { floodPoints: FloodPointPlace[]; shelters: ShelterPlace[] }

export function floodPlacesOf(points: readonly PointFeature[]): FloodPlaces {
  const withAt = (p: PointFeature) => ({ ...p.properties, lon: p.geometry.coordinates[0]!, lat: p.geometry.coordinates[1]! });
  return {
    floodPoints: points.filter((p) => p.properties.kind === 'flood').map(withAt) as FloodPointPlace[],
    shelters: points.filter((p) => p.properties.kind === 'shelter').map(withAt) as ShelterPlace[],
  };
}

export function useFloodPlaces(): FloodPlaces | null {
  const { bridge } = useHall();
  return useFetched((signal) => fetchLayers(bridge, signal).then((layers) => floodPlacesOf(layers.points.features)), [bridge]);
}
