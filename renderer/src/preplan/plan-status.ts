// How a plan action's state reads on every screen: a glyph and a word with the colour (never colour alone), and
// the deadline as a countdown or as how late it is.
import { useMemo } from 'react';
import { planProgress, planSummary, type ActionProgress, type ActionState } from '../../../electron/common/preplan/plan-progress.ts';
import type { PlanView } from '../../../electron/common/preplan/plan-model.ts';
import { useHallState } from '../hall-context.tsx';
import type { MessageKey, Translator } from '../i18n/dictionary.ts';

export const STATE_GLYPH: Readonly<Record<ActionState, string>> = { done: '✓', late: '⚠', open: '◷', released: '–' };
const STATE_WORD: Readonly<Record<ActionState, MessageKey>> = { done: 'planDone', late: 'planLate', open: 'planOpen', released: 'planReleased' };

export const stateWord = (p: Pick<ActionProgress, 'state' | 'late'>, t: Translator['t']): string => t(p.state === 'done' && p.late ? 'planDoneLate' : STATE_WORD[p.state]);

const minutesBetween = (a: number, b: number) => Math.max(0, Math.ceil((b - a) / 60_000));

/** 剩余 12 分钟 / 已超时 5 分钟 / the word of a done or released action. */
export function deadlineText(p: ActionProgress, now: number, t: Translator['t']): string {
  if (p.state === 'open') return `${t('planLeft')} ${minutesBetween(now, p.action.deadlineAt)} ${t('planMinutes')}`;
  if (p.state === 'late') return `${t('planOverBy')} ${minutesBetween(p.action.deadlineAt, now)} ${t('planMinutes')}`;
  return stateWord(p, t);
}

export interface PlanInForce { plan: PlanView; progress: ActionProgress[]; summary: ReturnType<typeof planSummary> }

/** The plan in force with every action's progress at `now`; null when none is. */
export function usePlanInForce(now: number): PlanInForce | null {
  const { plan } = useHallState();
  return useMemo(() => (plan && plan.closedAt === null ? { plan, progress: planProgress(plan, now), summary: planSummary(plan, now) } : null), [plan, now]);
}
