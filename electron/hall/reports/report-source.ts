// What the reports read, and all they read: the `kpi` route's answer for a query (the very function that serves
// GET /api/kpi, so a report, the console and the wall never disagree) and the cases still open (for the cases
// needing attention). Reports never load cases themselves, so how the hall computes its figures can change
// underneath (SQL instead of case views) without touching them.
import { CaseState, type CaseView } from '../../common/domain/case-model.ts';
import type { KpiAnswer, KpiQuery } from '../../common/http-api.ts';
import type { SiteRules } from '../../common/site/site-config.ts';
import type { Store } from '../store/database.ts';
import { casesInStates, loadCases } from '../store/case-table.ts';
import { kpiAnswerFromCases } from './kpi-answer.ts';

export interface ReportSource {
  /** The answer GET /api/kpi gives for this (already validated) query. */
  kpi(query: KpiQuery): KpiAnswer | Promise<KpiAnswer>;
  /** Cases not closed now: every state but closed, evaluated and rejected (merged duplicates may be among them). */
  openCases(): readonly CaseView[] | Promise<readonly CaseView[]>;
}

const OPEN_STATES = CaseState.options.filter((s) => s !== 'closed' && s !== 'evaluated' && s !== 'rejected');

/** Today's source: figures from every case view in the store. */
export function storeReportSource(db: Store, site: SiteRules, now: () => number): ReportSource {
  return {
    kpi: (query) => kpiAnswerFromCases(loadCases(db), site, now(), query),
    openCases: () => casesInStates(db, OPEN_STATES),
  };
}
