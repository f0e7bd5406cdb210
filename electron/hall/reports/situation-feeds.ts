// What a situation report (灾情快报) reads beyond the hall's own cases, forces and plan: the warnings in force, the
// gauge readings and the shelters. Other parts of the hall (CAP warnings, gauges, shelter occupancy) feed them
// through this interface; until one is wired up its section says it has no feed rather than show nothing.
import type { PointFeature } from '../../common/geo/layer-schema.ts';

export interface WarningLine { identifier: string; headline: string; hazard: string; level: string; issuedAt: number; expiresAt: number | null }
export interface GaugeLine { id: string; name: string; kind: 'tide' | 'river' | 'rain'; value: number; unit: string; warnAt: number | null; at: number }
export interface ShelterLine { id: string; name: string; capacity: number; occupancy: number | null; open: boolean | null }

/** null: this hall has no feed for it (the section says so); []: a feed with nothing to report. */
export interface SituationFeeds {
  warnings(): readonly WarningLine[] | null;
  gauges(): readonly GaugeLine[] | null;
  shelters(): readonly ShelterLine[] | null;
}

/** The map's shelters with their capacity; occupancy and opening are not fed yet. */
export const mapShelters = (points: readonly PointFeature[]): ShelterLine[] =>
  points.flatMap((p) => (p.properties.kind === 'shelter' ? [{ id: p.properties.id, name: p.properties.name, capacity: p.properties.capacity, occupancy: null, open: null }] : []));

/** No warning or gauge feed yet; the shelters from the map. */
export const mapOnlyFeeds = (points: readonly PointFeature[]): SituationFeeds => {
  const shelters = mapShelters(points);
  return { warnings: () => null, gauges: () => null, shelters: () => shelters };
};
