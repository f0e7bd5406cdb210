// S-4.5 escalation: the ladder micro → small → zone → street → district (「矛盾不出微网、小事不出小网、难事不出中网」,
// seed 000) and the residential 7-day rule of seed 004 (「前端自治+后端共治」7天快速处置机制): a residential grid
// first tries self-governance for up to 3 days; if that fails, enforcement joins and must finish within 4 more.
import { FINISHED_STATES } from '../case-window.ts';
import { Tier } from './case-model.ts';
import type { CaseView } from './case-model.ts';
import { DAY } from './beijing-time.ts';
import type { GridKind } from '../geo/grid-schema.ts';

export const LADDER: readonly Tier[] = Tier.options;

/** What each grid level is expected to keep from going further up. */
export const LADDER_MOTTOS: Readonly<Partial<Record<Tier, string>>> = {
  micro: '矛盾不出微网',
  small: '小事不出小网',
  zone: '难事不出中网',
};

/** The tier one step up, or null at the district (the top of the ladder). */
export function nextTier(tier: Tier): Tier | null {
  return LADDER[LADDER.indexOf(tier) + 1] ?? null;
}

export interface ResidentialRule { selfGovernanceMs: number; enforcementMs: number }

/** Seed 004: 「居村网格应在1-3天内…自治」, then 「执法联动力量及时跟进到场…并于4日内完成处置任务」 (calendar days). */
export const RESIDENTIAL_RULE: ResidentialRule = { selfGovernanceMs: 3 * DAY, enforcementMs: 4 * DAY };

export type EscalationStage = 'selfGovernance' | 'enforcementJoined' | 'overdue';

export interface EscalationAdvice {
  stage: EscalationStage;
  joinEnforcementAt: number;
  finishBy: number;
  /** Where the case goes if it is escalated now; null at the district. */
  nextTier: Tier | null;
}

const FINISHED = new Set<CaseView['state']>(FINISHED_STATES);

/**
 * Where a case stands in the residential rule. The days count from when the problem was reported (发现),
 * in calendar time; each boundary instant still belongs to the earlier stage's deadline, i.e. enforcement joins
 * exactly at report + 3 days and the case is overdue only after report + 7 days. Null when the rule does not
 * apply: not a residential grid, or the case already has its result (handled) or is finished.
 */
export function escalationAdvice(view: CaseView, gridKind: GridKind, now: number, rule: ResidentialRule = RESIDENTIAL_RULE): EscalationAdvice | null {
  if (gridKind !== 'residential' || view.handledAt !== null || FINISHED.has(view.state)) return null;
  const joinEnforcementAt = view.createdAt + rule.selfGovernanceMs;
  const finishBy = joinEnforcementAt + rule.enforcementMs;
  const stage: EscalationStage = now < joinEnforcementAt ? 'selfGovernance' : now <= finishBy ? 'enforcementJoined' : 'overdue';
  return { stage, joinEnforcementAt, finishBy, nextTier: nextTier(view.tier) };
}
