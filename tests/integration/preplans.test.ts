// S-6.3 pre-plans, S-6.5 situation reports and S-6.6 the stand-down's after-action review on a real hall over the
// LAN and HTTP: the switch to emergency activates the typhoon plan in its transaction; a joint desk ticks its own
// department's item and every console and wall gets it, another department's is refused; a level raise adds the
// level's actions and keeps what was ticked; a situation report issued on demand carries the figures in its xlsx
// and PDF; the stand-down closes the plan and the hall builds the after-action timeline from the log.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Review } from '../../electron/common/preplan/after-action.ts';
import type { PlanView } from '../../electron/common/preplan/plan-model.ts';
import type { SituationReportRef } from '../../electron/common/preplan/situation-model.ts';
import type { HallEvent, ServerMessage } from '../../electron/common/protocol.ts';
import { HALL_ENTRY, REPO, startHall, tempDataDir, type HallProcess } from '../helpers/hall-process.ts';
import { pdfPages, readWorkbook } from '../helpers/report-files.ts';
import { connect, draft, type TestClient } from '../helpers/ws-client.ts';

let hall: HallProcess;
let n = 0;
const reply = async (client: TestClient, command: object) => {
  const commandId = `plan-cmd-${String(++n).padStart(4, '0')}`;
  client.send({ type: 'command', commandId, command });
  return client.take((m) => (m.type === 'ack' || m.type === 'reject') && m.commandId === commandId, commandId) as Promise<Extract<ServerMessage, { type: 'ack' | 'reject' }>>;
};
const eventOf = async <T extends HallEvent['type']>(client: TestClient, type: T) =>
  (await client.next('event', 5_000, (m) => m.event.type === type)).event as Extract<HallEvent, { type: T }>;
const api = (path: string, seat = 'console-1', init: RequestInit = {}) =>
  fetch(`${hall.httpBase}${path}`, { ...init, headers: { authorization: `Bearer ${hall.tokenOf(seat)}` } });
const typhoon = (level: 'IV' | 'III' | 'II' | 'I') => ({ target: { mode: 'emergency', hazard: 'typhoon', level }, reason: `台风${level}级预警`, drill: false });

beforeAll(async () => (hall = await startHall({ args: ['--demo-feed', '0'] })));
afterAll(async () => hall?.stop());

describe('pre-plans, situation reports and the after-action review', () => {
  let commander: TestClient;
  let wall: TestClient;
  let police: TestClient;
  let plan: PlanView;

  it('activates the plan of the hazard and level in the switch\'s transaction; every seat gets it', async () => {
    commander = await connect(hall.wsUrl, { seatId: 'console-1', token: hall.tokenOf('console-1') });
    wall = await connect(hall.wsUrl, { role: 'wall', seatId: 'wall-1', token: hall.tokenOf('wall-1') });
    police = await connect(hall.wsUrl, { role: 'desk', seatId: 'desk-police', token: hall.tokenOf('desk-police') });
    expect((await wall.next('snapshot')).plan).toBeNull();

    const ack = await reply(commander, { kind: 'mode.switch', to: typhoon('III'), confirmed: true });
    expect(ack.type).toBe('ack');
    const switched = await eventOf(wall, 'mode.switched');
    const activated = await eventOf(wall, 'plan.activated');
    // In the switch's transaction: only the emergency command's taking over (command.transferred) may come between.
    expect(activated.seq).toBeGreaterThan(switched.seq);
    expect(activated.seq).toBeLessThanOrEqual(switched.seq + 2);
    expect(activated.payload).toMatchObject({ hazard: 'typhoon', level: 'III', episodeSeq: switched.seq, reportEveryMin: 240 });
    const ids = activated.payload.actions.map((a) => a.id);
    expect(ids).toEqual(expect.arrayContaining(['ty-duty', 'ty-stations', 'ty-billboards', 'ty-patrol', 'ty-flood-watch']));
    expect(ids).not.toContain('ty-evacuate'); // level II
    expect(activated.payload.actions.find((a) => a.id === 'ty-stations')!.stations).toHaveLength(26);
    await eventOf(police, 'plan.activated');

    const late = await connect(hall.wsUrl, { seatId: 'console-1', token: hall.tokenOf('console-1') });
    const snapshot = await late.next('snapshot');
    plan = snapshot.plan!;
    expect(plan).toMatchObject({ id: activated.payload.planId, level: 'III', closedAt: null, ticks: [] });
    expect(snapshot.episode).toMatchObject({ seq: switched.seq, endedSeq: null, hazard: 'typhoon', level: 'III' });
    const patrol = plan.actions.find((a) => a.id === 'ty-patrol')!;
    expect(patrol.deadlineAt - plan.startedAt).toBe(120 * 60_000);
    await late.close();
  });

  it('lets a desk tick only its own department\'s items, signed in; the console and the wall get the tick', async () => {
    const tick = (actionId: string, itemId: string, stations: string[] = []) => ({ kind: 'plan.tick', planId: plan.id, actionId, itemId, stations, done: true });
    expect(await reply(police, tick('ty-patrol', 'patrol'))).toMatchObject({ type: 'reject', code: 'forbidden', message: expect.stringMatching(/点名报到/) });
    expect((await reply(police, { kind: 'seat.signIn', officer: { name: '王警官', badge: '031245' } })).type).toBe('ack');

    const started = Date.now();
    expect((await reply(police, tick('ty-patrol', 'patrol'))).type).toBe('ack');
    const seen = await eventOf(wall, 'plan.ticked');
    await eventOf(commander, 'plan.ticked');
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(seen).toMatchObject({ seat: 'desk-police', officer: { name: '王警官' }, payload: { actionId: 'ty-patrol', itemId: 'patrol', stations: [], done: true } });

    // Another department's action, a station the action does not have, a tick made twice: refused by name.
    expect(await reply(police, tick('ty-billboards', 'survey', ['GZ-01']))).toMatchObject({ type: 'reject', code: 'forbidden', message: expect.stringMatching(/城管中队负责/) });
    expect(await reply(police, tick('ty-patrol', 'patrol'))).toMatchObject({ type: 'reject', message: expect.stringMatching(/已勾选/) });
    expect(await reply(commander, tick('ty-billboards', 'survey', ['GZ-99']))).toMatchObject({ type: 'reject', message: expect.stringMatching(/GZ-99/) });
    expect(await reply(commander, tick('ty-billboards', 'survey'))).toMatchObject({ type: 'reject', message: expect.stringMatching(/站点/) });
    // The console ticks any department's, at stations.
    expect((await reply(commander, tick('ty-billboards', 'survey', ['GZ-01', 'GZ-02']))).type).toBe('ack');
    expect((await eventOf(wall, 'plan.ticked')).payload.stations).toEqual(['GZ-01', 'GZ-02']);
    expect((await reply(police, tick('ty-patrol', 'underpass'))).type).toBe('ack');
    await eventOf(wall, 'plan.ticked');
  });

  it('raises the level: the same plan, the level\'s actions added, ticks kept', async () => {
    expect((await reply(commander, { kind: 'mode.switch', to: typhoon('II'), confirmed: true })).type).toBe('ack');
    const raised = await eventOf(wall, 'plan.activated');
    expect(raised.payload).toMatchObject({ planId: plan.id, level: 'II' });
    expect(raised.payload.actions.map((a) => a.id)).toEqual(expect.arrayContaining(['ty-evacuate', 'ty-shelters', 'ty-pumps']));
    // An item the higher level adds to an action in force.
    expect(raised.payload.actions.find((a) => a.id === 'ty-flood-watch')!.items.map((i) => i.id)).toContain('depth');
    const late = await connect(hall.wsUrl, { role: 'desk', seatId: 'desk-urban', token: hall.tokenOf('desk-urban') });
    plan = (await late.next('snapshot')).plan!;
    expect(plan.levels.map((l) => l.level)).toEqual(['III', 'II']);
    expect(plan.ticks.map((t) => `${t.actionId}/${t.itemId}/${t.station}`).sort()).toEqual(['ty-billboards/survey/GZ-01', 'ty-billboards/survey/GZ-02', 'ty-patrol/patrol/null', 'ty-patrol/underpass/null']);
    // II tightens the billboards' deadline to 120 minutes from the raise.
    const billboards = plan.actions.find((a) => a.id === 'ty-billboards')!;
    expect(billboards.deadlineAt).toBeLessThanOrEqual(plan.levels[1]!.at + 120 * 60_000);
    await late.close();
  });

  let report: SituationReportRef;
  it('issues a situation report on demand, console only, whose xlsx and PDF carry the figures', async () => {
    const created = await commander.createCase(draft('中山中路下立交积水', { category: '防汛防台', urgency: 'urgent', gridId: 'M062', location: { lon: 121.2288, lat: 30.9989 } }));
    expect(created.type).toBe('ack');
    const view = (await eventOf(commander, 'case.created')).payload;
    expect((await reply(commander, { kind: 'case.act', caseId: view.id, act: { action: 'register' } })).type).toBe('ack');
    expect((await reply(commander, { kind: 'case.act', caseId: view.id, act: { action: 'dispatch', lead: 'urban', assisting: [], forces: ['CG-001', 'CG-002'], dutyRule: 'clear' } })).type).toBe('ack');

    expect((await api('/api/situation-reports', 'desk-police', { method: 'POST' })).status).toBe(403);
    const issued = await api('/api/situation-reports', 'console-1', { method: 'POST' });
    expect(issued.status).toBe(200);
    report = (await issued.json()) as SituationReportRef;
    expect(report).toMatchObject({ no: 1, trigger: 'demand', drill: false });
    const event = await eventOf(commander, 'situation.reported');
    expect(event.payload.id).toBe(report.id);
    // Situation reports are the centre's: the desk's stream skips them.
    expect(police.messages.some((m) => m.type === 'event' && m.event.type === 'situation.reported')).toBe(false);
    expect(((await (await api('/api/situation-reports')).json()) as SituationReportRef[]).map((r) => r.id)).toEqual([report.id]);

    const xlsx = await readWorkbook(new Uint8Array(await (await api(`/api/situation-reports/${report.id}.xlsx`)).arrayBuffer()));
    const text = (sheet: string) => book(xlsx, sheet);
    expect(text('概况与预案')).toMatch(/台风Ⅱ级应急响应/);
    expect(text('概况与预案')).toMatch(/加强街面巡逻防控.*派出所.*已完成/);
    expect(text('概况与预案')).toMatch(/应急类案件.*上报1件/);
    expect(text('应急类案件')).toMatch(/防汛防台 1 0 1 0 0 0/);
    expect(text('应急类案件')).toMatch(/功能区片区公司（S13） 1 1 0 1/);
    expect(text('力量部署')).toMatch(/城管中队 \d+ \d+ 2 0 2/);
    expect(text('预警水位避难')).toMatch(/未接入/);
    expect(text('预警水位避难')).toMatch(/中山小学避难点 1200/);
    const pdf = await api(`/api/situation-reports/${report.id}.pdf`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const pages = (await pdfPages(new Uint8Array(await pdf.arrayBuffer()))).join('');
    expect(pages).toContain('灾情快报');
    expect(pages).toContain('第1期');
    expect(pages).toContain('加强街面巡逻防控');
    expect((await api(`/api/situation-reports/${report.id}.pdf`, 'desk-police')).status).toBe(403);
    expect((await api('/api/situation-reports/nosuchreport.xlsx')).status).toBe(404);
  });

  it('stands down: the plan closes and the hall builds the after-action timeline from the log', async () => {
    const episode = plan.episodeSeq;
    expect((await api(`/api/emergencies/${episode}/review`)).status).toBe(404); // not ended yet
    expect((await reply(commander, { kind: 'mode.switch', to: { target: { mode: 'daily' }, reason: '台风已过境，解除应急响应' }, confirmed: true })).type).toBe('ack');
    const closed = await eventOf(wall, 'plan.closed');
    expect(closed.payload).toEqual({ planId: plan.id, reason: 'standDown' });
    // The stand-down's own event: plan.closed follows it in its transaction, after command handed back to the roster.
    const standDownSeq = closed.seq - 2;
    expect(await api('/api/situation-reports', 'console-1', { method: 'POST' }).then((r) => r.status)).toBe(409);
    // The hall builds and stores the review itself, right after the stand-down.
    await expect.poll(() => hall.output(), { timeout: 5_000 }).toMatch(new RegExp(`after-action review of the emergency from #${episode} to #${standDownSeq}\\b`));

    const res = await api(`/api/emergencies/${episode}/review`);
    expect(res.status).toBe(200);
    const review = (await res.json()) as Review;
    expect(review).toMatchObject({ episodeSeq: episode, hazard: 'typhoon', peakLevel: 'II', drill: false });
    const kinds = review.entries.map((e) => e.kind);
    expect(kinds.filter((k) => k === 'mode')).toHaveLength(3);
    expect(kinds.filter((k) => k === 'planActivated')).toHaveLength(2);
    expect(review.entries).toEqual(expect.arrayContaining([
      expect.objectContaining({ kind: 'actionDone', actionId: 'ty-patrol', late: false, department: 'police' }),
      expect.objectContaining({ kind: 'caseOpened', title: '中山中路下立交积水', emergency: true }),
      expect.objectContaining({ kind: 'dispatch', forces: ['CG-001', 'CG-002'], lead: 'urban' }),
      expect.objectContaining({ kind: 'report', no: 1, trigger: 'demand' }),
      expect.objectContaining({ kind: 'planClosed', reason: 'standDown' }),
    ]));
    expect(review.entries.map((e) => e.at)).toEqual([...review.entries.map((e) => e.at)].sort((a, b) => a - b));
    expect(review.summary).toMatchObject({ casesOpened: 1, emergencyCases: 1, dispatches: 1, forcesDispatched: 2, reports: 1 });
    expect(review.summary.actions.onTime).toBe(1);
    expect(review.replay.frames[0]).toBe(review.startedAt);
    expect(review.replay.forces.map((f) => f.id).sort()).toEqual(['CG-001', 'CG-002']);
    expect(review.cases).toEqual([expect.objectContaining({ title: '中山中路下立交积水', position: { lon: 121.2288, lat: 30.9989 } })]);

    const episodes = (await (await api('/api/emergencies')).json()) as Array<{ seq: number; endedSeq: number | null }>;
    expect(episodes[0]).toMatchObject({ seq: episode, endedSeq: standDownSeq });
    const xlsx = await readWorkbook(new Uint8Array(await (await api(`/api/emergencies/${episode}/review.xlsx`)).arrayBuffer()));
    expect(book(xlsx, '时间线')).toMatch(/启动预案 中山街道防御台风应急预案（Ⅲ级）/);
    expect(book(xlsx, '概况与预案措施')).toMatch(/加强街面巡逻防控 派出所 Ⅲ级 .* 按时完成 2\/2/);
    expect((await api(`/api/emergencies/${episode}/review`, 'desk-police')).status).toBe(403);
    expect((await api('/api/emergencies/abc/review')).status).toBe(404);
    for (const c of [commander, wall, police]) await c.close();

    // After a restart: the closed plan and the ended episode in every snapshot, the review as stored.
    await hall.stop();
    hall = await startHall({ dataDir: hall.dataDir, args: ['--demo-feed', '0'] });
    const again = await connect(hall.wsUrl, { seatId: 'console-1', token: hall.tokenOf('console-1') });
    const snapshot = await again.next('snapshot');
    expect(snapshot.plan).toMatchObject({ id: plan.id, closeReason: 'standDown', ticks: expect.arrayContaining([expect.objectContaining({ actionId: 'ty-patrol' })]) });
    expect(snapshot.episode).toMatchObject({ seq: episode, endedSeq: standDownSeq });
    expect(snapshot.situationReports.map((r) => r.id)).toEqual([report.id]);
    expect(await (await api(`/api/emergencies/${episode}/review`)).json()).toEqual(review);
    expect(hall.output()).not.toMatch(/after-action review of/);
    await again.close();
  });
});

describe('a site\'s pre-plan file', () => {
  it('stops the start with exit code 2 naming the field when it is bad, creating nothing', () => {
    const dir = tempDataDir('preplans-site-');
    writeFileSync(join(dir, 'site.json'), readFileSync(join(REPO, 'resources/demo-street/site.json')));
    const plans = JSON.parse(readFileSync(join(REPO, 'resources/demo-street/preplans.json'), 'utf8')) as { plans: Array<{ actions: Array<{ department: string }> }> };
    plans.plans[1]!.actions[3]!.department = 'coastguard';
    writeFileSync(join(dir, 'preplans.json'), JSON.stringify(plans));
    const dataDir = join(dir, 'never-created');
    const result = spawnSync(process.execPath, [HALL_ENTRY, '--site', join(dir, 'site.json'), '--data-dir', dataDir, '--port', '0'], { cwd: REPO, encoding: 'utf8', timeout: 15_000 });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/pre-plans .*preplans\.json: "plans\.1\.actions\.3\.department": no department coastguard at this site/);
    expect(existsSync(dataDir)).toBe(false);
  });
});

/** A sheet's cells, row by row, as one text (cells separated by spaces). */
function book(workbook: Awaited<ReturnType<typeof readWorkbook>>, sheet: string): string {
  const rows: string[] = [];
  workbook.getWorksheet(sheet)!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v))).join(' ')));
  return rows.join('\n');
}
