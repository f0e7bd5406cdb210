// The daily figures go up to the district once per Beijing day, the morning after (S-7.1 outbound reports): the
// same KPI answer the daily report prints, appended as a `report.uploaded` event (under an idempotency key per
// date, so a restart or a second look never makes two) which the outbox sends like any other. Days the hall was
// down for are not made up.
import { dateKey, dayOf } from '../../common/domain/beijing-time.ts';
import { KPI_NAMES } from '../../common/kpi/kpi-definitions.ts';
import type { HallEvent } from '../../common/protocol.ts';
import type { Appended, AppendSpec, EventLog } from '../event-log.ts';
import type { ReportSource } from '../reports/report-source.ts';

/** How often the hall looks whether yesterday's figures have gone up. */
export const DAILY_UPLOAD_CHECK_MS = 10 * 60_000;

export interface DailyUploadDeps {
  events: EventLog;
  source: Pick<ReportSource, 'kpi'>;
  now(): number;
  broadcast(appended: Appended): void;
  log(line: string): void;
}

export function startDailyUpload(deps: DailyUploadDeps): { check(): Promise<Appended | null>; stop(): void } {
  let running: Promise<Appended | null> | null = null;
  const upload = async (): Promise<Appended | null> => {
    const date = dateKey(dayOf(deps.now()) - 1);
    const idemKey = `report.uploaded/${date}`;
    if (deps.events.stored(idemKey)) return null;
    const answer = await deps.source.kpi({ from: date, to: date });
    const figures: Record<string, number | null> = {};
    for (const name of KPI_NAMES) {
      const f = answer.kpis[name];
      if (!f) continue;
      figures[name] = f.rate;
      figures[`${name}.numerator`] = f.numerator;
      figures[`${name}.denominator`] = f.denominator;
    }
    const spec: AppendSpec<Extract<HallEvent, { type: 'report.uploaded' }>> = {
      type: 'report.uploaded', origin: 'hall', seat: null, idemKey, at: deps.now(), payload: () => ({ date, figures }),
    };
    const appended = deps.events.append(spec);
    if (!appended.duplicate) deps.broadcast(appended);
    return appended;
  };
  /** One look at a time; resolves with the event when it made one. */
  const check = () => {
    running ??= upload()
      .catch((error: unknown) => {
        deps.log(`daily figures upload: ${(error as Error).message}`);
        return null;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  void check();
  const timer = setInterval(() => void check(), DAILY_UPLOAD_CHECK_MS);
  timer.unref();
  return { check, stop: () => clearInterval(timer) };
}
