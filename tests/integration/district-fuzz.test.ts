// More than 10,000 hostile frames against a running district simulator: not JSON, JSON of the wrong shape,
// every field of every frame broken in turn, frames a hall must not send, schema-valid messages meant to hurt
// (gaps, far seqs, foreign keys, unknown tickets, SQL and control characters), binary, oversized and invalid
// UTF-8 frames, hostile hellos. It must answer each bad frame with an error, close links that keep at it,
// never crash, still serve an honest hall afterwards, and store nothing that is not valid.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../../electron/common/prng.ts';
import { DownBody, UPSTREAM_PROTOCOL_VERSION, UpBody, parseUpstreamFrame } from '../../electron/common/upstream-protocol.ts';
import { Id } from '../../electron/common/domain/case-model.ts';
import { startDistrict, type DistrictProcess } from '../helpers/district-process.ts';
import { caseNew, caseStep, connectUpstream, helloUpstream, type UpstreamTestClient } from '../helpers/upstream-client.ts';

const FRAMES = 10_000;
const rng = createRng(20260712);
const one = <T>(r: Rng, items: readonly T[]): T => items[r.int(items.length)]!;

const NASTY = [
  '', ' ', '\u0000', "'); DROP TABLE halls;--", '" OR 1=1 --', '\u202e\u202d', '😀'.repeat(50), 'a'.repeat(5000), '../../etc/passwd',
  '__proto__', 'constructor', '%s%n', '\ud800', '<script>alert(1)</script>', '1e309', 'NaN', '-0', '\r\n\t',
];
const NUMBERS = [-1, 0, 0.5, 1.5, 2 ** 53, 2 ** 63, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 7];
const VALUES: unknown[] = [null, true, false, [], {}, [[[]]], { a: { b: { c: {} } } }, ...NUMBERS, ...NASTY];

function deep(n: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < n; i++) v = { a: v };
  return v;
}

/** A frame a hall could send, before it is broken. */
function honest(r: Rng, hallId: string, seq: number): Record<string, unknown> {
  switch (r.int(6)) {
    case 0: return caseNew(hallId, seq, `f${seq}`) as never;
    case 1: return caseStep(hallId, seq, `f${r.int(50)}`, one(r, ['registered', 'dispatched', 'closed'] as const), r.next() < 0.5 ? `SJ-2026-${String(r.int(999999)).padStart(6, '0')}` : undefined) as never;
    case 2: return { type: 'up', seq, key: `${hallId}:${seq}`, body: { kind: 'report.daily', date: '2026-07-12', figures: { cases: r.int(100), rate: null } } };
    case 3: return { type: 'ack', dir: 'down', seq: 0 };
    case 4: return { type: 'heartbeat', at: Date.now() };
    default: return { type: 'hello', protocol: UPSTREAM_PROTOCOL_VERSION, hallId, token: 'x'.repeat(10), ackedDown: 0 };
  }
}

/** Breaks one thing of a frame: a field's value, a field gone or added, the body's kind. */
function mutate(r: Rng, frame: Record<string, unknown>): unknown {
  const copy = structuredClone(frame) as Record<string, unknown>;
  const body = copy.body as Record<string, unknown> | undefined;
  const target = body && r.next() < 0.5 ? body : copy;
  const keys = Object.keys(target);
  switch (r.int(5)) {
    case 0: target[one(r, keys)] = one(r, VALUES); break;
    case 1: delete target[one(r, keys)]; break;
    case 2: target[one(r, ['__proto__', 'constructor', 'extra', 'type', 'kind'])] = one(r, VALUES); break;
    case 3: copy.type = one(r, ['welcome', 'down', 'refuse', 'error', 'launch', '', 'UP', 'up ']); break;
    default: if (body) body.kind = one(r, ['case.delete', 'ticket.new', 'cap.alert', '', 'CASE.NEW']); else copy.seq = one(r, NUMBERS);
  }
  return copy;
}

type Shot = { data: string | Buffer; binary?: boolean; fatal?: boolean };

/** One hostile frame. */
function hostile(r: Rng, hallId: string, seq: number): Shot {
  const pick = r.next();
  if (pick < 0.1) return { data: one(r, ['{', '}{', 'null', '[]', '"up"', '{"type":', 'undefined', '{"type":"up",}', ...NASTY]) };
  if (pick < 0.15) return { data: JSON.stringify(one(r, [deep(200), Array(2000).fill(1), { type: 'up', seq: 1, key: 'k'.repeat(200), body: deep(50) }])) };
  if (pick < 0.17) return { data: Buffer.from([0x7b, 0xff, 0xfe, 0x00]), binary: true };
  if (pick < 0.175) return { data: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), fatal: true };
  if (pick < 0.178) return { data: `{"type":"heartbeat","at":1,"pad":"${'x'.repeat(520 * 1024)}"}`, fatal: true };
  if (pick < 0.45) {
    // Valid frames meant to hurt: seqs anywhere, keys of other halls, nasty text that passes the schema.
    const f = honest(r, hallId, one(r, [seq, r.int(3000) + 1, 1, seq + 900, seq + 5000]));
    if (f.type === 'up' && r.next() < 0.3) f.key = one(r, [`${hallId}:x`, `other:${seq}`, `${hallId}:${seq}; DROP TABLE up_messages`]);
    if (f.type === 'up' && (f.body as { kind: string }).kind === 'case.new' && r.next() < 0.5) {
      (f.body as { draft: Record<string, unknown> }).draft.title = one(r, NASTY.filter((s) => s.trim().length > 0 && s.length < 200));
    }
    return { data: JSON.stringify(f) };
  }
  return { data: JSON.stringify(mutate(r, honest(r, hallId, seq))) };
}

/** Errors a frame must be answered with, if it reaches a link that has said hello: 1, 0, or null (maybe one). */
function expectedErrors(shot: Shot): 0 | 1 | null {
  if (shot.fatal) return 0;
  if (shot.binary) return 1;
  const parsed = parseUpstreamFrame(shot.data as string);
  if (!parsed.ok) return 1;
  const f = parsed.frame;
  if (f.type === 'hello' || f.type === 'welcome' || f.type === 'down' || f.type === 'refuse') return 1;
  if (f.type === 'ack') return f.dir === 'up' || f.seq > 0 ? 1 : 0;
  // An up seq already stored under another key is named; which ones are is the district's business.
  return f.type === 'up' ? null : 0;
}

let district: DistrictProcess;
beforeAll(async () => {
  district = await startDistrict();
});
afterAll(async () => {
  await district.stop();
});

describe('district fuzz', () => {
  it(`answers ${FRAMES.toLocaleString('en')} hostile frames with errors, closes links that keep at it, never crashes`, { timeout: 120_000 }, async () => {
    const token = district.ready.enrolToken!;
    const HALLS = ['hall-fuzz-a', 'hall-fuzz-b', 'hall-fuzz-c'];
    let sent = 0;
    let errorsSeen = 0;
    let closes = 0;
    let syncs = 0;
    let client: UpstreamTestClient | null = null;
    let hallId = HALLS[0]!;
    let seq = 1;

    while (sent < FRAMES) {
      if (!client || client.ws.readyState !== client.ws.OPEN) {
        if (client) closes++;
        hallId = one(rng, HALLS);
        if (rng.next() < 0.1) {
          // A hostile hello: wrong token, unknown hall, other protocol, or no hello at all.
          const c = await connectUpstream(district.upstreamUrl);
          c.sendRaw(one(rng, [
            JSON.stringify({ type: 'hello', protocol: UPSTREAM_PROTOCOL_VERSION, hallId, token: 'wrong-token-x', ackedDown: 0 }),
            JSON.stringify({ type: 'hello', protocol: UPSTREAM_PROTOCOL_VERSION, hallId: 'a'.repeat(65), token, ackedDown: 0 }),
            JSON.stringify({ type: 'hello', protocol: 0, hallId, token, ackedDown: -1 }),
            JSON.stringify({ type: 'up', seq: 1, key: 'x:1', body: {} }),
            'hello',
          ]));
          sent++;
          expect((await c.next('error')).reason.length).toBeGreaterThan(0);
          expect([4001, 4002, 4003]).toContain((await c.closed).code);
          client = null;
          continue;
        }
        client = (await helloUpstream(district.upstreamUrl, { hallId, token })).client;
      }
      const batch = Array.from({ length: 1 + rng.int(15) }, () => hostile(rng, hallId, ++seq));
      const before = client.frames.filter((f) => f.type === 'error').length;
      for (const shot of batch) client.sendRaw(shot.data, shot.binary);
      sent += batch.length;
      // Frames are answered in order, up messages after the others of their turn: the refusal of this one (too
      // far ahead to be held) comes after every answer to the batch.
      const marker = 900_000_000 + syncs;
      client.send({ type: 'up', seq: marker, key: `${hallId}:${marker}`, body: { kind: 'report.daily', date: '2026-07-12', figures: {} } });
      const fatal = batch.some((s) => s.fatal);
      const answered = await Promise.race([
        client.next('refuse', (f) => f.seq === marker, 5000).then(() => true),
        client.closed.then(() => false),
      ]);
      const errors = client.frames.filter((f) => f.type === 'error').length - before;
      errorsSeen += errors;
      if (answered) {
        syncs++;
        expect(fatal).toBe(false);
        const expected = batch.map(expectedErrors);
        const least = expected.filter((e) => e === 1).length;
        const most = least + expected.filter((e) => e === null).length;
        expect(errors).toBeGreaterThanOrEqual(least);
        expect(errors).toBeLessThanOrEqual(most);
      } else {
        // Closed: too many bad frames (1008), a frame over the limit (1009), invalid UTF-8 (1007).
        expect([1007, 1008, 1009]).toContain((await client.closed).code);
      }
    }
    console.log(`district fuzz: ${sent} hostile frames, ${errorsSeen} errors answered, ${syncs} batches confirmed, ${closes} links closed by the district`);
    expect(sent).toBeGreaterThanOrEqual(FRAMES);
    expect(closes).toBeGreaterThan(10);
    expect(district.proc.exitCode).toBeNull();

    // Still serving an honest hall.
    const { client: honestHall } = await helloUpstream(district.upstreamUrl, { hallId: 'hall-honest', token });
    honestHall.send(caseNew('hall-honest', 1, 'c1'));
    expect((await honestHall.next('down')).body).toMatchObject({ kind: 'case.numbered', caseId: 'c1' });
    await honestHall.close();
    expect(district.output()).not.toMatch(/fatal|TypeError|RangeError|failed on this frame/);
  });

  it('stored nothing that is not valid', () => {
    const db = new Database(join(district.dataDir, 'district.db'), { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const halls = db.prepare('SELECT id, acked_up AS ackedUp, next_down_seq AS nextDownSeq FROM halls').all() as Array<{ id: string; ackedUp: number; nextDownSeq: number }>;
      for (const h of halls) expect(Id.safeParse(h.id).success, h.id).toBe(true);
      const cursor = new Map(halls.map((h) => [h.id, h.ackedUp]));
      const ups = db.prepare('SELECT hall_id AS hallId, seq, key, kind, body, outcome, status FROM up_messages').all() as Array<{ hallId: string; seq: number; key: string; kind: string; body: string; outcome: string; status: number | null }>;
      expect(ups.length).toBeGreaterThan(100);
      for (const u of ups) {
        const body = UpBody.safeParse(JSON.parse(u.body));
        expect(body.success, u.body).toBe(true);
        expect(body.data!.kind).toBe(u.kind);
        expect(Number.isSafeInteger(u.seq) && u.seq > 0).toBe(true);
        // Held: waiting for a gap before it; applied: passed by the cursor (refusals and duplicates may wait too).
        if (u.outcome === 'held') expect(u.seq).toBeGreaterThan(cursor.get(u.hallId)!);
        if (u.outcome === 'applied') expect(u.seq).toBeLessThanOrEqual(cursor.get(u.hallId)!);
        if (u.outcome === 'refused') expect(u.status).toBeGreaterThanOrEqual(400);
      }
      const downs = db.prepare('SELECT body FROM down_queue').all() as Array<{ body: string }>;
      for (const d of downs) expect(DownBody.safeParse(JSON.parse(d.body)).success, d.body).toBe(true);
      const numbered = db.prepare("SELECT case_id AS caseId FROM tickets WHERE origin = 'hall'").all() as Array<{ caseId: string }>;
      for (const t of numbered) expect(Id.safeParse(t.caseId).success).toBe(true);
    } finally {
      db.close();
    }
  });
});
