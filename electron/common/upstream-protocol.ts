// The upstream protocol between a street's hall and the district platform (S-7.1; described in
// docs/upstream-protocol.md). One websocket, opened by the hall. Each direction numbers its messages (`seq`,
// strictly increasing per direction, never reused) and each side acknowledges, cumulatively, what it has
// durably stored; on every (re)connect both resume from the other side's acknowledgement, so nothing
// acknowledged is lost and nothing is applied twice (every message also carries an idempotency key). Both ends
// parse with these schemas; nothing crosses unvalidated.
import { z } from 'zod';
import { CaseAction, CaseDraft, CaseSource, CaseState, Id, LonLat } from './domain/case-model.ts';

export const UPSTREAM_PROTOCOL_VERSION = 1;
export const UPSTREAM_PATH = '/upstream';

/** The socket address for a configured district: http(s) becomes ws(s); a bare host gets the upstream path. */
export function upstreamSocketUrl(configured: string): string {
  const url = new URL(configured);
  url.protocol = url.protocol.replace(/^http/, 'ws');
  if (url.pathname === '/' || url.pathname === '') url.pathname = UPSTREAM_PATH;
  return url.toString();
}
/** Both sides send a heartbeat this often; a link silent for UPSTREAM_DEAD_MS is dead (offline within 3 s). */
export const UPSTREAM_HEARTBEAT_MS = 1_000;
export const UPSTREAM_DEAD_MS = 3_000;
/** Largest frame either side accepts. */
export const UPSTREAM_MAX_FRAME_BYTES = 512 * 1024;

const seq = z.number().int().positive();
const cursor = z.number().int().nonnegative();
/** A moment on the link, in ms since 1970: one between 2000 and 2100. A ticket dated in year −285,000 would
 *  pass as an integer and land in the hall's log as a case of that year. */
const time = z.number().int().min(Date.UTC(2000, 0, 1), 'a time before 2000').max(Date.UTC(2100, 0, 1), 'a time after 2100');
const text = (max: number) => z.string().trim().max(max);
/** The district's ticket number, e.g. 12345 work orders' 2412160001234. */
export const TicketNo = z.string().regex(/^[\w-]{1,40}$/, 'a ticket number is 1-40 letters, digits, _ or -');

// ---- district → hall (down) ---------------------------------------------------------------------------------

/** A ticket from the district (12345 / 12319 / 110 non-police): with an address, not coordinates (S-4.1b). */
export const Ticket = z.object({
  ticketNo: TicketNo,
  source: CaseSource.extract(['hotline12345', 'hotline12319', 'nonpolice110']),
  title: text(200).min(1),
  description: text(4000).default(''),
  address: text(200).min(1, 'a ticket has an address'),
  category: text(50).min(1),
  urgency: text(32).min(1),
  reportedAt: time,
  dueAt: time.optional(),
});
export type Ticket = z.infer<typeof Ticket>;

export const GaugeReading = z.object({
  gaugeId: z.string().regex(/^[\w.-]{1,40}$/),
  kind: z.enum(['tide', 'river', 'rain']),
  /** Metres above datum for tide and river gauges, millimetres in the last hour for rain gauges. */
  value: z.number().finite(),
  at: time,
});

export const DownBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ticket.new'), ticket: Ticket }),
  /** The district changed a ticket: later deadline, more description (fields absent are unchanged). */
  z.object({ kind: z.literal('ticket.update'), ticketNo: TicketNo, at: time, dueAt: time.optional(), description: text(4000).optional(), urgency: text(32).optional() }),
  z.object({ kind: z.literal('ticket.cancel'), ticketNo: TicketNo, at: time, reason: text(500).min(1) }),
  /** The district's number for a case the hall reported (the hall's provisional number is replaced). */
  z.object({ kind: z.literal('case.numbered'), caseId: Id, ticketNo: TicketNo }),
  z.object({ kind: z.literal('cap.alert'), xml: z.string().max(UPSTREAM_MAX_FRAME_BYTES) }),
  z.object({ kind: z.literal('gauge.readings'), readings: z.array(GaugeReading).max(500) }),
  z.object({ kind: z.literal('force.positions'), positions: z.array(z.object({ id: z.string().regex(/^[\w-]{1,20}$/), ...LonLat.shape, at: time })).max(2000) }),
]);
export type DownBody = z.infer<typeof DownBody>;

/** A Beijing day's assessment figures: each KPI's rate, numerator and denominator (`closure`, `closure.numerator` …). */
export const DailyFigures = z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), figures: z.record(z.string().max(60), z.number().nullable()) });

// ---- hall → district (up) -----------------------------------------------------------------------------------

export const UpBody = z.discriminatedUnion('kind', [
  /** A case the hall took in itself (console, desk, Open311): the district numbers it (case.numbered). */
  z.object({ kind: z.literal('case.new'), caseId: Id, provisionalNo: z.string().max(40), draft: CaseDraft, at: time }),
  /** A step of a case's lifecycle, whoever's case it is; `ticketNo` once the district has one for it. */
  z.object({
    kind: z.literal('case.step'), caseId: Id, ticketNo: TicketNo.optional(), act: CaseAction, from: CaseState, to: CaseState, at: time,
    by: z.object({ seat: Id.nullable(), officer: z.string().max(80).nullable() }),
  }),
  /** The daily report's figures (S-7.1 outbound reports). */
  z.object({ kind: z.literal('report.daily'), ...DailyFigures.shape }),
]);
export type UpBody = z.infer<typeof UpBody>;

// ---- frames -------------------------------------------------------------------------------------------------

export const UpstreamFrame = z.discriminatedUnion('type', [
  /** Hall → district, first frame: who, and the last down seq the hall has stored. */
  z.object({ type: z.literal('hello'), protocol: z.number().int(), hallId: Id, token: z.string().min(8).max(200), ackedDown: cursor }),
  /** District → hall: accepted, and the last up seq the district has stored (the hall resends after it). */
  z.object({
    type: z.literal('welcome'), districtId: Id, ackedUp: cursor, serverTime: time,
    /** A simulator (S-7.6), not the real platform: what it sends is demo data, and the hall marks it so. */
    simulated: z.boolean().default(false),
  }),
  z.object({ type: z.literal('up'), seq, key: z.string().min(3).max(120), body: UpBody }),
  z.object({ type: z.literal('down'), seq, key: z.string().min(3).max(120), body: DownBody }),
  /** Cumulative: every message of that direction up to `seq` is stored by the sender of the ack. */
  z.object({ type: z.literal('ack'), dir: z.enum(['up', 'down']), seq: cursor }),
  /** The district will not take this up message: 4xx never retried (a person looks), 5xx retried later. */
  z.object({ type: z.literal('refuse'), seq, status: z.number().int().min(400).max(599), reason: text(500) }),
  z.object({ type: z.literal('heartbeat'), at: time }),
  z.object({ type: z.literal('error'), reason: text(500) }),
]);
export type UpstreamFrame = z.infer<typeof UpstreamFrame>;

/** Parses a raw frame; the error names what is wrong. */
export function parseUpstreamFrame(raw: string): { ok: true; frame: UpstreamFrame } | { ok: false; reason: string } {
  if (raw.length > UPSTREAM_MAX_FRAME_BYTES) return { ok: false, reason: `frame of ${raw.length} bytes is over ${UPSTREAM_MAX_FRAME_BYTES}` };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { ok: false, reason: 'frame is not valid JSON' };
  }
  const parsed = UpstreamFrame.safeParse(data);
  if (parsed.success) return { ok: true, frame: parsed.data };
  const issue = parsed.error.issues[0]!;
  return { ok: false, reason: `${issue.path.length ? issue.path.join('.') : '(frame)'}: ${issue.message}` };
}
