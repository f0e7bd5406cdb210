// The one LAN protocol between the hall core and every console, desk and wall. Both sides parse with these
// schemas; nothing crosses the wire unvalidated. Every message carries `seq`, the sender's per-connection
// message counter; hall events additionally carry their log sequence (`event.seq`), which is what clients
// resume from.
import { z } from 'zod';

export const PROTOCOL_VERSION = 1;
/** Largest frame the hall accepts from a LAN client; larger frames close the socket with code 1009. */
export const MAX_CLIENT_FRAME_BYTES = 64 * 1024;
export const WS_PATH = '/ws';
export const HEARTBEAT_MS = 5_000;
/** A client that heard nothing for this long treats the link as dead and reconnects. */
export const LINK_DEAD_MS = HEARTBEAT_MS * 3;

export const Role = z.enum(['console', 'desk', 'wall']);
export type Role = z.infer<typeof Role>;

export const Department = z.enum(['command', 'police', 'urban', 'market', 'other']);
export type Department = z.infer<typeof Department>;

export const Origin = z.enum(['hall', 'upstream', 'desk']);
export type Origin = z.infer<typeof Origin>;

/** S-4.1 case sources. */
export const CaseSource = z.enum(['hotline12345', 'nonpolice110', 'hotline12319', 'patrol', 'video', 'qr', 'walkin']);
export type CaseSource = z.infer<typeof CaseSource>;

export const Urgency = z.enum(['urgent', 'general']);
export type Urgency = z.infer<typeof Urgency>;

/** S-4.2 lifecycle states. */
export const CaseState = z.enum([
  'reported', 'registered', 'rejected', 'dispatched', 'onScene', 'handled', 'verified', 'closed', 'evaluated',
  'returned', 'escalated', 'suspended', 'reopened',
]);
export type CaseState = z.infer<typeof CaseState>;

const seq = z.number().int().nonnegative();
const text = (max: number) => z.string().trim().max(max);
const id = z.string().min(1).max(64).regex(/^[\w.:-]+$/, 'only letters, digits, _ . : -');

export const LonLat = z.object({
  lon: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
});
export type LonLat = z.infer<typeof LonLat>;

/** What an operator fills in at intake. */
export const CaseDraft = z.object({
  title: text(200).min(1, 'title is empty'),
  description: text(4000).default(''),
  source: CaseSource,
  urgency: Urgency,
  category: text(50).min(1, 'category is empty'),
  address: text(200).default(''),
  location: LonLat.optional(),
  gridId: id.optional(),
});
export type CaseDraft = z.infer<typeof CaseDraft>;

export const CaseView = CaseDraft.extend({
  id,
  /** Human number shown in queues: the log sequence of the creating event. */
  no: z.number().int().positive(),
  state: CaseState,
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
  createdBySeat: id.nullable(),
});
export type CaseView = z.infer<typeof CaseView>;

const eventBase = {
  seq: z.number().int().positive(),
  id: z.string().min(1).max(80),
  origin: Origin,
  at: z.number().int(),
  seat: id.nullable(),
};
export const HallEvent = z.discriminatedUnion('type', [
  z.object({ ...eventBase, type: z.literal('case.created'), payload: CaseView }),
]);
export type HallEvent = z.infer<typeof HallEvent>;
export type HallEventType = HallEvent['type'];

export const SeatInfo = z.object({ id, role: Role, department: Department, label: text(60) });
export type SeatInfo = z.infer<typeof SeatInfo>;

// ---- client → hall -------------------------------------------------------------------------------------------

export const Hello = z.object({
  type: z.literal('hello'),
  seq,
  protocol: z.number().int(),
  role: Role,
  seatId: id,
  token: z.string().min(8).max(128),
  /** Log sequence of the last event this client holds; absent on a first connect. */
  resumeFrom: seq.optional(),
});

export const Command = z.discriminatedUnion('kind', [z.object({ kind: z.literal('case.create'), draft: CaseDraft })]);
export type Command = z.infer<typeof Command>;

export const CommandMessage = z.object({
  type: z.literal('command'),
  seq,
  /** Chosen by the client and reused on retry: the hall's idempotency key. */
  commandId: z.string().min(8).max(80).regex(/^[\w-]+$/),
  command: Command,
});

export const ClientMessage = z.discriminatedUnion('type', [Hello, CommandMessage]);
export type ClientMessage = z.infer<typeof ClientMessage>;
export type ClientMessageBody = DistributiveOmit<ClientMessage, 'seq'>;

// ---- hall → client -------------------------------------------------------------------------------------------

export const ErrorCode = z.enum([
  'bad-json', 'bad-message', 'unknown-type', 'not-authenticated', 'bad-credential', 'protocol-version',
  'forbidden', 'invalid-command', 'slow-client', 'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ServerMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('welcome'), seq, hallId: id, seat: SeatInfo, headSeq: seq, serverTime: z.number().int() }),
  z.object({ type: z.literal('snapshot'), seq, atSeq: seq, cases: z.array(CaseView) }),
  z.object({ type: z.literal('event'), seq, event: HallEvent }),
  z.object({ type: z.literal('ack'), seq, commandId: z.string(), eventSeq: seq, duplicate: z.boolean() }),
  z.object({ type: z.literal('reject'), seq, commandId: z.string(), code: ErrorCode, message: z.string() }),
  z.object({ type: z.literal('heartbeat'), seq, at: z.number().int(), headSeq: seq }),
  z.object({ type: z.literal('error'), seq, code: ErrorCode, message: z.string() }),
]);
export type ServerMessage = z.infer<typeof ServerMessage>;
export type ServerMessageBody = DistributiveOmit<ServerMessage, 'seq'>;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Turns a zod failure into one line that names the field and the problem. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.length ? i.path.join('.') : '(message)'}: ${i.message}`)
    .join('; ');
}

/** Parses a raw client frame; the error names what is wrong, for the `error` reply. */
export function parseClientFrame(raw: string): { ok: true; message: ClientMessage } | { ok: false; code: ErrorCode; message: string } {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { ok: false, code: 'bad-json', message: 'frame is not valid JSON' };
  }
  const type = typeof data === 'object' && data !== null ? (data as { type?: unknown }).type : undefined;
  if (type !== 'hello' && type !== 'command') {
    return { ok: false, code: 'unknown-type', message: `unknown message type ${JSON.stringify(type ?? null)}` };
  }
  const parsed = ClientMessage.safeParse(data);
  return parsed.success
    ? { ok: true, message: parsed.data }
    : { ok: false, code: 'bad-message', message: `${type}: ${describeIssues(parsed.error)}` };
}
