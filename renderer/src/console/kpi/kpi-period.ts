// The periods the console's KPI view shows: today, this week (Monday first), this month, or a range of days the
// commander types; all in Beijing days, as the `kpi` route takes them (first and last day, both included).
import { DAY } from '../../../../electron/common/domain/beijing-time.ts';
import { KPI_MAX_DAYS } from '../../../../electron/common/http-api.ts';
import { beijingDate, beijingDay, nextStart, startOf } from '../../../../electron/common/kpi/periods.ts';

export type PeriodKind = 'day' | 'week' | 'month' | 'range';
export const PERIOD_KINDS: readonly PeriodKind[] = ['day', 'week', 'month', 'range'];

/** First and last Beijing day, both included: `YYYY-MM-DD`. */
export interface DaySpan { from: string; to: string }

/** The day, week or month that contains `now`. */
export function currentSpan(kind: Exclude<PeriodKind, 'range'>, now: number): DaySpan {
  const from = startOf(kind, now);
  return { from: beijingDate(from), to: beijingDate(nextStart(kind, from) - 1) };
}

export type RangeProblem = 'rangeIncomplete' | 'rangeReversed' | 'rangeTooLong';

/** Why a typed range cannot be shown (dictionary keys), or null. */
export function rangeProblem(span: DaySpan): RangeProblem | null {
  const [first, last] = [beijingDay(span.from), beijingDay(span.to)];
  if (!first || !last) return 'rangeIncomplete';
  if (first.from > last.from) return 'rangeReversed';
  return last.to - first.from > KPI_MAX_DAYS * DAY ? 'rangeTooLong' : null;
}

/** Days the trend chart covers: the span, or the 7 days ending with its last day when it is shorter (a trend
 *  of today alone would be one point). */
export function trendSpan(span: DaySpan): DaySpan {
  const last = beijingDay(span.to)!;
  const weekBefore = beijingDate(last.to - 7 * DAY);
  return { from: weekBefore < span.from ? weekBefore : span.from, to: span.to };
}
