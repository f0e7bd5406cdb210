// Issue 12: many halls on one district simulator in a storm. Each hall's console takes cases in (create, register,
// dispatch to the city management squad) while the district's storm feed pours tickets, CAP warnings and gauge
// readings into every hall; timed from the console sending the case until the squad's desk of that hall has it
// (a desk sees a case once it is dispatched to its department). The figure is the p99 over every hall, against
// the same with one hall on the simulator. Plain JSON on the clients, no schema: the watchers share the machine.
//
// The load: the simulator's storm with the demo street's ticket profile 60 times faster (a storm hour a minute:
// 14,400 tickets an ordinary day instead of 240, gauge readings every second instead of every minute).
import WebSocket from 'ws';
import { startDistrict } from '../helpers/district-process.ts';
import { startHall, type HallProcess } from '../helpers/hall-process.ts';

const TICKET_RATE = 240 * 60;
const GAUGE_EVERY_S = 1;

interface Frame { type: string; commandId?: string; event?: { type: string; payload: { id?: string; title?: string; caseId?: string; to?: string } }; state?: { online: boolean } }

/** A seat on a hall: raw ws, every frame offered to the waiters. */
async function seat(hall: HallProcess, seatId: string, role: 'console' | 'desk') {
  const ws = new WebSocket(hall.wsUrl);
  const waiters = new Set<(f: Frame) => boolean>();
  let frames = 0;
  let online = false;
  ws.on('message', (data) => {
    frames++;
    const frame = JSON.parse(data.toString()) as Frame;
    if (frame.type === 'upstream') online = frame.state!.online;
    for (const w of waiters) if (w(frame)) waiters.delete(w);
  });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  let seq = 0;
  const until = <T>(pick: (f: Frame) => T | undefined, what: string, timeoutMs = 30_000) => new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${hall.ready.hallId} ${seatId}: no ${what} in ${timeoutMs / 1000} s`)), timeoutMs);
    waiters.add((f) => {
      const got = pick(f);
      if (got === undefined) return false;
      clearTimeout(timer);
      resolve(got);
      return true;
    });
  });
  const send = (body: object) => ws.send(JSON.stringify({ seq: seq++, ...body }));
  const welcomed = until((f) => (f.type === 'welcome' ? true : undefined), 'welcome');
  send({ type: 'hello', protocol: 1, role, seatId, token: hall.tokenOf(seatId) });
  await welcomed;
  /** Resolves once the hall's district link is up (it may have said so before anyone asked). */
  const linked = () => (online ? Promise.resolve(true) : until((f) => (f.type === 'upstream' && f.state!.online ? true : undefined), 'district link online', 60_000));
  return { send, until, linked, frames: () => frames, close: () => ws.terminate() };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One hall's intake loop: `count` cases, one about every `everyMs`; returns create → desk and dispatch → desk. */
async function intake(hall: HallProcess, count: number, everyMs: number) {
  const console1 = await seat(hall, 'console-1', 'console');
  const desk = await seat(hall, 'desk-urban', 'desk');
  await console1.linked();
  const toDesk: number[] = [];
  const hop: number[] = [];
  await sleep(Math.random() * everyMs);
  for (let i = 0; i < count; i++) {
    const title = `暴雨积水 ${hall.ready.hallId} ${i}`;
    const id = (n: number) => `${hall.ready.hallId}-${i}-${n}`;
    const command = (n: number, body: object) => console1.send({ type: 'command', commandId: id(n), command: body });
    /** The reply to command n, waited for from before it is sent (it may come before or after its event). */
    const reply = (n: number) => console1.until((f) => ((f.type === 'ack' || f.type === 'reject') && f.commandId === id(n) ? f : undefined), `reply ${n}`)
      .then((f) => {
        if (f.type === 'reject') throw new Error(`${title}: ${JSON.stringify(f)}`);
      });
    const began = performance.now();
    const created = console1.until((f) => (f.event?.type === 'case.created' && f.event.payload.title === title ? f.event.payload.id : undefined), 'the case');
    const createReply = reply(0);
    command(0, { kind: 'case.create', draft: { title, description: '市民来电反映路口积水', source: 'hotline12345', urgency: 'general', category: '市容环境', address: '荣乐东路88号' } });
    const [caseId] = await Promise.all([created, createReply]);
    const registerReply = reply(1);
    command(1, { kind: 'case.act', caseId, act: { action: 'register' } });
    await registerReply;
    const atDesk = desk.until((f) => (f.event?.type === 'case.transitioned' && f.event.payload.caseId === caseId && f.event.payload.to === 'dispatched' ? performance.now() : undefined), 'the dispatched case at the desk');
    const dispatchReply = reply(2);
    const dispatched = performance.now();
    command(2, { kind: 'case.act', caseId, act: { action: 'dispatch', lead: 'urban', assisting: [], forces: [], dutyRule: 'clear' } });
    const [arrived] = await Promise.all([atDesk, dispatchReply]);
    toDesk.push(arrived - began);
    hop.push(arrived - dispatched);
    await sleep(Math.max(0, everyMs - (performance.now() - began)));
  }
  const frames = console1.frames();
  console1.close();
  desk.close();
  return { toDesk, hop, frames };
}

export interface StormIntake { halls: number; toDesk: number[]; hop: number[]; consoleFrames: number; seconds: number }

/** `halls` halls on one simulator in a storm, each taking `count` cases in, one about every `everyMs`. */
export async function stormIntake(halls: number, count: number, everyMs: number): Promise<StormIntake> {
  const district = await startDistrict({ ticketRate: TICKET_RATE, seed: 7, args: ['--storm', 'on'] });
  const running: HallProcess[] = [];
  try {
    await district.call('/admin/storm', { on: true, gaugeEveryS: GAUGE_EVERY_S });
    const args = ['--demo-feed', '0', '--district', `ws://127.0.0.1:${district.ready.port}`, '--district-token', district.ready.enrolToken!];
    // A few at a time: twenty at once on a small machine would time out their own start.
    for (let i = 0; i < halls; i += 4) running.push(...(await Promise.all(Array.from({ length: Math.min(4, halls - i) }, () => startHall({ args })))));
    const began = performance.now();
    const results = await Promise.all(running.map((hall) => intake(hall, count, everyMs)));
    return {
      halls, toDesk: results.flatMap((r) => r.toDesk), hop: results.flatMap((r) => r.hop),
      consoleFrames: results.reduce((s, r) => s + r.frames, 0) / halls, seconds: (performance.now() - began) / 1000,
    };
  } finally {
    await Promise.all(running.map((h) => h.stop()));
    await district.stop();
  }
}
