// The after-action timeline's entries in words, Chinese or English: the console's timeline and the exported
// review say the same thing.
import { STATE_LABELS } from '../domain/labels.ts';
import type { ActionOutcome, ReviewEntry, ReviewEntryKind } from './after-action.ts';
import { HAZARD_LABELS } from '../cap/cn-profile.ts';
import { LEVEL_NUMERALS } from './plan-model.ts';
import { unitOf } from '../emergency/gauge-model.ts';
import { CATEGORY_INFO } from '../typhoon/categories.ts';

type Lang = 'zh' | 'en';

export const ENTRY_KIND_WORDS: Readonly<Record<ReviewEntryKind, Record<Lang, string>>> = {
  mode: { zh: '指挥模式', en: 'Command mode' },
  planActivated: { zh: '启动预案', en: 'Plan activated' },
  planClosed: { zh: '预案结束', en: 'Plan closed' },
  actionDone: { zh: '措施完成', en: 'Action done' },
  actionLate: { zh: '措施超时', en: 'Action overdue' },
  caseOpened: { zh: '案件上报', en: 'Case reported' },
  caseClosed: { zh: '案件办结', en: 'Case finished' },
  dispatch: { zh: '派单出动', en: 'Dispatch' },
  report: { zh: '灾情快报', en: 'Situation report' },
  warning: { zh: '收到预警', en: 'Warning received' },
  typhoon: { zh: '台风路径', en: 'Typhoon track' },
  gauge: { zh: '水雨情', en: 'Gauge' },
};

const MSG_WORDS = { Alert: { zh: '发布', en: 'issued' }, Update: { zh: '更新', en: 'updated' }, Cancel: { zh: '解除', en: 'cancelled' }, Ack: { zh: '确认', en: 'acknowledged' }, Error: { zh: '更正', en: 'error' } } as const;
const VIA_WORDS = { district: { zh: '区平台', en: 'district link' }, http: { zh: '接口', en: 'HTTP' }, console: { zh: '指挥台导入', en: 'console import' } } as const;

const MODE_WORDS = { daily: { zh: '日常指挥', en: 'daily command' }, joint: { zh: '联席指挥', en: 'joint command' }, special: { zh: '重大活动保障', en: 'special-event support' } } as const;

/** What happened, in a line. */
export function entryText(e: ReviewEntry, lang: Lang, department: (id: string) => string): string {
  const zh = lang === 'zh';
  switch (e.kind) {
    case 'mode': {
      const t = e.target;
      const name = t.mode === 'emergency'
        ? (zh ? `${HAZARD_LABELS[t.hazard].zh}${LEVEL_NUMERALS[t.level]}级应急响应` : `${HAZARD_LABELS[t.hazard].en} response level ${t.level}`)
        : MODE_WORDS[t.mode][lang];
      return `${zh ? '切换到' : 'Switched to '}${name}${e.drill ? (zh ? '（演练）' : ' (drill)') : ''}${zh ? '：' : ': '}${e.reason}${e.warning ? (zh ? `（预警 ${e.warning}）` : ` (warning ${e.warning})`) : ''}`;
    }
    case 'planActivated':
      return zh ? `${e.title}（${LEVEL_NUMERALS[e.level]}级），${e.actions}项措施${e.added < e.actions ? `，新增${e.added}项` : ''}` : `${e.title} (level ${e.level}), ${e.actions} actions${e.added < e.actions ? `, ${e.added} new` : ''}`;
    case 'planClosed':
      return zh ? `${e.title}${e.reason === 'standDown' ? '随应急响应结束而关闭' : '由其他灾种预案替代'}` : `${e.title} ${e.reason === 'standDown' ? 'closed at the stand-down' : 'replaced by another hazard\'s plan'}`;
    case 'actionDone':
      return zh ? `${e.title}（${department(e.department)}）${e.late ? '超时完成' : '按时完成'}` : `${e.title} (${department(e.department)}) done ${e.late ? 'late' : 'in time'}`;
    case 'actionLate':
      return zh ? `${e.title}（${department(e.department)}）超过时限未完成` : `${e.title} (${department(e.department)}) passed its deadline unfinished`;
    case 'caseOpened':
      return zh ? `#${e.no} ${e.title}（${e.category}）${e.emergency ? ' 应急类' : ''}` : `#${e.no} ${e.title} (${e.category})${e.emergency ? ', emergency' : ''}`;
    case 'caseClosed':
      return `#${e.no} ${e.title} ${STATE_LABELS[e.state][lang]}`;
    case 'dispatch':
      return `#${e.no} ${e.title} → ${department(e.lead)}${e.forces.length ? `${zh ? '，' : ', '}${e.forces.join(zh ? '、' : ', ')}` : ''}`;
    case 'report':
      return zh ? `第${e.no}期${e.trigger === 'schedule' ? '（定时）' : '（临时）'}` : `No. ${e.no} (${e.trigger === 'schedule' ? 'scheduled' : 'on demand'})`;
    case 'warning': {
      const covers = e.covers ? (zh ? '，覆盖本街道' : ', covers the street') : '';
      return zh
        ? `${e.headline}（${MSG_WORDS[e.msgType].zh}，${VIA_WORDS[e.via].zh}${covers}）`
        : `${e.headline} (${MSG_WORDS[e.msgType].en}, ${VIA_WORDS[e.via].en}${covers})`;
    }
    case 'typhoon': {
      const name = (zh ? e.nameZh ?? e.nameEn : e.nameEn ?? e.nameZh) ?? (zh ? '未命名' : 'unnamed');
      const number = e.number ? (zh ? `第${e.number}号` : ` ${e.number}`) : '';
      const latest = CATEGORY_INFO[e.category][lang];
      return zh ? `导入${number}台风“${name}”路径，${e.fixes}个定位，最新为${latest}` : `Imported typhoon ${name}${number}: ${e.fixes} fixes, latest ${latest}`;
    }
    case 'gauge': {
      const reading = `${e.value} ${unitOf(e.gaugeKind)}`;
      const line = `${e.warnAt} ${unitOf(e.gaugeKind)}`;
      return zh ? `${e.name} ${reading}，${e.over ? '超过' : '回落至'}警戒 ${line}${e.over ? '' : '以下'}` : `${e.name} ${reading}, ${e.over ? 'over' : 'back under'} its warning line ${line}`;
    }
  }
}

/** 5小时20分 / 5 h 20 min */
export function durationText(ms: number, lang: Lang): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const [h, m] = [Math.floor(minutes / 60), minutes % 60];
  if (lang === 'en') return h > 0 ? `${h} h ${m} min` : `${m} min`;
  return h > 0 ? `${h}小时${m}分` : `${m}分钟`;
}

/** 按时完成 / 超时完成 / 未完成 */
export function outcomeWord(a: Pick<ActionOutcome, 'doneAt' | 'late'>, lang: Lang): string {
  if (a.doneAt === null) return lang === 'zh' ? '未完成' : 'Not done';
  if (a.late) return lang === 'zh' ? '超时完成' : 'Done late';
  return lang === 'zh' ? '按时完成' : 'Done in time';
}
