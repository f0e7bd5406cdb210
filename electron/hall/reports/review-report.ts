// The after-action review (复盘, S-6.6) as report tables in the situation report's style: the episode at a glance,
// how each plan action ended, the timeline, and the cases; review-xlsx.ts and review-pdf.ts render them.
import type { Review } from '../../common/preplan/after-action.ts';
import { formatBeijing } from '../../common/kpi/periods.ts';
import { HAZARD_LABELS } from '../../common/cap/cn-profile.ts';
import { LEVEL_NUMERALS } from '../../common/preplan/plan-model.ts';
import { durationText, ENTRY_KIND_WORDS, entryText, outcomeWord } from '../../common/preplan/review-words.ts';
import { STATE_LABELS } from '../../common/domain/labels.ts';
import type { SiteRules } from '../../common/site/site-config.ts';
import { col, type ReportTable } from './report-model.ts';

export interface ReviewReport { title: string; subtitle: string; generatedAt: number; overview: ReportTable; actions: ReportTable; timeline: ReportTable; cases: ReportTable }

export function buildReviewReport(review: Review, site: SiteRules, now: number): ReviewReport {
  const s = review.summary;
  const department = (id: string) => site.department(id).zh;
  const response = `${HAZARD_LABELS[review.hazard].zh}应急响应（最高${LEVEL_NUMERALS[review.peakLevel]}级）${review.drill ? '（演练）' : ''}`;
  return {
    title: `${site.site.name}应急处置复盘`,
    subtitle: `${response}  ${formatBeijing(review.startedAt)} 至 ${formatBeijing(review.endedAt)}  生成于 ${formatBeijing(now)}`,
    generatedAt: now,
    overview: {
      title: '概况',
      columns: [col('项目', 'text', 14), col('内容', 'text', 70)],
      rows: [
        ['应急响应', response],
        ['起止时间', `${formatBeijing(review.startedAt)} 至 ${formatBeijing(review.endedAt)}，历时${durationText(review.endedAt - review.startedAt, 'zh')}`],
        ['预案措施', `${s.actions.total}项：按时完成${s.actions.onTime}项，超时完成${s.actions.late}项，未完成${s.actions.notDone}项`],
        ['案件', `上报${s.casesOpened}件（应急类${s.emergencyCases}件），办结${s.casesClosed}件，结束时未办结${s.casesOpenAtEnd}件`],
        ['力量', `派单${s.dispatches}次，出动${s.forcesDispatched}人`],
        ['灾情快报', `${s.reports}期`],
      ],
    },
    actions: {
      title: '预案措施落实',
      columns: [col('措施', 'text', 26), col('责任部门', 'text', 10), col('启动级别', 'text', 8), col('时限', 'datetime', 13), col('完成时间', 'datetime', 13), col('结果', 'text', 9), col('清单进度', 'text', 8)],
      rows: review.actions.map((a) => [a.title, department(a.department), `${LEVEL_NUMERALS[a.from]}级`, a.deadlineAt, a.doneAt, outcomeWord(a, 'zh'), `${a.done}/${a.total}`]),
    },
    timeline: {
      title: '时间线',
      columns: [col('时间', 'datetime', 13), col('事项', 'text', 10), col('内容', 'text', 60)],
      rows: review.entries.map((e) => [e.at, ENTRY_KIND_WORDS[e.kind].zh, entryText(e, 'zh', department)]),
    },
    cases: {
      title: '案件',
      columns: [col('编号', 'count', 6), col('标题', 'text', 26), col('类别', 'text', 10), col('应急类', 'text', 7), col('上报时间', 'datetime', 13), col('办结时间', 'datetime', 13), col('结束时状态', 'text', 10)],
      rows: review.cases.map((c) => [c.no, c.title, c.category, c.emergency ? '是' : '', c.openedAt, c.closedAt, STATE_LABELS[c.state].zh]),
    },
  };
}
