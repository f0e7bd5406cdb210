// A handover brief (common/domain/handover.ts) as the tables of its PDF, in Chinese: pure, so what the PDF
// prints can be checked without drawing it.
import { ACTION_LABELS, STATE_LABELS } from '../../common/domain/labels.ts';
import type { BriefCase, HandoverBrief } from '../../common/domain/handover.ts';
import type { DutyPerson } from '../../common/domain/roster.ts';
import { formatBeijing } from '../../common/kpi/periods.ts';
import type { SiteRules } from '../../common/site/site-config.ts';
import { col, type ReportTable } from '../reports/report-model.ts';

export const SHIFT_NAMES = { day: '日班', night: '夜班' } as const;
const LEVEL_NAMES = { overdue: '红灯超时', nearDue: '临近时限', normal: '正常' } as const;
const NOTABLE_NAMES = { ...Object.fromEntries((['reject', 'escalate', 'suspend', 'reopen'] as const).map((a) => [a, ACTION_LABELS[a].zh])), urgent: '紧急案件上报' } as Record<string, string>;

export const personLine = (p: DutyPerson | null) => (p ? `${p.name}（${p.title}）☎ ${p.phone}` : '值班表无此班次');

export function handoverTitle(brief: HandoverBrief): string {
  return `交接班简报 ${brief.incoming.date} ${SHIFT_NAMES[brief.incoming.shift]}`;
}

/** Who hands over to whom, when. */
export function handoverLines(brief: HandoverBrief): string[] {
  const { incoming: i, outgoing: o } = brief;
  return [
    `交班：${o.date} ${SHIFT_NAMES[o.shift]} ${personLine(o.commander)}`,
    `接班：${i.date} ${SHIFT_NAMES[i.shift]} ${formatBeijing(i.from)} 至 ${formatBeijing(i.until)} ${personLine(i.commander)}`,
    `生成于 ${formatBeijing(brief.generatedAt)}（北京时间）${brief.generatedAt - i.from > 60_000 ? '，大厅启动后补发' : ''}`,
  ];
}

function caseTable(title: string, list: { cases: BriefCase[]; more: number }, site: SiteRules): ReportTable {
  return {
    title: list.more ? `${title}（另有 ${list.more} 件未列出）` : title,
    columns: [col('编号', 'count', 6), col('标题', 'text', 30), col('紧急程度', 'text', 8), col('状态', 'text', 9), col('主办部门', 'text', 11), col('时限', 'datetime', 12), col('计时', 'text', 9)],
    rows: list.cases.map((c) => [
      c.no, c.title, site.urgencyLabel(c.urgency).zh, STATE_LABELS[c.state].zh, c.lead ? site.department(c.lead).zh : '未派单', c.deadline, c.level ? LEVEL_NAMES[c.level] : '未计时',
    ]),
  };
}

export function handoverTables(brief: HandoverBrief, site: SiteRules): ReportTable[] {
  const { open } = brief;
  return [
    {
      title: '在办案件',
      columns: [col('在办', 'count'), col('红灯超时', 'count'), col('临近时限', 'count'), col('正常', 'count'), col('未计时', 'count'), col('按状态', 'text', 40)],
      rows: [[open.total, open.overdue, open.nearDue, open.normal, open.noClock, brief.byState.map((s) => `${STATE_LABELS[s.state].zh} ${s.count}`).join('、')]],
    },
    caseTable('红灯超时案件', brief.redLights, site),
    caseTable('临近时限案件', brief.nearDue, site),
    caseTable('紧急在办案件', brief.urgent, site),
    caseTable('已上报上级案件', brief.escalated, site),
    {
      title: '力量状态',
      columns: [col('部门', 'text', 16), col('待命', 'count'), col('赶赴中', 'count'), col('在现场', 'count'), col('下班', 'count')],
      rows: brief.forces.map((f) => [site.department(f.department).zh, f.available, f.enRoute, f.onScene, f.offDuty]),
    },
    {
      title: brief.notable.more ? `上一班次重要情况（另有 ${brief.notable.more} 条更早的）` : '上一班次重要情况',
      columns: [col('时间', 'datetime', 12), col('编号', 'count', 6), col('标题', 'text', 28), col('事项', 'text', 10), col('原因', 'text', 30)],
      rows: brief.notable.events.map((e) => [e.at, e.no, e.title, NOTABLE_NAMES[e.kind] ?? e.kind, e.reason ?? '']),
    },
    ...(brief.incoming.shift === 'night'
      ? [{
          title: '夜间各部门备勤',
          columns: [col('部门', 'text', 16), col('备勤人员', 'text', 16), col('电话', 'text', 16)],
          rows: brief.standby.map((s) => [site.department(s.department).zh, s.person.name, s.person.phone]),
        }]
      : []),
  ];
}
