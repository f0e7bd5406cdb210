// The one way gauge readings enter the hall (S-6.5): from the district link (upstream/apply-down.ts, in the
// transaction of the message's inbox row and cursor) and from POST /api/gauges (gauge-routes.ts). Each reading is
// checked against the site's gauges (a gauge the site does not have, a kind that is not the gauge's, a time
// ahead of the hall's clock are refused by name; the others are kept); kept readings go to the gauge_readings
// table, a gauge whose latest reading crossed its warning line appends `gauge.crossed` (the console's notice), and
// the gauges that changed are published to every seat once the transaction is done.
import { crossing, GAUGE_CHART_MS, gaugeView, type GaugeReading, type GaugeSite, type GaugeView } from '../../common/emergency/gauge-model.ts';
import type { SiteRules } from '../../common/site/site-config.ts';
import type { Appended, EventLog } from '../event-log.ts';
import type { Store } from '../store/database.ts';
import { insertReadings, latestReadingAt, pruneReadings, readingsSince, type ReadingOrigin } from '../store/gauge-table.ts';

/** Readings are kept this long after they arrived (a season's storms are in the situation reports). */
export const GAUGE_KEEP_MS = 30 * 24 * 3600_000;
/** A reading this far ahead of the hall's clock is refused (a gauge with a wrong clock). */
const FUTURE_SLACK_MS = 5 * 60_000;

export interface GaugeIngestDeps {
  store: Store;
  events: EventLog;
  site: Pick<SiteRules, 'site' | 'gauge'>;
  now(): number;
  /** The gauges whose readings changed, for every seat (called after the caller's transaction). */
  publish(views: GaugeView[]): void;
}

export interface IngestAnswer {
  /** Readings new to the hall, and those it already held. */
  stored: number;
  duplicates: number;
  /** Readings refused, by their index in what was sent. */
  refused: Array<{ index: number; gaugeId: string; reason: string }>;
  /** The `gauge.crossed` events appended. */
  crossed: Appended[];
}

export function createGaugeIngest(deps: GaugeIngestDeps) {
  const { store, events } = deps;
  let pending: Set<string> | null = null;

  const viewOf = (gauge: GaugeSite): GaugeView | undefined => {
    const latest = latestReadingAt(store, gauge.id);
    if (latest === null) return undefined;
    return gaugeView(gauge, readingsSince(store, gauge.id, latest - GAUGE_CHART_MS));
  };

  const problemOf = (r: GaugeReading, now: number): string | null => {
    const gauge = deps.site.gauge(r.gaugeId);
    if (!gauge) return `本站没有水位/雨量站 ${r.gaugeId} / no gauge ${r.gaugeId} at this site`;
    if (gauge.kind !== r.kind) return `${gauge.name} 是 ${gauge.kind} 站，不是 ${r.kind} / ${r.gaugeId} is a ${gauge.kind} gauge, not ${r.kind}`;
    if (r.at > now + FUTURE_SLACK_MS) return `读数时间晚于本机时钟 / ${r.gaugeId}: reading time ${new Date(r.at).toISOString()} is ahead of the hall's clock`;
    if (r.kind === 'rain' && r.value < 0) return `${r.gaugeId}: rainfall cannot be negative`;
    return null;
  };

  const schedulePublish = (ids: readonly string[]) => {
    if (!ids.length) return;
    if (pending) return void ids.forEach((id) => pending!.add(id));
    pending = new Set(ids);
    // After the caller's transaction, which is synchronous: a rolled-back batch has thrown by then.
    queueMicrotask(() => {
      const touched = pending!;
      pending = null;
      const views = [...touched].flatMap((id) => {
        const gauge = deps.site.gauge(id);
        const view = gauge && viewOf(gauge);
        return view ? [view] : [];
      });
      if (views.length) deps.publish(views);
    });
  };

  /** Checks and stores readings; call inside a transaction to make them one with the caller's writes. */
  function recordGaugeReadings(readings: readonly GaugeReading[], origin: ReadingOrigin): IngestAnswer {
    const now = deps.now();
    const refused: IngestAnswer['refused'] = [];
    const kept: GaugeReading[] = [];
    readings.forEach((r, index) => {
      const reason = problemOf(r, now);
      if (reason) refused.push({ index, gaugeId: r.gaugeId, reason });
      else kept.push(r);
    });
    const ids = [...new Set(kept.map((r) => r.gaugeId))];
    const gauges = ids.map((id) => deps.site.gauge(id)!);
    const before = new Map(gauges.map((g) => [g.id, viewOf(g)]));
    const stored = insertReadings(store, kept, origin, now);
    const crossed: Appended[] = [];
    for (const gauge of gauges) {
      const after = viewOf(gauge)!;
      if (!crossing(before.get(gauge.id), after)) continue;
      crossed.push(events.append({
        type: 'gauge.crossed', origin: origin === 'upstream' ? 'upstream' : 'hall', seat: null, idemKey: `gauge:${gauge.id}:${after.at}`,
        payload: () => ({ gaugeId: gauge.id, value: after.value, readAt: after.at, warnAt: gauge.warnAt, over: after.over }),
      }));
    }
    schedulePublish(ids);
    return { stored, duplicates: kept.length - stored, refused, crossed };
  }

  return {
    recordGaugeReadings,
    /** Every site gauge with a reading, as the snapshot carries them. */
    views: (): GaugeView[] => deps.site.site.gauges.flatMap((g) => viewOf(g) ?? []),
    /** Deletes readings older than the keep; returns how many. */
    prune: (now: number) => pruneReadings(store, now - GAUGE_KEEP_MS),
  };
}
export type GaugeIngest = ReturnType<typeof createGaugeIngest>;
