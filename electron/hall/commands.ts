// Turns a validated LAN command from an authenticated seat into an event of the log, or refuses it with a
// reason. Permissions are enforced here, in the hall core, whatever a client's UI offers (S-9).
import type { Gazetteer } from '../common/address/gazetteer.ts';
import { placeDraft } from '../common/address/placement.ts';
import { switchRefusal, type ModeState } from '../common/domain/command-mode.ts';
import { commandTransfer, type EmergencyCommand } from '../common/domain/emergency-command.ts';
import type { ConflictView } from '../common/reconcile/conflict-model.ts';
import { WALL_PRESETS } from '../common/domain/wall-model.ts';
import { newCase } from '../common/domain/case-intake.ts';
import { FINISHED_STATES } from '../common/case-window.ts';
import { checkAct } from '../common/domain/case-lifecycle.ts';
import { rosterChangeProblem, rotationProblem } from '../common/domain/roster.ts';
import type { CaseDraft, CaseView, ClientMessage, Command, ErrorCode, ForceView, HallEvent, HandoverRecord, Officer, Origin, SeatInfo } from '../common/protocol.ts';
import type { SiteRules } from '../common/site/site-config.ts';
import type { AppendSpec, Appended, EventLog } from './event-log.ts';
import { uuidv7 } from './ids.ts';
import { appendPlanSteps, executePlanCommand } from './preplans/plan-commands.ts';
import type { PlanLibrary } from '../common/preplan/plan-activation.ts';
import { executeProblemCommand } from './problem-commands.ts';
import { executeAssetCommand } from './emergency/asset-commands.ts';
import type { AssetPlaces } from '../common/emergency/asset-rules.ts';
import type { Store } from './store/database.ts';
import { seatRow } from './store/seat-table.ts';
import { hasTyphoon } from './store/typhoon-table.ts';

/** `followUps`: events the command brought in its transaction after its own (a mode switch's plan events), sent
 *  to the seats after it. */
export type CommandResult = ({ ok: true; followUps?: Appended[] } & Appended) | { ok: false; code: ErrorCode; message: string };

export const STORE_FAILED: CommandResult = { ok: false, code: 'internal', message: 'the hall could not store this command; nothing was changed' };

export interface CommandContext {
  log: EventLog;
  loadCase(id: string): CaseView | undefined;
  loadForce(id: string): ForceView | undefined;
  /** Who answered the roll call at this seat (S-3.3), if anyone: stamped on what the seat does. */
  officerAt(seatId: string): Officer | null;
  /** The command mode now (S-6). */
  mode(): ModeState;
  /** A reconciliation conflict not yet settled. */
  openConflict(id: string): ConflictView | undefined;
  /** The site's departments and grades: a command naming others is refused. */
  site: SiteRules;
  /** Places a new case by its address, and a point in its micro grid. */
  gazetteer: Gazetteer;
  /** Console seats a commander on the roster can sit at. */
  consoleSeats: readonly string[];
  loadHandover(key: string): HandoverRecord | undefined;
  /** Persistent problems and copies are looked up in the store itself (problem-commands.ts). */
  store: Store;
  /** The site's pre-plans (S-6.3); null or absent: none. */
  plans?: PlanLibrary | null;
  /** Who takes command in an emergency (S-6.2); null or absent: the duty roster commands throughout. */
  emergencyCommand?: EmergencyCommand | null;
  /** The street's flood points, pumps and shelters (S-6.5); absent: none. */
  places?: AssetPlaces;
  now(): number;
}

type EventOf<T extends HallEvent['type']> = Extract<HallEvent, { type: T }>;
const NO_PLACES: AssetPlaces = { floodPoints: new Map(), pumps: new Map(), shelters: new Map() };
const refuse = (code: ErrorCode, message: string): CommandResult => ({ ok: false, code, message });

/** A new case in state `reported`, from any intake: a seat, the upstream feed, the demo feed. */
/** `drill`: a drill is in force (S-6.7), the case is marked as drill data. */
export function caseCreatedSpec(draft: CaseDraft, by: { origin: Origin; seat: string | null; officer?: Officer; idemKey?: string; at: number; drill?: boolean }): AppendSpec<EventOf<'case.created'>> {
  return {
    type: 'case.created',
    origin: by.origin,
    seat: by.seat,
    ...(by.officer ? { officer: by.officer } : {}),
    ...(by.idemKey === undefined ? {} : { idemKey: by.idemKey }),
    payload: (seq) => newCase(draft, { id: uuidv7(by.at), no: seq, at: by.at, seat: by.seat, drill: by.drill }),
  };
}

const originOf = (seat: SeatInfo): Origin => (seat.role === 'desk' ? 'desk' : 'hall');

/** Why a command names a department or grade the site does not have; null when it names none such. */
function unknownToSite(site: SiteRules, command: Command): string | null {
  const departments: string[] = [];
  let urgency: string | undefined;
  if (command.kind === 'case.create') urgency = command.draft.urgency;
  if (command.kind === 'case.act') {
    const act = command.act;
    if (act.action === 'dispatch') departments.push(act.lead, ...act.assisting);
    if (act.action === 'designate') departments.push(act.lead);
  }
  const department = departments.find((d) => !site.hasDepartment(d));
  if (department) return `本中心没有部门 ${department} / no department ${department} at this site`;
  if (urgency !== undefined && !site.grade(urgency)) return `没有紧急程度 ${urgency} / no urgency grade ${urgency} at this site`;
  return null;
}

export function executeCommand(ctx: CommandContext, seat: SeatInfo, commandId: string, command: Command): CommandResult {
  // A sign-in names its officer in itself; everything else carries whoever sits there.
  const officer = command.kind === 'seat.signIn' ? null : ctx.officerAt(seat.id);
  const by = { origin: originOf(seat), seat: seat.id, ...(officer ? { officer } : {}), idemKey: `${seat.id}/${commandId}` };
  const append = <T extends HallEvent['type']>(type: T, payload: EventOf<T>['payload']): CommandResult =>
    ({ ok: true, ...ctx.log.append({ type, ...by, payload: () => payload } as AppendSpec<EventOf<T>>) });
  if (seat.role === 'wall') return refuse('forbidden', '大屏只显示，不能操作 / a wall seat only displays');
  // A retry is answered as the first time, before any check: the state it checked has moved on since.
  const earlier = ctx.log.stored(by.idemKey);
  if (earlier) return { ok: true, ...earlier };
  // A joint desk acts only once an officer has answered the roll call there: every action has a person.
  const needsOfficer = seat.role === 'desk' && command.kind !== 'seat.signIn' && command.kind !== 'case.create';
  if (needsOfficer && !officer) return refuse('forbidden', '请先点名报到 / sign in at the roll call first');
  const unknown = unknownToSite(ctx.site, command);
  if (unknown) return refuse('invalid-command', unknown);
  switch (command.kind) {
    case 'case.create': {
      const { demo: _demo, placement: _placement, ...draft } = command.draft;
      // A case reported at a seat while a drill is in force is drill data (S-6.7).
      return { ok: true, ...ctx.log.append(caseCreatedSpec(placeDraft(ctx.gazetteer, draft), { ...by, at: ctx.now(), drill: ctx.mode().drill })) };
    }
    case 'case.act': {
      const current = ctx.loadCase(command.caseId);
      if (!current) return refuse('invalid-command', `没有事件 ${command.caseId} / no case ${command.caseId}`);
      const check = checkAct(current, command.act, seat, ctx.now(), (d) => ctx.site.department(d).zh);
      if (!check.ok) return refuse('forbidden', check.reason);
      const act = command.act;
      if (act.action === 'dispatch') {
        const unknown = act.forces.find((id) => !ctx.loadForce(id));
        if (unknown) return refuse('invalid-command', `没有力量 ${unknown} / no force ${unknown}`);
      }
      if (act.action === 'amend' && act.location) {
        const gridId = ctx.gazetteer.gridAt([act.location.lon, act.location.lat]);
        if (!gridId) return refuse('invalid-command', `该点不在本街道的网格内 / ${act.location.lon}, ${act.location.lat} is in none of the street's micro grids`);
        return append('case.transitioned', { caseId: current.id, act: { ...act, gridId }, from: current.state, to: check.to });
      }
      if (act.action === 'merge') {
        const target = ctx.loadCase(act.into);
        if (!target || FINISHED_STATES.includes(target.state)) {
          return refuse('invalid-command', `合并目标 ${act.into} 不存在或已办结 / merge target ${act.into} is missing or finished`);
        }
      }
      return append('case.transitioned', { caseId: current.id, act: command.act, from: current.state, to: check.to });
    }
    case 'seat.signIn':
      return append('seat.signedIn', { seatId: seat.id, officer: command.officer });
    case 'seat.signOut':
      return append('seat.signedOut', { seatId: seat.id });
    case 'seat.assign': {
      if (seat.role !== 'console') return refuse('forbidden', '只有指挥台可以调配坐席 / only a console assigns seats');
      const target = seatRow(ctx.store, command.seatId);
      if (!target || target.role !== 'desk') return refuse('invalid-command', `没有坐席 ${command.seatId} / no desk seat ${command.seatId}`);
      if (!ctx.site.hasDepartment(command.department)) return refuse('invalid-command', `没有部门 ${command.department} / no department ${command.department}`);
      if (target.department === command.department) return refuse('invalid-command', `${target.label} 已是该部门坐席 / ${command.seatId} is already that department's`);
      return append('seat.assigned', { seatId: target.id, department: command.department });
    }
    case 'force.setStatus': {
      const force = ctx.loadForce(command.forceId);
      if (!force) return refuse('invalid-command', `没有力量 ${command.forceId} / no force ${command.forceId}`);
      if (seat.role === 'desk' && force.department !== seat.department) {
        return refuse('forbidden', `${force.id} 不属于本部门 / ${force.id} belongs to another department`);
      }
      return append('force.status', { forceId: force.id, status: command.status });
    }
    case 'wall.setLayout':
      if (seat.role !== 'console') return refuse('forbidden', '只有指挥台可以调整大屏 / only a console arranges the wall');
      return append('wall.layout', command.layout);
    case 'typhoon.show':
      if (seat.role !== 'console') return refuse('forbidden', '只有指挥台可以调整大屏 / only a console arranges the wall');
      if (!hasTyphoon(ctx.store, command.typhoonId)) return refuse('invalid-command', `没有导入台风 ${command.typhoonId} / no typhoon ${command.typhoonId} was imported`);
      return append('typhoon.shown', { id: command.typhoonId });
    case 'conflict.settle': {
      if (seat.role !== 'console') return refuse('forbidden', '只有指挥台可以处理冲突 / only a console settles conflicts');
      const open = ctx.openConflict(command.conflictId);
      if (!open) return refuse('invalid-command', `没有待处理的冲突 ${command.conflictId} / no open conflict ${command.conflictId}`);
      return append('conflict.settled', { conflictId: open.conflictId, note: command.note });
    }
    case 'mode.switch': {
      if (seat.role !== 'console') return refuse('forbidden', '只有指挥长可以切换指挥模式 / only the commander switches the command mode');
      const refusal = switchRefusal(ctx.mode(), command.to);
      if (refusal) return refuse('invalid-command', refusal);
      // Every wall follows the mode with its layout preset (S-8.2).
      const transfer = commandTransfer(ctx.mode(), command.to, ctx.emergencyCommand ?? null);
      const switched = append('mode.switched', { ...command.to, layout: WALL_PRESETS[command.to.target.mode] });
      if (!switched.ok) return switched;
      // The handover of command is its own event, keyed from the switch's like the plan's (a retry brings none).
      const handedOver = transfer ? [ctx.log.append({ type: 'command.transferred', ...by, idemKey: `${by.idemKey}/command`, payload: () => transfer })] : [];
      return { ...switched, followUps: [...handedOver, ...appendPlanSteps({ ...ctx, plans: ctx.plans ?? null }, command.to, by)] };
    }
    case 'roster.set': {
      if (seat.role !== 'console') return refuse('forbidden', '只有指挥台可以排班 / only a console sets the roster');
      const rules = { hasDepartment: ctx.site.hasDepartment, consoleSeats: ctx.consoleSeats };
      const problem = command.changes.map((c) => rosterChangeProblem(c, ctx.now(), rules)).find((p) => p !== null);
      if (problem) return refuse('invalid-command', problem);
      return append('roster.set', { changes: command.changes });
    }
    case 'roster.setRotation': {
      if (seat.role !== 'console') return refuse('forbidden', '只有指挥台可以排班 / only a console sets the roster');
      const problem = rotationProblem(command.rotation, { hasDepartment: ctx.site.hasDepartment, consoleSeats: ctx.consoleSeats });
      if (problem) return refuse('invalid-command', problem);
      return append('roster.rotation', command.rotation);
    }
    case 'duty.acknowledgeHandover': {
      if (seat.role !== 'console') return refuse('forbidden', '只有指挥台可以接班 / only a console takes over the command');
      const record = ctx.loadHandover(command.key);
      if (!record) return refuse('invalid-command', `没有交接班 ${command.key} / no handover ${command.key}`);
      if (record.acknowledged) return refuse('invalid-command', `交接班 ${command.key} 已确认 / handover ${command.key} was acknowledged already`);
      return append('duty.handoverAcknowledged', { key: command.key });
    }
    case 'problem.open':
    case 'problem.dismiss':
    case 'problem.link':
    case 'problem.close':
    case 'leader.copy':
    case 'leader.acknowledge':
      return executeProblemCommand(ctx, seat, command, by);
    case 'plan.tick':
      return executePlanCommand({ ...ctx, plans: ctx.plans ?? null }, seat, command, by);
    case 'floodPoint.set':
    case 'pump.set':
    case 'shelter.set':
      return executeAssetCommand({ log: ctx.log, places: ctx.places ?? NO_PLACES }, seat, command, by);
  }
}

/** Commands in one transaction (group commit); a command that fails is rolled back alone and reported. */
export function executeCommands(
  ctx: CommandContext,
  commands: ReadonlyArray<{ seat: SeatInfo; message: Extract<ClientMessage, { type: 'command' }> }>,
  report: (line: string) => void,
): CommandResult[] {
  return ctx.log.batch(() =>
    commands.map(({ seat, message }) => {
      try {
        return executeCommand(ctx, seat, message.commandId, message.command);
      } catch (error) {
        report(`command ${message.commandId} from ${seat.id} failed: ${(error as Error).stack}`);
        return STORE_FAILED;
      }
    }),
  );
}
