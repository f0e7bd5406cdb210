// HTTP for 交接班 (console seats only): GET /api/handovers, the recent briefs with their acknowledgements,
// newest first; GET /api/handovers/<shift>.pdf, one brief as a PDF (needs a CJK font, like the daily report).
import type { SiteRules } from '../../common/site/site-config.ts';
import { sendFile, sendJson } from '../http-replies.ts';
import { refuse, type RouteTable } from '../http-routes.ts';
import { findReportFont, ReportFontMissing } from '../reports/report-font.ts';
import type { Store } from '../store/database.ts';
import { loadHandover, recentHandovers } from '../store/handover-table.ts';
import { renderHandoverPdf } from './handover-pdf.ts';

/** Two weeks of shift changes. */
const RECENT = 28;

export function handoverRoutes(deps: { store: Store; site: SiteRules; env: NodeJS.ProcessEnv }): RouteTable {
  return {
    handovers: ({ res }) => sendJson(res, 200, recentHandovers(deps.store, RECENT)),
    handoverPdf: async ({ res, url, params: { key } }) => {
      const record = loadHandover(deps.store, key);
      if (!record) return refuse(res, url, 404, `没有交接班 ${key} / no handover ${key}`);
      let body: Buffer;
      try {
        body = await renderHandoverPdf(record.brief, deps.site, findReportFont(deps.env));
      } catch (error) {
        if (!(error instanceof ReportFontMissing)) throw error;
        return sendJson(res, 503, { error: error.message });
      }
      sendFile(res, body, 'application/pdf', `handover-${key}.pdf`, `交接班简报-${key}.pdf`);
    },
  };
}
