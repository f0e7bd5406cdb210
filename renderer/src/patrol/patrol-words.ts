// The words of patrol coverage and task lists (S-3.4) on the console and desks, Chinese first, English beside.
import { useCallback } from 'react';
import { useLanguage } from '../i18n/language.tsx';

const WORDS = {
  title: { zh: '巡查覆盖', en: 'Patrol coverage' },
  date: { zh: '日期', en: 'Date' },
  allDay: { zh: '全天', en: 'Whole day' },
  day: { zh: '白天', en: 'Day' },
  night: { zh: '夜间', en: 'Night' },
  rate: { zh: '巡查覆盖率', en: 'Patrol coverage' },
  uncovered: { zh: '未巡查网格', en: 'Uncovered grids' },
  uncoveredIn: { zh: '未巡查时段', en: 'Uncovered in' },
  covered: { zh: '已巡查', en: 'Patrolled' },
  notCovered: { zh: '未巡查', en: 'Not patrolled' },
  none: { zh: '全部网格均已巡查', en: 'Every grid was patrolled' },
  rule: { zh: '规则', en: 'Rule' },
  minutes: { zh: '分钟', en: 'min' },
  lastPatrol: { zh: '最近巡查', en: 'Last patrol' },
  never: { zh: '无', en: 'none' },
  people: { zh: '责任力量（本网格及所属小网格）', en: 'Responsible (this grid and its small grid)' },
  noPeople: { zh: '未配置力量', en: 'no one posted' },
  patrolledBy: { zh: '巡查力量', en: 'Patrolled by' },
  map: { zh: '未巡查网格分布（点击地图选择网格）', en: 'Uncovered grids (click the map to pick one)' },
  legendUncovered: { zh: '未巡查', en: 'not patrolled' },
  pick: { zh: '在列表或地图上选择网格', en: 'Pick a grid in the list or on the map' },
  updated: { zh: '数据更新于', en: 'Updated' },
  loading: { zh: '加载中…', en: 'Loading…' },
  tasks: { zh: '巡查任务', en: 'Patrol tasks' },
  taskList: { zh: '巡查任务清单', en: 'Patrol task list' },
  required: { zh: '规定', en: 'Required' },
  optional: { zh: '自选', en: 'Own' },
  noTasks: { zh: '本站点未配置巡查任务清单', en: 'This site has no patrol task lists' },
  focus: { zh: '重点', en: 'Focus' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type PatrolWord = keyof typeof WORDS;

export function usePatrolWords() {
  const { language } = useLanguage();
  const word = useCallback((w: PatrolWord) => WORDS[w][language], [language]);
  return {
    word,
    /** `3类10项规定动作 + 4项自选动作` */
    counts: (c: { categories: number; required: number; optional: number }) =>
      language === 'zh'
        ? `${c.categories}类${c.required}项规定动作${c.optional ? ` + ${c.optional}项自选动作` : ''}`
        : `${c.categories} categories, ${c.required} required${c.optional ? ` + ${c.optional} own` : ''}`,
    /** The coverage rule in one sentence. */
    rule: (r: { minDwellMin: number; maxGapS: number; maxSpeedMps: number; dayFrom: string; dayTo: string }) =>
      language === 'zh'
        ? `先行巡查力量在网格内累计停留满 ${r.minDwellMin} 分钟为已巡查，白天（${r.dayFrom}–${r.dayTo}）与夜间分别计；定位间隔超过 ${r.maxGapS} 秒或速度超过 ${r.maxSpeedMps} 米/秒（跳点）不计`
        : `Patrolled when patrol forces spent ${r.minDwellMin} min in the grid in all, day (${r.dayFrom}–${r.dayTo}) and night apart; gaps over ${r.maxGapS} s and jumps over ${r.maxSpeedMps} m/s do not count`,
  };
}
