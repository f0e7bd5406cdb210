// Every word the renderer shows, Simplified Chinese first (the hall's working language), English beside it.
// Terms follow the hall's vocabulary (UI-GUIDE "Words"); case-domain words come from the shared labels,
// departments and urgency grades from the site (use-site.ts).
import type { UnmatchedCode } from '../../../electron/common/address/geocode.ts';
import type { SlaClock, SlaLevel } from '../../../electron/common/domain/sla.ts';
import { KPI_LABELS, type KpiName } from '../../../electron/common/kpi/kpi-definitions.ts';
import type { EscalationStage } from '../../../electron/common/domain/escalation.ts';
import { ACTION_LABELS, STATE_LABELS, TIER_LABELS } from '../../../electron/common/domain/labels.ts';
import { RULE_LABELS, type ConflictRule } from '../../../electron/common/reconcile/conflict-model.ts';
import type {
  CaseActionName, CaseDraft, CaseSource, CaseState, ForceKind, ForceStatus, Satisfaction, Tier, WallPanel,
} from '../../../electron/common/protocol.ts';
import type { LinkState } from '../hall-client.ts';
import { modeWords } from './mode-words.ts';
import { emergencyWords } from './emergency-words.ts';
import { planWords } from './plan-words.ts';
import { problemWords } from './problem-words.ts';
import { warningWords } from './warning-words.ts';

type PlacementMatch = NonNullable<CaseDraft['placement']>['match'];

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
  caseCount: { zh: '件', en: 'cases' },
  noCases: { zh: '暂无案件', en: 'No cases' },
  mapFailed: { zh: '网格数据无法加载：', en: 'Grid data could not load: ' },

  // console: duty strip and tabs
  commanderNow: { zh: '当前指挥', en: 'In command' },
  dayShift: { zh: '日班', en: 'day shift' },
  nightShift: { zh: '夜班', en: 'night shift' },
  noRoster: { zh: '值班表无此班次', en: 'no roster entry for this shift' },
  modeDay: { zh: '日常指挥', en: 'Daily command' },
  modeOffHours: { zh: '夜间非警务流转', en: 'Off-hours (non-police relay)' },
  seatsPresent: { zh: '坐席在岗', en: 'Desks staffed' },
  tabWork: { zh: '值班工作台', en: 'Work' },
  tabKpi: { zh: '考核指标', en: 'KPIs' },
  tabSeats: { zh: '坐席点名', en: 'Seat plan' },
  tabWall: { zh: '大屏布局', en: 'Wall layout' },
  tabRoster: { zh: '值班表', en: 'Roster' },
  tabHandover: { zh: '交接班', en: 'Handover' },
  tabPatrol: { zh: '巡查覆盖', en: 'Patrol coverage' },
  nextPrevious: { zh: '下一件/上一件', en: 'next/previous' },
  newUrgent: { zh: '新紧急案件', en: 'New urgent case' },
  dismiss: { zh: '关闭', en: 'Dismiss' },
  awaitingRegistration: { zh: '待受理', en: 'To register' },
  // queue filters and search
  search: { zh: '搜索案件', en: 'Search cases' },
  searchPlaceholder: { zh: '全文搜索：标题、地址、描述…', en: 'Full text: title, address, description…' },
  searching: { zh: '搜索中…', en: 'Searching…' },
  hits: { zh: '条结果', en: 'hits' },
  clearSearch: { zh: '清除', en: 'Clear' },
  allStates: { zh: '全部状态', en: 'All states' },
  allSources: { zh: '全部来源', en: 'All sources' },
  allDepartments: { zh: '全部部门', en: 'All departments' },
  department: { zh: '部门', en: 'Department' },
  // intake
  fieldLocation: { zh: '位置', en: 'Location' },
  pickGridOrMap: { zh: '选择微网格，或在地图上点选', en: 'Pick a micro grid, or click the map' },
  intakeMap: { zh: '点选案件位置', en: 'Click to place the case' },
  noLocation: { zh: '未定位', en: 'Not placed' },
  ticketNo: { zh: '工单号', en: 'Ticket no.' },
  awaitingDistrictNo: { zh: '临时编号，待区平台编号', en: 'provisional, until the district numbers it' },
  ticketDue: { zh: '办结时限', en: 'Ticket deadline' },
  // case detail
  selectCase: { zh: '在左侧队列中选择案件（J/K 或 ↓/↑）', en: 'Select a case in the queue (J/K or ↓/↑)' },
  fieldState: { zh: '状态', en: 'State' },
  slaClock: { zh: '时限', en: 'SLA' },
  slaLeft: { zh: '剩余', en: 'left' },
  slaOver: { zh: '超时', en: 'over' },
  responsibility: { zh: '责任', en: 'Responsibility' },
  lead: { zh: '主办', en: 'Lead' },
  assisting: { zh: '协办', en: 'Assisting' },
  leadUndecided: { zh: '主办未定', en: 'No lead yet' },
  principleClear: { zh: '谁主管谁办理', en: 'competent department handles' },
  principleCross: { zh: '谁牵头谁办理', en: 'leading department handles' },
  principleDesignated: { zh: '指定谁谁办理（首接责任）', en: 'designated lead (first-receiver duty)' },
  principleUnclear: { zh: '职责不明：由指挥长指定主办', en: 'duty unclear: the commander designates' },
  milestones: { zh: '节点', en: 'Milestones' },
  msReported: { zh: '上报', en: 'reported' },
  msRegistered: { zh: '立案', en: 'registered' },
  msOnScene: { zh: '到场', en: 'on scene' },
  msHandled: { zh: '处置', en: 'handled' },
  msClosed: { zh: '结案', en: 'closed' },
  tier: { zh: '层级', en: 'Tier' },
  enforcementJoins: { zh: '执法介入', en: 'enforcement joins' },
  finishBy: { zh: '最迟办结', en: 'finish by' },
  nextTier: { zh: '可上报至', en: 'escalates to' },
  possibleDuplicates: { zh: '疑似重复：', en: 'Possible duplicates: ' },
  // actions
  actions: { zh: '可办理操作', en: 'Actions' },
  noActions: { zh: '本坐席当前无可办理操作', en: 'Nothing this seat may do now' },
  sending: { zh: '发送中…', en: 'Sending…' },
  reason: { zh: '原因（必填）', en: 'Reason (required)' },
  note: { zh: '说明', en: 'Note' },
  handleNote: { zh: '处置情况（必填）', en: 'What was done (required)' },
  photoRefs: { zh: '现场照片（文件名，逗号分隔）', en: 'Photos (file names, comma separated)' },
  photos: { zh: '照片', en: 'Photos' },
  selfHandled: { zh: '网格自行处置', en: 'Handled by the grid itself' },
  verifyResult: { zh: '核查结果', en: 'Verification' },
  verifyPassed: { zh: '核查通过', en: 'Passed' },
  verifyFailed: { zh: '核查不通过（返工）', en: 'Failed (rework)' },
  satisfaction: { zh: '群众满意度', en: 'Satisfaction' },
  resolved: { zh: '问题实际解决', en: 'Actually resolved' },
  notResolved: { zh: '问题未解决', en: 'Not resolved' },
  suspendUntil: { zh: '挂起至', en: 'Suspend until' },
  designateLead: { zh: '指定主办部门', en: 'Designated lead' },
  mergeInto: { zh: '合并到', en: 'Merge into' },
  confirmDangerous: { zh: '我已核实，确认执行（将记入审计）', en: 'I have checked and confirm (audited)' },
  confirm: { zh: '确认', en: 'Confirm' },
  cancel: { zh: '取消', en: 'Cancel' },
  timeline: { zh: '办理经过', en: 'Timeline' },
  loading: { zh: '加载中…', en: 'Loading…' },
  reportEvent: { zh: '上报', en: 'Reported' },
  upstream: { zh: '区平台/外部来源', en: 'District platform / outside' },
  hallItself: { zh: '系统自动', en: 'The hall, automatically' },
  demoFeed: { zh: '演示数据源', en: 'Demo feed' },
  wanDown: { zh: '区平台连接中断', en: 'District link down' },
  wanSince: { zh: '自', en: 'since' },
  wanQueued: { zh: '待上报', en: 'queued' },
  wanItems: { zh: '条', en: '' },
  wanRejected: { zh: '条上报被区平台拒收', en: 'refused by the district' },
  geocode: { zh: '定位', en: 'Locate' },
  geocodeUnmatched: { zh: '地址未能定位', en: 'Address not placed' },
  placeOnMap: { zh: '请选择网格或在地图上点选', en: 'pick a grid or click the map' },
  awaitingPlacement: { zh: '待定位', en: 'To place' },
  placeCase: { zh: '在地图上点选案件位置', en: 'Click the map where the case is' },
  placedManually: { zh: '人工定位', en: 'Placed by hand' },
  placeSend: { zh: '确认定位', en: 'Place here' },
  conflictsTitle: { zh: '对账冲突', en: 'Reconciliation conflicts' },
  conflictsWaiting: { zh: '条待处理', en: 'to settle' },
  conflictsShow: { zh: '展开', en: 'Show' },
  conflictsHide: { zh: '收起', en: 'Hide' },
  conflictOpenCase: { zh: '查看案件', en: 'Open case' },
  conflictNote: { zh: '处理说明', en: 'How it was settled' },
  conflictSettle: { zh: '已处理', en: 'Settled' },
  conflictSettled: { zh: '冲突已处理', en: 'Conflict settled' },
  conflictTicket: { zh: '工单', en: 'Ticket' },
  demoCase: { zh: '演示', en: 'Demo' },
  demoBanner: { zh: '演示模式 · 含演示数据，非真实案件', en: 'Demo mode · includes demo data, not real cases' },
  suspensionEnded: { zh: '挂起期满，恢复办理', en: 'Suspension over, back in hand' },
  forces: { zh: '力量', en: 'Forces' },
  // dispatch
  dispatchTitle: { zh: '派单（推荐力量）', en: 'Dispatch (recommended forces)' },
  designateFirst: { zh: '职责不明：请先「指定主办」，或选择主办部门', en: 'Duty unclear: designate a lead first, or choose one' },
  noCandidates: { zh: '无在岗可用力量', en: 'no available force on shift' },
  noPosition: { zh: '位置未知', en: 'position unknown' },
  eta: { zh: '预计', en: 'ETA' },
  minutes: { zh: '分钟', en: 'min' },
  dispatchSelected: { zh: '派单给所选力量', en: 'Dispatch selected forces' },
  dispatchMap: { zh: '案件与候选力量位置', en: 'Case and candidate forces' },
  // KPI view (考核指标): periods, figures, trend and ranking charts, drill-down, exports
  period: { zh: '统计周期', en: 'Period' },
  today: { zh: '今日', en: 'Today' },
  thisWeek: { zh: '本周', en: 'This week' },
  thisMonth: { zh: '本月', en: 'This month' },
  dateRange: { zh: '自定义', en: 'Date range' },
  rangeFrom: { zh: '起始日', en: 'First day' },
  rangeTo: { zh: '截止日', en: 'Last day' },
  rangeIncomplete: { zh: '请选择起止日期', en: 'Pick the first and the last day' },
  rangeReversed: { zh: '起始日晚于截止日', en: 'The first day is after the last' },
  rangeTooLong: { zh: '统计周期不能超过 366 天', en: 'A period is at most 366 days' },
  kpiUpdating: { zh: '更新中…', en: 'Updating…' },
  kpiFailed: { zh: '指标无法加载：', en: 'Figures could not load: ' },
  kpi: { zh: '指标', en: 'Figure' },
  rate: { zh: '比率', en: 'Rate' },
  count: { zh: '分子/分母', en: 'Count' },
  numerator: { zh: '分子', en: 'Numerator' },
  denominator: { zh: '分母', en: 'Denominator' },
  target: { zh: '目标', en: 'Target' },
  verdict: { zh: '达标', en: 'Met' },
  targetMet: { zh: '达标', en: 'met' },
  targetMissed: { zh: '未达标', en: 'not met' },
  noTarget: { zh: '无目标', en: 'no target' },
  noData: { zh: '暂无数据', en: 'no data' },
  pickFigure: { zh: '点选指标查看趋势与排名', en: 'Click a figure for its trend and ranking' },
  previousNextFigure: { zh: '上一项/下一项指标', en: 'previous/next figure' },
  trendTitle: { zh: '每日趋势', en: 'Day by day' },
  casesCounted: { zh: '分母件数', en: 'Cases (denominator)' },
  rankingTitle: { zh: '排名（督查考核）', en: 'Ranking' },
  rankBy: { zh: '排名单位', en: 'Rank' },
  rankDepartment: { zh: '主办部门', en: 'Lead departments' },
  rankGrid: { zh: '网格', en: 'Grids' },
  rankCategory: { zh: '案件类别', en: 'Case categories' },
  rankNo: { zh: '名次', en: 'Rank' },
  unit: { zh: '单位', en: 'Unit' },
  topN: { zh: '图中为前 {n} 名，全部见下表', en: 'Top {n} in the chart, all in the table' },
  notDispatched: { zh: '未派单', en: 'Not dispatched' },
  noGrid: { zh: '未定网格', en: 'No grid' },
  noCategory: { zh: '未分类', en: 'No category' },
  exportCsv: { zh: '导出排名 CSV', en: 'Export ranking (CSV)' },
  drillTitle: { zh: '案件明细', en: 'Cases behind' },
  drillHint: { zh: '点击案件，在工作台队列中选中', en: 'Click a case to select it in the queue' },
  inNumerator: { zh: '计入分子', en: 'in the numerator' },
  notInNumerator: { zh: '未计入分子', en: 'not in the numerator' },
  drillShow: { zh: '明细', en: 'Cases' },
  moreCases: { zh: '另有 {n} 件', en: '{n} more' },
  reports: { zh: '报表', en: 'Reports' },
  dailyReport: { zh: '日报', en: 'Daily report' },
  weeklyReport: { zh: '周报', en: 'Weekly report' },
  downloading: { zh: '正在生成…', en: 'Preparing…' },
  downloaded: { zh: '已下载', en: 'Downloaded' },
  // seat plan and roll call
  present: { zh: '在岗', en: 'Present' },
  absent: { zh: '空席（未报到）', en: 'Empty (no roll call)' },
  noRollCall: { zh: '无需点名', en: 'No roll call' },
  signedInSince: { zh: '报到于', en: 'since' },
  seatDepartment: { zh: '坐席部门', en: 'Department' },
  seatAssign: { zh: '调配', en: 'Assign' },
  seatAssigned: { zh: '已调配为', en: 'Assigned to' },
  rollCall: { zh: '点名报到', en: 'Roll call' },
  rollCallHint: { zh: '报到后方可办理案件', en: 'Sign in to act on cases' },
  officerName: { zh: '姓名', en: 'Name' },
  badge: { zh: '警号/工号', en: 'Badge no.' },
  signIn: { zh: '报到', en: 'Sign in' },
  signOut: { zh: '签退', en: 'Sign out' },
  signedIn: { zh: '已报到', en: 'Signed in' },
  signedOut: { zh: '已签退', en: 'Signed out' },
  onDuty: { zh: '在岗', en: 'On duty' },
  signInFirst: { zh: '请先点名报到，再办理案件', en: 'Answer the roll call before acting on cases' },
  deskQueue: { zh: '本部门案件（主办在前，协办在后）', en: 'Department cases (lead first, then assisting)' },
  ownForces: { zh: '本部门力量', en: 'Department forces' },
  forceStatus: { zh: '状态', en: 'status' },
  // wall plan
  wallDraft: { zh: '布局草案', en: 'Draft' },
  wallLive: { zh: '大屏当前', en: 'On the wall now' },
  wallUnapplied: { zh: '未应用', en: 'Not applied' },
  wallInSync: { zh: '与大屏一致', en: 'Same as the wall' },
  wallApply: { zh: '应用到大屏', en: 'Apply to the wall' },
  wallApplied: { zh: '已应用到大屏', en: 'Applied to the wall' },
  wallDiscard: { zh: '放弃修改', en: 'Discard edits' },
  wallPresets: { zh: '预设布局', en: 'Presets' },
  presetDaily: { zh: '日常', en: 'Daily' },
  presetJoint: { zh: '联席', en: 'Joint' },
  presetEmergency: { zh: '应急', en: 'Emergency' },
  wallCols: { zh: '列', en: 'Columns' },
  wallRows: { zh: '行', en: 'Rows' },
  wallColsRange: { zh: '列数须为 ', en: 'Columns must be ' },
  wallRowsRange: { zh: '行数须为 ', en: 'Rows must be ' },
  wallInvalid: { zh: '布局无效：', en: 'Invalid layout: ' },
  wallPalette: { zh: '把面板拖到屏上；或点击屏选择，方向键换屏，数字键选面板', en: 'Drag a panel onto a monitor; or click a monitor, move with the arrows, pick with the digits' },
  wallMonitors: { zh: '大屏各屏', en: 'Wall monitors' },
  wallPickFor: { zh: '选择面板：', en: 'Panel for ' },
  ...problemWords,
  ...planWords,
  ...modeWords,
  ...warningWords,
  ...emergencyWords,
} satisfies Record<string, Record<Language, string>>;

export type MessageKey = keyof typeof entries;

const linkWords: Record<LinkState, Record<Language, string>> = {
  connecting: { zh: '连接中', en: 'Connecting' },
  live: { zh: '在线', en: 'Live' },
  offline: { zh: '离线', en: 'Offline' },
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

const satisfactionWords: Record<Satisfaction, Record<Language, string>> = {
  satisfied: { zh: '满意', en: 'Satisfied' },
  basic: { zh: '基本满意', en: 'Basically satisfied' },
  unsatisfied: { zh: '不满意', en: 'Unsatisfied' },
};

/** SLA colours always come with a word (UI guide): 红灯超时 is the hall's own term. */
const slaLevelWords: Record<SlaLevel, Record<Language, string>> = {
  normal: { zh: '正常', en: 'On track' },
  nearDue: { zh: '临近', en: 'Near due' },
  overdue: { zh: '红灯超时', en: 'Overdue' },
};

const slaClockWords: Record<SlaClock, Record<Language, string>> = {
  onScene: { zh: '限时到场', en: 'on scene in time' },
  result: { zh: '限时处置', en: 'result in time' },
  due: { zh: '办结时限', en: 'due' },
};

const forceKindWords: Record<ForceKind, Record<Language, string>> = {
  patrol: { zh: '先行巡查', en: 'patrol' },
  enforcement: { zh: '后期执法', en: 'enforcement' },
  volunteer: { zh: '志愿者', en: 'volunteer' },
};

const forceStatusWords: Record<ForceStatus, Record<Language, string>> = {
  available: { zh: '可派', en: 'Available' },
  enRoute: { zh: '在途', en: 'En route' },
  onScene: { zh: '在现场', en: 'On scene' },
  offDuty: { zh: '下班', en: 'Off duty' },
};

/** S-8.1 wall panels, named as on their titles. */
const wallPanelWords: Record<WallPanel, Record<Language, string>> = {
  map: { zh: '地图', en: 'Map' },
  kpi: { zh: '考核指标', en: 'KPIs' },
  queue: { zh: '案件队列', en: 'Case queue' },
  forces: { zh: '力量分布', en: 'Forces' },
  cameras: { zh: '视频监控', en: 'Cameras' },
  plan: { zh: '预案执行', en: 'Pre-plan' },
  typhoon: { zh: '台风', en: 'Typhoon' },
  gauges: { zh: '水雨情', en: 'Gauges' },
  shelters: { zh: '避难场所', en: 'Shelters' },
};

const escalationWords: Record<EscalationStage, Record<Language, string>> = {
  selfGovernance: { zh: '居村自治期（1–3天）', en: 'self-governance (days 1–3)' },
  enforcementJoined: { zh: '执法联动期（4天内办结）', en: 'enforcement joined (4 more days)' },
  overdue: { zh: '已超7天处置时限', en: 'past the 7-day limit' },
};

/** S-5 figures: the seeds' Chinese names (kpi-definitions.ts), English beside them. */
const matchWords: Record<PlacementMatch, Record<Language, string>> = {
  exact: { zh: '精确匹配', en: 'Exact' },
  fuzzy: { zh: '模糊匹配', en: 'Fuzzy' },
  interpolated: { zh: '门牌插值', en: 'Interpolated' },
  landmark: { zh: '地标匹配', en: 'Landmark' },
  manual: { zh: '人工定位', en: 'Placed by hand' },
  unmatched: { zh: '未能定位', en: 'Not placed' },
};

const unmatchedWords: Record<UnmatchedCode, Record<Language, string>> = {
  'not-text': { zh: '地址不是文字', en: 'the address is not text' },
  'too-long': { zh: '地址过长', en: 'the address is too long' },
  empty: { zh: '地址为空', en: 'no address' },
  'unknown-place': { zh: '地址中没有本街道的道路、小区或地标', en: 'no road, compound or landmark of the street in it' },
  'outside-street': { zh: '道路不在本街道', en: 'the road is outside the street' },
  'no-number': { zh: '只有路名，没有门牌号', en: 'a road without a number' },
  'beyond-range': { zh: '门牌号超出该路已知范围', en: 'the number is beyond the road\'s known ones' },
  ambiguous: { zh: '地名有多个相近的匹配', en: 'the name is close to several' },
  'no-junction': { zh: '两条路不相交', en: 'the two roads do not cross' },
};

const kpiEnglish: Record<KpiName, string> = {
  proactiveDiscovery: 'Proactive discovery rate', closure: 'Closure rate', onTime: 'On-time rate', actualResolution: 'Actual resolution rate',
  satisfaction: 'Satisfaction', urgentArrival15m: 'Urgent on scene ≤ 15 min', urgentResult1h: 'Urgent result ≤ 1 h', gridSelfHandling: 'Grid self-handling rate',
};

export interface Translator {
  language: Language;
  t(key: MessageKey): string;
  link(state: LinkState): string;
  source(value: CaseSource): string;
  state(value: CaseState): string;
  action(value: CaseActionName): string;
  tier(value: Tier): string;
  satisfaction(value: Satisfaction): string;
  slaLevel(value: SlaLevel): string;
  slaClock(value: SlaClock): string;
  forceKind(value: ForceKind): string;
  forceStatus(value: ForceStatus): string;
  escalationStage(value: EscalationStage): string;
  wallPanel(value: WallPanel): string;
  kpi(value: KpiName): string;
  conflictRule(value: ConflictRule): string;
  matchKind(value: PlacementMatch): string;
  unmatched(code: string | undefined): string;
}

export function translator(language: Language): Translator {
  return {
    language,
    t: (key) => entries[key][language],
    link: (value) => linkWords[value][language],
    source: (value) => sourceWords[value][language],
    state: (value) => STATE_LABELS[value][language],
    action: (value) => ACTION_LABELS[value][language],
    tier: (value) => TIER_LABELS[value][language],
    satisfaction: (value) => satisfactionWords[value][language],
    slaLevel: (value) => slaLevelWords[value][language],
    slaClock: (value) => slaClockWords[value][language],
    forceKind: (value) => forceKindWords[value][language],
    forceStatus: (value) => forceStatusWords[value][language],
    escalationStage: (value) => escalationWords[value][language],
    wallPanel: (value) => wallPanelWords[value][language],
    kpi: (value) => (language === 'zh' ? KPI_LABELS[value] : kpiEnglish[value]),
    conflictRule: (value) => RULE_LABELS[value][language],
    matchKind: (value) => matchWords[value][language],
    unmatched: (code) => (unmatchedWords[code as UnmatchedCode] ?? unmatchedWords['unknown-place'])[language],
  };
}
