// The grid kinds' patrol task lists (巡查任务清单): the demo street's has seed 004's district lists (规定动作: 3 类 10 项,
// 3 类 11 项, 3 类 5 项) plus the street's own (自选动作); a bad file is refused at start naming the problem.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeIssues } from '../../electron/common/protocol.ts';
import { PatrolTaskLists, taskCounts } from '../../electron/common/patrol/patrol-tasks.ts';
import { ConfigError } from '../../electron/hall/config.ts';
import { loadPatrolTasks } from '../../electron/hall/patrol/patrol-tasks-file.ts';
import { REPO } from '../helpers/hall-process.ts';

const DEMO_FILE = join(REPO, 'resources/demo-street/patrol-tasks.json');
const demo = () => JSON.parse(readFileSync(DEMO_FILE, 'utf8')) as PatrolTaskLists;
const refusal = (data: unknown) => {
  const parsed = PatrolTaskLists.safeParse(data);
  return parsed.success ? 'accepted' : describeIssues(parsed.error);
};

describe('patrol task lists', () => {
  it('the demo street has seed 004\'s district lists for each grid kind, and its own additions', () => {
    const { lists } = PatrolTaskLists.parse(demo());
    const counts = Object.fromEntries(lists.map((l) => [l.kind, taskCounts(l)]));
    expect(counts).toEqual({
      residential: { categories: 3, required: 10, optional: 4 },
      streetfront: { categories: 3, required: 11, optional: 3 },
      extended: { categories: 3, required: 5, optional: 1 },
    });
    // Seed 004 names the street-front list's three emphases and the extended list's.
    expect(lists.find((l) => l.kind === 'streetfront')!.categories.map((c) => c.name)).toEqual(['市容环卫', '街面秩序', '治安防控']);
    expect(lists.find((l) => l.kind === 'extended')!.categories.flatMap((c) => c.tasks).map((t) => t.text).join()).toMatch(/违法建筑.*违法经营.*违法排污.*违法居住/);
  });

  it.each([
    ['a kind without a list', (d: PatrolTaskLists) => d.lists.pop(), /no task list for extended grids/],
    ['two lists of one kind', (d: PatrolTaskLists) => d.lists.push(d.lists[0]!), /2 task lists for residential grids/],
    ['a task id used twice', (d: PatrolTaskLists) => (d.lists[1]!.categories[0]!.tasks[0]!.id = 'R-01'), /lists\.1\.categories\.0\.tasks\.0\.id: task id R-01 is also used in residential\/环境卫生/],
    ['a category named twice', (d: PatrolTaskLists) => (d.lists[0]!.categories[1]!.name = '环境卫生'), /category 环境卫生 appears twice in the residential list/],
    ['a list of optional tasks only', (d: PatrolTaskLists) => d.lists[2]!.categories.forEach((c) => c.tasks.forEach((t) => (t.action = 'optional'))), /the extended list has no required task/],
    ['an empty category', (d: PatrolTaskLists) => (d.lists[0]!.categories[0]!.tasks = []), /lists\.0\.categories\.0\.tasks: a category needs at least one task/],
    ['an unknown action', (d: PatrolTaskLists) => ((d.lists[0]!.categories[0]!.tasks[0]! as { action: string }).action = 'sometimes'), /lists\.0\.categories\.0\.tasks\.0\.action/],
    ['an unknown grid kind', (d: PatrolTaskLists) => ((d.lists[0]! as { kind: string }).kind = 'rural'), /lists\.0\.kind/],
    ['a bad task id', (d: PatrolTaskLists) => (d.lists[0]!.categories[0]!.tasks[0]!.id = 'first task'), /a task id is letters, a dash and digits/],
    ['an unknown field', (d: PatrolTaskLists) => Object.assign(d.lists[0]!, { colour: 'red' }), /colour/],
  ])('refuses %s, naming it', (_, change, message) => {
    const data = demo();
    change(data);
    expect(refusal(data)).toMatch(message);
  });

  it('is read beside the site file at start: a bad file names the file and the field; only a custom site may have none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'patrol-tasks-'));
    const site = join(dir, 'site.json');
    expect(loadPatrolTasks(site, false)).toEqual({ file: join(dir, 'patrol-tasks.json'), lists: null });
    expect(() => loadPatrolTasks(site, true)).toThrow(ConfigError);
    const data = demo();
    data.lists[0]!.categories[0]!.tasks[0]!.text = '';
    writeFileSync(join(dir, 'patrol-tasks.json'), JSON.stringify(data));
    expect(() => loadPatrolTasks(site, false)).toThrow(new RegExp(`^patrol task lists ${join(dir, 'patrol-tasks.json')}: "lists.0.categories.0.tasks.0.text": `));
    writeFileSync(join(dir, 'patrol-tasks.json'), '{"lists": [');
    expect(() => loadPatrolTasks(site, false)).toThrow(/: not JSON: /);
    expect(loadPatrolTasks(join(REPO, 'resources/demo-street/site.json'), true).lists?.lists).toHaveLength(3);
  });
});
