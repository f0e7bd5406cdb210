// Every word the wall shows, Chinese first (the hall's working language), English beside it. Kept with the
// wall so the console and desk dictionaries stay theirs.
import { useCallback } from 'react';
import { useLanguage } from '../i18n/language.tsx';

const WORDS = {
  mapLoading: { zh: '地图加载中…', en: 'Loading the map…' },
  mapFailed: { zh: '地图数据不可用，正在重试：', en: 'Map data unavailable, retrying: ' },
  partitionCityOps: { zh: '城运', en: 'City ops' },
  partitionPolice: { zh: '警务', en: 'Police' },
  partitionGovernance: { zh: '综治', en: 'Governance' },
  heat: { zh: '热力', en: 'Heat' },
  uncovered: { zh: '未巡查', en: 'Unpatrolled' },
  gridsUnit: { zh: '格', en: 'grids' },
  legendUncovered: { zh: '今日未巡查网格', en: 'Not patrolled today' },
  patrolledToday: { zh: '今日已巡查', en: 'Patrolled today' },
  unpatrolledToday: { zh: '今日未巡查', en: 'Not patrolled today' },
  patrolTasks: { zh: '巡查任务', en: 'Patrol tasks' },
  locked: { zh: '已锁定', en: 'Locked' },
  release: { zh: '释放', en: 'Release' },
  following: { zh: '跟踪紧急案件', en: 'Following urgent case' },
  legendStreet: { zh: '街道', en: 'Street' },
  legendZone: { zh: '片区', en: 'Zone' },
  legendSmall: { zh: '小网格', en: 'Small grid' },
  legendMicro: { zh: '微网格', en: 'Micro grid' },
  legendPolice: { zh: '警务责任区', en: 'Police area' },
  legendGovernance: { zh: '综治网格', en: 'Governance grid' },
  legendMismatch: { zh: '多格不一致', en: 'Grid mismatch' },
  legendResidential: { zh: '居村网格', en: 'Residential grid' },
  legendStreetfront: { zh: '街面网格', en: 'Street-front grid' },
  legendExtended: { zh: '拓展网格', en: 'Extended grid' },
  legendWaiting: { zh: '待处置', en: 'Waiting' },
  legendWorking: { zh: '处置中', en: 'In hand' },
  legendUrgent: { zh: '紧急', en: 'Urgent' },
  legendCluster: { zh: '聚合', en: 'Cluster' },
  legendFlood: { zh: '积水点', en: 'Flood point' },
  legendShelter: { zh: '避难点', en: 'Shelter' },
  legendPonding: { zh: '积水中', en: 'Ponding' },
  legendPump: { zh: '泵站', en: 'Pump' },
  legendCamera: { zh: '监控', en: 'Camera' },
  kpiTitle: { zh: '今日考核指标', en: "Today's KPIs" },
  kpiCasesToday: { zh: '今日案件', en: 'Cases today' },
  kpiOpen: { zh: '在办', en: 'Open' },
  kpiOverdue: { zh: '红灯超时', en: 'Overdue' },
  kpiNoData: { zh: '暂无', en: 'n/a' },
  kpiTarget: { zh: '目标', en: 'Target' },
  kpiByHour: { zh: '今日每小时案件（上报 / 结案）', en: 'Cases by hour today (reported / closed)' },
  kpiReported: { zh: '上报', en: 'Reported' },
  kpiClosed: { zh: '结案', en: 'Closed' },
  queueTitle: { zh: '案件队列', en: 'Case queue' },
  queueEmpty: { zh: '当前无在办案件', en: 'No open cases' },
  slaOverdue: { zh: '红灯超时', en: 'Overdue' },
  slaNearDue: { zh: '临近时限', en: 'Near due' },
  slaNormal: { zh: '正常', en: 'On time' },
  slaNone: { zh: '未计时', en: 'No clock' },
  queueMore: { zh: '还有', en: 'and' },
  queueMoreCases: { zh: '件', en: 'more' },
  forcesTitle: { zh: '力量分布', en: 'Forces' },
  forcesTotal: { zh: '在岗力量', en: 'On duty' },
  statusAvailable: { zh: '待命', en: 'Available' },
  statusEnRoute: { zh: '赶赴中', en: 'En route' },
  statusOnScene: { zh: '在现场', en: 'On scene' },
  statusOffDuty: { zh: '下班', en: 'Off duty' },
  camerasTitle: { zh: '视频监控', en: 'Cameras' },
  noStream: { zh: '未配置视频流', en: 'No stream configured' },
  streamConnecting: { zh: '视频连接中…', en: 'Connecting to the camera…' },
  streamDropped: { zh: '视频中断，正在重连', en: 'Stream lost, reconnecting' },
  camerasCount: { zh: '路', en: 'cameras' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type WallWord = keyof typeof WORDS;

/** The wall's words in the window's language. */
export function useWallWords(): (word: WallWord) => string {
  const { language } = useLanguage();
  return useCallback((word: WallWord) => WORDS[word][language], [language]);
}
