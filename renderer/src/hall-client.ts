// The one link from a window to the hall core: says hello with the seat credential, keeps an in-memory copy
// of the cases this seat may see by replaying hall events through the shared projection, resumes from the
// last event it holds after any drop (no gap, nothing twice), and delivers commands at least once under a
// stable idempotency key. Keeps the forces (with live positions), the seat plan, the duty roster and the latest
// shift handover too.
// No React here: views subscribe to it.
import type { HallBridge } from '../../electron/common/bridge.ts';
import { EMPTY_ROSTER, rosterFromSnapshot, rosterWindow, type Roster } from '../../electron/common/domain/roster.ts';
import { applyHallEvent, emptyHallState, type HallState as HallData } from '../../electron/common/hall-state.ts';
import { keptOnScreens } from '../../electron/common/case-window.ts';
import { DAILY_MODE, type ModeState } from '../../electron/common/domain/command-mode.ts';
import type { ConflictView } from '../../electron/common/reconcile/conflict-model.ts';
import type { EmergencyEpisode, PlanView } from '../../electron/common/preplan/plan-model.ts';
import type { SituationReportRef } from '../../electron/common/preplan/situation-model.ts';
import type { WarningView } from '../../electron/common/cap/warning-model.ts';
import type { StoredTyphoon } from '../../electron/common/typhoon/stored-typhoon.ts';
import type { SiteConfig } from '../../electron/common/site/site-config.ts';
import { assetsFromSnapshot, type FloodPointView, type PumpView, type ShelterView } from '../../electron/common/emergency/asset-model.ts';
import type { GaugeView } from '../../electron/common/emergency/gauge-model.ts';
import { caseVisibleTo } from '../../electron/common/visibility.ts';
import {
  LINK_DEAD_MS, PROTOCOL_VERSION, ServerMessage, WALL_PRESETS, describeIssues,
  type CaseView, type ClientMessageBody, type Command, type ErrorCode, type ForcePosition, type ForceView, type HallEvent,
  type HandoverRecord, type LeaderCopy, type ProblemView, type SeatInfo, type SeatPresence, type UpstreamState, type WallLayout,
} from '../../electron/common/protocol.ts';

export type LinkState = 'connecting' | 'live' | 'offline';

export interface HallState {
  /** 'connecting' only before the first welcome; 'offline' from any drop until the next welcome. */
  link: LinkState;
  seat: SeatInfo | null;
  hallId: string | null;
  /** Unordered; a new array only when a case changed, so views can memoise on it. */
  cases: readonly CaseView[];
  /** Every force, with its latest position; a new array when any changed. */
  forces: readonly ForceView[];
  /** The seat plan with who answered the roll call where. */
  seats: readonly SeatPresence[];
  /** The rotation and what is set in the settable window (a week back, a year ahead). */
  roster: Roster;
  /** The latest shift handover (交接班) and its acknowledgement; always null for a desk. */
  handover: HandoverRecord | null;
  /** The command mode (S-6): every screen follows it. */
  mode: ModeState;
  /** The district link (S-7.3): offline since when and how much waits; null before the hall says. */
  upstream: UpstreamState | null;
  /** Reconciliation conflicts with the district not yet settled (the centre's seats). */
  conflicts: readonly ConflictView[];
  /** What each wall monitor shows (S-8.2). */
  wall: WallLayout;
  /** Persistent problems (顽症), dismissed proposals included, and copies to the leader (抄报): the centre's. */
  problems: readonly ProblemView[];
  copies: readonly LeaderCopy[];
  /** The pre-plan in force or last closed (S-6.3), its emergency episode, and the episode's situation reports (the centre's). */
  plan: PlanView | null;
  episode: EmergencyEpisode | null;
  situationReports: readonly SituationReportRef[];
  /** The CAP warnings held (S-6.4), oldest first: those in force and cancels waiting for theirs (warning-projection.ts). */
  warnings: readonly WarningView[];
  /** Imported typhoon tracks (S-6.5), in import order. */
  typhoons: readonly StoredTyphoon[];
  /** S-6.5: flood points, pumps and shelters as last reported, and every gauge's latest readings (telemetry). */
  floodPoints: readonly FloodPointView[];
  pumps: readonly PumpView[];
  shelters: readonly ShelterView[];
  gauges: readonly GaugeView[];
  /** The site's departments, grades and categories, from the welcome; null before it. */
  site: SiteConfig | null;
  /** The hall runs its demo: every screen shows the demo banner. */
  demo: boolean;
  /** Log sequence of the last event applied (what we resume from). */
  lastEventSeq: number | null;
  /** Epoch ms of the last message from the hall, heartbeats included: how fresh the data is. */
  lastMessageAt: number | null;
  /** Why the link dropped or what the hall last complained about, for the status bar. */
  problem: string | null;
  /** Commands sent (or queued while offline) and not yet answered. */
  pendingCommands: number;
}

export interface CommandAck {
  eventSeq: number;
  duplicate: boolean;
}

export class CommandRejected extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

interface PendingCommand {
  command: Command;
  resolve(ack: CommandAck): void;
  reject(error: Error): void;
}

type Credentials = Pick<HallBridge, 'wsUrl' | 'role' | 'seatId' | 'token'>;

const BACKOFF_FIRST_MS = 300;
const PRUNE_EVERY_MS = 10 * 60_000;
const BACKOFF_MAX_MS = 10_000;

/** Exponential with ±25 % jitter, so a hall restart is not met by every desk in the same millisecond. */
const backoffMs = (attempt: number) => Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** attempt) * (0.75 + Math.random() / 2);

/** getRandomValues, not randomUUID: a desk opening http://<hall-ip>/ is not a secure context. */
function newCommandId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `cmd-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export class HallClient {
  readonly #credentials: Credentials;
  #ws: WebSocket | null = null;
  #outSeq = 0;
  #attempt = 0;
  #data: HallData = emptyHallState();
  #pending = new Map<string, PendingCommand>();
  #listeners = new Set<() => void>();
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #deadTimer: ReturnType<typeof setTimeout> | undefined;
  #pruneTimer: ReturnType<typeof setInterval> | undefined;
  #state: HallState = {
    link: 'connecting', seat: null, hallId: null, cases: [], forces: [], seats: [], roster: EMPTY_ROSTER, handover: null, wall: WALL_PRESETS.daily, mode: DAILY_MODE, upstream: null, conflicts: [], problems: [], copies: [],
    plan: null, episode: null, situationReports: [], warnings: [], typhoons: [], floodPoints: [], pumps: [], shelters: [], gauges: [], site: null, demo: false, lastEventSeq: null,
    lastMessageAt: null, problem: null, pendingCommands: 0,
  };

  constructor(credentials: Credentials) {
    this.#credentials = credentials;
  }

  start(): void {
    if (!this.#ws && this.#retryTimer === undefined) this.#connect();
    if (this.#pruneTimer === undefined) this.#pruneTimer = setInterval(() => this.prune(Date.now()), PRUNE_EVERY_MS);
  }

  /** Lets go of the finished cases screens no longer hold (common/case-window.ts): a window open for months
   *  holds the open cases and a week of finished ones, like a fresh snapshot. */
  prune(now: number): void {
    let dropped = false;
    for (const [id, c] of this.#data.cases) {
      if (!keptOnScreens(c, now)) dropped = this.#data.cases.delete(id) || dropped;
    }
    if (dropped) this.#update(this.#views('cases'));
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  readonly getState = (): HallState => this.#state;

  /** Resolves on the hall's ack, rejects with CommandRejected; survives reconnects (re-sent under the same id). */
  sendCommand(command: Command): Promise<CommandAck> {
    const commandId = newCommandId();
    return new Promise<CommandAck>((resolve, reject) => {
      this.#pending.set(commandId, { command, resolve, reject });
      this.#update({ pendingCommands: this.#pending.size });
      if (this.#ws && this.#state.link === 'live') this.#send(this.#ws, { type: 'command', commandId, command });
    });
  }

  #connect(): void {
    this.#retryTimer = undefined;
    const ws = new WebSocket(this.#credentials.wsUrl);
    this.#ws = ws;
    this.#outSeq = 0;
    this.#armDeadTimer(); // a hall that accepts the socket but never answers is as dead as a silent one
    ws.onopen = () => {
      const { role, seatId, token } = this.#credentials;
      const resumeFrom = this.#state.lastEventSeq;
      this.#send(ws, { type: 'hello', protocol: PROTOCOL_VERSION, role, seatId, token, ...(resumeFrom === null ? {} : { resumeFrom }) });
    };
    ws.onmessage = (e: MessageEvent) => {
      if (ws === this.#ws) this.#onFrame(ws, String(e.data));
    };
    ws.onclose = (e: CloseEvent) => {
      if (ws === this.#ws) this.#drop(`link closed (${e.code}${e.reason ? ` ${e.reason}` : ''})`);
    };
  }

  /** Abandons the current socket and schedules the next attempt; `retryInMs` 0 resyncs at once. */
  #drop(problem: string, retryInMs = backoffMs(this.#attempt++)): void {
    const ws = this.#ws;
    this.#ws = null;
    if (ws) {
      ws.onopen = ws.onmessage = ws.onclose = null;
      ws.close();
    }
    clearTimeout(this.#deadTimer);
    clearTimeout(this.#retryTimer);
    this.#retryTimer = setTimeout(() => this.#connect(), retryInMs);
    this.#update({ link: 'offline', problem });
  }

  #armDeadTimer(): void {
    clearTimeout(this.#deadTimer);
    this.#deadTimer = setTimeout(() => this.#drop(`no message from the hall for ${LINK_DEAD_MS / 1000} s`), LINK_DEAD_MS);
  }

  #send(ws: WebSocket, body: ClientMessageBody): void {
    ws.send(JSON.stringify({ ...body, seq: this.#outSeq++ }));
  }

  #onFrame(ws: WebSocket, raw: string): void {
    this.#armDeadTimer();
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      console.warn('hall: ignored a frame that is not JSON');
      return;
    }
    const parsed = ServerMessage.safeParse(data);
    if (!parsed.success) {
      console.warn(`hall: ignored an invalid message: ${describeIssues(parsed.error)}`);
      return;
    }
    const message = parsed.data;
    const lastMessageAt = Date.now();
    const last = this.#state.lastEventSeq;
    switch (message.type) {
      case 'welcome': {
        if (this.#state.hallId !== null && message.hallId !== this.#state.hallId) {
          // A different hall: our log position means nothing there. Start over with its snapshot.
          this.#data = emptyHallState();
          this.#update({ hallId: null, cases: [], forces: [], seats: [], roster: EMPTY_ROSTER, handover: null, problems: [], copies: [], plan: null, episode: null, situationReports: [], warnings: [], typhoons: [], floodPoints: [], pumps: [], shelters: [], gauges: [], lastEventSeq: null });
          return this.#drop(`now talking to another hall (${message.hallId})`, 0);
        }
        this.#attempt = 0;
        this.#update({ link: 'live', seat: message.seat, hallId: message.hallId, site: message.site, demo: message.demo, problem: null, lastMessageAt });
        for (const [commandId, { command }] of this.#pending) this.#send(ws, { type: 'command', commandId, command });
        return;
      }
      case 'snapshot':
        this.#data = {
          cases: new Map(message.cases.map((c) => [c.id, c])),
          forces: new Map(message.forces.map((f) => [f.id, f])),
          seats: new Map(message.seats.map((s) => [s.id, s])),
          wall: message.wall,
          roster: rosterFromSnapshot(message.roster),
          handover: message.handover,
          problems: new Map(message.problems.map((p) => [p.id, p])),
          copies: new Map(message.copies.map((c) => [c.id, c])),
          mode: message.mode,
          conflicts: new Map(message.conflicts.map((c) => [c.conflictId, c])),
          plan: message.plan, episode: message.episode, situationReports: message.situationReports, warnings: message.warnings,
          typhoons: new Map(message.typhoons.map((t) => [t.id, t])),
          ...assetsFromSnapshot(message.assets),
        };
        return this.#update({
          ...this.#views('cases', 'forces', 'seats', 'roster', 'problems', 'copies', 'conflicts', 'typhoons', 'floodPoints', 'pumps', 'shelters'), gauges: message.gauges, handover: message.handover, wall: message.wall, mode: message.mode,
          plan: message.plan, episode: message.episode, situationReports: message.situationReports, warnings: message.warnings, lastEventSeq: message.atSeq, lastMessageAt,
        });
      case 'event': {
        const seq = message.event.seq;
        if (last !== null && seq <= last) return this.#update({ lastMessageAt }); // already applied
        // A desk's stream skips other departments' events, so continuity is `prev`, not seq − 1.
        if (last === null || message.prev !== last) return this.#drop(`missed events after ${last ?? 'start'}; resyncing`, 0);
        return this.#update({ ...this.#views(...this.#applyEvent(message.event, message.case)), lastEventSeq: seq, lastMessageAt });
      }
      case 'positions':
        this.#applyPositions(message.positions);
        return this.#update({ ...this.#views('forces'), lastMessageAt });
      case 'gauges': {
        const changed = new Map(message.gauges.map((g) => [g.gaugeId, g]));
        const gauges = [...this.#state.gauges.filter((g) => !changed.has(g.gaugeId)), ...changed.values()];
        return this.#update({ gauges, lastMessageAt });
      }
      case 'heartbeat':
        return this.#update({ lastMessageAt });
      case 'upstream':
        return this.#update({ upstream: message.state, lastMessageAt });
      case 'ack':
      case 'reject': {
        const pending = this.#pending.get(message.commandId);
        this.#pending.delete(message.commandId);
        if (message.type === 'ack') pending?.resolve({ eventSeq: message.eventSeq, duplicate: message.duplicate });
        else pending?.reject(new CommandRejected(message.code, message.message));
        return this.#update({ pendingCommands: this.#pending.size, lastMessageAt });
      }
      case 'error':
        console.warn(`hall error ${message.code}: ${message.message}`);
        return this.#update({ problem: `${message.code}: ${message.message}`, lastMessageAt });
    }
  }

  /** Folds an event into the hall data; returns which parts changed. A case that has just become this seat's
   *  arrives whole (`whole`); one that has stopped being visible to it is dropped. */
  #applyEvent(event: HallEvent, whole: CaseView | undefined): Array<keyof HallData> {
    if (whole) {
      this.#data.cases.set(whole.id, whole);
      return ['cases'];
    }
    const changes = applyHallEvent(this.#data, event);
    const seat = this.#state.seat;
    if (changes.case && seat && !caseVisibleTo(seat, changes.case)) this.#data.cases.delete(changes.case.id);
    return [
      ...(changes.case ? ['cases' as const] : []), ...(changes.forces.length ? ['forces' as const] : []),
      ...(changes.seat ? ['seats' as const] : []), ...(changes.wall ? ['wall' as const] : []),
      ...(changes.rosterDays || changes.rotation ? ['roster' as const] : []), ...(changes.handover ? ['handover' as const] : []), ...(changes.mode ? ['mode' as const] : []), ...(changes.conflict ? ['conflicts' as const] : []),
      ...(changes.problem ? ['problems' as const] : []), ...(changes.copy ? ['copies' as const] : []),
      ...(changes.plan ? ['plan' as const] : []), ...(changes.episode ? ['episode' as const] : []), ...(changes.situationReports ? ['situationReports' as const] : []),
      ...(changes.warnings ? ['warnings' as const] : []),
      ...(changes.typhoon ? ['typhoons' as const] : []),
      ...(changes.floodPoint ? ['floodPoints' as const] : []), ...(changes.pump ? ['pumps' as const] : []), ...(changes.shelter ? ['shelters' as const] : []),
    ];
  }

  #applyPositions(fixes: readonly ForcePosition[]): void {
    for (const p of fixes) {
      const force = this.#data.forces.get(p.id);
      if (force && (force.positionAt ?? 0) <= p.at) this.#data.forces.set(p.id, { ...force, position: { lon: p.lon, lat: p.lat }, positionAt: p.at });
    }
  }

  /** Fresh arrays for the parts that changed, so views memoise on identity. */
  #views(...parts: Array<keyof HallData>): Partial<HallState> {
    const views: Partial<HallState> = {};
    for (const part of new Set(parts)) {
      if (part === 'roster') {
        views.roster = this.#rosterView();
        continue;
      }
      const data = this.#data[part];
      (views as Record<string, unknown>)[part] = data instanceof Map ? [...data.values()] : data;
    }
    return views;
  }

  /** A fresh copy for the views, without the dates that have left the settable window since (so what is
   *  held stays a year and a week however long the window is open). */
  #rosterView(): Roster {
    const { first } = rosterWindow(Date.now());
    const days = this.#data.roster.days;
    for (const date of days.keys()) if (date < first) days.delete(date);
    return { rotation: this.#data.roster.rotation, days: new Map(days) };
  }

  #update(patch: Partial<HallState>): void {
    this.#state = { ...this.#state, ...patch };
    for (const listener of this.#listeners) listener();
  }
}
