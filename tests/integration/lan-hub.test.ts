// The LAN hub against a real hall process, real SQLite file and real ws clients on 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_CLIENT_FRAME_BYTES } from '../../electron/common/protocol.ts';
import { CLOSE } from '../../electron/hall/lan-hub.ts';
import { startHall, type HallProcess } from '../helpers/hall-process.ts';
import { connect, draft } from '../helpers/ws-client.ts';

let hall: HallProcess;
const consoleSeat = () => ({ seatId: 'console-1', token: hall.tokenOf('console-1') });
const head = async () => ((await (await fetch(`${hall.httpBase}/healthz`)).json()) as { headSeq: number; clients: number });

beforeAll(async () => {
  hall = await startHall({ args: ['--demo-feed', '0', '--max-tail', '50'] });
});
afterAll(() => hall.stop());

describe('LAN hub', () => {
  it('sends a snapshot on first connect and every new event live, a desk only its own department\'s cases', async () => {
    const commander = await connect(hall.wsUrl, consoleSeat());
    const wall = await connect(hall.wsUrl, { role: 'wall', seatId: 'wall-1', token: hall.tokenOf('wall-1') });
    const desk = await connect(hall.wsUrl, { role: 'desk', seatId: 'desk-police', token: hall.tokenOf('desk-police') });
    const urban = await connect(hall.wsUrl, { role: 'desk', seatId: 'desk-urban', token: hall.tokenOf('desk-urban') });
    for (const c of [commander, wall, desk, urban]) await c.next('snapshot');
    const ack = await commander.createCase(draft('占道经营', { urgency: 'urgent' }));
    expect(ack.type).toBe('ack');
    const seen = await wall.next('event');
    expect(seen.event).toMatchObject({ type: 'case.created', origin: 'hall', seat: 'console-1', payload: { title: '占道经营', state: 'reported' } });
    expect(ack.type === 'ack' && ack.eventSeq).toBe(seen.event.seq);
    const caseId = seen.event.type === 'case.created' ? seen.event.payload.id : '';

    // Not the police desk's case yet: it hears nothing of it until it is dispatched there.
    const act = (client: typeof commander, a: Record<string, unknown>) => {
      const commandId = `cmd-${Math.random().toString(36).slice(2, 12)}`;
      client.send({ type: 'command', commandId, command: { kind: 'case.act', caseId, act: a } });
      return client.take((m) => (m.type === 'ack' || m.type === 'reject') && m.commandId === commandId, commandId);
    };
    expect(await act(commander, { action: 'register' })).toMatchObject({ type: 'ack' });
    expect(desk.messages.some((m) => m.type === 'event')).toBe(false);
    expect(await act(commander, { action: 'dispatch', lead: 'police' })).toMatchObject({ type: 'ack' });
    const arrived = await desk.next('event');
    expect(arrived).toMatchObject({ event: { type: 'case.transitioned', payload: { to: 'dispatched' } }, case: { id: caseId, lead: 'police', state: 'dispatched' } });
    // A desk acts only once someone answered the roll call there.
    expect(await act(desk, { action: 'accept' })).toMatchObject({ type: 'reject', code: 'forbidden', message: expect.stringMatching(/点名报到/) });
    desk.send({ type: 'command', commandId: 'cmd-signin-police', command: { kind: 'seat.signIn', officer: { name: '沈晨', badge: '031245' } } });
    await desk.take((m) => m.type === 'ack' && m.commandId === 'cmd-signin-police', 'sign-in ack');
    expect(await act(desk, { action: 'accept' })).toMatchObject({ type: 'ack' });
    urban.send({ type: 'command', commandId: 'cmd-signin-urban', command: { kind: 'seat.signIn', officer: { name: '倪晓东', badge: '041002' } } });
    await urban.take((m) => m.type === 'ack' && m.commandId === 'cmd-signin-urban', 'sign-in ack');
    expect(await act(urban, { action: 'accept' })).toMatchObject({ type: 'reject', code: 'forbidden' });
    expect(urban.messages.some((m) => m.type === 'event' && m.event.type.startsWith('case.'))).toBe(false);

    // The case's timeline, for its detail view; another department's desk cannot read it.
    const timeline = (seatId: string) => fetch(`${hall.httpBase}/api/cases/${caseId}/events`, { headers: { authorization: `Bearer ${hall.tokenOf(seatId)}` } });
    const events = (await (await timeline('desk-police')).json()) as Array<{ type: string; payload: { act?: { action: string } } }>;
    expect(events.map((e) => e.payload.act?.action ?? e.type)).toEqual(['case.created', 'register', 'dispatch', 'accept']);
    expect((await timeline('desk-urban')).status).toBe(404);

    // Every message carries the sender's per-connection sequence, strictly increasing; every event says
    // which event came before it on this stream.
    for (const client of [commander, wall, desk]) {
      const seqs = client.messages.map((m) => m.seq);
      expect(seqs.every((s, i) => i === 0 || s > seqs[i - 1]!)).toBe(true);
      let last = (client.messages.find((m) => m.type === 'snapshot') as { atSeq: number }).atSeq;
      for (const m of client.messages) {
        if (m.type !== 'event') continue;
        expect(m.prev).toBe(last);
        last = m.event.seq;
      }
    }
    await Promise.all([commander.close(), wall.close(), desk.close(), urban.close()]);
  });

  it('resumes after a disconnect with exactly the missed events: no gap, no duplicate', async () => {
    const wall = await connect(hall.wsUrl, { role: 'wall', seatId: 'wall-1', token: hall.tokenOf('wall-1') });
    await wall.next('snapshot');
    const heldUpTo = wall.lastEventSeq();
    await wall.close();

    const commander = await connect(hall.wsUrl, consoleSeat());
    const acks = [];
    for (let i = 0; i < 7; i++) acks.push(await commander.createCase(draft(`断线期间事件${i}`)));
    await commander.close();

    const back = await connect(hall.wsUrl, { role: 'wall', seatId: 'wall-1', token: hall.tokenOf('wall-1'), resumeFrom: heldUpTo });
    const expected = acks.map((a) => (a.type === 'ack' ? a.eventSeq : -1));
    await back.take((m) => m.type === 'event' && m.event.seq === expected.at(-1), 'last missed event');
    expect(back.messages.some((m) => m.type === 'snapshot')).toBe(false);
    expect(back.eventSeqs()).toEqual(Array.from({ length: expected.length }, (_, i) => heldUpTo + 1 + i));
    await back.close();
  });

  it('answers a resume point too far behind (or ahead) with a fresh snapshot', async () => {
    const commander = await connect(hall.wsUrl, consoleSeat());
    for (let i = 0; i < 55; i++) await commander.createCase(draft(`批量${i}`));
    const { headSeq } = await head();
    const stale = await connect(hall.wsUrl, { ...consoleSeat(), resumeFrom: headSeq - 51 });
    const snapshot = await stale.next('snapshot');
    expect(snapshot.atSeq).toBe(headSeq);
    expect(snapshot.cases.filter((c) => c.title.startsWith('批量'))).toHaveLength(55);
    const future = await connect(hall.wsUrl, { ...consoleSeat(), resumeFrom: headSeq + 100 });
    expect((await future.next('snapshot')).atSeq).toBe(headSeq);
    await Promise.all([commander.close(), stale.close(), future.close()]);
  });

  it('stores a retried command once and says it was a duplicate', async () => {
    const commander = await connect(hall.wsUrl, consoleSeat());
    const before = (await head()).headSeq;
    const first = await commander.createCase(draft('重复提交'), 'cmd-retry-000001');
    const again = await commander.createCase(draft('重复提交'), 'cmd-retry-000001');
    expect(first).toMatchObject({ type: 'ack', duplicate: false });
    expect(again).toMatchObject({ type: 'ack', duplicate: true, eventSeq: first.type === 'ack' ? first.eventSeq : -1 });
    expect((await head()).headSeq).toBe(before + 1);
    await commander.close();
  });

  it('drops a client that stops reading, which then resumes with nothing lost', async () => {
    const slowHall = await startHall({ args: ['--demo-feed', '0', '--slow-client-bytes', '65536'] });
    try {
      const slow = await connect(slowHall.wsUrl, { seatId: 'console-1', token: slowHall.tokenOf('console-1') });
      const { atSeq: start } = await slow.next('snapshot');
      (slow.ws as unknown as { _socket: { pause(): void } })._socket.pause();
      const writer = await connect(slowHall.wsUrl, { role: 'desk', seatId: 'desk-urban', token: slowHall.tokenOf('desk-urban') });
      const long = '积水'.repeat(1900);
      const sent = [];
      for (let i = 0; i < 800; i++) {
        const commandId = `cmd-slow-${String(i).padStart(6, '0')}`;
        writer.send({ type: 'command', commandId, command: { kind: 'case.create', draft: draft(`慢客户端${i}`, { description: long }) } });
        sent.push(commandId);
      }
      for (const commandId of sent) await writer.take((m) => m.type === 'ack' && m.commandId === commandId, commandId, 20_000);
      const health = (await (await fetch(`${slowHall.httpBase}/healthz`)).json()) as { headSeq: number; clients: number };
      expect(health.clients).toBe(1); // only the writer is left
      (slow.ws as unknown as { _socket: { resume(): void } })._socket.resume();
      await slow.closed;
      const held = slow.lastEventSeq();
      expect(held).toBeLessThan(health.headSeq);
      const back = await connect(slowHall.wsUrl, { seatId: 'console-1', token: slowHall.tokenOf('console-1'), resumeFrom: held });
      await back.take((m) => m.type === 'event' && m.event.seq === health.headSeq, 'the head event', 20_000);
      const all = [...slow.eventSeqs(), ...back.eventSeqs()];
      expect(all).toEqual(Array.from({ length: health.headSeq - start }, (_, i) => start + i + 1));
      await Promise.all([writer.close(), back.close()]);
    } finally {
      await slowHall.stop();
    }
  }, 60_000);
});

describe('hall shutdown', () => {
  it('does not wait for a client that never answers its close frame (ws alone would wait 30 s)', async () => {
    const closing = await startHall({ args: ['--demo-feed', '0'] });
    const deaf = await connect(closing.wsUrl, { seatId: 'console-1', token: closing.tokenOf('console-1') });
    await deaf.next('snapshot');
    (deaf.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    const started = Date.now();
    await closing.stop();
    const stoppedMs = Date.now() - started;
    console.log(`hall stopped ${stoppedMs} ms after SIGTERM with a client not reading`);
    expect(stoppedMs).toBeLessThan(10_000);
  }, 40_000);
});

describe('LAN hub refuses bad input, changes nothing and keeps serving', () => {
  it('answers malformed JSON, unknown types, bad fields, binary frames and out-of-order seq with named errors', async () => {
    const client = await connect(hall.wsUrl, consoleSeat());
    await client.next('snapshot');
    const before = (await head()).headSeq;
    const cases: Array<[string | Buffer, string, RegExp]> = [
      ['{"type":"hello",', 'bad-json', /not valid JSON/],
      [JSON.stringify({ type: 'format-disk', seq: 100 }), 'unknown-type', /"format-disk"/],
      [JSON.stringify({ type: 'command', seq: 101, commandId: 'cmd-bad-000001', command: { kind: 'case.create', draft: { title: '' } } }), 'bad-message', /command\.draft\.title/],
      [Buffer.from([1, 2, 3]), 'bad-message', /binary frames/],
      [JSON.stringify({ type: 'command', seq: 0, commandId: 'cmd-bad-000002', command: { kind: 'case.create', draft: draft('旧序号') } }), 'bad-message', /seq 0 is not after/],
    ];
    for (const [frame, code, message] of cases) {
      client.sendRaw(frame);
      const error = await client.next('error');
      expect(error.code).toBe(code);
      expect(error.message).toMatch(message);
    }
    expect((await head()).headSeq).toBe(before);
    // Still a working connection.
    expect((await client.createCase(draft('错误之后仍可用'))).type).toBe('ack');
    await client.close();
  });

  it('closes an oversized frame with 1009 and nothing is stored', async () => {
    const client = await connect(hall.wsUrl, consoleSeat());
    const before = (await head()).headSeq;
    client.send({ type: 'command', commandId: 'cmd-huge-000001', command: { kind: 'case.create', draft: draft('x'.repeat(MAX_CLIENT_FRAME_BYTES)) } });
    expect((await client.closed).code).toBe(1009);
    expect((await head()).headSeq).toBe(before);
    const other = await connect(hall.wsUrl, consoleSeat());
    expect((await other.createCase(draft('大帧之后'))).type).toBe('ack');
    await other.close();
  });

  it('refuses commands before hello, wrong credentials, wrong roles and walls registering cases', async () => {
    const anonymous = await connect(hall.wsUrl, { seatId: 'x', token: 'x', hello: false });
    anonymous.send({ type: 'command', commandId: 'cmd-anon-000001', command: { kind: 'case.create', draft: draft('匿名') } });
    expect(await anonymous.next('error')).toMatchObject({ code: 'not-authenticated' });

    const forged = await connect(hall.wsUrl, { seatId: 'console-1', token: 'wrong-token-123', hello: false });
    forged.send({ type: 'hello', protocol: 1, role: 'console', seatId: 'console-1', token: 'wrong-token-123' });
    expect(await forged.next('error')).toMatchObject({ code: 'bad-credential' });
    expect((await forged.closed).code).toBe(CLOSE.badCredential);

    const impostor = await connect(hall.wsUrl, { seatId: 'desk-police', token: hall.tokenOf('desk-police'), hello: false });
    impostor.send({ type: 'hello', protocol: 1, role: 'console', seatId: 'desk-police', token: hall.tokenOf('desk-police') });
    expect(await impostor.next('error')).toMatchObject({ code: 'forbidden' });

    const oldClient = await connect(hall.wsUrl, { seatId: 'console-1', token: hall.tokenOf('console-1'), hello: false });
    oldClient.send({ type: 'hello', protocol: 99, role: 'console', seatId: 'console-1', token: hall.tokenOf('console-1') });
    expect(await oldClient.next('error')).toMatchObject({ code: 'protocol-version' });

    const before = (await head()).headSeq;
    const wall = await connect(hall.wsUrl, { role: 'wall', seatId: 'wall-1', token: hall.tokenOf('wall-1') });
    expect(await wall.createCase(draft('大屏不能立案'))).toMatchObject({ type: 'reject', code: 'forbidden' });
    expect((await head()).headSeq).toBe(before);
    await Promise.all([anonymous.close(), impostor.close(), oldClient.close(), wall.close()]);
  });
});

describe('wall layout', () => {
  it('lets the console assign panels to monitors, every wall follows, and the layout persists', async () => {
    const commander = await connect(hall.wsUrl, consoleSeat());
    const wall = await connect(hall.wsUrl, { role: 'wall', seatId: 'wall-1', token: hall.tokenOf('wall-1') });
    expect((await wall.next('snapshot')).wall.panels).toHaveLength(6);
    const layout = { cols: 3, rows: 2, panels: ['kpi', 'map', 'map', 'queue', 'map', 'map'] };
    commander.send({ type: 'command', commandId: 'cmd-layout-0001', command: { kind: 'wall.setLayout', layout } });
    expect(await commander.take((m) => m.type === 'ack' && m.commandId === 'cmd-layout-0001', 'ack')).toBeTruthy();
    expect((await wall.next('event', 1000, (m) => m.event.type === 'wall.layout')).event.payload).toEqual(layout);
    wall.send({ type: 'command', commandId: 'cmd-layout-0002', command: { kind: 'wall.setLayout', layout } });
    expect(await wall.take((m) => m.type === 'reject' && m.commandId === 'cmd-layout-0002', 'reject')).toMatchObject({ code: 'forbidden' });
    commander.send({ type: 'command', commandId: 'cmd-layout-0003', command: { kind: 'wall.setLayout', layout: { ...layout, cols: 4 } } });
    expect((await commander.next('error')).message).toMatch(/one panel for each monitor/);
    const later = await connect(hall.wsUrl, { role: 'wall', seatId: 'wall-1', token: hall.tokenOf('wall-1') });
    expect((await later.next('snapshot')).wall).toEqual(layout);
    await Promise.all([commander.close(), wall.close(), later.close()]);
  });
});
