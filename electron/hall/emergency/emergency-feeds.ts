// The situation reports' gauge and shelter feeds (reports/situation-feeds.ts): every site gauge's latest reading
// against its warning level, and every shelter with its capacity, whether it is open and how many it holds.
import { unitOf, type GaugeView } from '../../common/emergency/gauge-model.ts';
import type { ShelterView } from '../../common/emergency/asset-model.ts';
import type { SiteConfig } from '../../common/site/site-config.ts';
import type { GaugeLine, ShelterLine, SituationFeeds } from '../reports/situation-feeds.ts';

/** Gauges with no reading yet are left out. */
export function gaugeLines(site: Pick<SiteConfig, 'gauges'>, views: readonly GaugeView[]): GaugeLine[] {
  const byId = new Map(views.map((v) => [v.gaugeId, v]));
  return site.gauges.flatMap((g) => {
    const v = byId.get(g.id);
    return v ? [{ id: g.id, name: g.name, kind: g.kind, value: v.value, unit: unitOf(g.kind), warnAt: g.warnAt, at: v.at }] : [];
  });
}

/** A shelter nobody has reported yet has no occupancy and no opening (null). */
export const shelterLines = (shelters: readonly ShelterLine[], reported: readonly ShelterView[]): ShelterLine[] => {
  const byId = new Map(reported.map((s) => [s.shelterId, s]));
  return shelters.map((s) => {
    const r = byId.get(s.id);
    return r ? { ...s, occupancy: r.occupancy, open: r.open } : s;
  });
};

/** The base feeds with gauges and shelters filled in from the hall's readings and reports. */
export function withGaugesAndShelters(
  base: SituationFeeds,
  sources: { site: Pick<SiteConfig, 'gauges'>; gauges(): readonly GaugeView[]; shelters(): readonly ShelterView[] },
): SituationFeeds {
  return {
    ...base,
    gauges: () => gaugeLines(sources.site, sources.gauges()),
    shelters: () => shelterLines(base.shelters() ?? [], sources.shelters()),
  };
}
