// The district simulator's end of the upstream protocol, spoken to by hand over a real websocket (no hall):
// hello and welcome, resume from ackedDown, dedupe by key, gaps, refusals, heartbeats and dropping a silent
// hall, bad frames named, and the misbehaviour drills.
import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseCap } from '../../electron/common/cap/parse-cap.ts';
import { summarizeWarning } from '../../electron/common/cap/warning-summary.ts';
import { UPSTREAM_PROTOCOL_VERSION, type UpstreamFrame } from '../../electron/common/upstream-protocol.ts';
import { startDistrict, type DistrictProcess } from '../helpers/district-process.ts';
import { caseNew, caseStep, connectUpstream, helloUpstream } from '../helpers/upstream-client.ts';

let district: DistrictProcess;
let token: string;
let halls = 0;
/** A hall id of its own for each test: the district enrols it with the enrolment token. */
const newHall = () => `hall-t${++halls}`;
const hello = (hallId: string, ackedDown = 0, opts: { heartbeat?: boolean } = {}) => helloUpstream(district.upstreamUrl, { hallId, token, ackedDown }, opts);
const statusOf = (hallId: string) => district.hall(hallId);
const issue = (hallId: string, fields: Record<string, unknown> = {}) =>
  district.call<{ ticket: { ticketNo: string }; seq: number }>('/admin/ticket', { hallId, ...fields });
const downKinds = (frames: UpstreamFrame[]) => frames.flatMap((f) => (f.type === 'down' ? [f.body.kind] : []));

beforeAll(async () => {
  district = await startDistrict();
  token = district.ready.enrolToken!;
});
afterAll(async () => {
  expect(await district.stop()).toBe(0);
});
afterEach(async () => {
  await district.call('/admin/misbehave', {});
});

describe('hello', () => {
  it('enrols a new hall with the enrolment token and welcomes it with its up cursor', async () => {
    const hallId = newHall();
    const { client, welcome } = await hello(hallId);
    expect(welcome).toMatchObject({ districtId: district.ready.districtId, ackedUp: 0 });
    expect(Math.abs(welcome.serverTime - Date.now())).toBeLessThan(5000);
    expect((await statusOf(hallId)).connected).toBe(true);
    await client.close();
  });

  it('refuses a wrong token (4003), another protocol (4002) and anything before hello (4001), naming why', async () => {
    const hallId = newHall();
    (await hello(hallId)).client.close();
    const wrong = await connectUpstream(district.upstreamUrl);
    wrong.send({ type: 'hello', protocol: UPSTREAM_PROTOCOL_VERSION, hallId, token: 'not-the-token', ackedDown: 0 });
    expect((await wrong.next('error')).reason).toMatch(/token not accepted/);
    expect((await wrong.closed).code).toBe(4003);

    const unknown = await connectUpstream(district.upstreamUrl);
    unknown.send({ type: 'hello', protocol: UPSTREAM_PROTOCOL_VERSION, hallId: newHall(), token: 'not-the-token', ackedDown: 0 });
    expect((await unknown.next('error')).reason).toMatch(/not known here/);
    expect((await unknown.closed).code).toBe(4003);

    const old = await connectUpstream(district.upstreamUrl);
    old.send({ type: 'hello', protocol: 99, hallId, token, ackedDown: 0 });
    expect((await old.next('error')).reason).toMatch(/protocol 99/);
    expect((await old.closed).code).toBe(4002);

    const rude = await connectUpstream(district.upstreamUrl);
    rude.send({ type: 'heartbeat', at: Date.now() });
    expect((await rude.next('error')).reason).toMatch(/first frame must be hello/);
    expect((await rude.closed).code).toBe(4001);
  });

  it('closes the older link when a hall connects again', async () => {
    const hallId = newHall();
    const first = await hello(hallId);
    const second = await hello(hallId);
    expect((await first.client.closed).code).toBe(4009);
    expect((await statusOf(hallId)).connected).toBe(true);
    await second.client.close();
  });
});

describe('down direction', () => {
  it('resends the queue after the ackedDown of the next hello, then goes on live', async () => {
    const hallId = newHall();
    const { client } = await hello(hallId);
    const issued = [];
    for (let i = 0; i < 5; i++) issued.push(await issue(hallId));
    await client.next('down', (f) => f.seq === 5);
    expect([...client.downs().keys()]).toEqual([1, 2, 3, 4, 5]);
    expect(client.downs().get(1)!.body).toMatchObject({ kind: 'ticket.new', ticket: { ticketNo: issued[0]!.ticket.ticketNo } });
    expect(issued[0]!.ticket.ticketNo).toMatch(/^SJ-\d{4}-\d{6}$/);
    client.send({ type: 'ack', dir: 'down', seq: 3 });
    await client.close();
    await expect.poll(async () => (await statusOf(hallId)).ackedDown).toBe(3);

    const again = await hello(hallId, 3);
    await again.client.next('down', (f) => f.seq === 5);
    const live = await issue(hallId);
    const sixth = await again.client.next('down', (f) => f.seq === 6);
    expect(sixth.body).toMatchObject({ ticket: { ticketNo: live.ticket.ticketNo } });
    expect(again.client.frames.filter((f) => f.type === 'down').map((f) => (f as { seq: number }).seq)).toEqual([4, 5, 6]);
    expect(again.client.downs().get(4)!.key).toBe(client.downs().get(4)!.key);
    expect(await statusOf(hallId)).toMatchObject({ lastDown: 6, queued: 3 });
    await again.client.close();
  });

  it('numbers on past a hall that has stored more than the district remembers', async () => {
    const hallId = newHall();
    const { client } = await hello(hallId, 40);
    await issue(hallId);
    expect((await client.next('down')).seq).toBe(41);
    await client.close();
  });

  it('refuses an ack of a down seq it never sent', async () => {
    const { client } = await hello(newHall());
    client.send({ type: 'ack', dir: 'down', seq: 7 });
    expect((await client.next('error')).reason).toMatch(/down seq 7 was never sent/);
    await client.close();
  });
});

describe('up direction', () => {
  it('numbers a case.new after storing it, and records its steps', async () => {
    const hallId = newHall();
    const { client } = await hello(hallId);
    client.send(caseNew(hallId, 1, 'c1'));
    await client.ackedUp(1);
    const numbered = await client.next('down');
    expect(numbered.body).toMatchObject({ kind: 'case.numbered', caseId: 'c1' });
    const ticketNo = (numbered.body as { ticketNo: string }).ticketNo;
    client.send(caseStep(hallId, 2, 'c1', 'registered'));
    client.send(caseStep(hallId, 3, 'c1', 'closed', ticketNo));
    await client.ackedUp(3);
    expect(await statusOf(hallId)).toMatchObject({ ackedUp: 3, received: { applied: 3 }, tickets: { numbered: 1, closed: 1, open: 0 } });
    await client.close();
    expect((await hello(hallId)).welcome.ackedUp).toBe(3);
  });

  it('acks a duplicate key and ignores it, at the same seq or a new one', async () => {
    const hallId = newHall();
    const { client } = await hello(hallId);
    const frame = caseNew(hallId, 1, 'c1');
    client.send(frame);
    await client.next('ack', (f) => f.seq === 1);
    client.send(frame);
    await client.next('ack', (f) => f.seq === 1);
    client.send({ ...frame, seq: 2 });
    await client.ackedUp(2);
    await new Promise((r) => setTimeout(r, 200));
    expect(downKinds(client.frames)).toEqual(['case.numbered']);
    expect(await statusOf(hallId)).toMatchObject({ ackedUp: 2, received: { applied: 1, duplicate: 1 }, tickets: { numbered: 1 } });
    await client.close();
  });

  it('holds messages after a gap, acks only up to the gap, and applies them in seq order once it fills', async () => {
    const hallId = newHall();
    const { client } = await hello(hallId);
    // The step of seq 2 names no ticket: it can only be applied after the case.new of seq 1.
    client.send(caseStep(hallId, 2, 'c1', 'registered'));
    client.send(caseStep(hallId, 3, 'c1', 'dispatched'));
    await expect.poll(async () => (await statusOf(hallId)).received.held).toBe(2);
    expect(client.lastUpAck()).toBe(0);
    expect(await statusOf(hallId)).toMatchObject({ ackedUp: 0 });
    client.send(caseNew(hallId, 1, 'c1'));
    await client.ackedUp(3);
    expect(client.frames.some((f) => f.type === 'refuse')).toBe(false);
    expect(await statusOf(hallId)).toMatchObject({ ackedUp: 3, received: { applied: 3, held: 0 } });
    await client.close();
  });

  it('refuses with 4xx what is wrong for the district (the ack passes it) and says it again on a resend', async () => {
    const hallId = newHall();
    const { client } = await hello(hallId);
    client.send(caseStep(hallId, 1, 'c9', 'registered', 'SJ-2020-999999'));
    client.send({ ...caseNew(hallId, 2), key: 'someone-else:2' });
    const unknown = await client.next('refuse', (f) => f.seq === 1);
    expect(unknown).toMatchObject({ status: 404, reason: expect.stringMatching(/unknown ticket SJ-2020-999999/) });
    expect(await client.next('refuse', (f) => f.seq === 2)).toMatchObject({ status: 400, reason: expect.stringMatching(/is not hall-t\d+:<event seq>/) });
    await client.ackedUp(2);
    client.send(caseStep(hallId, 1, 'c9', 'registered', 'SJ-2020-999999'));
    expect(await client.next('refuse', (f) => f.seq === 1)).toMatchObject({ status: 404 });
    expect(await statusOf(hallId)).toMatchObject({ received: { refused: 2 } });
    await client.close();
  });

  it('refuses, when told, a kind with 5xx (not stored, the ack stops) or a key with 4xx (stored, the ack passes)', async () => {
    const hallId = newHall();
    await district.call('/admin/misbehave', { refuse: [{ kind: 'case.new', status: 503, forS: 60 }, { key: `${hallId}:3`, status: 422, reason: '数据不全', forS: 60 }] });
    const { client } = await hello(hallId);
    client.send(caseNew(hallId, 1));
    client.send(caseStep(hallId, 2, 'case-1', 'registered'));
    expect(await client.next('refuse', (f) => f.seq === 1)).toMatchObject({ status: 503 });
    await expect.poll(async () => (await statusOf(hallId)).received.held).toBe(1);
    expect(client.lastUpAck()).toBe(0);
    await district.call('/admin/misbehave', { refuse: [{ key: `${hallId}:3`, status: 422, reason: '数据不全', forS: 60 }] });
    client.send(caseNew(hallId, 1));
    await client.ackedUp(2);
    client.send(caseStep(hallId, 3, 'case-1', 'dispatched'));
    expect(await client.next('refuse', (f) => f.seq === 3)).toMatchObject({ status: 422, reason: '数据不全' });
    await client.ackedUp(3);
    expect(await statusOf(hallId)).toMatchObject({ received: { applied: 2, refused: 1 } });
    await client.close();
  });

  it('refuses 503 a message too far past the cursor', async () => {
    const hallId = newHall();
    const { client } = await hello(hallId);
    client.send(caseNew(hallId, 5000));
    expect(await client.next('refuse')).toMatchObject({ seq: 5000, status: 503, reason: expect.stringMatching(/more than 1000 past/) });
    expect((await statusOf(hallId)).received).toMatchObject({ held: 0 });
    await client.close();
  });
});

describe('heartbeats', () => {
  it('sends one every second and drops a hall silent for 3 s', async () => {
    const hallId = newHall();
    const started = Date.now();
    const { client } = await hello(hallId, 0, { heartbeat: false });
    await client.next('heartbeat');
    await client.next('heartbeat');
    const { code } = await client.closed;
    const after = Date.now() - started;
    expect(code).toBe(1006);
    expect(after).toBeGreaterThan(2900);
    expect(after).toBeLessThan(5500);
    expect((await statusOf(hallId)).connected).toBe(false);
  });
});

describe('bad frames', () => {
  it('are answered with an error naming the problem, and many close the link', async () => {
    const { client } = await hello(newHall());
    const reasons = async (raw: string | Buffer, binary = false) => {
      client.sendRaw(raw, binary);
      return (await client.next('error')).reason;
    };
    expect(await reasons('{not json')).toBe('frame is not valid JSON');
    expect(await reasons(JSON.stringify({ type: 'up', seq: -1, key: 'x:1', body: {} }))).toMatch(/^seq: /);
    expect(await reasons(JSON.stringify({ type: 'up', seq: 1, key: 'hall:1', body: { kind: 'case.delete' } }))).toMatch(/^body\.kind: /);
    expect(await reasons(JSON.stringify({ type: 'launch' }))).toMatch(/^type: /);
    expect(await reasons(Buffer.from('{}'), true)).toMatch(/binary frames/);
    expect(await reasons(JSON.stringify({ type: 'welcome', districtId: 'x', ackedUp: 0, serverTime: Date.now() }))).toMatch(/a hall does not send welcome/);
    expect(await reasons(JSON.stringify({ type: 'ack', dir: 'up', seq: 1 }))).toMatch(/down direction only/);
    for (let i = 0; i < 20; i++) client.sendRaw('nonsense');
    expect((await client.closed).code).toBe(1008);
  });

  it('closes a frame over the size limit (1009)', async () => {
    const { client } = await hello(newHall());
    client.sendRaw('x'.repeat(600 * 1024));
    expect((await client.closed).code).toBe(1009);
  });
});

describe('misbehaviour', () => {
  it('duplicates, reorders and delays down messages; the hall still gets each one', async () => {
    const hallId = newHall();
    const { client } = await hello(hallId);
    await district.call('/admin/misbehave', { duplicatePct: 100, reorder: true });
    for (let i = 0; i < 6; i++) await issue(hallId);
    await client.next('down', (f) => f.seq === 6, 3000);
    await new Promise((r) => setTimeout(r, 300));
    const seqs = client.frames.flatMap((f) => (f.type === 'down' ? [f.seq] : []));
    expect(seqs).toHaveLength(12);
    expect([...new Set(seqs)].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(seqs).not.toEqual([...seqs].sort((a, b) => a - b));

    await district.call('/admin/misbehave', { delayMs: 600 });
    const asked = Date.now();
    await issue(hallId);
    await client.next('down', (f) => f.seq === 7, 3000);
    expect(Date.now() - asked).toBeGreaterThanOrEqual(550);
    await client.close();
  });

  it('goes half-open: the socket stays, nothing is sent or heard', async () => {
    const hallId = newHall();
    const { client } = await hello(hallId);
    await district.call('/admin/misbehave', { halfOpen: true });
    const count = client.frames.length;
    client.send(caseNew(hallId, 1));
    await new Promise((r) => setTimeout(r, 2500));
    expect(client.frames.length).toBe(count);
    expect(client.ws.readyState).toBe(WebSocket.OPEN);
    await district.call('/admin/misbehave', {});
    await client.close();
    expect((await statusOf(hallId)).received).toMatchObject({ applied: 0 });
  });

  it('drops a link every N down messages; the resend on reconnect fills the gap', async () => {
    const hallId = newHall();
    const { client } = await hello(hallId);
    await district.call('/admin/misbehave', { dropAfterDown: 2 });
    for (let i = 0; i < 3; i++) await issue(hallId);
    expect((await client.closed).code).toBe(1006);
    await district.call('/admin/misbehave', {});
    const again = await hello(hallId, Math.max(0, ...client.downs().keys()));
    await again.client.next('down', (f) => f.seq === 3);
    expect(new Set([...client.downs().keys(), ...again.client.downs().keys()])).toEqual(new Set([1, 2, 3]));
    await again.client.close();
  });

  it('is cut: every link closed and new ones refused for the time given', async () => {
    const hallId = newHall();
    const { client } = await hello(hallId);
    const { until } = await district.call<{ until: number }>('/admin/cut', { seconds: 2 });
    await client.closed;
    await expect(connectUpstream(district.upstreamUrl)).rejects.toThrow(/503/);
    await new Promise((r) => setTimeout(r, until - Date.now() + 100));
    const back = await hello(hallId);
    expect(back.welcome.districtId).toBe(district.ready.districtId);
    await back.client.close();
  });
});

describe('tickets and storms', () => {
  it('changes and cancels its tickets, and notices a closure the hall reports', async () => {
    const hallId = newHall();
    const { client } = await hello(hallId);
    const a = await issue(hallId, { category: '防汛防台', title: '道路积水', address: '荣乐东路100号' });
    const b = await issue(hallId);
    await district.call('/admin/ticket/update', { ticketNo: a.ticket.ticketNo, dueAt: Date.now() + 86_400_000 });
    await district.call('/admin/ticket/cancel', { ticketNo: b.ticket.ticketNo, reason: '市民撤诉' });
    await client.next('down', (f) => f.seq === 4);
    expect(downKinds(client.frames)).toEqual(['ticket.new', 'ticket.new', 'ticket.update', 'ticket.cancel']);
    expect(client.downs().get(1)!.body).toMatchObject({ ticket: { category: '防汛防台', urgency: 'urgent', source: expect.any(String) } });
    client.send(caseStep(hallId, 1, 'c1', 'closed', a.ticket.ticketNo));
    await client.ackedUp(1);
    expect((await statusOf(hallId)).tickets).toMatchObject({ issued: 2, closed: 1, cancelled: 1, open: 0 });
    expect(district.output()).toContain(`ticket ${a.ticket.ticketNo} closed by ${hallId}`);
    await client.close();
  });

  it('issues tickets by itself, and changes or cancels them later as planned', async () => {
    const busy = await startDistrict({ ticketRate: 100_000, seed: 3 });
    try {
      const hallId = 'hall-busy';
      const { client } = await helloUpstream(busy.upstreamUrl, { hallId, token: busy.ready.enrolToken! });
      const first = await client.next('down', (f) => f.body.kind === 'ticket.new', 15_000);
      expect(first.key).toMatch(/^ticket:SJ-\d{4}-\d{6}$/);
      const planned = await busy.call<{ ticket: { ticketNo: string } }>('/admin/ticket', { hallId, followUp: { action: 'cancel', afterS: 1 } });
      const cancel = await client.next('down', (f) => f.body.kind === 'ticket.cancel', 5000);
      expect(cancel.body).toMatchObject({ ticketNo: planned.ticket.ticketNo, reason: expect.stringMatching(/撤销|重复|管辖/) });
      await client.close();
    } finally {
      await busy.stop();
    }
  });

  it('sends a CAP warning, gauge readings and the all-clear when a storm is called', async () => {
    const hallId = newHall();
    const { client } = await hello(hallId);
    await district.call('/admin/storm', { on: true, gaugeEveryS: 1 });
    const alert = await client.next('down', (f) => f.body.kind === 'cap.alert');
    const parsed = parseCap(new TextEncoder().encode((alert.body as { xml: string }).xml));
    expect(parsed.ok).toBe(true);
    expect(summarizeWarning((parsed as { ok: true; alert: never }).alert)).toMatchObject({ msgType: 'Alert', hazard: 'rainstorm', level: 'III' });
    const gauges = await client.next('down', (f) => f.body.kind === 'gauge.readings');
    expect((gauges.body as { readings: Array<{ gaugeId: string }> }).readings.map((r) => r.gaugeId)).toEqual(['huangpu-park', 'wusongkou', 'zhongshan-rain']);
    await client.next('down', (f) => f.body.kind === 'gauge.readings', 3000);
    await district.call('/admin/storm', { on: false });
    const lifted = await client.next('down', (f) => f.body.kind === 'cap.alert');
    const cancel = parseCap(new TextEncoder().encode((lifted.body as { xml: string }).xml));
    expect(cancel.ok && summarizeWarning(cancel.alert)).toMatchObject({ msgType: 'Cancel', references: [{ identifier: summarizeWarning((parsed as { ok: true; alert: never }).alert).identifier }] });
    await client.close();
  });
});

describe('admin interface', () => {
  it('refuses what is not right, naming it', async () => {
    const bare = await fetch(`${district.httpBase}/admin/status`);
    expect(bare.status).toBe(401);
    const cases: Array<[string, 'GET' | 'POST', unknown, number, RegExp]> = [
      ['/admin/nothing', 'GET', undefined, 404, /no route/],
      ['/admin/status', 'POST', {}, 405, /not allowed/],
      ['/admin/cut', 'POST', '{oops', 400, /not JSON/],
      ['/admin/cut', 'POST', { seconds: -1 }, 400, /^seconds: /],
      ['/admin/misbehave', 'POST', { duplicate: 5 }, 400, /duplicate/],
      ['/admin/misbehave', 'POST', { refuse: [{ status: 302 }] }, 400, /^refuse\.0\.status: /],
      ['/admin/ticket', 'POST', { hallId: 'nobody' }, 404, /no hall nobody/],
      ['/admin/ticket', 'POST', { hallId: 'hall-t1', category: '外星人' }, 400, /no category 外星人/],
      ['/admin/ticket', 'POST', { hallId: 'hall-t1', urgency: 'apocalyptic' }, 400, /no grade apocalyptic/],
      ['/admin/ticket', 'POST', { hallId: 'hall-t1', source: 'pigeon' }, 400, /^source: /],
      ['/admin/ticket/update', 'POST', { ticketNo: 'SJ-1999-000001', dueAt: 1 }, 404, /no ticket/],
      ['/admin/ticket/update', 'POST', { ticketNo: 'SJ-1999-000001' }, 400, /nothing to change/],
      ['/admin/storm', 'POST', { on: 'yes' }, 400, /^on: /],
    ];
    for (const [path, method, body, status, error] of cases) {
      const answer = await district.admin<{ error: string }>(method, path, body);
      expect(answer.status, path).toBe(status);
      expect(answer.body.error, path).toMatch(error);
    }
    const t = await issue('hall-t1');
    await district.call('/admin/ticket/cancel', { ticketNo: t.ticket.ticketNo, reason: '撤诉' });
    expect(await district.admin('POST', '/admin/ticket/cancel', { ticketNo: t.ticket.ticketNo, reason: '撤诉' })).toMatchObject({ status: 409 });
  });
});
