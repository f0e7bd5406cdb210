// Every word the renderer shows, Simplified Chinese first (the hall's working language), English beside it.
// Terms follow the hall's vocabulary (UI-GUIDE "Words"); case-domain words come from the shared labels.
import { STATE_LABELS } from '../../../electron/common/domain/labels.ts';
import type { CaseSource, CaseState, Urgency } from '../../../electron/common/protocol.ts';
import type { LinkState } from '../hall-client.ts';

export type Language = 'zh' | 'en';

const entries = {
  appTitle: { zh: '城运指挥大厅', en: 'City Operations Command Hall' },
  roleConsole: { zh: '值班指挥台', en: 'Duty console' },
  roleDesk: { zh: '联合坐席', en: 'Joint desk' },
  roleWall: { zh: '大屏', en: 'Video wall' },
  monitor: { zh: '屏', en: 'Monitor' },
  beijingTime: { zh: '北京时间', en: 'Beijing time' },
  dataUpdatedAt: { zh: '数据更新于', en: 'Data updated' },
  noDataYet: { zh: '尚无数据', en: 'no data yet' },
  language: { zh: '语言', en: 'Language' },
  cannotStart: { zh: '无法打开此页面', en: 'This page cannot open' },

  intakeTitle: { zh: '新建案件（上报）', en: 'New case (report)' },
  fieldTitle: { zh: '标题', en: 'Title' },
  fieldSource: { zh: '来源', en: 'Source' },
  fieldUrgency: { zh: '紧急程度', en: 'Urgency' },
  fieldCategory: { zh: '类别', en: 'Category' },
  fieldAddress: { zh: '地址', en: 'Address' },
  fieldDescription: { zh: '描述', en: 'Description' },
  submit: { zh: '上报', en: 'Report' },
  submitting: { zh: '正在上报…', en: 'Reporting…' },
  queuedOffline: { zh: '已排队，连接恢复后自动发送', en: 'Queued; sent when the link is back' },
  reported: { zh: '已上报，案件编号', en: 'Reported, case no.' },
  rejectedBy: { zh: '大厅拒绝：', en: 'Refused by the hall: ' },
  shortcuts: { zh: '快捷键', en: 'Shortcuts' },
  shortcutNew: { zh: '新建案件', en: 'new case' },
  shortcutUrgency: { zh: '切换紧急/一般', en: 'toggle urgent/general' },
  shortcutSubmit: { zh: '上报', en: 'report' },

  queueTitle: { zh: '案件队列', en: 'Case queue' },
  caseListTitle: { zh: '案件列表', en: 'Cases' },
  recentCases: { zh: '最新案件', en: 'Recent cases' },
  caseCount: { zh: '件', en: 'cases' },
  noCases: { zh: '暂无案件', en: 'No cases' },
  mapLoading: { zh: '地图加载中…', en: 'Loading map…' },
  mapFailed: { zh: '网格数据无法加载：', en: 'Grid data could not load: ' },
  legendStreet: { zh: '街道', en: 'Street' },
  legendZone: { zh: '片区', en: 'Zone' },
  legendSmall: { zh: '小网格', en: 'Small grid' },
  legendMicro: { zh: '微网格', en: 'Micro grid' },
  kindResidential: { zh: '居村网格', en: 'Residential' },
  kindStreetfront: { zh: '街面网格', en: 'Street-front' },
  kindExtended: { zh: '拓展网格', en: 'Extended' },
} satisfies Record<string, Record<Language, string>>;

export type MessageKey = keyof typeof entries;

const linkWords: Record<LinkState, Record<Language, string>> = {
  connecting: { zh: '连接中', en: 'Connecting' },
  live: { zh: '在线', en: 'Live' },
  offline: { zh: '离线', en: 'Offline' },
};

const urgencyWords: Record<Urgency, Record<Language, string>> = {
  urgent: { zh: '紧急', en: 'Urgent' },
  general: { zh: '一般', en: 'General' },
};

/** S-4.1 sources. */
const sourceWords: Record<CaseSource, Record<Language, string>> = {
  hotline12345: { zh: '12345热线', en: '12345 hotline' },
  nonpolice110: { zh: '110非警情', en: '110 non-police call' },
  hotline12319: { zh: '12319城建热线', en: '12319 hotline' },
  patrol: { zh: '网格巡查', en: 'Grid patrol' },
  video: { zh: '智能发现', en: 'Smart video detection' },
  qr: { zh: '市民扫码', en: 'Citizen QR report' },
  walkin: { zh: '来电来访', en: 'Phone / walk-in' },
};

export interface Translator {
  language: Language;
  t(key: MessageKey): string;
  link(state: LinkState): string;
  urgency(value: Urgency): string;
  source(value: CaseSource): string;
  state(value: CaseState): string;
}

export function translator(language: Language): Translator {
  return {
    language,
    t: (key) => entries[key][language],
    link: (value) => linkWords[value][language],
    urgency: (value) => urgencyWords[value][language],
    source: (value) => sourceWords[value][language],
    state: (value) => STATE_LABELS[value][language],
  };
}
