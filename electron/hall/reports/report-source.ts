// What the reports read, and all they read: the `kpi` route's answer for a query (the very function that serves
// GET /api/kpi, so a report, the console and the wall never disagree) and the cases still open (for the cases
// needing attention). Reports never load cases themselves: the figures come from the KPI worker, in SQL.
import { FINISHED_STATES } from '../../common/case-window.ts';
import { CaseState, type CaseView } from '../../common/domain/case-model.ts';
import type { KpiAnswer, KpiQuery } from '../../common/http-api.ts';
import type { SiteRules } from '../../common/site/site-config.ts';
import type { Store } from '../store/database.ts';
import { kpiRulesFor } from '../../common/kpi/kpi-definitions.ts';
import { kpiQueryPeriod } from '../../common/http-api.ts';
import { casesInStates } from '../store/case-table.ts';
import type { KpiReader } from '../store/kpi-reader.ts';
import { kpiAnswer } from './kpi-answer.ts';

export interface ReportSource {
  /** The answer GET /api/kpi gives for this (already validated) query. */
  kpi(query: KpiQuery): KpiAnswer | Promise<KpiAnswer>;
  /** Cases not closed now: every state but closed, evaluated and rejected (merged duplicates may be among them). */
  openCases(): readonly CaseView[] | Promise<readonly CaseView[]>;
}

const OPEN_STATES = CaseState.options.filter((s) => !FINISHED_STATES.includes(s));

/** The hall's source: figures in SQL by the KPI worker, open cases from the store. */
export function storeReportSource(db: Store, reader: KpiReader, site: SiteRules, now: () => number): ReportSource {
  return {
    async kpi(query) {
      const at = now();
      const figures = await reader.figures({ period: kpiQueryPeriod(query), groupBy: query.groupBy, withIds: query.ids === '1', rules: kpiRulesFor(site.site), now: at });
      return kpiAnswer(query, figures, site, at);
    },
    openCases: () => casesInStates(db, OPEN_STATES),
  };
}
