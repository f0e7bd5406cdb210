// HTTP for emergencies (console seats only): the situation reports (灾情快报) of an episode, one issued on demand,
// each as xlsx or PDF; the episodes and their after-action reviews (复盘) as JSON (timeline and replay), xlsx or PDF.
import { formatBeijing } from '../../common/kpi/periods.ts';
import { situationRef } from '../../common/preplan/situation-model.ts';
import { sendJson } from '../http-replies.ts';
import { refuse, type RouteTable } from '../http-routes.ts';
import { renderReviewPdf } from '../reports/review-pdf.ts';
import { buildReviewReport } from '../reports/review-report.ts';
import { renderReviewXlsx } from '../reports/review-xlsx.ts';
import { sendReport } from '../reports/report-routes.ts';
import { renderSituationPdf } from '../reports/situation-pdf.ts';
import { renderSituationXlsx } from '../reports/situation-xlsx.ts';
import { loadEpisodes, loadSituationReport, situationReportRefs } from '../store/emergency-table.ts';
import { officerAt } from '../store/seat-table.ts';
import { uuidv7 } from '../ids.ts';
import { reviewOf, type ReviewDeps } from './reviews.ts';
import { issueSituationReport, type SituationDeps } from './situation-reports.ts';

export interface EmergencyRouteDeps { situation: SituationDeps; reviews: ReviewDeps; env: NodeJS.ProcessEnv }

/** 202608011045: a Beijing minute for file names. */
const fileDate = (at: number) => formatBeijing(at).replace(/\D/g, '');

export function emergencyRoutes(deps: EmergencyRouteDeps): RouteTable {
  const { store, site } = deps.situation;
  return {
    situationReports: ({ res, query }) => sendJson(res, 200, situationReportRefs(store, query.episode)),
    situationReportIssue: ({ res, url, seat }) => {
      const officer = officerAt(store, seat.id);
      const appended = issueSituationReport(deps.situation, 'demand', {
        origin: 'hall', seat: seat.id, ...(officer ? { officer } : {}), idemKey: `situation-demand/${seat.id}/${uuidv7(deps.situation.now())}`,
      });
      if (!appended || appended.event.type !== 'situation.reported') return refuse(res, url, 409, '当前不在应急指挥模式，无灾情快报 / not in emergency command');
      sendJson(res, 200, situationRef(appended.event.payload));
    },
    situationReportFile: async ({ res, url, params }) => {
      const report = loadSituationReport(store, params.reportId);
      if (!report) return refuse(res, url, 404, `no situation report ${params.reportId}`);
      const stamp = fileDate(report.at);
      await sendReport(deps, res, report, params.format, {
        xlsx: renderSituationXlsx, pdf: renderSituationPdf, files: [`situation-report-${report.episodeSeq}-${report.no}-${stamp}`, `灾情快报-第${report.no}期-${stamp}`],
      });
    },
    emergencies: ({ res }) => sendJson(res, 200, loadEpisodes(store)),
    emergencyReview: ({ res, url, params }) => {
      const review = reviewOf(deps.reviews, Number(params.episode));
      if (!review) return refuse(res, url, 404, `no ended emergency ${params.episode}`);
      sendJson(res, 200, review);
    },
    emergencyReviewFile: async ({ res, url, params }) => {
      const review = reviewOf(deps.reviews, Number(params.episode));
      if (!review) return refuse(res, url, 404, `no ended emergency ${params.episode}`);
      const stamp = fileDate(review.startedAt);
      await sendReport(deps, res, buildReviewReport(review, site, deps.situation.now()), params.format, {
        xlsx: renderReviewXlsx, pdf: renderReviewPdf, files: [`after-action-review-${review.episodeSeq}-${stamp}`, `应急处置复盘-${stamp}`],
      });
    },
  };
}
