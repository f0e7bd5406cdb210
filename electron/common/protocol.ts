// The one LAN protocol between the hall core and every console, desk and wall. Both sides parse with these
// schemas; nothing crosses the wire unvalidated. Every message carries `seq`, the sender's per-connection
// message counter; hall events additionally carry their log sequence (`event.seq`), which is what clients
// resume from.
import { DailyFigures } from './upstream-protocol.ts';
import { z } from 'zod';

export const PROTOCOL_VERSION = 1;
/** Largest frame the hall accepts from a LAN client; larger frames close the socket with code 1009. */
export const MAX_CLIENT_FRAME_BYTES = 64 * 1024;
export const WS_PATH = '/ws';
export const HEARTBEAT_MS = 5_000;
/** A client that heard nothing for this long treats the link as dead and reconnects. */
export const LINK_DEAD_MS = HEARTBEAT_MS * 3;

import { CaseAction, CaseDraft, CaseState, CaseView, Department, Id, Origin, Role } from './domain/case-model.ts';
import { SHIFT_KEY } from './domain/duty.ts';
import { HandoverBrief } from './domain/handover.ts';
import { RosterChange, RosterRotation, RosterSnapshot } from './domain/roster.ts';
import { ForceStatus, ForceView } from './domain/force-model.ts';
import { LeaderAcknowledged, LeaderCopy, ProblemClosed, ProblemCommand, ProblemLinked, ProblemView } from './domain/problem-model.ts';
import { WallLayout } from './domain/wall-model.ts';
import { ModeState, ModeSwitch } from './domain/command-mode.ts';
import { CommandTransfer } from './domain/emergency-command.ts';
import { ConflictRaised, ConflictSettled, ConflictView } from './reconcile/conflict-model.ts';
import { SiteConfig } from './site/site-config.ts';
import { EmergencyEpisode, PlanActivated, PlanClosed, PlanCommand, PlanTicked, PlanView } from './preplan/plan-model.ts';
import { SituationReport, SituationReportRef } from './preplan/situation-model.ts';
import { WarningReceived, WarningView } from './cap/warning-model.ts';
import { StoredTyphoon, TyphoonId } from './typhoon/stored-typhoon.ts';
import { AssetCommand, AssetSnapshot, FloodPointSet, PumpSet, ShelterSet } from './emergency/asset-model.ts';
import { GaugeCrossed, GaugeView } from './emergency/gauge-model.ts';

export * from './domain/case-model.ts';
export * from './domain/force-model.ts';
export * from './domain/problem-model.ts';
export * from './domain/wall-model.ts';

const seq = z.number().int().nonnegative();
const text = (max: number) => z.string().trim().max(max);
const id = Id;

export const SeatInfo = z.object({ id, role: Role, department: Department, label: text(60) });
export type SeatInfo = z.infer<typeof SeatInfo>;

/** Who answered the roll call (点名报到) at a seat: name and police/staff number. */
export const Officer = z.object({ name: text(40).min(1, 'name is empty'), badge: text(20).min(1, 'badge number is empty') });
export type Officer = z.infer<typeof Officer>;

/** The seat plan: every seat and who sits there now (null: empty). */
export const SeatPresence = SeatInfo.extend({ officer: Officer.nullable(), since: z.number().int().nullable() });
export type SeatPresence = z.infer<typeof SeatPresence>;

/** The link to the district platform (S-7.3), as every screen shows it: offline since when, how much waits. */
export const UpstreamState = z.object({
  /** False: this hall has no district link configured (nothing to show). */
  configured: z.boolean(),
  online: z.boolean(),
  since: z.number().int(),
  /** Up messages waiting for the district's acknowledgement. */
  queued: z.number().int().nonnegative(),
  /** Up messages the district refused (4xx): a person looks at them. */
  rejected: z.number().int().nonnegative(),
});
export type UpstreamState = z.infer<typeof UpstreamState>;

/** Live positions: telemetry, not history, so they travel beside the log instead of in it. */
export const ForcePosition = z.object({ id: z.string(), lon: z.number(), lat: z.number(), at: z.number().int() });
export type ForcePosition = z.infer<typeof ForcePosition>;

/** Dates one roster change may touch: the whole settable window (roster.ts ROSTER_WINDOW). */
export const MAX_ROSTER_DATES = 400;
/** Dates a console edit may change in one command (a frame is at most 64 KiB). */
export const MAX_ROSTER_EDIT_DATES = 62;
const ShiftKey = z.string().regex(SHIFT_KEY, 'a shift is YYYY-MM-DD-day or YYYY-MM-DD-night');

/** A handover brief and, once given, the incoming commander's acknowledgement (接班确认). */
export const HandoverRecord = z.object({
  brief: HandoverBrief,
  acknowledged: z.object({ at: z.number().int(), seat: id, officer: Officer.optional() }).nullable(),
});
export type HandoverRecord = z.infer<typeof HandoverRecord>;

const eventBase = {
  seq: z.number().int().positive(),
  id: z.string().min(1).max(80),
  origin: Origin,
  at: z.number().int(),
  seat: id.nullable(),
  /** Who had answered the roll call at the seat when it acted; absent when nobody (or not a seat). */
  officer: Officer.optional(),
};
export const HallEvent = z.discriminatedUnion('type', [
  z.object({ ...eventBase, type: z.literal('case.created'), payload: CaseView }),
  z.object({
    ...eventBase,
    type: z.literal('case.transitioned'),
    payload: z.object({ caseId: id, act: CaseAction, from: CaseState, to: CaseState }),
  }),
  z.object({ ...eventBase, type: z.literal('force.registered'), payload: ForceView }),
  z.object({ ...eventBase, type: z.literal('force.status'), payload: z.object({ forceId: z.string(), status: ForceStatus }) }),
  z.object({ ...eventBase, type: z.literal('seat.signedIn'), payload: z.object({ seatId: id, officer: Officer }) }),
  z.object({ ...eventBase, type: z.literal('seat.signedOut'), payload: z.object({ seatId: id }) }),
  /** S-6.2: the commander gives a desk seat to a department (a flexible seat to a flood-control desk); whoever
   *  answered the roll call there is signed out, and the seat's connections are closed to reconnect as it. */
  z.object({ ...eventBase, type: z.literal('seat.assigned'), payload: z.object({ seatId: id, department: Department }) }),
  z.object({ ...eventBase, type: z.literal('wall.layout'), payload: WallLayout }),
  /** S-6.2: the commander switched the command mode (daily, joint, emergency hazard × level, special event, drill). */
  z.object({ ...eventBase, type: z.literal('mode.switched'), payload: ModeSwitch.extend({ layout: WallLayout }) }),
  /** S-6.2: command handed over with a switch: to the emergency command, or back to the duty roster. */
  z.object({ ...eventBase, type: z.literal('command.transferred'), payload: CommandTransfer }),
  /** S-7.4 reconciliation: the hall found the district and itself disagreeing; a person settles it. */
  z.object({ ...eventBase, type: z.literal('conflict.raised'), payload: ConflictRaised }),
  z.object({ ...eventBase, type: z.literal('conflict.settled'), payload: ConflictSettled }),
  /** S-7.1 outbound reports: a day's figures as the hall sent them up to the district (upstream-protocol.ts). */
  z.object({ ...eventBase, type: z.literal('report.uploaded'), payload: DailyFigures }),
  // The duty roster and the shift handover (S-3.2): every change by a seat or the hall, on the record.
  z.object({ ...eventBase, type: z.literal('roster.set'), payload: z.object({ changes: z.array(RosterChange).max(MAX_ROSTER_DATES), file: text(200).optional() }) }),
  z.object({ ...eventBase, type: z.literal('roster.rotation'), payload: RosterRotation }),
  z.object({ ...eventBase, type: z.literal('duty.handover'), payload: HandoverBrief }),
  z.object({ ...eventBase, type: z.literal('duty.handoverAcknowledged'), payload: z.object({ key: ShiftKey }) }),
  // S-4.7 persistent problems (顽症) and copies to the leader in charge (抄报): domain/problem-model.ts.
  z.object({ ...eventBase, type: z.literal('problem.opened'), payload: ProblemView }),
  z.object({ ...eventBase, type: z.literal('problem.dismissed'), payload: ProblemView }),
  z.object({ ...eventBase, type: z.literal('problem.linked'), payload: ProblemLinked }),
  z.object({ ...eventBase, type: z.literal('problem.closed'), payload: ProblemClosed }),
  z.object({ ...eventBase, type: z.literal('leader.copied'), payload: LeaderCopy }),
  z.object({ ...eventBase, type: z.literal('leader.acknowledged'), payload: LeaderAcknowledged }),
  // S-6.3 pre-plans and S-6.5 situation reports: preplan/plan-model.ts, preplan/situation-model.ts.
  z.object({ ...eventBase, type: z.literal('plan.activated'), payload: PlanActivated }),
  z.object({ ...eventBase, type: z.literal('plan.ticked'), payload: PlanTicked }),
  z.object({ ...eventBase, type: z.literal('plan.closed'), payload: PlanClosed }),
  z.object({ ...eventBase, type: z.literal('situation.reported'), payload: SituationReport }),
  /** S-6.4: a CAP warning came (district link, HTTP or a console import); cap/warning-model.ts. */
  z.object({ ...eventBase, type: z.literal('warning.received'), payload: WarningReceived }),
  /** S-6.5: a typhoon track imported on the console (typhoon/typhoon-import.ts); the same id again replaces it. */
  z.object({ ...eventBase, type: z.literal('typhoon.imported'), payload: StoredTyphoon }),
  /** The commander puts an imported storm on the wall (it becomes the last of the list, as a re-import would). */
  z.object({ ...eventBase, type: z.literal('typhoon.shown'), payload: z.object({ id: TyphoonId }) }),
  // S-6.5 gauges crossing their warning line, and flood points, pumps and shelters as reported: emergency/.
  z.object({ ...eventBase, type: z.literal('gauge.crossed'), payload: GaugeCrossed }),
  z.object({ ...eventBase, type: z.literal('floodPoint.set'), payload: FloodPointSet }),
  z.object({ ...eventBase, type: z.literal('pump.set'), payload: PumpSet }),
  z.object({ ...eventBase, type: z.literal('shelter.set'), payload: ShelterSet }),
]);
export type HallEvent = z.infer<typeof HallEvent>;
export type HallEventType = HallEvent['type'];

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

export const Command = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('case.create'), draft: CaseDraft }),
  z.object({ kind: z.literal('case.act'), caseId: id, act: CaseAction }),
  z.object({ kind: z.literal('seat.signIn'), officer: Officer }),
  z.object({ kind: z.literal('seat.signOut') }),
  /** Console only: a desk seat to a department. */
  z.object({ kind: z.literal('seat.assign'), seatId: id, department: Department }),
  z.object({ kind: z.literal('force.setStatus'), forceId: z.string().max(20), status: ForceStatus }),
  z.object({ kind: z.literal('wall.setLayout'), layout: WallLayout }),
  /** Console only: the storm the wall's typhoon panel and maps show. */
  z.object({ kind: z.literal('typhoon.show'), typhoonId: TyphoonId }),
  z.object({ kind: z.literal('conflict.settle'), conflictId: Id, note: ConflictSettled.shape.note }),
  /** Commander only; the wall takes the mode's layout preset in the same transaction. */
  z.object({ kind: z.literal('mode.switch'), to: ModeSwitch, confirmed: z.literal(true, { error: 'a mode switch must be confirmed' }) }),
  z.object({ kind: z.literal('roster.set'), changes: z.array(RosterChange).min(1).max(MAX_ROSTER_EDIT_DATES) }),
  z.object({ kind: z.literal('roster.setRotation'), rotation: RosterRotation }),
  z.object({ kind: z.literal('duty.acknowledgeHandover'), key: ShiftKey }),
  ...ProblemCommand.options,
  PlanCommand,
  ...AssetCommand.options,
]);
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
  z.object({
    type: z.literal('welcome'), seq, hallId: id, seat: SeatInfo, headSeq: seq, serverTime: z.number().int(),
    /** The site's departments, grades and categories: every screen labels and offers them from here. */
    site: SiteConfig,
    /** The hall runs its demo (feed, seeded history): every screen says so. */
    demo: z.boolean(),
  }),
  z.object({
    type: z.literal('snapshot'), seq, atSeq: seq, cases: z.array(CaseView), forces: z.array(ForceView),
    seats: z.array(SeatPresence), roster: RosterSnapshot, wall: WallLayout,
    /** The command mode now (S-6). */
    mode: ModeState,
    /** Reconciliation conflicts not yet settled (the centre's; empty for desks). */
    conflicts: z.array(ConflictView).default([]),
    /** The latest shift handover; null before the first and for desks (it lists every department's cases). */
    handover: HandoverRecord.nullable(),
    /** Persistent problems and copies to the leader: the centre's (empty for desks). */
    problems: z.array(ProblemView).default([]), copies: z.array(LeaderCopy).default([]),
    /** The pre-plan in force or last closed, its emergency episode, and (the centre's) the episode's situation reports. */
    plan: PlanView.nullable().default(null), episode: EmergencyEpisode.nullable().default(null),
    situationReports: z.array(SituationReportRef).default([]),
    /** The CAP warnings held (in force, or cancels waiting for theirs), oldest first. */
    warnings: z.array(WarningView).default([]),
    /** Every imported typhoon track, oldest import first. */
    typhoons: z.array(StoredTyphoon).default([]),
    /** Flood points, pumps and shelters as last set, and every gauge's latest readings (S-6.5). */
    assets: AssetSnapshot.default({ floodPoints: [], pumps: [], shelters: [] }),
    gauges: z.array(GaugeView).default([]),
  }),
  z.object({
    type: z.literal('event'), seq, event: HallEvent,
    /** Log sequence of the previous event on this stream: a desk sees only its department's cases, so its
     *  stream skips sequences; a client checks continuity against this, not against seq − 1. */
    prev: seq,
    /** The whole case when it has just become visible to this desk (dispatched to its department). */
    case: CaseView.optional(),
  }),
  z.object({ type: z.literal('positions'), seq, positions: z.array(ForcePosition) }),
  /** Gauge telemetry (S-6.5), beside the log like positions: the gauges whose readings changed. */
  z.object({ type: z.literal('gauges'), seq, gauges: z.array(GaugeView) }),
  z.object({ type: z.literal('ack'), seq, commandId: z.string(), eventSeq: seq, duplicate: z.boolean() }),
  z.object({ type: z.literal('reject'), seq, commandId: z.string(), code: ErrorCode, message: z.string() }),
  z.object({ type: z.literal('heartbeat'), seq, at: z.number().int(), headSeq: seq }),
  /** After the welcome and whenever it changes: the district link's state. */
  z.object({ type: z.literal('upstream'), seq, state: UpstreamState }),
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
