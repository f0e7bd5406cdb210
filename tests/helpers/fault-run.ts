// Seeded fault runs (S-7.2): a real hall process and a real district simulator process, the link between them
// through the fault proxy. A seeded schedule interleaves operations on both sides (cases created and taken
// through their lifecycle at the hall; tickets issued, changed and cancelled, storms with their CAP warnings and
// gauge readings at the district through its admin interface) with faults (every proxy mode, kill -9 of either
// process and a restart on the same data folder, the simulator's duplicated, reordered and dropped delivery, 4xx
// refusals). Each side's acknowledged operations are recorded; after the run the faults heal, the link settles,
// and both databases are read:
//   lost     an acknowledged operation, or a message one side stored for the other, missing on the other side
//   doubled  something applied twice (two cases for one ticket, more steps at the district than the hall took)
//   diverged the two sides' views of a ticket disagree and no conflict was raised for it
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { createRng, type Rng } from '../../electron/common/prng.ts';
import type { CaseAction, CaseState } from '../../electron/common/protocol.ts';
import { startDistrict, type DistrictProcess } from './district-process.ts';
import { startFaultProxy, type FaultProxy } from './fault-proxy.ts';
import { startHall, type HallProcess } from './hall-process.ts';
import { connect, draft, type TestClient } from './ws-client.ts';

export const FAULTS = ['cut', 'reset', 'halfOpen', 'blackhole', 'latency', 'slicing', 'killHall', 'killDistrict', 'dupReorder', 'dropEvery', 'refuse4xx'] as const;
export type FaultKind = (typeof FAULTS)[number];

export interface RunFigures {
  seed: number;
  /** Operations acknowledged by either side. */
  ops: number;
  faults: FaultKind[];
  lost: number;
  doubled: number;
  diverged: number;
  /** Disagreements the hall raised for the commander (S-7.4): shown, so not counted as diverged. */
  conflicts: number;
  /** One line per problem found (new in this run). */
  problems: string[];
  ms: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const one = <T>(rng: Rng, items: readonly T[]): T => items[rng.int(items.length)]!;

/** The next act of the lifecycle for a case in `state` (the closed loop of S-4.2, straight through). */
function nextAct(state: CaseState): CaseAction | null {
  switch (state) {
    case 'reported': return { action: 'register' };
    case 'registered': return { action: 'dispatch', lead: 'urban', assisting: [], forces: [], dutyRule: 'clear' };
    case 'dispatched': return { action: 'arrive' };
    case 'onScene': return { action: 'handle', note: '已处置', attachments: [], selfHandled: false };
    case 'handled': return { action: 'verify', passed: true, note: '' };
    case 'verified': return { action: 'close', note: '' };
    default: return null;
  }
}

const ADDRESSES = ['荣乐东路100号', '松江区荣乐东路501号', '玉树路12号', '中山中路88号', '谷阳北路300弄'];
const CATEGORIES = ['市容环境', '设施管理', '街面秩序', '安全隐患'];
const GRADES = ['urgent', 'major', 'general', 'minor'];

interface HallCaseRow { id: string; state: CaseState; externalId: string | null; urgency: string; description: string }
interface TicketRow { ticketNo: string; origin: string; caseId: string | null; state: string | null; steps: number; urgency: string; description: string; cancelledAt: number | null }

export interface FaultSession {
  run(seed: number, opts?: { steps?: number }): Promise<RunFigures>;
  close(): Promise<void>;
}

export async function startFaultSession(opts: { seed: number; log?: (line: string) => void }): Promise<FaultSession> {
  const log = opts.log ?? (() => {});
  let district: DistrictProcess | null = await startDistrict({ seed: opts.seed });
  const districtDir = district.dataDir;
  const enrolToken = district.ready.enrolToken!;
  const proxy: FaultProxy = await startFaultProxy({ target: { port: district.ready.port }, rng: createRng(opts.seed ^ 0x5bd1e995) });
  const hallArgs = ['--demo-feed', '0', '--district', `ws://127.0.0.1:${proxy.port}`, '--district-token', enrolToken];
  let hall: HallProcess | null = await startHall({ args: hallArgs });
  const hallDir = hall.dataDir;
  const hallId = hall.ready.hallId;
  let commander: TestClient | null = await connect(hall.wsUrl, { seatId: 'console-1', token: hall.tokenOf('console-1') });
  // The hall enrols at its first hello: until then the district has no hall to send tickets to.
  for (const end = Date.now() + 30_000; !(await district.status()).halls.some((h) => h.id === hallId && h.connected);) {
    if (Date.now() > end) throw new Error(`the hall did not connect to the district:\n${hall.output().slice(-2000)}`);
    await sleep(100);
  }
  let command = 0;
  let title = 0;

  // What each side acknowledged, over the whole session.
  const hallAcked: Array<{ eventSeq: number; type: 'case.created' | 'case.transitioned' }> = [];
  const districtTickets = new Set<string>();
  const districtUpdates = new Map<string, number>();
  const districtCancels = new Set<string>();
  /** Problems reported by earlier runs (each is reported once). */
  const known = new Set<string>();

  const hallDb = () => new Database(join(hallDir, 'hall.db'), { readonly: true, fileMustExist: true });
  const districtDb = () => new Database(join(districtDir, 'district.db'), { readonly: true, fileMustExist: true });
  const read = <T>(open: () => Database.Database, fn: (db: Database.Database) => T): T => {
    const db = open();
    try {
      return fn(db);
    } finally {
      db.close();
    }
  };
  const hallCases = (): HallCaseRow[] =>
    read(hallDb, (db) => (db.prepare('SELECT view FROM cases').all() as Array<{ view: string }>).map(({ view }) => {
      const v = JSON.parse(view) as { id: string; state: CaseState; externalId?: string; urgency: string; description?: string };
      return { id: v.id, state: v.state, externalId: v.externalId ?? null, urgency: v.urgency, description: v.description ?? '' };
    }));

  // ---- operations -------------------------------------------------------------------------------------------

  const hallCommand = async (body: Record<string, unknown>): Promise<number | null> => {
    const client = commander;
    if (!client || client.ws.readyState !== client.ws.OPEN) return null;
    const commandId = `fault-run-${String(++command).padStart(6, '0')}`;
    client.send({ type: 'command', commandId, command: body });
    const reply = await client.take((m) => (m.type === 'ack' || m.type === 'reject') && m.commandId === commandId, commandId, 10_000);
    return reply.type === 'ack' ? reply.eventSeq : null;
  };
  const createCase = async (rng: Rng) => {
    // Now and then with the number the caller gave, typed at intake: one the district's schema does not take,
    // or a 12345 work-order number the district does not know.
    const typed = rng.next() < 0.2 ? { externalId: rng.next() < 0.5 ? `来电工单 ${title}` : `24121600${String(title).padStart(5, '0')}` } : {};
    const seq = await hallCommand({ kind: 'case.create', draft: draft(`故障演练-${++title}`, { address: one(rng, ADDRESSES), category: one(rng, CATEGORIES), source: 'walkin', ...typed }) });
    if (seq !== null) hallAcked.push({ eventSeq: seq, type: 'case.created' });
    return seq !== null;
  };
  const actOnCase = async (rng: Rng) => {
    if (!commander) return issueTicket(rng);
    const open = hallCases().flatMap((c) => {
      const act = nextAct(c.state);
      return act ? [{ id: c.id, act }] : [];
    });
    if (!open.length) return createCase(rng);
    const { id, act } = one(rng, open);
    const seq = await hallCommand({ kind: 'case.act', caseId: id, act });
    if (seq !== null) hallAcked.push({ eventSeq: seq, type: 'case.transitioned' });
    return seq !== null;
  };
  const admin = async <T>(path: string, body: unknown): Promise<T | null> => {
    if (!district) return null;
    try {
      const answer = await district.admin<T>('POST', path, body);
      if (answer.status !== 200) log(`admin ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
      return answer.status === 200 ? answer.body : null;
    } catch {
      return null;
    }
  };
  const issueTicket = async (rng: Rng) => {
    const issued = await admin<{ ticket: { ticketNo: string } }>('/admin/ticket', { title: `区平台工单-${++title}`, address: one(rng, ADDRESSES), category: one(rng, CATEGORIES), source: 'hotline12345' });
    if (issued) districtTickets.add(issued.ticket.ticketNo);
    return issued !== null;
  };
  const liveTickets = () => [...districtTickets].filter((t) => !districtCancels.has(t));
  const updateTicket = async (rng: Rng) => {
    const tickets = liveTickets();
    if (!tickets.length) return issueTicket(rng);
    const ticketNo = one(rng, tickets);
    const done = await admin('/admin/ticket/update', { ticketNo, description: `区平台补充-${++title}`, urgency: one(rng, GRADES) });
    if (done) districtUpdates.set(ticketNo, (districtUpdates.get(ticketNo) ?? 0) + 1);
    return done !== null;
  };
  const cancelTicket = async (rng: Rng) => {
    const tickets = liveTickets();
    if (!tickets.length) return issueTicket(rng);
    const ticketNo = one(rng, tickets);
    const done = await admin('/admin/ticket/cancel', { ticketNo, reason: '市民撤诉' });
    if (done) districtCancels.add(ticketNo);
    return done !== null;
  };

  /** The storm comes or goes: CAP warnings and gauge readings every second come down too. */
  let storm = false;
  const toggleStorm = async () => {
    const done = await admin('/admin/storm', { on: !storm, gaugeEveryS: 1 });
    if (done) storm = !storm;
    return done !== null;
  };

  // ---- faults -----------------------------------------------------------------------------------------------

  const restartHall = async () => {
    hall = await startHall({ dataDir: hallDir, args: hallArgs });
    commander = await connect(hall.wsUrl, { seatId: 'console-1', token: hall.tokenOf('console-1') });
  };
  const restartDistrict = async () => {
    district = await startDistrict({ dataDir: districtDir, seed: opts.seed });
    proxy.setTarget(district.ready.port);
  };
  /** Starts a fault; returns how to heal it. */
  const startFault = async (kind: FaultKind, rng: Rng): Promise<() => Promise<void>> => {
    switch (kind) {
      case 'cut': case 'reset':
        proxy.setMode(kind);
        return async () => proxy.setMode('pass');
      case 'halfOpen': case 'blackhole': {
        // Long enough for the hall to notice the silence (2.5 s) and try again into it.
        proxy.setMode(kind);
        const until = Date.now() + 3_000 + rng.int(2_000);
        return async () => {
          await sleep(until - Date.now());
          proxy.setMode('pass');
        };
      }
      case 'latency':
        proxy.setLatency(50 + rng.int(350));
        return async () => proxy.setLatency(0);
      case 'slicing':
        proxy.setSlicing(1 + rng.int(64));
        return async () => proxy.setSlicing(0);
      case 'killHall': {
        const h = hall!;
        await commander?.close().catch(() => {});
        commander = null;
        await h.kill();
        hall = null;
        return restartHall;
      }
      case 'killDistrict':
        await district!.kill();
        district = null;
        return restartDistrict;
      case 'dupReorder':
        await admin('/admin/misbehave', { duplicatePct: 30 + rng.int(71), reorder: true });
        return async () => void (await admin('/admin/misbehave', {}));
      case 'dropEvery':
        await admin('/admin/misbehave', { dropAfterDown: 1 + rng.int(4) });
        return async () => void (await admin('/admin/misbehave', {}));
      case 'refuse4xx':
        // The answers held back a while, and the link cut at the end: some refusals are lost with it.
        await admin('/admin/misbehave', { refuse: [{ kind: 'case.step', status: one(rng, [400, 409, 422]), reason: '演练拒收', forS: 2 + rng.int(3) }], delayMs: 200 + rng.int(1000) });
        return async () => {
          proxy.setMode('cut');
          await admin('/admin/misbehave', {});
          proxy.setMode('pass');
        };
    }
  };

  // ---- settling and checking --------------------------------------------------------------------------------

  const settled = async (): Promise<string | null> => {
    const status = await district!.hall(hallId).catch(() => null);
    if (!status) return 'the district does not answer';
    if (!status.connected) return 'the link is down';
    if (status.queued > 0) return `${status.queued} down messages unacknowledged`;
    if (status.received.held > 0) return `${status.received.held} up messages held at the district`;
    const hallSide = read(hallDb, (db) => ({
      pending: (db.prepare("SELECT count(*) AS n FROM upstream_outbox WHERE state = 'pending'").get() as { n: number }).n,
      ackedDown: Number((db.prepare("SELECT value FROM meta WHERE key = 'upstream_acked_down'").get() as { value: string } | undefined)?.value ?? 0),
    }));
    if (hallSide.pending > 0) return `${hallSide.pending} up messages pending at the hall`;
    if (hallSide.ackedDown !== status.lastDown) return `hall has down ${hallSide.ackedDown}, district sent ${status.lastDown}`;
    return null;
  };
  const settle = async (timeoutMs = 90_000) => {
    const end = Date.now() + timeoutMs;
    let why: string | null = 'not checked';
    while (Date.now() < end) {
      why = await settled();
      if (why === null) {
        // A quiet period: nothing may move after the link looked settled.
        await sleep(500);
        why = await settled();
        if (why === null) return;
      }
      await sleep(200);
    }
    throw new Error(`the link did not settle in ${timeoutMs / 1000} s: ${why}\n--- hall ---\n${hall?.output().slice(-3000)}\n--- district ---\n${district?.output().slice(-3000)}`);
  };

  const check = () => {
    const lost: string[] = [];
    const doubled: string[] = [];
    const diverged: string[] = [];
    const h = read(hallDb, (db) => ({
      events: new Map((db.prepare("SELECT seq, type FROM events WHERE type IN ('case.created', 'case.transitioned')").all() as Array<{ seq: number; type: string }>).map((e) => [e.seq, e.type])),
      fromDistrict: new Set((db.prepare("SELECT json_extract(payload, '$.id') AS id FROM events WHERE type = 'case.created' AND origin = 'upstream'").all() as Array<{ id: string }>).map((r) => r.id)),
      steps: new Map((db.prepare("SELECT json_extract(payload, '$.caseId') AS id, count(*) AS n FROM events WHERE type = 'case.transitioned' AND origin <> 'upstream' GROUP BY 1").all() as Array<{ id: string; n: number }>).map((r) => [r.id, r.n])),
      inbox: new Set((db.prepare('SELECT key FROM upstream_inbox').all() as Array<{ key: string }>).map((r) => r.key)),
      outbox: new Map((db.prepare('SELECT key, state, body FROM upstream_outbox').all() as Array<{ key: string; state: string; body: string }>).map((r) => [r.key, r])),
      conflicts: (db.prepare('SELECT view FROM conflicts').all() as Array<{ view: string }>).map((r) => JSON.parse(r.view) as { ticketNo: string | null; caseId: string | null }),
    }));
    const cases = hallCases();
    const d = read(districtDb, (db) => ({
      tickets: db.prepare(`SELECT ticket_no AS ticketNo, origin, case_id AS caseId, state, steps, urgency, description, cancelled_at AS cancelledAt
        FROM tickets WHERE hall_id = ?`).all(hallId) as TicketRow[],
      downKeys: (db.prepare('SELECT key FROM down_queue WHERE hall_id = ?').all(hallId) as Array<{ key: string }>).map((r) => r.key),
      up: db.prepare('SELECT key, outcome FROM up_messages WHERE hall_id = ?').all(hallId) as Array<{ key: string; outcome: string }>,
    }));

    // Each side kept what it acknowledged.
    for (const a of hallAcked) if (h.events.get(a.eventSeq) !== a.type) lost.push(`hall lost its acknowledged ${a.type} ${a.eventSeq}`);
    const byTicket = new Map(d.tickets.map((t) => [t.ticketNo, t]));
    for (const t of districtTickets) if (!byTicket.has(t)) lost.push(`district lost its acknowledged ticket ${t}`);
    for (const t of districtCancels) if (byTicket.get(t)?.cancelledAt == null) lost.push(`district lost its acknowledged cancel of ${t}`);
    for (const [t, n] of districtUpdates) {
      const stored = d.downKeys.filter((k) => k.startsWith(`update:${t}:`)).length;
      if (stored < n) lost.push(`district stored ${stored} of ${n} acknowledged updates of ${t}`);
    }

    // Down: every message the district stored for the hall arrived once.
    for (const key of d.downKeys) if (!h.inbox.has(key)) lost.push(`down message ${key} never reached the hall`);
    // Up: every message the hall queued reached the district once, refusals included.
    const upByKey = new Map(d.up.map((u) => [u.key, u]));
    for (const u of d.up) if (u.outcome === 'duplicate') doubled.push(`up message ${u.key} stored twice at the district`);
    for (const [key, row] of h.outbox) {
      const there = upByKey.get(key);
      if (!there) lost.push(`up message ${key} (${row.state}) never reached the district`);
      else if (there.outcome === 'refused' && row.state !== 'rejected') lost.push(`the district refused ${key} but the hall has it ${row.state}`);
      else if (there.outcome !== 'refused' && row.state === 'rejected') diverged.push(`the hall has ${key} rejected, the district ${there.outcome}`);
    }
    const refusedSteps = new Map<string, number>();
    for (const row of h.outbox.values()) {
      if (row.state !== 'rejected') continue;
      const body = JSON.parse(row.body) as { kind: string; caseId: string };
      refusedSteps.set(body.caseId, (refusedSteps.get(body.caseId) ?? 0) + 1);
    }

    // Projections: each ticket and each case once on both sides, agreeing.
    const explained = (ticketNo: string, caseId: string | undefined) =>
      h.conflicts.some((c) => c.ticketNo === ticketNo || (caseId !== undefined && c.caseId === caseId)) || (caseId !== undefined && refusedSteps.has(caseId));
    const casesByExternal = new Map<string, HallCaseRow[]>();
    for (const c of cases) if (c.externalId) casesByExternal.set(c.externalId, [...(casesByExternal.get(c.externalId) ?? []), c]);
    const ticketByCase = new Map(d.tickets.flatMap((t) => (t.caseId ? [[t.caseId, t] as const] : [])));
    for (const t of d.tickets) {
      const mine = casesByExternal.get(t.ticketNo) ?? [];
      if (mine.length === 0) {
        (t.origin === 'district' ? lost : diverged).push(`ticket ${t.ticketNo} (${t.origin}) has no case at the hall`);
        continue;
      }
      if (mine.length > 1) doubled.push(`ticket ${t.ticketNo} is ${mine.length} cases at the hall`);
      const c = mine[0]!;
      if (explained(t.ticketNo, c.id)) continue;
      const expected = t.cancelledAt !== null ? 'cancelled' : (t.state ?? 'reported');
      if (c.state !== expected) diverged.push(`ticket ${t.ticketNo}: hall ${c.state}, district ${expected}`);
      if (c.urgency !== t.urgency) diverged.push(`ticket ${t.ticketNo}: urgency hall ${c.urgency}, district ${t.urgency}`);
      if (c.description !== t.description) diverged.push(`ticket ${t.ticketNo}: description hall ${JSON.stringify(c.description)}, district ${JSON.stringify(t.description)}`);
    }
    for (const c of cases) {
      const ticket = ticketByCase.get(c.id);
      if (!h.fromDistrict.has(c.id) && !ticket) lost.push(`the hall's case ${c.id} never reached the district`);
      const hallSteps = (h.steps.get(c.id) ?? 0) - (refusedSteps.get(c.id) ?? 0);
      const districtSteps = ticket?.steps ?? 0;
      if (districtSteps < hallSteps) lost.push(`case ${c.id}: ${hallSteps} steps at the hall, ${districtSteps} at the district`);
      if (districtSteps > hallSteps) doubled.push(`case ${c.id}: ${hallSteps} steps at the hall, ${districtSteps} at the district`);
    }
    return { lost, doubled, diverged, conflicts: h.conflicts.length };
  };

  // ---- a run ------------------------------------------------------------------------------------------------

  const run = async (seed: number, { steps = 30 } = {}): Promise<RunFigures> => {
    const started = Date.now();
    const rng = createRng(seed);
    // Every run has one fault of its own by its seed (so that ten seeds cover them all) and two drawn at random.
    const faults: FaultKind[] = [FAULTS[seed % FAULTS.length]!, one(rng, FAULTS), one(rng, FAULTS)];
    const faultAt = new Map(faults.map((f, i) => [Math.floor(((i + rng.next()) * steps) / faults.length), f]));
    let heal: (() => Promise<void>) | null = null;
    let healAt = 0;
    let ops = 0;
    for (let step = 0; step < steps; step++) {
      if (heal && step >= healAt) {
        await heal();
        heal = null;
      }
      const fault = faultAt.get(step);
      if (fault && !heal) {
        log(`seed ${seed} step ${step}: ${fault}`);
        heal = await startFault(fault, rng);
        healAt = step + 2 + rng.int(6);
      }
      const pick = rng.next();
      const op = pick < 0.25 ? createCase : pick < 0.6 ? actOnCase : pick < 0.78 ? issueTicket : pick < 0.9 ? updateTicket : pick < 0.97 ? cancelTicket : toggleStorm;
      if (await op(rng)) ops++;
      await sleep(20 + rng.int(180));
    }
    if (heal) await heal();
    // Gauge readings every second would never let the link look settled.
    if (storm) await toggleStorm();
    await settle();
    const found = check();
    const fresh = (list: string[]) => list.filter((p) => !known.has(p));
    const figures = { lost: fresh(found.lost), doubled: fresh(found.doubled), diverged: fresh(found.diverged) };
    const problems = [...figures.lost, ...figures.doubled, ...figures.diverged];
    problems.forEach((p) => known.add(p));
    return {
      seed, ops, faults, lost: figures.lost.length, doubled: figures.doubled.length, diverged: figures.diverged.length,
      conflicts: found.conflicts, problems, ms: Date.now() - started,
    };
  };

  return {
    run,
    async close() {
      await commander?.close().catch(() => {});
      await hall?.stop();
      await district?.stop();
      await proxy.close();
    },
  };
}
