// S-6.2 and S-6.7 over a real SQLite store, event log and outbox, as the hall core wires them: a switch into
// emergency hands command to the site's emergency command (an event of its own) and a switch out hands it back to
// the roster; cases reported at a seat during a drill are marked drill, left out of the KPI SQL and never queued
// for the district — before and after the projections are rebuilt from the log.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kpiRulesFor } from '../../electron/common/kpi/kpi-definitions.ts';
import type { CaseAction, CaseView, Command, HallEvent, SeatInfo } from '../../electron/common/protocol.ts';
import { executeCommand, type CommandContext } from '../../electron/hall/commands.ts';
import { loadDemoLayers } from '../../electron/hall/demo/demo-layers.ts';
import { createEventLog } from '../../electron/hall/event-log.ts';
import { loadMode, rebuildProjections } from '../../electron/hall/projections.ts';
import { DEMO_SITE_FILE, emergencyCommandOf } from '../../electron/hall/site-file.ts';
import { loadCase } from '../../electron/hall/store/case-table.ts';
import { openStore } from '../../electron/hall/store/database.ts';
import { loadForce } from '../../electron/hall/store/force-table.ts';
import { kpisInSql } from '../../electron/hall/store/kpi-table.ts';
import { pendingUp } from '../../electron/hall/store/upstream-tables.ts';
import { createOutbox } from '../../electron/hall/upstream/outbox.ts';
import { DEMO_SITE, demoGazetteer } from '../helpers/demo-site.ts';
import { REPO, tempDataDir } from '../helpers/hall-process.ts';

const NOW = Date.UTC(2026, 10, 23, 2);
const CONSOLE: SeatInfo = { id: 'console-1', role: 'console', department: 'command', label: '值班指挥台' };
const POINTS = loadDemoLayers(join(REPO, 'resources')).points.features;
const EMERGENCY = emergencyCommandOf(DEMO_SITE, DEMO_SITE_FILE, POINTS);
const TYPHOON_III = { target: { mode: 'emergency', hazard: 'typhoon', level: 'III' }, reason: '台风黄色预警' } as const;
const CLOSE_ALL: CaseAction[] = [
  { action: 'register' }, { action: 'dispatch', lead: 'water', assisting: [], forces: [], dutyRule: 'clear' }, { action: 'arrive' },
  { action: 'handle', note: '已排水', attachments: [], selfHandled: false }, { action: 'verify', passed: true, note: '' }, { action: 'close', note: '' },
];

function hall() {
  const store = openStore(join(tempDataDir('modes-'), 'hall.db'));
  const outbox = createOutbox(store, 'hall-test', false);
  const log = createEventLog(store, () => NOW, outbox.hook);
  outbox.start();
  const ctx: CommandContext = {
    log, store, site: DEMO_SITE, now: () => NOW, officerAt: () => null, gazetteer: demoGazetteer(),
    loadCase: (id) => loadCase(store, id), loadForce: (id) => loadForce(store, id), consoleSeats: ['console-1'], loadHandover: () => undefined,
    mode: () => loadMode(store), openConflict: () => undefined, emergencyCommand: EMERGENCY,
  };
  let n = 0;
  const ok = (command: Command) => {
    const result = executeCommand(ctx, CONSOLE, `cmd-${++n}`, command);
    if (!result.ok) throw new Error(`${command.kind}: ${result.message}`);
    return [result.event, ...(result.followUps ?? []).map((f) => f.event)];
  };
  const report = (title: string): CaseView => {
    const [created] = ok({ kind: 'case.create', draft: { title, description: '', source: 'patrol', urgency: 'general', category: '防汛防台', address: '', gridId: 'M001' } });
    const view = (created as Extract<HallEvent, { type: 'case.created' }>).payload;
    for (const act of CLOSE_ALL) ok({ kind: 'case.act', caseId: view.id, act });
    return view;
  };
  const switchTo = (to: object) => ok({ kind: 'mode.switch', to: to as never, confirmed: true });
  return { store, ok, report, switchTo };
}

describe('the emergency command over a real store', () => {
  it('takes over on the switch into emergency, stays through a change of level and hands back to the roster', () => {
    const { store, switchTo } = hall();
    const into = switchTo(TYPHOON_III);
    expect(into.map((e) => e.type).slice(0, 2)).toEqual(['mode.switched', 'command.transferred']);
    expect(into[1]!.payload).toMatchObject({ to: 'emergency', command: { commander: { name: '陈晓燕' }, deputy: { title: '水务所所长' }, desks: ['water', 'emergency', 'fire', 'greening'] } });
    const posts = loadMode(store).command!.posts;
    expect(posts.find((p) => p.station === 'GZ-01')).toEqual({ station: 'GZ-01', name: '谷阳居委工作站', chief: '胡平' });
    expect(posts.every((p) => p.name.includes('居委'))).toBe(true);

    const higher = switchTo({ ...TYPHOON_III, target: { ...TYPHOON_III.target, level: 'II' }, reason: '升级为橙色' });
    expect(higher.map((e) => e.type)).not.toContain('command.transferred');
    expect(loadMode(store)).toMatchObject({ target: { level: 'II' }, command: { commander: { name: '陈晓燕' } } });

    const back = switchTo({ target: { mode: 'daily' }, reason: '解除预警' });
    expect(back.find((e) => e.type === 'command.transferred')?.payload).toEqual({ to: 'roster' });
    expect(loadMode(store).command).toBeUndefined();
    rebuildProjections(store);
    expect(loadMode(store)).toMatchObject({ target: { mode: 'daily' } });
    expect(loadMode(store).command).toBeUndefined();
  });
});

describe('drill data', () => {
  it('is marked drill, out of the KPI SQL and out of the outbox; real cases before and after count and go up', () => {
    const { store, report, switchTo } = hall();
    const before = report('积水（实战）');
    switchTo({ ...TYPHOON_III, drill: true, reason: '防台演练' });
    const drill = report('积水（演练）');
    switchTo({ target: { mode: 'daily' }, reason: '演练结束' });
    const after = report('积水（演练后）');

    expect(loadCase(store, drill.id)?.drill).toBe(true);
    expect(loadCase(store, before.id)?.drill).toBeUndefined();
    expect(loadCase(store, after.id)?.drill).toBeUndefined();

    const upCases = () => pendingUp(store, 0, NOW, 10_000).map((r) => JSON.parse(r.body) as { kind: string; caseId?: string });
    const sentFor = (id: string) => upCases().filter((b) => b.caseId === id).map((b) => b.kind);
    expect(sentFor(before.id)).toEqual(['case.new', ...CLOSE_ALL.map(() => 'case.step')]);
    expect(sentFor(after.id)).toHaveLength(1 + CLOSE_ALL.length);
    expect(sentFor(drill.id)).toEqual([]);

    const kpis = () => kpisInSql(store, { from: NOW - 1, to: NOW + 1 }, { rules: kpiRulesFor(DEMO_SITE.site), now: NOW, withIds: true });
    for (const figures of [kpis(), (rebuildProjections(store), kpis())]) {
      expect(figures.closure.denominatorIds.sort()).toEqual([before.id, after.id].sort());
      expect(figures.proactiveDiscovery).toMatchObject({ numerator: 2, denominator: 2 });
    }
  });
});
