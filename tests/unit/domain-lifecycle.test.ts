import { describe, expect, it } from 'vitest';
import { newCase } from '../../electron/common/domain/case-intake.ts';
import { ACTION_LABELS, STATE_LABELS, applyAct, availableActions, checkAct } from '../../electron/common/domain/case-lifecycle.ts';
import { DEMO_NAMES } from '../helpers/demo-site.ts';
import type { Actor } from '../../electron/common/domain/case-lifecycle.ts';
import { CaseState } from '../../electron/common/domain/case-model.ts';
import type { CaseAction, CaseActionName, CaseView } from '../../electron/common/domain/case-model.ts';

const T0 = Date.UTC(2026, 10, 23, 2, 0); // Monday 10:00 Beijing time
const MIN = 60_000;

const reported = newCase(
  { title: '占道经营', description: '', source: 'hotline12345', urgency: 'general', category: '街面秩序', address: '中山中路 1 号', gridId: 'M-001' },
  { id: 'case-1', no: 1, at: T0, seat: 'console-1' },
);

const console1: Actor = { role: 'console', department: 'command' };
const urbanDesk: Actor = { role: 'desk', department: 'urban' };
const policeDesk: Actor = { role: 'desk', department: 'police' };
const marketDesk: Actor = { role: 'desk', department: 'market' };
const wall: Actor = { role: 'wall', department: 'command' };

/** A case in `state` that every state-independent rule lets through: a cross-department case led by urban management. */
function inState(state: CaseState): CaseView {
  return {
    ...reported, state, registeredAt: T0, lead: 'urban', assisting: ['police'], dutyRule: 'crossDepartment',
    suspendedFrom: state === 'suspended' ? 'dispatched' : null, suspendedUntil: state === 'suspended' ? T0 + 60 * MIN : null,
  };
}

const now = T0 + 10 * MIN;
const ACTS: Record<CaseActionName, CaseAction> = {
  register: { action: 'register', dueAt: now + 24 * 60 * MIN },
  reject: { action: 'reject', reason: '不属于受理范围' },
  dispatch: { action: 'dispatch', lead: 'urban', assisting: ['police'], forces: ['UM-001'], dutyRule: 'crossDepartment' },
  accept: { action: 'accept' },
  arrive: { action: 'arrive' },
  handle: { action: 'handle', note: '已劝离', attachments: [], selfHandled: false },
  verify: { action: 'verify', passed: true, note: '' },
  close: { action: 'close', note: '' },
  evaluate: { action: 'evaluate', satisfaction: 'satisfied', resolved: true, note: '' },
  return: { action: 'return', reason: '非本部门职责' },
  escalate: { action: 'escalate', reason: '需片区协调' },
  suspend: { action: 'suspend', reason: '等待天气转好', until: now + 60 * MIN },
  resume: { action: 'resume' },
  reopen: { action: 'reopen', reason: '回访不满意' },
  designate: { action: 'designate', lead: 'police', reason: '职责不清，指定派出所' },
  merge: { action: 'merge', into: 'case-0' },
  cancel: { action: 'cancel', reason: '区平台撤单' },
  amend: { action: 'amend', note: '区平台延长时限', dueAt: now + 48 * 60 * MIN },
};
const ACTIONS = Object.keys(ACTS) as CaseActionName[];

// The lifecycle of S-4.2, written out by hand: state → action → next state; every pair not listed is illegal.
const EXPECTED: Record<CaseState, Partial<Record<CaseActionName, CaseState>>> = {
  reported: { register: 'registered', reject: 'rejected', merge: 'closed', cancel: 'cancelled', amend: 'reported' },
  registered: { dispatch: 'dispatched', escalate: 'escalated', suspend: 'suspended', designate: 'registered', merge: 'closed', cancel: 'cancelled', amend: 'registered' },
  rejected: { amend: 'rejected' },
  dispatched: { accept: 'dispatched', arrive: 'onScene', return: 'returned', escalate: 'escalated', suspend: 'suspended', merge: 'closed', cancel: 'cancelled', amend: 'dispatched' },
  onScene: { handle: 'handled', return: 'returned', escalate: 'escalated', suspend: 'suspended', merge: 'closed', cancel: 'cancelled', amend: 'onScene' },
  handled: { verify: 'verified', merge: 'closed', cancel: 'cancelled', amend: 'handled' },
  verified: { close: 'closed', reopen: 'reopened', merge: 'closed', cancel: 'cancelled', amend: 'verified' },
  closed: { evaluate: 'evaluated', reopen: 'reopened', cancel: 'cancelled', amend: 'closed' },
  evaluated: { reopen: 'reopened', cancel: 'cancelled', amend: 'evaluated' },
  returned: { dispatch: 'dispatched', escalate: 'escalated', suspend: 'suspended', designate: 'returned', merge: 'closed', cancel: 'cancelled', amend: 'returned' },
  escalated: { dispatch: 'dispatched', suspend: 'suspended', designate: 'escalated', merge: 'closed', cancel: 'cancelled', amend: 'escalated' },
  suspended: { resume: 'dispatched', merge: 'closed', cancel: 'cancelled', amend: 'suspended' },
  reopened: { dispatch: 'dispatched', designate: 'reopened', merge: 'closed', cancel: 'cancelled', amend: 'reopened' },
  cancelled: { amend: 'cancelled' },
};

type Dispatch = Extract<CaseAction, { action: 'dispatch' }>;
const dispatchTo = (lead: Dispatch['lead'], extra: Partial<Dispatch> = {}): Dispatch =>
  ({ action: 'dispatch', lead, assisting: [], forces: [], dutyRule: 'clear', ...extra });

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** Checks and applies, failing the test on a refusal. */
function act(view: CaseView, action: CaseAction, actor: Actor = console1, at = now): CaseView {
  const check = checkAct(view, action, actor, at, DEMO_NAMES);
  if (!check.ok) throw new Error(check.reason);
  return applyAct(view, action, check.to, at);
}

function refusal(view: CaseView, action: CaseAction, actor: Actor = console1, at = now): string {
  const check = checkAct(view, action, actor, at, DEMO_NAMES);
  if (check.ok) throw new Error(`expected a refusal, got ${check.to}`);
  return check.reason;
}

describe('transition matrix (every state × action)', () => {
  const pairs = CaseState.options.flatMap((state) => ACTIONS.map((action) => [state, action] as const));
  it('covers 14 states × 18 actions', () => expect(pairs).toHaveLength(14 * 18));

  it.each(pairs)('%s × %s', (state, action) => {
    const actor = action === 'accept' ? urbanDesk : console1;
    const check = checkAct(inState(state), ACTS[action], actor, now, DEMO_NAMES);
    const expected = EXPECTED[state][action];
    if (expected === undefined) {
      expect(check).toEqual({ ok: false, reason: `「${STATE_LABELS[state].zh}」状态不能「${ACTION_LABELS[action].zh}」` });
    } else {
      expect(check).toEqual({ ok: true, to: expected });
    }
  });

  it('a failed verification sends the case back to its forces', () => {
    expect(checkAct(inState('handled'), { action: 'verify', passed: false, note: '仍有摊位' }, console1, now, DEMO_NAMES)).toEqual({ ok: true, to: 'dispatched' });
  });

  it('resume returns to whatever state was suspended', () => {
    for (const from of ['registered', 'onScene', 'returned', 'escalated'] as const) {
      expect(checkAct({ ...inState('suspended'), suspendedFrom: from }, ACTS.resume, console1, now, DEMO_NAMES)).toEqual({ ok: true, to: from });
    }
  });

  it('names the state and action in the reason, e.g. 「已结案」状态不能「到场」', () => {
    expect(refusal(inState('closed'), ACTS.arrive)).toBe('「已结案」状态不能「到场」');
  });
});

describe('who may act', () => {
  const dispatched = inState('dispatched');

  it('a wall may do nothing', () => {
    for (const action of ACTIONS) expect(refusal(inState('dispatched'), ACTS[action], wall)).toBe('大屏只能查看，不能操作案件');
    expect(availableActions(dispatched, wall)).toEqual([]);
  });

  it('the console may do everything but accept, including arrive/handle/return on behalf of a force', () => {
    expect(refusal(dispatched, ACTS.accept)).toBe('「签收」由主办部门坐席操作，指挥台不能代为签收');
    expect(act(dispatched, ACTS.arrive).state).toBe('onScene');
    expect(act(inState('onScene'), ACTS.handle).state).toBe('handled');
    expect(act(dispatched, ACTS.return).state).toBe('returned');
  });

  it('the lead desk may accept, arrive, handle and return', () => {
    expect(act(dispatched, ACTS.accept, urbanDesk).acceptedAt).toBe(now);
    expect(act(dispatched, ACTS.arrive, urbanDesk).state).toBe('onScene');
    expect(act(inState('onScene'), ACTS.handle, urbanDesk).state).toBe('handled');
    expect(act(inState('onScene'), ACTS.return, urbanDesk).state).toBe('returned');
  });

  it('an assisting desk may only arrive', () => {
    expect(act(dispatched, ACTS.arrive, policeDesk).state).toBe('onScene');
    expect(refusal(dispatched, ACTS.accept, policeDesk)).toBe('只有主办部门可以「签收」');
    expect(refusal(inState('onScene'), ACTS.handle, policeDesk)).toBe('只有主办部门可以「处置」');
    expect(refusal(dispatched, ACTS.return, policeDesk)).toBe('只有主办部门可以「退单」');
  });

  it('a desk not on the case may do nothing with it', () => {
    for (const action of ['accept', 'arrive', 'handle', 'return'] as const) {
      expect(refusal(inState('onScene'), ACTS[action], marketDesk)).toBe('本部门（市场监管所）不是该案件的主办或协办部门');
    }
    expect(availableActions(dispatched, marketDesk)).toEqual([]);
  });

  it('desks may not take the centre\'s actions, even on their own case', () => {
    const centre = ACTIONS.filter((a) => !['accept', 'arrive', 'handle', 'return'].includes(a));
    expect(centre).toHaveLength(14);
    for (const action of centre) {
      expect(refusal(dispatched, ACTS[action], urbanDesk)).toBe(`联合坐席不能「${ACTION_LABELS[action].zh}」，请由指挥台操作`);
    }
  });

  it('a returned case has no lead, so no desk can act on it until it is dispatched again', () => {
    const returned = act(dispatched, ACTS.return, urbanDesk);
    expect(refusal(returned, ACTS.arrive, urbanDesk)).toMatch(/不是该案件的主办或协办部门/);
  });
});

describe('availableActions', () => {
  it('offers the console the centre\'s actions of the state', () => {
    expect(availableActions(inState('reported'), console1)).toEqual(['register', 'reject', 'merge', 'cancel', 'amend']);
    expect(availableActions({ ...inState('registered'), lead: null, assisting: [], dutyRule: null }, console1))
      .toEqual(['dispatch', 'escalate', 'suspend', 'designate', 'merge', 'cancel', 'amend']);
    expect(availableActions(inState('dispatched'), console1)).toEqual(['arrive', 'return', 'escalate', 'suspend', 'merge', 'cancel', 'amend']);
    expect(availableActions(inState('closed'), console1)).toEqual(['evaluate', 'reopen', 'cancel', 'amend']);
    expect(availableActions(inState('rejected'), console1)).toEqual(['amend']);
  });

  it('offers desks only their own steps, and accept only once', () => {
    expect(availableActions(inState('dispatched'), urbanDesk)).toEqual(['accept', 'arrive', 'return']);
    expect(availableActions({ ...inState('dispatched'), acceptedAt: now }, urbanDesk)).toEqual(['arrive', 'return']);
    expect(availableActions(inState('dispatched'), policeDesk)).toEqual(['arrive']);
    expect(availableActions(inState('onScene'), urbanDesk)).toEqual(['handle', 'return']);
    expect(availableActions(inState('onScene'), policeDesk)).toEqual([]);
  });

  it('leaves out actions the case itself rules out', () => {
    expect(availableActions({ ...inState('dispatched'), tier: 'district' }, console1)).not.toContain('escalate');
    expect(availableActions({ ...inState('registered'), dutyRule: 'clear' }, console1)).not.toContain('designate');
  });
});

describe('semantic checks', () => {
  it('register: a ticket deadline must lie in the future', () => {
    expect(refusal(reported, { action: 'register', dueAt: now })).toBe('办结时限必须晚于当前时间');
    expect(act(reported, { action: 'register', dueAt: now + 1 }).dueAt).toBe(now + 1);
  });

  it('accept: only once per dispatch', () => {
    const accepted = act(inState('dispatched'), ACTS.accept, urbanDesk);
    expect(refusal(accepted, ACTS.accept, urbanDesk)).toBe('该案件已签收');
  });

  it('dispatch: assisting departments must differ from the lead and from each other; forces are distinct', () => {
    const registered = inState('registered');
    const base = dispatchTo('urban');
    expect(refusal(registered, { ...base, assisting: ['urban'] })).toBe('协办部门不能同时是主办部门');
    expect(refusal(registered, { ...base, assisting: ['police', 'police'] })).toBe('协办部门重复');
    expect(refusal(registered, { ...base, forces: ['UM-001', 'UM-001'] })).toBe('派遣力量重复');
    expect(act(registered, { ...base, assisting: ['police', 'market'], forces: ['UM-001', 'PA-002'] }).state).toBe('dispatched');
  });

  it('dispatch: a designated lead (首接责任) must be the one dispatched, and only a designation makes a case designated', () => {
    const designated = act(inState('registered'), ACTS.designate);
    const base = dispatchTo('urban');
    expect(refusal(designated, base)).toBe('已指定派出所主办（首接责任），派单须派给派出所');
    expect(refusal(inState('registered'), { ...base, dutyRule: 'designated' })).toBe('须先由指挥长「指定主办」，派单不能自行标为指定');
    const dispatched = act(designated, { ...base, lead: 'police' });
    expect(dispatched).toMatchObject({ lead: 'police', dutyRule: 'designated' });
  });

  it('designate: not for a clear duty, not twice for the same department', () => {
    expect(refusal({ ...inState('registered'), dutyRule: 'clear' }, ACTS.designate)).toBe('职责明确（谁主管谁办理），无需指定主办部门');
    const designated = act(inState('registered'), ACTS.designate);
    expect(refusal(designated, ACTS.designate)).toBe('已指定派出所主办');
    expect(act(designated, { action: 'designate', lead: 'market', reason: '改派' }).lead).toBe('market');
    // A clear duty that came back (returned) has lost its lead, so the commander may designate.
    expect(act({ ...inState('returned'), lead: null, dutyRule: null }, ACTS.designate).lead).toBe('police');
  });

  it('verify: a failed verification needs a reason', () => {
    expect(refusal(inState('handled'), { action: 'verify', passed: false, note: '' })).toBe('核查不通过须写明原因');
  });

  it('escalate: not beyond the district', () => {
    expect(refusal({ ...inState('dispatched'), tier: 'district' }, ACTS.escalate)).toBe('案件已在区级，不能再上报上级');
  });

  it('suspend: until must be in the future (just after now is enough)', () => {
    expect(refusal(inState('dispatched'), { ...ACTS.suspend, until: now - 1 } as CaseAction)).toBe('挂起截止时间必须晚于当前时间');
    expect(refusal(inState('dispatched'), { ...ACTS.suspend, until: now } as CaseAction)).toBe('挂起截止时间必须晚于当前时间');
    expect(act(inState('dispatched'), { ...ACTS.suspend, until: now + 1 } as CaseAction).suspendedUntil).toBe(now + 1);
  });

  it('resume: refused when the state before the suspension is unknown', () => {
    expect(refusal({ ...inState('suspended'), suspendedFrom: null }, ACTS.resume)).toBe('挂起前的状态未知，不能恢复办理');
  });

  it('merge: not into itself', () => {
    expect(refusal(inState('registered'), { action: 'merge', into: 'case-1' })).toBe('不能合并到案件自身');
  });
});

describe('applyAct', () => {
  it('never mutates its input', () => {
    for (const state of CaseState.options) {
      for (const action of ACTIONS) {
        const view = deepFreeze(inState(state));
        const copy = structuredClone(view);
        const to = EXPECTED[state][action] ?? state;
        const next = applyAct(view, ACTS[action], to, now);
        expect(view).toEqual(copy);
        expect(next).toMatchObject({ state: to, updatedAt: now });
      }
    }
  });

  it('register sets registeredAt and the ticket deadline (kept when not given)', () => {
    expect(applyAct(reported, ACTS.register, 'registered', now)).toMatchObject({ registeredAt: now, dueAt: now + 24 * 60 * MIN });
    expect(applyAct({ ...reported, dueAt: 5 }, { action: 'register' }, 'registered', now)).toMatchObject({ registeredAt: now, dueAt: 5 });
  });

  it('reject changes the state only', () => {
    expect(applyAct(reported, ACTS.reject, 'rejected', now)).toEqual({ ...reported, state: 'rejected', updatedAt: now });
  });

  it('dispatch sets the departments, forces, duty rule and a fresh round', () => {
    const view = { ...inState('returned'), acceptedAt: 1, lead: null, assisting: [], dutyRule: null };
    expect(applyAct(view, ACTS.dispatch, 'dispatched', now)).toMatchObject({
      lead: 'urban', assisting: ['police'], forces: ['UM-001'], dutyRule: 'crossDepartment', dispatchedAt: now, acceptedAt: null,
    });
  });

  it('arrive and handle keep the first arrival and the first result', () => {
    const first = applyAct(inState('dispatched'), ACTS.arrive, 'onScene', now);
    expect(first.onSceneAt).toBe(now);
    expect(applyAct(first, ACTS.arrive, 'onScene', now + MIN).onSceneAt).toBe(now);
    const handled = applyAct(first, { action: 'handle', note: '自行劝离', attachments: ['photo-1'], selfHandled: true }, 'handled', now + MIN);
    expect(handled).toMatchObject({ handledAt: now + MIN, selfHandled: true });
    expect(applyAct(handled, ACTS.handle, 'handled', now + 2 * MIN)).toMatchObject({ handledAt: now + MIN, selfHandled: false });
  });

  it('verify: passed sets verifiedAt, failed counts a rework', () => {
    expect(applyAct(inState('handled'), ACTS.verify, 'verified', now).verifiedAt).toBe(now);
    const failed = applyAct(inState('handled'), { action: 'verify', passed: false, note: '仍有摊位' }, 'dispatched', now);
    expect(failed).toMatchObject({ state: 'dispatched', verifiedAt: null, reworks: 1 });
    expect(applyAct({ ...failed, state: 'handled' }, { action: 'verify', passed: false, note: '仍有' }, 'dispatched', now).reworks).toBe(2);
  });

  it('close and evaluate record the outcome', () => {
    expect(applyAct(inState('verified'), ACTS.close, 'closed', now).closedAt).toBe(now);
    expect(applyAct(inState('closed'), { action: 'evaluate', satisfaction: 'basic', resolved: false, note: '' }, 'evaluated', now))
      .toMatchObject({ evaluatedAt: now, satisfaction: 'basic', resolved: false });
  });

  it('return counts and clears the lead, assisting, forces, duty rule and acceptance', () => {
    const view = { ...inState('dispatched'), forces: ['UM-001'], acceptedAt: 1, returns: 1 };
    expect(applyAct(view, ACTS.return, 'returned', now)).toMatchObject({
      returns: 2, lead: null, assisting: [], forces: [], dutyRule: null, acceptedAt: null,
    });
  });

  it('escalate climbs the ladder one step', () => {
    let view = inState('dispatched');
    const tiers = [];
    for (let i = 0; i < 4; i++) {
      view = applyAct({ ...view, state: 'dispatched' }, ACTS.escalate, 'escalated', now);
      tiers.push(view.tier);
    }
    expect(tiers).toEqual(['small', 'zone', 'street', 'district']);
  });

  it('suspend remembers where it came from until when, and a period that resume closes', () => {
    const suspended = applyAct(inState('onScene'), ACTS.suspend, 'suspended', now);
    expect(suspended).toMatchObject({ suspendedFrom: 'onScene', suspendedUntil: now + 60 * MIN, suspensions: [{ from: now, to: null }] });
    const resumed = applyAct(suspended, ACTS.resume, 'onScene', now + 30 * MIN);
    expect(resumed).toMatchObject({ state: 'onScene', suspendedFrom: null, suspendedUntil: null, suspensions: [{ from: now, to: now + 30 * MIN }] });
    const again = applyAct(applyAct(resumed, ACTS.suspend, 'suspended', now + 40 * MIN), ACTS.resume, 'onScene', now + 50 * MIN);
    expect(again.suspensions).toEqual([{ from: now, to: now + 30 * MIN }, { from: now + 40 * MIN, to: now + 50 * MIN }]);
  });

  it('merging a suspended duplicate ends its suspension too', () => {
    const suspended = applyAct(inState('registered'), ACTS.suspend, 'suspended', now);
    expect(applyAct(suspended, ACTS.merge, 'closed', now + MIN)).toMatchObject({
      state: 'closed', duplicateOf: 'case-0', closedAt: now + MIN, suspendedFrom: null, suspensions: [{ from: now, to: now + MIN }],
    });
  });

  it('reopen counts and clears the outcome, including a merge', () => {
    const view = { ...inState('evaluated'), verifiedAt: 1, closedAt: 2, evaluatedAt: 3, satisfaction: 'unsatisfied' as const, resolved: false, duplicateOf: 'case-0' };
    expect(applyAct(view, ACTS.reopen, 'reopened', now)).toMatchObject({
      reopens: 1, verifiedAt: null, closedAt: null, evaluatedAt: null, satisfaction: null, resolved: null, duplicateOf: null,
    });
  });

  it('designate sets the lead as designated and drops it from the assisting departments', () => {
    expect(applyAct(inState('escalated'), ACTS.designate, 'escalated', now)).toMatchObject({ lead: 'police', dutyRule: 'designated', assisting: [] });
  });
});

describe('whole loops', () => {
  it('happy path reported → … → evaluated', () => {
    let view = act(reported, ACTS.register, console1, T0 + MIN);
    view = act(view, dispatchTo('urban', { forces: ['UM-001'] }), console1, T0 + 2 * MIN);
    view = act(view, ACTS.accept, urbanDesk, T0 + 3 * MIN);
    view = act(view, ACTS.arrive, urbanDesk, T0 + 10 * MIN);
    view = act(view, ACTS.handle, urbanDesk, T0 + 30 * MIN);
    view = act(view, ACTS.verify, console1, T0 + 40 * MIN);
    view = act(view, ACTS.close, console1, T0 + 50 * MIN);
    view = act(view, ACTS.evaluate, console1, T0 + 24 * 60 * MIN);
    expect(view).toMatchObject({
      state: 'evaluated', registeredAt: T0 + MIN, dispatchedAt: T0 + 2 * MIN, acceptedAt: T0 + 3 * MIN, onSceneAt: T0 + 10 * MIN,
      handledAt: T0 + 30 * MIN, verifiedAt: T0 + 40 * MIN, closedAt: T0 + 50 * MIN, evaluatedAt: T0 + 24 * 60 * MIN,
      satisfaction: 'satisfied', resolved: true, lead: 'urban', dutyRule: 'clear', returns: 0, reopens: 0,
    });
    expect(availableActions(view, console1)).toEqual(['reopen', 'cancel', 'amend']);
  });

  it('returned, designated, re-dispatched, reworked, closed, reopened and closed again', () => {
    let view = act(reported, ACTS.register);
    view = act(view, dispatchTo('urban'));
    view = act(view, ACTS.accept, urbanDesk);
    view = act(view, ACTS.return, urbanDesk);
    view = act(view, ACTS.designate);
    view = act(view, dispatchTo('police', { forces: ['PA-017'] }));
    expect(view).toMatchObject({ state: 'dispatched', lead: 'police', dutyRule: 'designated', acceptedAt: null, returns: 1 });
    view = act(view, ACTS.accept, policeDesk);
    view = act(view, ACTS.arrive, policeDesk);
    view = act(view, ACTS.handle, policeDesk);
    view = act(view, { action: 'verify', passed: false, note: '未处置到位' });
    expect(view).toMatchObject({ state: 'dispatched', reworks: 1 });
    expect(availableActions(view, policeDesk)).toEqual(['arrive', 'return']);
    view = act(view, ACTS.arrive, policeDesk);
    view = act(view, ACTS.handle, policeDesk);
    view = act(view, ACTS.verify);
    view = act(view, ACTS.close);
    view = act(view, ACTS.reopen);
    view = act(view, dispatchTo('police'));
    expect(view).toMatchObject({ state: 'dispatched', reopens: 1, closedAt: null, dutyRule: 'designated' });
  });
});
