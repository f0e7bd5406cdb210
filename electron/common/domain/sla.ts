// S-4.3 SLA clocks. Seed 001: urgent cases (重大安全隐患, 热线紧急类工单, 非警务类警情) must be on scene within
// 15 min and have a preliminary result within 1 h; general cases follow their ticket's deadline. Grades are the
// site's (site-config.ts): any grade may set on-scene and result limits. Each case runs at most one clock at a time:
// - a grade with limits: `onScene` until the first arrival, then `result` until the first result (handled), both
//   counted from registration in wall-clock time;
// - then every case: `due` until it is closed — to the ticket's `dueAt` (wall clock) when it has one, otherwise
//   a number of working days (office hours, Beijing time) from registration, by category, else by source, else
//   by grade, else the default of 3 working days (the 1–3 days seed 004 gives a grid to settle a problem itself).
// No clock runs before registration or once the case is rejected, closed, evaluated or suspended; a reopened
// case (重办) runs its `due` clock again from the original registration, so it is usually overdue at once.
// A suspension (挂起/延期) pauses the clock: the deadline moves by the suspended time, measured like the clock
// (wall time for wall clocks, office time for working-day clocks). The deadline instant itself is still on
// time; the case is overdue (红灯超时) only after it. It turns yellow (nearDue) once the time left is at most a
// share of the clock's budget (20 %), but never less than a minimum (5 min, so a 15-min arrival turns yellow
// with 5 min left).
// Emergency categories (倒伏树木, 积水 …, S-6.5) set their own on-scene and result limits, in place of their grade's.
import { FINISHED_STATES } from '../case-window.ts';
import type { CaseSource, CaseView } from './case-model.ts';
import type { SiteConfig } from '../site/site-config.ts';
import { MINUTE } from './beijing-time.ts';
import { DEFAULT_OFFICE_HOURS, addWorkingMs, workingMsBetween } from './office-hours.ts';
import type { OfficeHours } from './office-hours.ts';

export type SlaClock = 'onScene' | 'result' | 'due';
export type SlaLevel = 'normal' | 'nearDue' | 'overdue';

export interface GradeLimits { onSceneMs: number | null; resultMs: number | null; workingDays: number | null }

export interface SlaPolicy {
  officeHours: OfficeHours;
  /** By urgency grade id; a grade not listed has no limits of its own. */
  grades: Readonly<Record<string, GradeLimits>>;
  /** By category name: an emergency category's own limits, before its grade's. */
  categories?: Readonly<Record<string, GradeLimits>>;
  general: { workingDays: number; bySource: Readonly<Partial<Record<CaseSource, number>>>; byCategory: Readonly<Record<string, number>> };
  nearDue: { share: number; minMs: number };
}

const BASE = {
  officeHours: DEFAULT_OFFICE_HOURS,
  general: { workingDays: 3, bySource: {}, byCategory: {} },
  nearDue: { share: 0.2, minMs: 5 * MINUTE },
} as const;

/** Seed 001's two classes: urgent (15 min on scene, 1 h result) and general. */
export const DEFAULT_SLA_POLICY: SlaPolicy = {
  ...BASE,
  grades: { urgent: { onSceneMs: 15 * MINUTE, resultMs: 60 * MINUTE, workingDays: null } },
};

/** The clocks a site's grades and emergency categories set. */
export function slaPolicyFor(site: Pick<SiteConfig, 'urgencies'> & Partial<Pick<SiteConfig, 'categories'>>): SlaPolicy {
  const grades = Object.fromEntries(site.urgencies.map((u) => [u.id, {
    onSceneMs: u.onSceneMin === null ? null : u.onSceneMin * MINUTE,
    resultMs: u.resultMin === null ? null : u.resultMin * MINUTE,
    workingDays: u.dueWorkingDays ?? null,
  }]));
  const categories = Object.fromEntries((site.categories ?? []).flatMap((c) => (c.onSceneMin !== undefined && c.resultMin !== undefined
    ? [[c.name, { onSceneMs: c.onSceneMin * MINUTE, resultMs: c.resultMin * MINUTE, workingDays: null }]]
    : [])));
  return { ...BASE, grades, categories };
}

const limitsOf = (view: CaseView, policy: SlaPolicy): GradeLimits | undefined => policy.categories?.[view.category] ?? policy.grades[view.urgency];

export type SlaStatus =
  | { clock: null }
  | { clock: SlaClock; deadline: number; nearDueAt: number; remainingMs: number; level: SlaLevel };

/** A clock's deadline and the instant it turns yellow. */
export interface SlaDeadline { deadline: number; nearDueAt: number }

const STOPPED = new Set<CaseView['state']>(['reported', 'suspended', ...FINISHED_STATES]);

/** The clock running for the case now, or null. */
export function activeClock(view: CaseView, policy: SlaPolicy): SlaClock | null {
  if (STOPPED.has(view.state) || view.registeredAt === null) return null;
  const limits = limitsOf(view, policy);
  if (limits?.onSceneMs != null && view.onSceneAt === null) return 'onScene';
  if (limits?.resultMs != null && view.handledAt === null) return 'result';
  return 'due';
}

/**
 * Where a clock's deadline falls for this case, whether or not it is running (KPIs compare a milestone with
 * it: e.g. on time when `onSceneAt <= deadline`). Null before registration. Counts finished suspensions only.
 */
export function slaDeadline(view: CaseView, clock: SlaClock, policy: SlaPolicy): SlaDeadline | null {
  const start = view.registeredAt;
  if (start === null) return null;
  const hours = policy.officeHours;
  const { budget, working } = budgetOf(view, clock, start, policy);
  const threshold = Math.max(0, Math.min(budget, Math.max(Math.round(policy.nearDue.share * budget), policy.nearDue.minMs)));
  let paused = 0;
  for (const s of view.suspensions ?? []) {
    if (s.to === null || s.to <= start) continue;
    const from = Math.max(s.from, start);
    paused += working ? workingMsBetween(from, s.to, hours) : s.to - from;
  }
  const at = (elapsed: number) => (working ? addWorkingMs(start, elapsed, hours) : start + elapsed);
  return { deadline: at(budget + paused), nearDueAt: at(budget + paused - threshold) };
}

function budgetOf(view: CaseView, clock: SlaClock, start: number, policy: SlaPolicy): { budget: number; working: boolean } {
  switch (clock) {
    case 'onScene':
      return { budget: limitsOf(view, policy)?.onSceneMs ?? 0, working: false };
    case 'result':
      return { budget: limitsOf(view, policy)?.resultMs ?? 0, working: false };
    case 'due': {
      // A ticket deadline already past at registration gives a negative budget: overdue at once.
      if (view.dueAt !== undefined) return { budget: view.dueAt - start, working: false };
      const { general, officeHours } = policy;
      const days = general.byCategory[view.category] ?? general.bySource[view.source] ?? limitsOf(view, policy)?.workingDays ?? general.workingDays;
      return { budget: days * (officeHours.closeMin - officeHours.openMin) * MINUTE, working: true };
    }
  }
}

/** The running clock with its deadline, time left (negative when overdue) and colour level. */
export function slaStatus(view: CaseView, now: number, policy: SlaPolicy): SlaStatus {
  const clock = activeClock(view, policy);
  const due = clock === null ? null : slaDeadline(view, clock, policy);
  if (clock === null || due === null) return { clock: null };
  const level: SlaLevel = now > due.deadline ? 'overdue' : now >= due.nearDueAt ? 'nearDue' : 'normal';
  return { clock, ...due, remainingMs: due.deadline - now, level };
}
