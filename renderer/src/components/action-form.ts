// What each case action asks the operator for, and how the typed inputs become the CaseAction the hall
// validates (the shared zod schema decides; its message is shown when something is missing).
import { beijing } from '../../../electron/common/domain/beijing-time.ts';
import { CaseAction, describeIssues, type CaseActionName, type Department, type Satisfaction } from '../../../electron/common/protocol.ts';

export interface ActionInputs {
  reason: string;
  note: string;
  /** Photo references, one per line or comma separated. */
  attachments: string;
  selfHandled: boolean;
  passed: boolean;
  satisfaction: Satisfaction;
  resolved: boolean;
  /** `YYYY-MM-DDTHH:mm`, Beijing time. */
  until: string;
  lead: Department;
  into: string;
}

export type InputName = keyof ActionInputs;

export const EMPTY_INPUTS: ActionInputs = {
  reason: '', note: '', attachments: '', selfHandled: false, passed: true, satisfaction: 'satisfied', resolved: true, until: '',
  lead: 'police', into: '',
};

/** Inputs per action; an action without inputs is taken on one click. Dispatch has its own panel. */
export const ACTION_INPUTS: Readonly<Record<Exclude<CaseActionName, 'dispatch'>, readonly InputName[]>> = {
  register: [], accept: [], arrive: [], resume: [],
  reject: ['reason'], return: ['reason'], escalate: ['reason'], reopen: ['reason'],
  handle: ['note', 'attachments', 'selfHandled'],
  verify: ['passed', 'note'],
  close: ['note'],
  evaluate: ['satisfaction', 'resolved', 'note'],
  suspend: ['reason', 'until'],
  designate: ['lead', 'reason'],
  merge: ['into'],
  cancel: ['reason'],
  amend: ['note'],
};

/** Irreversible or accountable acts: a reason and an explicit confirmation (UI guide). */
export const DANGEROUS: ReadonlySet<CaseActionName> = new Set(['reject', 'designate', 'reopen', 'cancel']);

function value(name: InputName, inputs: ActionInputs): unknown {
  if (name === 'attachments') return inputs.attachments.split(/[\n,，]/).map((s) => s.trim()).filter(Boolean);
  if (name === 'until') {
    const [date, time] = inputs.until.split('T');
    return date && time ? beijing(date, time) : undefined;
  }
  return inputs[name];
}

export function buildAct(action: Exclude<CaseActionName, 'dispatch'>, inputs: ActionInputs): { ok: true; act: CaseAction } | { ok: false; message: string } {
  const raw = Object.fromEntries([['action', action], ...ACTION_INPUTS[action].map((name) => [name, value(name, inputs)])]);
  const parsed = CaseAction.safeParse(raw);
  return parsed.success ? { ok: true, act: parsed.data } : { ok: false, message: describeIssues(parsed.error) };
}
