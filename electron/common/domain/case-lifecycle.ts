// S-4.2 the case lifecycle: which action may move a case from which state to which, who may take it, and what
// it does to the case. `checkAct` is the hall core's gate (S-9: permissions are enforced there); `applyAct` is the
// pure reducer every projection (hall and renderer) folds the log with, so it trusts the logged `to` state.
//
// Who may act:
// - console (the centre: 指挥长, 平台运行组) takes every action except `accept`; it records arrive/handle/return on
//   behalf of a force or department that reports by phone (at night desks are on standby, seed 001).
// - desk: only on cases where its department is lead or assisting. `accept` (签收), `handle` and `return` belong to
//   the lead alone (the lead owns the case: 谁主管谁办理, 首接责任); assisting departments join by `arrive`.
// - wall: nothing.
//
// Beyond the table: accept once per dispatch; escalate not beyond the district; designate only when the duty
// is not clear (no lead, or a cross-department/designated one) and not twice to the same department; a
// designated lead must be the one dispatched and only a designation marks a case designated; assisting
// departments differ from the lead and each other; a failed verification needs a reason; ticket deadlines and
// suspension ends lie in the future; no merge into itself (the hall checks that the target exists).
//
// Milestones: `dispatchedAt`/`acceptedAt` describe the current dispatch (a new dispatch clears the acceptance);
// `onSceneAt`/`handledAt` keep the first arrival and the first result, because the urgent SLA goals and their
// KPIs (15-min arrival, 1-h result) measure the first response; `verifiedAt`/`closedAt`/`evaluatedAt` describe the
// current outcome and are cleared by `reopen`.
import type { CaseAction, CaseActionName, CaseState, CaseView, Department, Role } from './case-model.ts';
import { ACTION_LABELS, STATE_LABELS } from './labels.ts';
import { nextTier } from './escalation.ts';

export { ACTION_LABELS, STATE_LABELS };

export interface Actor { role: Role; department: Department }
export type ActCheck = { ok: true; to: CaseState } | { ok: false; reason: string };

/** A fixed state, or one that depends on the case (`unchanged`, `beforeSuspension`) or the act (`verdict`). */
type Target = CaseState | 'unchanged' | 'beforeSuspension' | 'verdict';

/** Open cases: everything but the finished ones; a duplicate may be merged away from any of them. */
export const OPEN: readonly CaseState[] = [
  'reported', 'registered', 'dispatched', 'onScene', 'handled', 'verified', 'returned', 'escalated', 'suspended', 'reopened',
];

export const TRANSITIONS: Readonly<Record<CaseActionName, { from: readonly CaseState[]; to: Target }>> = {
  register: { from: ['reported'], to: 'registered' },
  reject: { from: ['reported'], to: 'rejected' },
  dispatch: { from: ['registered', 'returned', 'escalated', 'reopened'], to: 'dispatched' },
  accept: { from: ['dispatched'], to: 'unchanged' },
  arrive: { from: ['dispatched'], to: 'onScene' },
  handle: { from: ['onScene'], to: 'handled' },
  verify: { from: ['handled'], to: 'verdict' },
  close: { from: ['verified'], to: 'closed' },
  evaluate: { from: ['closed'], to: 'evaluated' },
  return: { from: ['dispatched', 'onScene'], to: 'returned' },
  escalate: { from: ['registered', 'dispatched', 'onScene', 'returned'], to: 'escalated' },
  suspend: { from: ['registered', 'dispatched', 'onScene', 'returned', 'escalated'], to: 'suspended' },
  resume: { from: ['suspended'], to: 'beforeSuspension' },
  reopen: { from: ['verified', 'closed', 'evaluated'], to: 'reopened' },
  designate: { from: ['registered', 'returned', 'escalated', 'reopened'], to: 'unchanged' },
  merge: { from: OPEN, to: 'closed' },
  // The district's word wins, even over a closure made meanwhile (docs/upstream-protocol.md, rule 1).
  cancel: { from: [...OPEN, 'closed', 'evaluated'], to: 'cancelled' },
  amend: { from: [...OPEN, 'closed', 'evaluated', 'rejected', 'cancelled'], to: 'unchanged' },
};

const ACTION_NAMES = Object.keys(TRANSITIONS) as CaseActionName[];

/** Desk actions and whose they are: the lead's alone, or also an assisting department's. */
const DESK_ACTIONS: Readonly<Partial<Record<CaseActionName, 'lead' | 'involved'>>> = {
  accept: 'lead', arrive: 'involved', handle: 'lead', return: 'lead',
};

const quote = (label: { zh: string }) => `「${label.zh}」`;
/** A department's name for a refusal (the site's, in Chinese). */
export type DepartmentName = (d: Department) => string;

/** Why this actor may not take this action on this case, whatever its state; null if they may. */
function refusedActor(view: CaseView, action: CaseActionName, actor: Actor, dept: DepartmentName): string | null {
  const label = quote(ACTION_LABELS[action]);
  switch (actor.role) {
    case 'wall':
      return '大屏只能查看，不能操作案件';
    case 'console':
      return action === 'accept' ? `${label}由主办部门坐席操作，指挥台不能代为签收` : null;
    case 'desk': {
      const whose = DESK_ACTIONS[action];
      if (!whose) return `联合坐席不能${label}，请由指挥台操作`;
      const isLead = view.lead === actor.department;
      if (!isLead && !view.assisting.includes(actor.department)) return `本部门（${dept(actor.department)}）不是该案件的主办或协办部门`;
      if (whose === 'lead' && !isLead) return `只有主办部门可以${label}`;
      return null;
    }
  }
}

/** Why the case, as it is, does not allow the action (state and view-only rules); null if it does. */
function refusedByCase(view: CaseView, action: CaseActionName): string | null {
  if (!TRANSITIONS[action].from.includes(view.state)) return `${quote(STATE_LABELS[view.state])}状态不能${quote(ACTION_LABELS[action])}`;
  switch (action) {
    case 'accept':
      return view.acceptedAt === null ? null : '该案件已签收';
    case 'escalate':
      return nextTier(view.tier) === null ? '案件已在区级，不能再上报上级' : null;
    case 'resume':
      return view.suspendedFrom === null ? '挂起前的状态未知，不能恢复办理' : null;
    case 'designate':
      return view.dutyRule === 'clear' && view.lead !== null ? '职责明确（谁主管谁办理），无需指定主办部门' : null;
    default:
      return null;
  }
}

/** Why the act's own data is not acceptable for this case now; null if it is. */
function refusedByAct(view: CaseView, act: CaseAction, now: number, dept: DepartmentName): string | null {
  switch (act.action) {
    case 'register':
      return act.dueAt !== undefined && act.dueAt <= now ? '办结时限必须晚于当前时间' : null;
    case 'dispatch': {
      if (act.assisting.includes(act.lead)) return '协办部门不能同时是主办部门';
      if (new Set(act.assisting).size !== act.assisting.length) return '协办部门重复';
      if (new Set(act.forces).size !== act.forces.length) return '派遣力量重复';
      if (view.dutyRule === 'designated' && view.lead !== null && act.lead !== view.lead) {
        return `已指定${dept(view.lead)}主办（首接责任），派单须派给${dept(view.lead)}`;
      }
      if (act.dutyRule === 'designated' && view.dutyRule !== 'designated') return '须先由指挥长「指定主办」，派单不能自行标为指定';
      return null;
    }
    case 'verify':
      return !act.passed && act.note === '' ? '核查不通过须写明原因' : null;
    case 'suspend':
      return act.until <= now ? '挂起截止时间必须晚于当前时间' : null;
    case 'designate':
      return view.dutyRule === 'designated' && view.lead === act.lead ? `已指定${dept(act.lead)}主办` : null;
    case 'merge':
      return act.into === view.id ? '不能合并到案件自身' : null;
    default:
      return null;
  }
}

function target(view: CaseView, act: CaseAction): CaseState {
  const to = TRANSITIONS[act.action].to;
  switch (to) {
    case 'unchanged':
      return view.state;
    case 'beforeSuspension':
      // refusedByCase has made sure it is set.
      return view.suspendedFrom ?? view.state;
    case 'verdict':
      return act.action === 'verify' && !act.passed ? 'dispatched' : 'verified';
    default:
      return to;
  }
}

/** Whether `actor` may take `act` on the case now, and the state it leads to; a refusal says why, in Chinese. */
export function checkAct(view: CaseView, act: CaseAction, actor: Actor, now: number, dept: DepartmentName): ActCheck {
  const reason = refusedActor(view, act.action, actor, dept) ?? refusedByCase(view, act.action) ?? refusedByAct(view, act, now, dept);
  return reason === null ? { ok: true, to: target(view, act) } : { ok: false, reason };
}

/** The actions this actor may offer on the case now (the act's own data is checked when it is taken). */
export function availableActions(view: CaseView, actor: Actor): CaseActionName[] {
  return ACTION_NAMES.filter((action) => refusedActor(view, action, actor, String) === null && refusedByCase(view, action) === null);
}

/**
 * A suspension (挂起/延期) that has run its course by `now`: the case goes back to the state it was suspended
 * from, as of the moment its suspension ended (the SLA clocks stand still until then, not until someone
 * notices). Null while the case is not suspended, or not yet due.
 */
export function suspensionEnd(view: CaseView, now: number): { from: 'suspended'; to: CaseState; at: number } | null {
  if (view.state !== 'suspended' || view.suspendedFrom === null || view.suspendedUntil === null || view.suspendedUntil > now) return null;
  return { from: 'suspended', to: view.suspendedFrom, at: view.suspendedUntil };
}

/** The case after `act`, which moved it to `to` at `at`. Never mutates `view`. */
export function applyAct(view: CaseView, act: CaseAction, to: CaseState, at: number): CaseView {
  const leavingSuspension = view.state === 'suspended' && to !== 'suspended' ? endSuspension(view, at) : {};
  return { ...view, ...leavingSuspension, ...effects(view, act, at), state: to, updatedAt: at };
}

function endSuspension(view: CaseView, at: number): Partial<CaseView> {
  const suspensions = (view.suspensions ?? []).map((s) => (s.to === null ? { from: s.from, to: at } : s));
  return { suspendedFrom: null, suspendedUntil: null, suspensions };
}

function effects(view: CaseView, act: CaseAction, at: number): Partial<CaseView> {
  switch (act.action) {
    case 'register':
      return act.dueAt === undefined ? { registeredAt: at } : { registeredAt: at, dueAt: act.dueAt };
    case 'reject':
    case 'resume':
      return {};
    case 'dispatch':
      return {
        lead: act.lead, assisting: [...act.assisting], forces: [...act.forces], dispatchedAt: at, acceptedAt: null,
        // A designation (指定) stays with the case as long as the designated department leads it.
        dutyRule: view.dutyRule === 'designated' && view.lead === act.lead ? 'designated' : act.dutyRule,
      };
    case 'accept':
      return { acceptedAt: at };
    case 'arrive':
      return { onSceneAt: view.onSceneAt ?? at };
    case 'handle':
      return { handledAt: view.handledAt ?? at, selfHandled: act.selfHandled };
    case 'verify':
      return act.passed ? { verifiedAt: at } : { reworks: (view.reworks ?? 0) + 1 };
    case 'close':
      return { closedAt: at };
    case 'evaluate':
      return { evaluatedAt: at, satisfaction: act.satisfaction, resolved: act.resolved };
    case 'return':
      return { returns: view.returns + 1, lead: null, assisting: [], forces: [], dutyRule: null, acceptedAt: null };
    case 'escalate':
      return { tier: nextTier(view.tier) ?? view.tier };
    case 'suspend':
      return { suspendedFrom: view.state, suspendedUntil: act.until, suspensions: [...(view.suspensions ?? []), { from: at, to: null }] };
    case 'reopen':
      return {
        reopens: view.reopens + 1, verifiedAt: null, closedAt: null, evaluatedAt: null, satisfaction: null, resolved: null,
        duplicateOf: null,
      };
    case 'designate':
      return { lead: act.lead, dutyRule: 'designated', assisting: view.assisting.filter((d) => d !== act.lead) };
    case 'merge':
      return { duplicateOf: act.into, closedAt: at };
    case 'cancel':
      return {};
    case 'amend': {
      const { dueAt, description, urgency, externalId, location, gridId } = act;
      return {
        ...(dueAt === undefined ? {} : { dueAt }), ...(description === undefined ? {} : { description }), ...(urgency === undefined ? {} : { urgency }),
        ...(externalId === undefined ? {} : { externalId }), ...(location === undefined ? {} : { location, gridId, placement: { match: 'manual' as const } }),
      };
    }
  }
}
