// The console's problem commands in the hall core (electron/hall/problem-commands.ts) over a real SQLite store
// and event log: every step of a persistent problem is one event, projected to the problem tables and rebuilt
// the same from the log; refusals change nothing; desks and walls may not; desks' snapshots hold none of it.
import { DAILY_MODE } from '../../electron/common/domain/command-mode.ts';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DAY } from '../../electron/common/domain/beijing-time.ts';
import type { CaseDraft, CaseView, Command, HallEvent, LeaderCopy, ProblemView, SeatInfo } from '../../electron/common/protocol.ts';
import { caseCreatedSpec, executeCommand, type CommandContext, type CommandResult } from '../../electron/hall/commands.ts';
import { createEventLog } from '../../electron/hall/event-log.ts';
import { createForcePositions } from '../../electron/hall/force-positions.ts';
import { rebuildProjections } from '../../electron/hall/projections.ts';
import { snapshotFields } from '../../electron/hall/snapshot.ts';
import { loadCase } from '../../electron/hall/store/case-table.ts';
import { openStore } from '../../electron/hall/store/database.ts';
import { loadForce } from '../../electron/hall/store/force-table.ts';
import { loadCopies, loadProblems } from '../../electron/hall/store/problem-table.ts';
import { DEMO_SITE, demoGazetteer } from '../helpers/demo-site.ts';
import { tempDataDir } from '../helpers/hall-process.ts';

const NOW = Date.UTC(2026, 10, 23, 2);
const GAZETTEER = demoGazetteer();
const CONSOLE: SeatInfo = { id: 'console-1', role: 'console', department: 'command', label: '值班指挥台' };
const DESK: SeatInfo = { id: 'desk-police', role: 'desk', department: 'police', label: '派出所坐席' };
const WALL: SeatInfo = { id: 'wall-1', role: 'wall', department: 'command', label: '大屏' };
const draft = (gridId: string): CaseDraft => ({ title: '群租扰民', description: '', source: 'hotline12345', urgency: 'general', category: '群租', address: '', gridId });

function hall() {
  const store = openStore(join(tempDataDir('problems-'), 'hall.db'));
  const log = createEventLog(store);
  let now = NOW;
  const ctx: CommandContext = {
    log, store, site: DEMO_SITE, now: () => now, officerAt: () => null,
    loadCase: (id) => loadCase(store, id), loadForce: (id) => loadForce(store, id), consoleSeats: ['console-1'], loadHandover: () => undefined,
    mode: () => DAILY_MODE, openConflict: () => undefined, gazetteer: GAZETTEER,
  };
  const report = (daysAgo: number, gridId = 'M-007'): CaseView => {
    const appended = log.append(caseCreatedSpec(draft(gridId), { origin: 'upstream', seat: null, at: now - daysAgo * DAY }));
    return (appended.event as Extract<HallEvent, { type: 'case.created' }>).payload;
  };
  let n = 0;
  const run = (command: Command, seat = CONSOLE, commandId = `cmd-test-${++n}`): CommandResult => executeCommand(ctx, seat, commandId, command);
  const ok = (command: Command) => {
    const result = run(command);
    if (!result.ok) throw new Error(`${command.kind}: ${result.message}`);
    return result.event;
  };
  return { store, log, report, run, ok, setNow: (t: number) => (now = t) };
}

const proposal = (cases: readonly CaseView[]) => ({ gridId: 'M-007', category: '群租', caseIds: cases.map((c) => c.id) });

describe('problem commands', () => {
  it('立项, 关联, 抄报, 确认收悉 and 销项 are one event each, projected and rebuilt the same from the log', () => {
    const { store, log, report, ok, run, setNow } = hall();
    const cases = [report(29), report(25), report(20)];
    const opened = ok({ kind: 'problem.open', proposal: proposal(cases), title: '网格M-007群租反复' });
    expect(opened.type).toBe('problem.opened');
    const problem = (opened as Extract<HallEvent, { type: 'problem.opened' }>).payload;
    expect(problem).toMatchObject({ no: opened.seq, state: 'open', caseIds: cases.map((c) => c.id), createdBySeat: 'console-1', createdAt: NOW });

    const neighbour = report(18, 'M-008');
    expect(ok({ kind: 'problem.link', problemId: problem.id, caseId: neighbour.id }).type).toBe('problem.linked');
    const copied = ok({ kind: 'leader.copy', problemId: problem.id, leaderId: 'leader-community', reason: '热线重复投诉，长效机制不健全' });
    const copy = (copied as Extract<HallEvent, { type: 'leader.copied' }>).payload;
    expect(copy).toMatchObject({ leaderName: '李明', leaderTitle: '街道党工委副书记（分管社区治理）', problemId: problem.id, caseId: null, acknowledgedAt: null });
    ok({ kind: 'leader.acknowledge', copyId: copy.id });
    ok({ kind: 'leader.copy', caseId: neighbour.id, leaderId: 'leader-community', reason: '同一业主，跨网格' });
    setNow(NOW + DAY);
    ok({ kind: 'problem.close', problemId: problem.id, note: '业主签订承诺书，连续两周无复发' });

    const stored = loadProblems(store);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ state: 'closed', caseIds: [...cases.map((c) => c.id), neighbour.id], closeNote: '业主签订承诺书，连续两周无复发', closedAt: NOW + DAY });
    const copies = loadCopies(store);
    expect(copies.map((c) => [c.problemId, c.caseId, c.acknowledgedAt !== null])).toEqual([[problem.id, null, true], [null, neighbour.id, false]]);

    // The problem's timeline is its events; rebuilding the projections from the log gives the same records.
    const timeline = log.problemTimelineJson(problem.id, problem.no).map((j) => (JSON.parse(j) as HallEvent).type);
    expect(timeline).toEqual(['problem.opened', 'problem.linked', 'leader.copied', 'leader.acknowledged', 'problem.closed']);
    rebuildProjections(store);
    expect(loadProblems(store)).toEqual(stored);
    expect(loadCopies(store)).toEqual(copies);
    expect(run({ kind: 'problem.close', problemId: problem.id, note: '再次销项' })).toMatchObject({ ok: false, message: expect.stringMatching(/已销项/) });
  });

  it('refuses a second 立项 of the same proposal, a 销项 too early and a second 抄报, and stores nothing for them', () => {
    const { store, log, report, ok, run } = hall();
    const cases = [report(20), report(10), report(5)];
    const problem = (ok({ kind: 'problem.open', proposal: proposal(cases), title: '群租' }) as Extract<HallEvent, { type: 'problem.opened' }>).payload;
    const head = log.head();
    expect(run({ kind: 'problem.open', proposal: proposal(cases), title: '群租' })).toMatchObject({ ok: false, code: 'invalid-command', message: expect.stringMatching(/已有在办顽症/) });
    expect(run({ kind: 'problem.close', problemId: problem.id, note: '已整改' })).toMatchObject({ ok: false, message: expect.stringMatching(/须连续14天无复发/) });
    ok({ kind: 'leader.copy', problemId: problem.id, leaderId: 'leader-community', reason: '反复投诉' });
    expect(run({ kind: 'leader.copy', problemId: problem.id, leaderId: 'leader-community', reason: '再报' })).toMatchObject({ ok: false, message: expect.stringMatching(/尚未确认收悉/) });
    expect(run({ kind: 'leader.copy', problemId: problem.id, leaderId: 'leader-nobody', reason: '再报' })).toMatchObject({ ok: false, message: '本中心没有领导 leader-nobody' });
    expect(run({ kind: 'problem.link', problemId: 'no-such', caseId: cases[0]!.id })).toMatchObject({ ok: false, message: '没有这个顽症' });
    expect(log.head(), 'only the copy was stored').toBe(head + 1);
    expect(loadProblems(store)[0]!.caseIds).toHaveLength(3);
  });

  it('answers a retried command as the first time, before any check (the state it checked has moved on)', () => {
    const { store, log, report, run } = hall();
    const cases = [report(20), report(10), report(5)];
    const open: Command = { kind: 'problem.open', proposal: proposal(cases), title: '群租' };
    const register: Command = { kind: 'case.act', caseId: cases[0]!.id, act: { action: 'register' } };
    const first = [run(open, CONSOLE, 'cmd-retry-1'), run(register, CONSOLE, 'cmd-retry-2')];
    const head = log.head();
    const again = [run(open, CONSOLE, 'cmd-retry-1'), run(register, CONSOLE, 'cmd-retry-2')];
    expect(first.map((r) => r.ok && !r.duplicate)).toEqual([true, true]);
    expect(again.map((r) => (r.ok ? [r.duplicate, r.event.seq] : r.message))).toEqual(first.map((r) => (r.ok ? [true, r.event.seq] : r.message)));
    expect(log.head(), 'nothing stored twice').toBe(head);
    expect(loadProblems(store)).toHaveLength(1);
  });

  it('不立项 keeps the proposal down until a new case, and holds no case', () => {
    const { store, report, ok, run } = hall();
    const cases = [report(20), report(10), report(5)];
    ok({ kind: 'problem.dismiss', proposal: proposal(cases), reason: '同一房东已整改，另案处理' });
    expect(run({ kind: 'problem.dismiss', proposal: proposal(cases), reason: '再次' })).toMatchObject({ ok: false, message: expect.stringMatching(/已不立项/) });
    expect(loadProblems(store)).toMatchObject([{ state: 'dismissed', dismissReason: '同一房东已整改，另案处理' }]);
    // The same cases may still be confirmed later (a dismissal holds none of them).
    expect(ok({ kind: 'problem.open', proposal: proposal(cases), title: '群租' }).type).toBe('problem.opened');
  });

  it('is the console\'s: desks and walls are refused, and a desk\'s snapshot carries no problem', () => {
    const { store, report, run, ok } = hall();
    const cases = [report(20), report(10), report(5)];
    const command: Command = { kind: 'problem.open', proposal: proposal(cases), title: '群租' };
    expect(run(command, DESK)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(run(command, WALL)).toMatchObject({ ok: false, code: 'forbidden' });
    ok(command);
    const positions = createForcePositions(store);
    const fields = (seat: SeatInfo) => JSON.parse(`{${snapshotFields(store, seat, positions, NOW)}}`) as { problems?: ProblemView[]; copies?: LeaderCopy[] };
    expect(fields(CONSOLE).problems).toHaveLength(1);
    expect(fields(WALL).problems).toHaveLength(1);
    expect(fields(DESK)).not.toHaveProperty('problems');
  });
});
