// The words of the duty roster (值班表) and the shift handover (交接班) views, Chinese first, English beside them.
// Kept with these views so the shared dictionary stays the console's and desks' common words.
import { useCallback } from 'react';
import { useLanguage } from '../i18n/language.tsx';

const WORDS = {
  nextShift: { zh: '下一班', en: 'Next' },
  standby: { zh: '备勤', en: 'Standby' },
  rotation: { zh: '轮值', en: 'rotation' },
  byPhone: { zh: '电话指挥', en: 'by phone' },
  rosterTitle: { zh: '值班表', en: 'Duty roster' },
  previousMonth: { zh: '上月', en: 'Previous month' },
  nextMonth: { zh: '下月', en: 'Next month' },
  date: { zh: '日期', en: 'Date' },
  edit: { zh: '编辑', en: 'Edit' },
  save: { zh: '保存', en: 'Save' },
  saved: { zh: '已保存', en: 'Saved' },
  cancel: { zh: '取消', en: 'Cancel' },
  backToRotation: { zh: '恢复轮值', en: 'Back to the rotation' },
  swapWith: { zh: '与此日对调', en: 'Swap with' },
  swap: { zh: '对调', en: 'Swap' },
  swapped: { zh: '已对调', en: 'Swapped' },
  name: { zh: '姓名', en: 'Name' },
  title: { zh: '职务', en: 'Title' },
  phone: { zh: '电话', en: 'Phone' },
  seat: { zh: '席位', en: 'Seat' },
  notSettable: { zh: '超出可排班范围', en: 'outside the settable dates' },
  importRoster: { zh: '导入值班表（CSV 或 xlsx）', en: 'Import a roster (CSV or xlsx)' },
  importing: { zh: '正在导入…', en: 'Importing…' },
  imported: { zh: '已导入', en: 'Imported' },
  importDates: { zh: '个日期', en: 'dates' },
  importRows: { zh: '行', en: 'rows' },
  importRefused: { zh: '文件未导入，值班表未作任何修改：', en: 'File refused, nothing was changed:' },
  problemsMore: { zh: '另有问题', en: 'more problems' },
  row: { zh: '行', en: 'Row' },
  column: { zh: '列', en: 'Column' },
  wholeFile: { zh: '整个文件', en: 'the file' },
  template: { zh: '下载模板（未来一周）', en: 'Template (the coming week)' },
  weekdays: { zh: '日一二三四五六', en: 'SMTWTFS' },
  handoverTitle: { zh: '交接班', en: 'Shift handover' },
  handoverBrief: { zh: '交接班简报', en: 'Handover brief' },
  handingOver: { zh: '交班', en: 'Handing over' },
  takingOver: { zh: '接班', en: 'Taking over' },
  generatedAt: { zh: '生成于', en: 'Made' },
  madeLate: { zh: '大厅启动后补发', en: 'made when the hall started' },
  openCases: { zh: '在办', en: 'Open' },
  overdue: { zh: '红灯超时', en: 'Overdue' },
  nearDue: { zh: '临近时限', en: 'Near due' },
  normal: { zh: '正常', en: 'On time' },
  noClock: { zh: '未计时', en: 'No clock' },
  urgentOpen: { zh: '紧急在办', en: 'Urgent, open' },
  escalated: { zh: '已上报上级', en: 'Escalated' },
  forces: { zh: '力量状态', en: 'Forces' },
  notable: { zh: '上一班次重要情况', en: 'Notable in the last shift' },
  urgentReported: { zh: '紧急案件上报', en: 'urgent case reported' },
  notListed: { zh: '件未列出', en: 'more not listed' },
  none: { zh: '（无）', en: '(none)' },
  acknowledge: { zh: '确认接班', en: 'Take over' },
  acknowledged: { zh: '已确认接班', en: 'Taken over' },
  awaitingAck: { zh: '待接班确认', en: 'awaiting take-over' },
  downloadPdf: { zh: '下载 PDF', en: 'Download PDF' },
  downloaded: { zh: '已下载', en: 'Downloaded' },
  noHandover: { zh: '尚无交接班简报', en: 'No handover brief yet' },
  viewBrief: { zh: '查看简报', en: 'Open the brief' },
  earlierBriefs: { zh: '近期交接班', en: 'Recent handovers' },
  available: { zh: '待命', en: 'Available' },
  enRoute: { zh: '赶赴中', en: 'En route' },
  onScene: { zh: '在现场', en: 'On scene' },
  offDuty: { zh: '下班', en: 'Off duty' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type DutyWord = keyof typeof WORDS;

/** The duty views' words in the window's language. */
export function useDutyWords(): (word: DutyWord) => string {
  const { language } = useLanguage();
  return useCallback((word: DutyWord) => WORDS[word][language], [language]);
}
