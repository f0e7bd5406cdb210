// The hall enforces its site: the welcome carries it to every seat, and a command naming a department or
// urgency grade the site does not have is refused by name, storing nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHall, type HallProcess } from '../helpers/hall-process.ts';
import { connect, draft, type TestClient } from '../helpers/ws-client.ts';

describe('site rules in the hall', () => {
  let hall: HallProcess;
  let commander: TestClient;
  let n = 0;
  const command = async (body: object) => {
    const commandId = `site-cmd-${String(++n).padStart(4, '0')}`;
    commander.send({ type: 'command', commandId, command: body as never });
    return commander.take((m) => (m.type === 'ack' || m.type === 'reject') && m.commandId === commandId, commandId);
  };

  beforeAll(async () => {
    hall = await startHall({ args: ['--demo-feed', '0'] });
    commander = await connect(hall.wsUrl, { seatId: 'console-1', token: hall.tokenOf('console-1') });
  });
  afterAll(async () => {
    await commander?.close();
    await hall?.stop();
  });

  it('sends the site in the welcome', async () => {
    const desk = await connect(hall.wsUrl, { role: 'desk', seatId: 'desk-police', token: hall.tokenOf('desk-police') });
    const welcome = desk.messages.find((m) => m.type === 'welcome');
    if (welcome?.type !== 'welcome') throw new Error('no welcome');
    expect(welcome.site.name).toBe('中山街道城运中心');
    expect(welcome.site.urgencies.map((u) => u.id)).toEqual(['urgent', 'major', 'general', 'minor']);
    await desk.close();
  });

  it('takes a case of any of its grades and dispatches it to any of its departments', async () => {
    const created = await command({ kind: 'case.create', draft: draft('河道漂浮物', { urgency: 'major', category: '防汛防台' }) });
    expect(created.type).toBe('ack');
    const caseId = (await commander.take((m) => m.type === 'event' && m.event.type === 'case.created' && m.event.payload.title === '河道漂浮物', 'created')) as { event: { payload: { id: string } } };
    const id = caseId.event.payload.id;
    expect((await command({ kind: 'case.act', caseId: id, act: { action: 'register' } })).type).toBe('ack');
    const dispatched = await command({ kind: 'case.act', caseId: id, act: { action: 'dispatch', lead: 'water', assisting: ['urban'], forces: [], dutyRule: 'crossDepartment' } });
    expect(dispatched.type).toBe('ack');
  });

  it('refuses a grade or a department the site does not have, storing nothing', async () => {
    const head = (await (await fetch(`${hall.httpBase}/healthz`)).json()) as { headSeq: number };
    const grade = await command({ kind: 'case.create', draft: draft('某事', { urgency: 'whenever' }) });
    expect(grade).toMatchObject({ type: 'reject', code: 'invalid-command', message: expect.stringMatching(/no urgency grade whenever/) });
    const created = await command({ kind: 'case.create', draft: draft('另一事') });
    const id = ((await commander.take((m) => m.type === 'event' && m.event.type === 'case.created' && m.event.payload.title === '另一事', 'created')) as { event: { payload: { id: string } } }).event.payload.id;
    expect(created.type).toBe('ack');
    await command({ kind: 'case.act', caseId: id, act: { action: 'register' } });
    const department = await command({ kind: 'case.act', caseId: id, act: { action: 'dispatch', lead: 'navy', assisting: [], forces: [], dutyRule: 'clear' } });
    expect(department).toMatchObject({ type: 'reject', code: 'invalid-command', message: expect.stringMatching(/no department navy/) });
    const after = (await (await fetch(`${hall.httpBase}/healthz`)).json()) as { headSeq: number };
    expect(after.headSeq).toBe(head.headSeq + 2); // the second case and its registration, nothing else
  });
});
