// What becomes of each case of the demo history (S-1.4), taken through the S-4.2 lifecycle act by act with the
// same rules a console's acts meet (checkAct, applyAct): registered, dispatched to the lead the site's
// responsibility rules name with the nearest free forces on shift (recommendForces), accepted at the lead's
// joint desk, on scene, handled, verified, closed and called back, each at a believable time. Some are
// rejected, returned, escalated, suspended, failed at verification, reopened after an unhappy callback, or
// stuck and overdue. A case's acts stop at the hall's first start: what has not happened by then is left to
// the living hall. Pure and seeded.
//
// Timing. Grades with on-scene and result limits arrive and settle within them in about 94 cases of 100 on a
// calm day: the limit times the profile's on-scene delay over its 94th percentile (a quantile drawn per case),
// a fifth slower on storm days, when most urgent cases come at once. Other grades arrive an hour or so after
// dispatch (the same shape, scaled), and a department without forces on shift comes with the next office
// hours. Verification and callbacks wait for the daytime, except for urgent cases, verified at once. Shares
// (SHARE, STUCK …) are this module's, chosen so the month's KPIs sit near the seeds' targets.
import { DEFAULT_OFFICE_HOURS, officeInterval } from '../../common/domain/office-hours.ts';
import { applyAct, checkAct, type Actor } from '../../common/domain/case-lifecycle.ts';
import { newCase } from '../../common/domain/case-intake.ts';
import { recommendForces } from '../../common/domain/dispatch.ts';
import { dutyModeAt } from '../../common/domain/duty.ts';
import { MINUTE, dayOf } from '../../common/domain/beijing-time.ts';
import { responsibilityFor } from '../../common/domain/responsibility.ts';
import { slaDeadline, slaPolicyFor } from '../../common/domain/sla.ts';
import type { CaseAction, CaseDraft, CaseSource, CaseState, CaseView, Department, DutyRule, ForceView, Officer, Origin, Satisfaction, SeatInfo } from '../../common/protocol.ts';
import type { SiteRules } from '../../common/site/site-config.ts';
import { weighted, type Arrival } from './history-arrivals.ts';
import { quantileValue, type LoadProfile } from './load-profile.ts';

export interface ActedBy { origin: Origin; seat: string | null; officer?: Officer }
export interface PlannedAct { act: CaseAction; at: number; from: CaseState; to: CaseState; by: ActedBy }
export interface PlannedCase { key: string; at: number; draft: CaseDraft; acts: PlannedAct[] }

export interface LifecycleWorld {
  site: SiteRules;
  profile: LoadProfile;
  /** The force registry, at home positions. */
  forces: readonly ForceView[];
  seats: readonly SeatInfo[];
  until: number;
}

const COMPLAINT_SOURCES: readonly CaseSource[] = ['hotline12345', 'hotline12319', 'nonpolice110', 'qr', 'walkin'];
const SHARE = { rejected: 0.02, returned: 0.04, escalated: 0.015, suspended: 0.02, reworked: 0.03, slow: 0.05, calledBack: 0.9, reopened: 0.6 };
/** Cases that stay open for weeks (enforcement procedures, absent owners), by category; others 1 %. */
const STUCK: Readonly<Record<string, number>> = { 违法建筑: 0.15, 群租: 0.1, 物业管理: 0.05 };
const STUCK_OTHERWISE = 0.01;
/** Self-handled (网格自行处置): found on patrol, of a grade without an on-scene limit, and put right by the
 *  first-line patrol itself. */
const SELF_HANDLED = 0.45;
/** Urgent grades meet their limits this often on a calm day (the profile's delays scaled to the limit there). */
const ON_TIME_QUANTILE = 0.94;
const STORM_SLOWDOWN = 1.2;
const SATISFACTION: ReadonlyArray<[Satisfaction, number]> = [['satisfied', 0.83], ['basic', 0.11], ['unsatisfied', 0.06]];
const RESOLVED: Readonly<Record<Satisfaction, number>> = { satisfied: 0.99, basic: 0.9, unsatisfied: 0.45 };
const TEXT = {
  reject: ['重复上报，已有同一问题在办', '不属于城运受理范围，已告知来电人', '现场核实无此问题'],
  return: ['不属于本部门职责，申请退回', '地址有误，现场无法找到，申请退回'],
  escalate: ['超出网格处置能力，提请街道协调', '涉及多个部门，提请上级协调'],
  suspend: ['需产权单位配合，申请延期', '等待配件到货后维修，申请延期'],
  handle: ['已现场处置完毕', '已督促整改到位', '已清理恢复原状', '已维修完成，恢复正常', '已劝离并宣传教育'],
};

const pick = <T>(rand: () => number, items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
const between = (rand: () => number, fromMin: number, toMin: number) => (fromMin + rand() * (toMin - fromMin)) * MINUTE;

/** The first office-time instant at or after t (weekdays); with `everyDay`, the first daytime instant (the
 *  centre's platform staff verify and call back on weekends too). */
export function nextOfficeTime(t: number, everyDay = false): number {
  const hours = everyDay ? { ...DEFAULT_OFFICE_HOURS, weekdays: [0, 1, 2, 3, 4, 5, 6] } : DEFAULT_OFFICE_HOURS;
  for (let day = dayOf(t); day < dayOf(t) + 30; day++) {
    const interval = officeInterval(day, hours);
    if (interval && t < interval[1]) return Math.max(t, interval[0]);
  }
  return t;
}
const nextDaytime = (t: number) => nextOfficeTime(t, true);

/** Which forces are out on a case when: filled in as cases are planned, oldest first. */
export class ForceBookings {
  readonly #busy = new Map<string, Array<readonly [number, number]>>();
  isBusy(id: string, at: number): boolean {
    return (this.#busy.get(id) ?? []).some(([from, to]) => at >= from && at < to);
  }
  book(id: string, from: number, to: number): void {
    this.#busy.set(id, [...(this.#busy.get(id) ?? []), [from, to]]);
  }
}

/** One case on its way through the lifecycle. */
class CaseRun {
  view: CaseView;
  readonly acts: PlannedAct[] = [];
  #t: number;
  #going = true;
  /** Forces sent and not yet released, with since when. */
  readonly #held = new Map<string, number>();

  readonly world: LifecycleWorld;
  readonly bookings: ForceBookings;
  readonly arrival: Arrival;

  constructor(world: LifecycleWorld, bookings: ForceBookings, arrival: Arrival) {
    this.world = world;
    this.bookings = bookings;
    this.arrival = arrival;
    this.view = newCase(arrival.draft, { id: arrival.key, no: 1, at: arrival.at, seat: null });
    this.#t = arrival.at;
  }

  get t(): number { return this.#t; }
  get going(): boolean { return this.#going; }

  /** Takes the act `afterMs` after the last one (at least a second), unless that is past the hall's start. */
  step(make: CaseAction | ((at: number) => CaseAction), afterMs: number, who: 'console' | 'lead' | 'hall'): boolean {
    if (!this.#going) return false;
    const at = this.#t + Math.max(1000, Math.round(afterMs / 1000) * 1000);
    if (at >= this.world.until) {
      this.#going = false;
      return false;
    }
    const act = typeof make === 'function' ? make(at) : make;
    const { actor, by } = this.#actorFor(who, at);
    const check = checkAct(this.view, act, actor, at, (d) => this.world.site.department(d).zh);
    if (!check.ok) throw new Error(`demo history ${this.arrival.key}: ${act.action} from ${this.view.state} refused: ${check.reason}`);
    this.acts.push({ act, at, from: this.view.state, to: check.to, by });
    this.view = applyAct(this.view, act, check.to, at);
    this.#t = at;
    if (act.action === 'dispatch') act.forces.forEach((id) => this.#held.set(id, at));
    if (['handle', 'return', 'suspend', 'close', 'reject'].includes(act.action)) this.release(at);
    return true;
  }

  /** The step at an instant rather than after a delay (never before the last act). */
  stepAt(make: CaseAction | ((at: number) => CaseAction), at: number, who: 'console' | 'lead' | 'hall'): boolean {
    return this.step(make, at - this.#t, who);
  }

  /** Forces go back to the pool; those still out when the history ends stay out. */
  release(at = Infinity): void {
    for (const [id, since] of this.#held) this.bookings.book(id, since, at);
    this.#held.clear();
  }

  #actorFor(who: 'console' | 'lead' | 'hall', at: number): { actor: Actor; by: ActedBy } {
    const console = this.world.seats.find((s) => s.role === 'console');
    const centre: Actor = { role: 'console', department: console?.department ?? 'command' };
    const desk = this.world.seats.find((s) => s.role === 'desk' && s.department === this.view.lead);
    if (who === 'lead' && desk) {
      const officer = deskOfficer(this.world.forces, desk.department, at);
      return { actor: { role: 'desk', department: desk.department }, by: { origin: 'desk', seat: desk.id, ...(officer ? { officer } : {}) } };
    }
    return { actor: centre, by: { origin: 'hall', seat: who === 'hall' || !console ? null : console.id } };
  }
}

/** Who sat at a department's joint desk that day: one of its staff, in turn. */
function deskOfficer(forces: readonly ForceView[], department: Department, at: number): Officer | null {
  const staff = forces.filter((f) => f.department === department);
  if (!staff.length) return null;
  const f = staff[dayOf(at) % staff.length]!;
  return { name: f.name, badge: f.id };
}

/** The case's acts from intake to where it stands at the hall's first start. Once an act would fall after the
 *  start, the run takes no more, so the story below reads straight through. */
export function planLifecycle(world: LifecycleWorld, bookings: ForceBookings, arrival: Arrival, rand: () => number): PlannedCase {
  const run = new CaseRun(world, bookings, arrival);
  const { site, profile } = world;
  const { draft } = arrival;
  const grade = site.grade(draft.urgency);
  const limits = grade?.onSceneMin != null && grade.resultMin != null ? { onScene: grade.onSceneMin * MINUTE, result: grade.resultMin * MINUTE } : null;
  const proactive = !COMPLAINT_SOURCES.includes(draft.source);
  const slow = arrival.storm ? STORM_SLOWDOWN : 1;
  /** The profile's on-scene delay at a random quantile over its ON_TIME_QUANTILE: 1 is "just in time". */
  const delayShape = () => quantileValue(profile.onScene.minutes, rand()) / quantileValue(profile.onScene.minutes, ON_TIME_QUANTILE) * slow;
  const grades = site.site.urgencies.map((u) => u.id);
  const belowDefault = Math.max(0, grades.indexOf(draft.urgency) - grades.indexOf(site.site.defaultUrgency));
  const selfHandled = draft.source === 'patrol' && grade?.onSceneMin == null && rand() < SELF_HANDLED;
  const responsibility = responsibilityFor(draft.category, site.responsibility);

  // Intake: our own patrols file at once, a hotline ticket takes a few minutes to read and place.
  if (rand() < SHARE.rejected) {
    run.step({ action: 'reject', reason: pick(rand, TEXT.reject) }, between(rand, 3, 20), 'console');
    return done(run);
  }
  run.step((at) => ({ action: 'register', ...(site.isUrgent(draft.urgency) ? {} : { dueAt: dueAtOf(run.view, at, site) }) }), proactive ? between(rand, 1, 5) : between(rand, 3, 15), 'console');
  const registeredAt = run.t;
  let lead = responsibility.lead;
  let dutyRule: DutyRule = responsibility.dutyRule ?? 'designated';
  const designate = (to: Department, reason: string, afterMs: number) => {
    lead = to;
    dutyRule = 'designated';
    run.step({ action: 'designate', lead: to, reason }, afterMs, 'console');
  };
  const dispatch = (afterMs: number) => {
    const assisting = dutyRule === 'designated' ? [] : responsibility.assisting;
    run.step((at) => ({ action: 'dispatch', lead: lead!, assisting, dutyRule, forces: chooseForces(world, bookings, run.view, lead!, assisting, at, selfHandled, limits !== null) }), afterMs, 'console');
    // 签收 at the lead's joint desk, where it has one.
    if (world.seats.some((seat) => seat.role === 'desk' && seat.department === lead)) run.step({ action: 'accept' }, limits ? between(rand, 1, 3) : between(rand, 2, 15), 'lead');
  };
  const arrive = () => {
    if (limits) return run.stepAt({ action: 'arrive' }, Math.max(run.t + MINUTE, registeredAt + limits.onScene * delayShape()), 'lead');
    if (selfHandled) return run.step({ action: 'arrive' }, between(rand, 1, 5), 'lead');
    // Without forces on shift, the department's own crew comes with the next office hours.
    const from = run.view.forces.length ? run.t : nextOfficeTime(run.t);
    return run.stepAt({ action: 'arrive' }, from + 60 * (1 + belowDefault) * MINUTE * delayShape(), 'lead');
  };
  const note = pick(rand, TEXT.handle);
  const handle = () => {
    if (limits) return run.stepAt({ action: 'handle', note, attachments: [], selfHandled }, Math.max(run.t + 3 * MINUTE, registeredAt + limits.result * delayShape()), 'lead');
    const afterMs = rand() < SHARE.slow ? between(rand, 24 * 60, 6 * 24 * 60) : between(rand, 15, 90) * (selfHandled ? 0.3 : 1);
    return run.step({ action: 'handle', note, attachments: [], selfHandled }, afterMs, 'lead');
  };
  // Urgent cases are verified on the spot (video, the force's photos); others by daylight.
  const verifyAfter = () => (limits ? between(rand, 2, 10) : nextDaytime(run.t + between(rand, 10, 60)) - run.t + between(rand, 0, 30));
  const verifyAndClose = (closeNote: string) => {
    run.step({ action: 'verify', passed: true, note: '' }, verifyAfter(), 'console');
    run.step({ action: 'close', note: closeNote }, limits ? between(rand, 1, 3) : between(rand, 1, 10), 'console');
  };
  const callBack = (satisfaction: Satisfaction, resolved: boolean) =>
    run.stepAt({ action: 'evaluate', satisfaction, resolved, note: '' }, nextDaytime(run.t + between(rand, 60, 20 * 60)) + between(rand, 0, 120), 'console');

  if (lead === null) designate(designated(site, draft.category, rand), '职责不清，指定主办（首接责任）', limits ? between(rand, 1, 3) : between(rand, 2, 8));
  dispatch(limits ? between(rand, 1, 3) : between(rand, 3, 20));
  // A desk returns, or the centre escalates, what can wait; an urgent case goes out at once and stays out.
  if (!limits && rand() < SHARE.returned) {
    run.step({ action: 'return', reason: pick(rand, TEXT.return) }, between(rand, 10, 60), 'lead');
    // 首接责任: the centre designates a lead (most often the one that returned it) and dispatches again.
    designate(rand() < 0.6 ? lead! : designated(site, draft.category, rand, lead!), '职责交叉，指定主办（首接责任）', between(rand, 5, 20));
    dispatch(between(rand, 2, 10));
  }
  if (!limits && rand() < SHARE.escalated) {
    run.step({ action: 'escalate', reason: pick(rand, TEXT.escalate) }, between(rand, 20, 90), 'console');
    dispatch(between(rand, 10, 30));
  }
  arrive();
  if (!limits && rand() < SHARE.suspended) {
    run.step((at) => ({ action: 'suspend', reason: pick(rand, TEXT.suspend), until: at + Math.round(between(rand, 24 * 60, 4 * 24 * 60) / 1000) * 1000 }), between(rand, 10, 60), 'console');
    // The hall itself resumes it when the date comes (suspension-ends.ts does so for the living hall).
    if (run.going) run.stepAt({ action: 'resume' }, run.view.suspendedUntil!, 'hall');
  }
  if (rand() < (STUCK[draft.category] ?? STUCK_OTHERWISE)) return done(run);
  handle();
  if (rand() < SHARE.reworked) {
    run.step({ action: 'verify', passed: false, note: '复核发现整改不到位，退回重新处置' }, verifyAfter(), 'console');
    run.step({ action: 'arrive' }, between(rand, 30, 120), 'lead');
    run.step({ action: 'handle', note, attachments: [], selfHandled }, between(rand, 20, 60), 'lead');
  }
  verifyAndClose('复核通过，予以结案');
  if (proactive || rand() >= SHARE.calledBack) return done(run);

  // The callback (回访) to whoever complained, by daylight the next day or so; an unhappy one that is not
  // solved may be done again (重办).
  const satisfaction = weighted(rand, SATISFACTION);
  const resolved = rand() < RESOLVED[satisfaction];
  callBack(satisfaction, resolved);
  if (satisfaction === 'unsatisfied' && !resolved && rand() < SHARE.reopened) {
    run.step({ action: 'reopen', reason: '回访不满意，问题仍未解决，重新办理' }, between(rand, 30, 180), 'console');
    dispatch(between(rand, 5, 30));
    arrive();
    handle();
    verifyAndClose('重新办理完毕，予以结案');
    callBack(rand() < 0.7 ? 'satisfied' : 'basic', true);
  }
  return done(run);
}

function done(run: CaseRun): PlannedCase {
  run.release();
  return { key: run.arrival.key, at: run.arrival.at, draft: run.arrival.draft, acts: run.acts };
}

/** The ticket deadline set at registration: the site's working days for the grade (the SLA `due` clock). */
function dueAtOf(view: CaseView, at: number, site: SiteRules): number {
  const registered = { ...view, state: 'registered' as const, registeredAt: at };
  return slaDeadline(registered, 'due', slaPolicyFor(site.site))!.deadline;
}

/** The lead a commander designates (首接责任): a department the category names as assisting, else one with a
 *  joint desk in the hall, else any. */
function designated(site: SiteRules, category: string, rand: () => number, not?: Department): Department {
  const assisting = site.category(category)?.assisting ?? [];
  const desks = site.deskDepartments().map((d) => d.id);
  for (const choices of [assisting, desks, site.leadDepartments]) {
    const left = choices.filter((d) => d !== not && site.hasDepartment(d));
    if (left.length) return pick(rand, left);
  }
  return site.leadDepartments[0]!;
}

/** The nearest free forces on shift: two of the lead's for an urgent case, one otherwise, one of each
 *  assisting department; a self-handled case gets the nearest first-line patrol, whatever its department. */
function chooseForces(world: LifecycleWorld, bookings: ForceBookings, view: CaseView, lead: Department, assisting: readonly Department[], at: number, selfHandled: boolean, urgent: boolean): string[] {
  const forces = world.forces.map((f) => ({ ...f, status: bookings.isBusy(f.id, at) ? ('enRoute' as const) : ('available' as const), positionAt: at }));
  const options = { now: at, dutyMode: dutyModeAt(at), count: 2 };
  if (selfHandled) {
    const departments = [...new Set(world.forces.filter((f) => f.kind === 'patrol').map((f) => f.department))];
    if (!departments.length) return [];
    const candidates = recommendForces(view, forces.filter((f) => f.kind === 'patrol'), { ...options, departments: { lead: departments[0]!, assisting: departments.slice(1) } })
      .flatMap((d) => d.candidates)
      .sort((a, b) => (a.distanceM ?? Infinity) - (b.distanceM ?? Infinity));
    return candidates.slice(0, 1).map((c) => c.force.id);
  }
  return recommendForces(view, forces, { ...options, departments: { lead, assisting } })
    .flatMap((d) => d.candidates.slice(0, d.role === 'lead' && urgent ? 2 : 1).map((c) => c.force.id));
}
