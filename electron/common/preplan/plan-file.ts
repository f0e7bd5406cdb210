// Pre-plans (预案, S-6.3) as a site keeps them (the demo street's: resources/demo-street/preplans.json): per hazard,
// the actions of its response, each with the department that answers for it, a deadline counted from the
// activation, the stations it applies to (or none: the centre's own) and a checklist. Levels build on each other
// the way the response levels do: an action declared `from` level III is part of III, II and I; a higher level
// may tighten its deadline and add checklist items (`deadlineMin` and an item's `from`). The hall reads and checks
// the file at start; what must agree with the site (departments, categories) and the map (stations) is checked by
// `planFileProblems`.
import { z } from 'zod';
import { Hazard, WarningLevel as ResponseLevel } from '../cap/cn-profile.ts';
import { DepartmentId } from '../domain/case-model.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const key = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'an id is lower-case latin letters, digits and dashes, e.g. ty-billboards');

/** From the lowest: IV (blue) … I (red). */
export const LEVELS_UP: readonly ResponseLevel[] = ResponseLevel.options;
export const levelRank = (level: ResponseLevel): number => LEVELS_UP.indexOf(level);
/** Whether something declared from `from` applies at `level`. */
export const appliesAt = (from: ResponseLevel, level: ResponseLevel): boolean => levelRank(from) <= levelRank(level);

const minutes = z.number().int().min(1).max(7 * 24 * 60);

/** A value that may change with the level: one for all, or per level, each holding from its level up. */
const byLevel = <T extends z.ZodType>(value: T) => z.union([value, z.partialRecord(ResponseLevel, value)]);
export type ByLevel<T> = T | Partial<Record<ResponseLevel, T>>;

/** The value at `level`: the entry of the nearest level at or below it; undefined when none is. */
export function atLevel<T>(value: ByLevel<T>, level: ResponseLevel): T | undefined {
  if (typeof value !== 'object' || value === null) return value;
  const entries = value as Partial<Record<ResponseLevel, T>>;
  for (let rank = levelRank(level); rank >= 0; rank--) {
    const found = entries[LEVELS_UP[rank]!];
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Stations an action applies to: every one, those named, or those whose small grid holds a flood-prone point
 *  (积水点) or a shelter (避难点); absent, the action is the centre's own (ticked once). */
export const StationChoice = z.union([
  z.literal('all'),
  z.array(z.string().regex(/^[\w-]{1,20}$/, 'a station id, e.g. GZ-03')).min(1).max(200),
  z.object({ with: z.enum(['flood', 'shelter']) }).strict(),
]);
export type StationChoice = z.infer<typeof StationChoice>;

export const PlanItemSpec = z.object({
  id: key,
  text: text(60),
  /** The level the item joins the checklist at; the action's own when absent. */
  from: ResponseLevel.optional(),
}).strict();

export const PlanActionSpec = z.object({
  id: key,
  from: ResponseLevel,
  title: text(40),
  department: DepartmentId,
  /** Minutes from the activation (from the raise, for a deadline a higher level tightens). */
  deadlineMin: byLevel(minutes),
  stations: StationChoice.optional(),
  items: z.array(PlanItemSpec).min(1, 'an action needs at least one checklist item').max(12),
}).strict();
export type PlanActionSpec = z.infer<typeof PlanActionSpec>;

export const HazardPlanSpec = z.object({
  hazard: Hazard,
  /** 中山街道防御台风应急预案 … */
  title: text(40),
  /** The site's case categories this hazard brings (fallen trees, waterlogging …): the situation report counts them. */
  categories: z.array(text(50)).min(1).max(20),
  /** 灾情快报 while the plan is active, every so many minutes (per level). */
  reportEveryMin: byLevel(z.number().int().min(5).max(24 * 60)),
  actions: z.array(PlanActionSpec).min(1).max(60),
}).strict();
export type HazardPlanSpec = z.infer<typeof HazardPlanSpec>;

export const PlanFile = z.object({
  /** Where the plans come from (the street's documents), kept with them. */
  source: text(400),
  plans: z.array(HazardPlanSpec).min(1).max(20),
}).strict().superRefine(({ plans }, ctx) => {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  plans.forEach((plan, p) => {
    if (plans.findIndex((other) => other.hazard === plan.hazard) !== p) issue(['plans', p, 'hazard'], `a second plan for ${plan.hazard}`);
    if (atLevel(plan.reportEveryMin, 'IV') === undefined) issue(['plans', p, 'reportEveryMin'], 'needs a value from level IV');
    plan.actions.forEach((action, a) => {
      const at = (...path: (string | number)[]) => ['plans', p, 'actions', a, ...path];
      if (plan.actions.findIndex((other) => other.id === action.id) !== a) issue(at('id'), `action id ${action.id} appears twice in the ${plan.hazard} plan`);
      if (atLevel(action.deadlineMin, action.from) === undefined) issue(at('deadlineMin'), `needs a deadline from level ${action.from}, the action's own`);
      if (typeof action.deadlineMin === 'object') {
        for (const level of Object.keys(action.deadlineMin) as ResponseLevel[]) {
          if (!appliesAt(action.from, level)) issue(at('deadlineMin', level), `level ${level} is below the action's level ${action.from}`);
        }
      }
      action.items.forEach((item, i) => {
        if (action.items.findIndex((other) => other.id === item.id) !== i) issue(at('items', i, 'id'), `item id ${item.id} appears twice in ${action.id}`);
        if (item.from && !appliesAt(action.from, item.from)) issue(at('items', i, 'from'), `level ${item.from} is below the action's level ${action.from}`);
      });
    });
  });
});
export type PlanFile = z.infer<typeof PlanFile>;

/** What the file must agree with: the site's departments and categories, the map's stations. */
export interface PlanFileContext {
  hasDepartment(id: string): boolean;
  hasCategory(name: string): boolean;
  /** Station ids of the points layer (kind 'station'). */
  stations: ReadonlySet<string>;
}

/** Each field that names something the site or the map does not have, with its path. */
export function planFileProblems(file: PlanFile, context: PlanFileContext): Array<{ path: string; message: string }> {
  const problems: Array<{ path: string; message: string }> = [];
  file.plans.forEach((plan, p) => {
    plan.categories.forEach((c, i) => context.hasCategory(c) || problems.push({ path: `plans.${p}.categories.${i}`, message: `no case category ${c} at this site` }));
    plan.actions.forEach((action, a) => {
      const at = `plans.${p}.actions.${a}`;
      if (!context.hasDepartment(action.department)) problems.push({ path: `${at}.department`, message: `no department ${action.department} at this site` });
      if (Array.isArray(action.stations)) {
        action.stations.forEach((s, i) => context.stations.has(s) || problems.push({ path: `${at}.stations.${i}`, message: `no station ${s} on the map` }));
      }
    });
  });
  return problems;
}
