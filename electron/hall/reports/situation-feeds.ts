// What a situation report (灾情快报) reads beyond the hall's own cases, forces and plan: the warnings in force, the
// gauge readings and the shelters. Other parts of the hall (CAP warnings, gauges, shelter occupancy) feed them
// through this interface; until one is wired up its section says it has no feed rather than show nothing.
import { capTimeMs } from '../../common/cap/cap-model.ts';
import { HAZARD_LABELS } from '../../common/cap/cn-profile.ts';
import { LEVEL_COLOR } from '../../common/cap/level-proposal.ts';
import type { WarningView } from '../../common/cap/warning-model.ts';
import type { PointFeature } from '../../common/geo/layer-schema.ts';
import { warningsInForce } from '../../common/warning-projection.ts';

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

/** The warnings in force at the time of the report, newest first, as the report's lines. */
export const warningFeed = (held: () => readonly WarningView[], now: () => number) => (): WarningLine[] =>
  warningsInForce(held(), now()).map(({ summary: s, covers }) => ({
    identifier: s.identifier,
    headline: `${s.headline ?? s.event ?? s.identifier}${covers ? '（覆盖本街道）' : ''}`,
    hazard: s.hazard ? HAZARD_LABELS[s.hazard].zh : (s.event ?? '—'),
    level: s.level ? `${LEVEL_COLOR[s.level].zh}（${s.level}级）` : '—',
    issuedAt: capTimeMs(s.effective ?? s.sent),
    expiresAt: s.expires === null ? null : capTimeMs(s.expires),
  }));
