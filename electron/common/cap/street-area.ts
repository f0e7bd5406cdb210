// The street as warnings are matched against it (coverage.ts): its administrative code and outline, read from the
// city-operations grids the hall holds (the street-level grid; its grid code starts with the street's code).
import { polygonsOf, type AreaFeature } from '../geo/area.ts';
import type { StreetArea } from './coverage.ts';

type StreetFeature = AreaFeature & { properties: { level?: string; code?: string } };

/** The street's area, or null when the grids have no street-level grid with an administrative code. */
export function streetAreaOf(features: readonly AreaFeature[]): StreetArea | null {
  const street = (features as readonly StreetFeature[]).find((f) => f.properties.level === 'street');
  const geocode = street?.properties.code?.split('-')[0];
  const outline = street && polygonsOf(street.geometry)[0]?.[0];
  return geocode && outline ? { geocode, outline } : null;
}
