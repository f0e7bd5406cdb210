// The hall core's HTTP API as one contract shared by the hall (which routes by it: electron/hall/http-routes.ts)
// and the renderer (which builds its requests and parses the answers with it: renderer/src/hall-api.ts). Each
// route names its method, path (`:name` is one path segment, or the part of one before a suffix), who may
// call it, the query it takes and the JSON it answers. The LAN protocol beside it is protocol.ts.
import { z } from 'zod';
import { MAX_ADDRESS_LENGTH, UNMATCHED_CODES } from './address/geocode.ts';
import { CaseSource, CaseState, CaseView, Department, Id } from './domain/case-model.ts';
import { GridFeatureCollection } from './geo/grid-schema.ts';
import { GovernanceGridCollection, PointCollection, PoliceAreaCollection, RiverCollection, RoadCollection } from './geo/layer-schema.ts';
import { Position } from './geo/grid-schema.ts';
import { KPI_NAMES } from './kpi/kpi-definitions.ts';
import { beijingDay, isoWeekProblem } from './kpi/periods.ts';
import { SHIFT_KEY } from './domain/duty.ts';
import { GridCoverage } from './patrol/coverage-summary.ts';
import { PatrolTaskList } from './patrol/patrol-tasks.ts';
import { ModeSwitch } from './domain/command-mode.ts';
import { ForcePosition, HallEvent, HandoverRecord, Officer } from './protocol.ts';
import { Review } from './preplan/after-action.ts';
import { EmergencyEpisode } from './preplan/plan-model.ts';
import { SituationReportRef } from './preplan/situation-model.ts';
import { WarningOutcome } from './cap/warning-model.ts';
import { StoredTyphoon, TyphoonId } from './typhoon/stored-typhoon.ts';
import { GaugeView } from './emergency/gauge-model.ts';
import { GaugeReading } from './upstream-protocol.ts';

/**
 * public: anyone; seat: any seat's bearer token (`Authorization: Bearer <token>`); console: a console seat's;
 * ticket: a per-resource ticket in the query (camera streams, which a video element fetches without headers);
 * open311: the Open311 api_key, checked by the Open311 handlers (it may come in a POST body).
 */
export type Access = 'public' | 'seat' | 'console' | 'ticket' | 'open311';

export interface RouteSpec {
  method: 'GET' | 'POST';
  path: string;
  access: Access;
  /** Path parameters, validated before the handler runs. */
  params?: z.ZodType<Record<string, string>>;
  query?: z.ZodType;
  /** The JSON answer; absent for files and streams. */
  response?: z.ZodType;
}

// ---- queries ---------------------------------------------------------------------------------------------------

export const TimeRange = z.object({ from: z.coerce.number().int().optional(), to: z.coerce.number().int().optional() });

export const CaseQuery = TimeRange.extend({
  q: z.string().trim().max(100).optional(),
  grid: Id.optional(),
  source: CaseSource.optional(),
  department: Department.optional(),
  state: CaseState.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export type CaseQuery = z.infer<typeof CaseQuery>;

/** GET /api/geocode: where the gazetteer places an address (the console's intake, before it is sent). */
export const GeocodeQuery = z.object({ address: z.string().max(MAX_ADDRESS_LENGTH, `an address has at most ${MAX_ADDRESS_LENGTH} characters`) });
export const GeocodeAnswer = z.discriminatedUnion('match', [
  z.object({ match: z.enum(['exact', 'fuzzy', 'interpolated', 'landmark']), point: z.object({ lon: z.number(), lat: z.number() }), gridId: Id, standardAddress: z.string(), score: z.number(), reason: z.string() }),
  z.object({ match: z.literal('unmatched'), code: z.enum(UNMATCHED_CODES), reason: z.string() }),
]);
export type GeocodeAnswer = z.infer<typeof GeocodeAnswer>;

/** A Beijing calendar day YYYY-MM-DD. */
export const CalendarDate = z.string().refine((s) => beijingDay(s) !== undefined, 'not a calendar date YYYY-MM-DD');

/** Longest period /api/kpi answers for: a year (a leap year's 366 days). */
export const KPI_MAX_DAYS = 366;
export const KPI_UNIT_GROUPS = ['grid', 'department', 'source', 'category'] as const;
export const KPI_PERIOD_GROUPS = ['day', 'week', 'month'] as const;

const daySpan = (q: { from: string; to: string }) => {
  const [first, last] = [beijingDay(q.from), beijingDay(q.to)];
  return first && last ? { from: first.from, to: last.to } : undefined;
};

export const KpiQuery = z
  .object({
    /** First and last Beijing calendar day, both included. */
    from: CalendarDate,
    to: CalendarDate,
    groupBy: z.enum([...KPI_UNIT_GROUPS, ...KPI_PERIOD_GROUPS]).optional(),
    rankBy: z.enum(KPI_NAMES).optional(),
    /** 1: include the case ids behind every numerator and denominator (drill-down). */
    ids: z.enum(['0', '1']).optional(),
  })
  .strict()
  // zod runs these even when a date failed above: a period that is not there is left to that error.
  .refine((q) => !daySpan(q) || daySpan(q)!.from < daySpan(q)!.to, { message: 'from is after to', path: ['from'] })
  .refine((q) => !daySpan(q) || daySpan(q)!.to - daySpan(q)!.from <= KPI_MAX_DAYS * 86_400_000, { message: `longer than ${KPI_MAX_DAYS} days`, path: ['to'] })
  .refine((q) => !q.rankBy || (KPI_UNIT_GROUPS as readonly string[]).includes(q.groupBy ?? ''), {
    message: `rankBy needs groupBy ${KPI_UNIT_GROUPS.join(', ')}`, path: ['rankBy'],
  });
export type KpiQuery = z.infer<typeof KpiQuery>;

/** The period a KPI query covers, [first day 00:00, day after the last 00:00) Beijing time. */
export const kpiQueryPeriod = (q: { from: string; to: string }) => daySpan(q)!;

export const ReportQuery = z.object({ date: CalendarDate }).strict();

/** An ISO week YYYY-Www (Monday first, Beijing time); a week the year does not have is refused by name. */
export const IsoWeek = z.string().superRefine((s, ctx) => {
  const problem = isoWeekProblem(s);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export const WeeklyReportQuery = z.object({ week: IsoWeek }).strict();

/** Patrol coverage of a day (S-3.4); today when no date is given. */
export const CoverageQuery = z.object({ date: CalendarDate.optional() }).strict();

export const GridImportQuery = z.object({
  partition: z.enum(['cityOps', 'police', 'governance']),
  crs: z.enum(['wgs84', 'gcj02']).default('wgs84'),
  dryRun: z.enum(['0', '1']).default('0'),
});

// ---- answers ---------------------------------------------------------------------------------------------------

// S-9 the audit chain as the hall last checked it (electron/hall/audit-chain.ts).
const seqNo = z.number().int().nonnegative();
export const ChainTrigger = z.enum(['start', 'schedule', 'console']);
export type ChainTrigger = z.infer<typeof ChainTrigger>;
export const ChainRun = z.object({
  trigger: ChainTrigger,
  /** The run checks the rows after `from` up to `target`, the head when it began; `atSeq` is how far it got. */
  from: seqNo, target: seqNo, atSeq: seqNo,
  rowsRead: seqNo,
  startedAt: z.number().int(), finishedAt: z.number().int().nullable(),
  /** The longest the run held the event loop at a time. */
  longestSliceMs: z.number().nonnegative(),
});
export type ChainRun = z.infer<typeof ChainRun>;
/** mismatch: the row's hash is not what its fields make; missing: a row is not there; anchor: the row at the
 *  verified mark no longer carries the hash it was verified with (the chain below was rewritten). */
export const ChainBreakInfo = z.object({ seq: seqNo, reason: z.enum(['mismatch', 'missing', 'anchor']), foundAt: z.number().int() });
export type ChainBreakInfo = z.infer<typeof ChainBreakInfo>;
export const ChainStatus = z.object({
  state: z.enum(['unchecked', 'running', 'intact', 'broken']),
  /** Every row up to here verified (the mark); never past a broken row. */
  verifiedSeq: seqNo,
  headSeq: seqNo,
  broken: ChainBreakInfo.nullable(),
  run: ChainRun.nullable(),
});
export type ChainStatus = z.infer<typeof ChainStatus>;
export const ChainCheckQuery = z.object({ from: z.enum(['mark', 'start']).default('start') }).strict();

/** `ok` is false while the audit chain is broken. */
export const Health = z.object({
  ok: z.boolean(), hallId: z.string(), headSeq: z.number().int(), clients: z.number().int(),
  chain: z.object({ state: ChainStatus.shape.state, verifiedSeq: seqNo, brokenSeq: seqNo.nullable() }),
});
export type Health = z.infer<typeof Health>;

export const MapLayers = z.object({
  police: PoliceAreaCollection,
  governance: GovernanceGridCollection,
  roads: RoadCollection,
  rivers: RiverCollection,
  points: PointCollection,
});
export type MapLayers = z.infer<typeof MapLayers>;

/** The parts of the merge report (common/geo/merge-check.ts) that clients show. */
export const MergeFindings = z.object({
  findings: z.array(
    z.object({
      kind: z.string(),
      partition: z.enum(['cityOps', 'police', 'governance']),
      microId: z.string().nullable(),
      at: Position,
      message: z.string(),
    }),
  ),
});
export type MergeFinding = z.infer<typeof MergeFindings>['findings'][number];

export const KpiFigure = z.object({
  numerator: z.number().int(),
  denominator: z.number().int(),
  rate: z.number().nullable(),
  target: z.number().optional(),
  met: z.boolean().optional(),
  numeratorIds: z.array(z.string()).optional(),
  denominatorIds: z.array(z.string()).optional(),
});
export type KpiFigure = z.infer<typeof KpiFigure>;
const KpiFigures = z.record(z.enum(KPI_NAMES), KpiFigure);

export const KpiAnswer = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  now: z.string(),
  kpis: KpiFigures,
  groups: z.array(z.object({ key: z.string(), label: z.string().optional(), from: z.string().optional(), to: z.string().optional(), kpis: KpiFigures })).optional(),
  ranking: z.array(KpiFigure.extend({ rank: z.number().int(), key: z.string(), label: z.string() })).optional(),
});
export type KpiAnswer = z.infer<typeof KpiAnswer>;

export const PatrolCoverageAnswer = z.object({
  date: z.string(),
  now: z.string(),
  /** The rule the answer follows (common/patrol/coverage-rule.ts), for the screens to state it. */
  rule: z.object({ minDwellMin: z.number(), maxGapS: z.number(), maxSpeedMps: z.number(), dayFrom: z.string(), dayTo: z.string() }),
  /** 巡查覆盖率 of the day and of each part; ids are left out (the grids below say it). */
  figures: z.object({ allDay: KpiFigure, day: KpiFigure, night: KpiFigure }),
  grids: z.array(GridCoverage),
});
export type PatrolCoverageAnswer = z.infer<typeof PatrolCoverageAnswer>;

/** The site's patrol task lists by grid kind; none (source null) when the site has not set them. */
export const PatrolTasksAnswer = z.object({ source: z.string().nullable(), lists: z.array(PatrolTaskList) });
export type PatrolTasksAnswer = z.infer<typeof PatrolTasksAnswer>;

export const CameraStreams = z.object({ cameras: z.array(z.object({ id: z.string(), stream: z.string().startsWith('/api/cameras/') })) });

const CaseId = z.object({ caseId: Id });
const ReportFormat = z.object({ format: z.enum(['xlsx', 'pdf']) });

// ---- the duty roster and the shift handover (S-3.2) -------------------------------------------------------------

/** dryRun=1: check the file and answer what it would set, store nothing. */
export const RosterImportQuery = z.object({
  dryRun: z.enum(['0', '1']).default('0'),
  /** The file's name, kept with the change on the record. */
  name: z.string().trim().max(200).optional(),
}).strict();

/** One problem of a refused roster file: its row as numbered in the file (null: the file as a whole), its column. */
export const RosterProblem = z.object({ row: z.number().int().nullable(), column: z.string().nullable(), message: z.string() });
export type RosterProblem = z.infer<typeof RosterProblem>;

export const RosterImportAnswer = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), stored: z.boolean(), rows: z.number().int(), dates: z.number().int(), first: z.string(), last: z.string() }),
  /** Nothing was stored; `count` problems in all, the first of them listed. */
  z.object({ ok: z.literal(false), stored: z.literal(false), problems: z.array(RosterProblem), count: z.number().int() }),
]);
export type RosterImportAnswer = z.infer<typeof RosterImportAnswer>;

const ProblemId = z.object({ problemId: Id });

// ---- emergencies (S-6.3, S-6.5, S-6.6) ----------------------------------------------------------------------

/** An episode by the log sequence of the switch that began it. */
const EpisodeParam = z.object({ episode: z.string().regex(/^[1-9]\d{0,15}$/, 'an episode is the sequence number of its first switch') });
export const SituationListQuery = z.object({ episode: z.coerce.number().int().positive().optional() }).strict();

/** POST /api/warnings: one CAP 1.2 document as the body; `file` names the file imported at the console. */
export const WarningQuery = z.object({ file: z.string().trim().min(1).max(200).optional() }).strict();
export const WarningAnswer = z.discriminatedUnion('ok', [
  /** Taken: stored, unless the same message (sender, identifier, sent) was already (`duplicate`). */
  z.object({ ok: z.literal(true), stored: z.boolean(), duplicate: z.boolean(), identifier: z.string(), covers: z.boolean(), outcome: WarningOutcome.nullable() }),
  /** Refused, nothing stored: the parser's code (parse-cap.ts CapRefusalCode) and its reason, where in the file. */
  z.object({ ok: z.literal(false), stored: z.literal(false), code: z.string(), reason: z.string(), line: z.number().int(), column: z.number().int() }),
]);
export type WarningAnswer = z.infer<typeof WarningAnswer>;

// ---- command modes (S-6.2) --------------------------------------------------------------------------------------

/** One switch of the command mode, as the log holds it: when, from which seat, by whom, to what and why. */
export const ModeHistoryEntry = ModeSwitch.extend({ seq: z.number().int().positive(), at: z.number().int(), seat: Id.nullable(), officer: Officer.optional() });
export type ModeHistoryEntry = z.infer<typeof ModeHistoryEntry>;

// ---- typhoon tracks (S-6.5) ------------------------------------------------------------------------------------

/** The file's name, kept with the import on the record. */
export const TyphoonImportQuery = z.object({ name: z.string().trim().max(200).optional() }).strict();

export const TyphoonImportAnswer = z.discriminatedUnion('ok', [
  /** Every storm of the file, stored (one typhoon.imported event each, in one transaction). */
  z.object({ ok: z.literal(true), stored: z.literal(true), storms: z.array(z.object({ id: TyphoonId, name: z.string(), fixes: z.number().int() })) }),
  /** Nothing was stored. */
  z.object({ ok: z.literal(false), stored: z.literal(false), error: z.string() }),
]);
export type TyphoonImportAnswer = z.infer<typeof TyphoonImportAnswer>;

// ---- gauges (S-6.5) ---------------------------------------------------------------------------------------------

/** POST /api/gauges: readings as the district link carries them (upstream-protocol.ts GaugeReading). */
export const GaugePost = z.object({ readings: z.array(GaugeReading).min(1, 'no readings').max(500) }).strict();
export const GaugePostAnswer = z.object({
  stored: z.number().int(), duplicates: z.number().int(), crossed: z.number().int(),
  refused: z.array(z.object({ index: z.number().int(), gaugeId: z.string(), reason: z.string() })),
});
export type GaugePostAnswer = z.infer<typeof GaugePostAnswer>;

// ---- the routes ------------------------------------------------------------------------------------------------

export const ROUTES = {
  health: { method: 'GET', path: '/healthz', access: 'public', response: Health },
  grids: { method: 'GET', path: '/api/grids', access: 'seat', response: GridFeatureCollection },
  layers: { method: 'GET', path: '/api/layers', access: 'seat', response: MapLayers },
  gridCheck: { method: 'GET', path: '/api/grids/check', access: 'seat', response: MergeFindings },
  gridImport: { method: 'POST', path: '/api/grids/import', access: 'console', query: GridImportQuery },
  cases: { method: 'GET', path: '/api/cases', access: 'seat', query: CaseQuery, response: z.array(CaseView) },
  geocode: { method: 'GET', path: '/api/geocode', access: 'seat', query: GeocodeQuery, response: GeocodeAnswer },
  caseEvents: { method: 'GET', path: '/api/cases/:caseId/events', access: 'seat', params: CaseId, response: z.array(HallEvent) },
  problemEvents: { method: 'GET', path: '/api/problems/:problemId/events', access: 'console', params: ProblemId, response: z.array(HallEvent) },
  auditChain: { method: 'GET', path: '/api/audit/chain', access: 'console', response: ChainStatus },
  auditChainCheck: { method: 'POST', path: '/api/audit/chain/check', access: 'console', query: ChainCheckQuery, response: ChainStatus },
  forceTrack: {
    method: 'GET', path: '/api/forces/:forceId/track', access: 'seat', params: z.object({ forceId: z.string().regex(/^[\w-]{1,20}$/) }),
    query: TimeRange, response: z.array(ForcePosition),
  },
  kpi: { method: 'GET', path: '/api/kpi', access: 'seat', query: KpiQuery, response: KpiAnswer },
  dailyReport: { method: 'GET', path: '/api/reports/daily.:format', access: 'console', params: ReportFormat, query: ReportQuery },
  weeklyReport: { method: 'GET', path: '/api/reports/weekly.:format', access: 'console', params: ReportFormat, query: WeeklyReportQuery },
  rosterImport: { method: 'POST', path: '/api/roster/import', access: 'console', query: RosterImportQuery, response: RosterImportAnswer },
  rosterTemplate: { method: 'GET', path: '/api/roster/template.:format', access: 'console', params: z.object({ format: z.enum(['csv', 'xlsx']) }) },
  handovers: { method: 'GET', path: '/api/handovers', access: 'console', response: z.array(HandoverRecord) },
  handoverPdf: { method: 'GET', path: '/api/handovers/:key.pdf', access: 'console', params: z.object({ key: z.string().regex(SHIFT_KEY) }) },
  situationReports: { method: 'GET', path: '/api/situation-reports', access: 'console', query: SituationListQuery, response: z.array(SituationReportRef) },
  /** 灾情快报 on demand: issued now (an event, numbered with the scheduled ones); 409 outside emergency command. */
  situationReportIssue: { method: 'POST', path: '/api/situation-reports', access: 'console', response: SituationReportRef },
  situationReportFile: { method: 'GET', path: '/api/situation-reports/:reportId.:format', access: 'console', params: z.object({ reportId: Id, ...ReportFormat.shape }) },
  warningIngest: { method: 'POST', path: '/api/warnings', access: 'console', query: WarningQuery, response: WarningAnswer },
  emergencies: { method: 'GET', path: '/api/emergencies', access: 'console', response: z.array(EmergencyEpisode) },
  modeHistory: { method: 'GET', path: '/api/modes/history', access: 'console', response: z.array(ModeHistoryEntry) },
  emergencyReview: { method: 'GET', path: '/api/emergencies/:episode/review', access: 'console', params: EpisodeParam, response: Review },
  emergencyReviewFile: { method: 'GET', path: '/api/emergencies/:episode/review.:format', access: 'console', params: EpisodeParam.extend(ReportFormat.shape) },
  /** CMA best track text or the operational track JSON as the body (≤ 2 MB). */
  typhoonImport: { method: 'POST', path: '/api/typhoons', access: 'console', query: TyphoonImportQuery, response: TyphoonImportAnswer },
  typhoons: { method: 'GET', path: '/api/typhoons', access: 'seat', response: z.array(StoredTyphoon) },
  cameras: { method: 'GET', path: '/api/cameras', access: 'seat', response: CameraStreams },
  gauges: { method: 'GET', path: '/api/gauges', access: 'seat', response: z.array(GaugeView) },
  gaugePost: { method: 'POST', path: '/api/gauges', access: 'console', response: GaugePostAnswer },
  patrolCoverage: { method: 'GET', path: '/api/patrol/coverage', access: 'seat', query: CoverageQuery, response: PatrolCoverageAnswer },
  patrolTasks: { method: 'GET', path: '/api/patrol/tasks', access: 'seat', response: PatrolTasksAnswer },
  cameraStream: { method: 'GET', path: '/api/cameras/:cameraId/stream', access: 'ticket', params: z.object({ cameraId: z.string().regex(/^[\w.-]{1,32}$/) }) },
  open311Services: { method: 'GET', path: '/open311/v2/services.json', access: 'public' },
  open311Requests: { method: 'GET', path: '/open311/v2/requests.json', access: 'open311' },
  open311Post: { method: 'POST', path: '/open311/v2/requests.json', access: 'open311' },
  open311Request: { method: 'GET', path: '/open311/v2/requests/:requestId.json', access: 'open311', params: z.object({ requestId: z.string().min(1).max(80) }) },
} as const satisfies Record<string, RouteSpec>;
export type RouteName = keyof typeof ROUTES;

type ParamsOf<R extends RouteName> = (typeof ROUTES)[R] extends { params: z.ZodType<infer P> } ? P : Record<string, never>;

/** The request path of a route, with its parameters filled in and the query appended. */
export function apiPath<R extends RouteName>(route: R, params: ParamsOf<R>, query?: Record<string, string | number | undefined>): string {
  const path = ROUTES[route].path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent((params as Record<string, string>)[name] ?? ''));
  const defined = Object.entries(query ?? {}).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]]));
  return defined.length ? `${path}?${new URLSearchParams(defined)}` : path;
}

/** The path's parameters when it matches the pattern (decoded, not yet validated); null when it does not. */
export function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  const names: string[] = [];
  const source = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:(\w+)/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  const match = new RegExp(`^${source}$`).exec(pathname);
  if (!match) return null;
  try {
    return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1]!)]));
  } catch {
    return null;
  }
}
