// The patrol task lists (巡查任务清单, S-2.1b / S-3.4) of the three kinds of micro grid, as a site keeps them (the demo
// street's: resources/demo-street/patrol-tasks.json). Seed 004: the district issues a basic list per kind —
// 规定动作 (residential 3 categories 10 items, street-front 3/11, extended 3/5) — and each street adds its own
// 自选动作 ("规定+自选"). Validated at the hall's start; every screen that shows a grid shows its kind's list.
import { z } from 'zod';
import { GridKind } from '../geo/grid-schema.ts';

const text = (max: number) => z.string().trim().min(1).max(max);

/** 规定动作 (the district's basic list) or 自选动作 (the street's own addition). */
export const TaskAction = z.enum(['required', 'optional']);
export type TaskAction = z.infer<typeof TaskAction>;

export const PatrolTask = z.object({
  id: z.string().regex(/^[A-Za-z]{1,4}-\d{1,3}$/, 'a task id is letters, a dash and digits, e.g. R-01'),
  text: text(60),
  action: TaskAction,
}).strict();
export type PatrolTask = z.infer<typeof PatrolTask>;

export const TaskCategory = z.object({ name: text(20), tasks: z.array(PatrolTask).min(1, 'a category needs at least one task') }).strict();
export type TaskCategory = z.infer<typeof TaskCategory>;

export const PatrolTaskList = z.object({
  kind: GridKind,
  /** 居村网格 / 街面网格 / 拓展网格, or the site's own words. */
  zh: text(20),
  en: text(40),
  /** What the patrol of this kind puts first (seed 004: 以市容环卫、街面秩序、治安防控为重点 …). */
  focus: text(80),
  categories: z.array(TaskCategory).min(1, 'a list needs at least one category'),
}).strict();
export type PatrolTaskList = z.infer<typeof PatrolTaskList>;

export const PatrolTaskLists = z.object({
  /** Where the lists come from (the district's document, the street's own additions). */
  source: text(200),
  lists: z.array(PatrolTaskList),
}).strict().superRefine(({ lists }, ctx) => {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  for (const kind of GridKind.options) {
    const count = lists.filter((l) => l.kind === kind).length;
    if (count !== 1) issue(['lists'], count === 0 ? `no task list for ${kind} grids` : `${count} task lists for ${kind} grids`);
  }
  const ids = new Map<string, string>();
  lists.forEach((list, l) => {
    if (!list.categories.some((c) => c.tasks.some((t) => t.action === 'required'))) issue(['lists', l], `the ${list.kind} list has no required task (规定动作)`);
    list.categories.forEach((category, c) => {
      if (list.categories.findIndex((other) => other.name === category.name) !== c) issue(['lists', l, 'categories', c, 'name'], `category ${category.name} appears twice in the ${list.kind} list`);
      category.tasks.forEach((task, t) => {
        const seen = ids.get(task.id);
        if (seen) issue(['lists', l, 'categories', c, 'tasks', t, 'id'], `task id ${task.id} is also used in ${seen}`);
        ids.set(task.id, `${list.kind}/${category.name}`);
      });
    });
  });
});
export type PatrolTaskLists = z.infer<typeof PatrolTaskLists>;

/** How many categories and tasks of each action a list has: 3 类 10 项 (+ 自选 n 项). */
export function taskCounts(list: PatrolTaskList): { categories: number; required: number; optional: number } {
  const tasks = list.categories.flatMap((c) => c.tasks);
  return { categories: list.categories.length, required: tasks.filter((t) => t.action === 'required').length, optional: tasks.filter((t) => t.action === 'optional').length };
}
