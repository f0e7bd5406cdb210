// The audit chain checked while the hall runs (electron/hall/audit-chain.ts), over a real SQLite file that the
// tests tamper with through a connection of their own (the store's triggers refuse UPDATE and DELETE, so the
// test drops them there first): incremental from the verified mark, in pages that yield, a broken row named by
// its sequence, and a mark that never moves past it.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaseDraft } from '../../electron/common/protocol.ts';
import { createChainAuditor, type ChainAuditorDeps } from '../../electron/hall/audit-chain.ts';
import { chainHash, GENESIS } from '../../electron/hall/chain-hash.ts';
import { caseCreatedSpec } from '../../electron/hall/commands.ts';
import { createEventLog, type EventLog } from '../../electron/hall/event-log.ts';
import { openStore, type Store } from '../../electron/hall/store/database.ts';
import { tempDataDir } from '../helpers/hall-process.ts';

const draft = (title: string): CaseDraft => ({ title, description: '', source: 'patrol', urgency: 'general', category: '市容环境', address: '' });

function logOf(events: number) {
  const path = join(tempDataDir('chain-'), 'hall.db');
  const store = openStore(path);
  const log = createEventLog(store);
  const add = (n: number) => {
    for (let i = 0; i < n; i++) log.append(caseCreatedSpec(draft(`事件 ${log.head() + 1}`), { origin: 'hall', seat: 'console-1', at: 1_700_000_000_000 + i }));
  };
  add(events);
  return { path, store, log, add };
}

const lines: string[] = [];
const auditor = (store: Store, log: EventLog, extra: Partial<ChainAuditorDeps> = {}) =>
  createChainAuditor({ store, head: log.head, now: Date.now, log: (l) => lines.push(l), pageRows: 4, sliceMs: 0, ...extra });

async function checked(store: Store, log: EventLog, from: 'mark' | 'start' = 'mark') {
  const a = auditor(store, log);
  a.check('start', from);
  await a.idle();
  return a.status();
}

/** Changes stored rows behind the store's back, as someone with the file could. */
function tamper(path: string, sql: string, ...params: unknown[]) {
  const raw = new Database(path);
  raw.exec('DROP TRIGGER IF EXISTS events_append_only_update; DROP TRIGGER IF EXISTS events_append_only_delete');
  raw.prepare(sql).run(...params);
  raw.close();
}

describe('the audit chain auditor', () => {
  it('verifies up to the head, then only the rows appended since (the mark survives a new auditor, as after a restart)', async () => {
    const { store, log, add } = logOf(10);
    const first = await checked(store, log);
    expect(first).toMatchObject({ state: 'intact', verifiedSeq: 10, headSeq: 10, broken: null, run: { from: 0, target: 10, atSeq: 10, rowsRead: 10, trigger: 'start' } });
    add(5);
    const second = await checked(store, log);
    expect(second).toMatchObject({ state: 'intact', verifiedSeq: 15, run: { from: 10, target: 15, rowsRead: 5 } });
    const nothingNew = await checked(store, log);
    expect(nothingNew.run).toMatchObject({ from: 15, rowsRead: 0 });
  });

  it('yields to the event loop between pages and reports its progress', async () => {
    const { store, log } = logOf(40);
    const a = auditor(store, log);
    let ticks = 0;
    const seen: number[] = [];
    const tick = () => {
      ticks += 1;
      seen.push(a.status().run?.atSeq ?? -1);
      if (a.status().state === 'running') setImmediate(tick);
    };
    expect(a.check('console', 'start').state).toBe('running');
    setImmediate(tick);
    expect(a.check('console', 'start').run?.atSeq, 'a second request joins the running check').toBeLessThan(40);
    await a.idle();
    expect(ticks).toBeGreaterThanOrEqual(9);
    expect(seen.filter((s) => s > 0 && s < 40).length, 'progress seen between pages').toBeGreaterThan(3);
    expect(a.status()).toMatchObject({ state: 'intact', verifiedSeq: 40, run: { rowsRead: 40, finishedAt: expect.any(Number) } });
  });

  it('names a tampered row by its sequence and keeps the mark before it, on every later run too', async () => {
    const { path, store, log } = logOf(12);
    await checked(store, log);
    tamper(path, "UPDATE events SET payload = json_set(payload, '$.title', '篡改') WHERE seq = 7");
    const fromMark = await checked(store, log);
    expect(fromMark, 'a check from the mark reads only new rows: none').toMatchObject({ state: 'intact', run: { rowsRead: 0 } });
    const full = await checked(store, log, 'start');
    expect(full).toMatchObject({ state: 'broken', verifiedSeq: 6, broken: { seq: 7, reason: 'mismatch' } });
    expect(lines.at(-1)).toMatch(/audit chain BROKEN at seq 7 \(mismatch\)/);
    // New events: the mark stays before the broken row, and a check from it finds the row again.
    createEventLog(store).append(caseCreatedSpec(draft('之后'), { origin: 'hall', seat: 'console-1', at: 1 }));
    const again = await checked(store, log);
    expect(again).toMatchObject({ state: 'broken', verifiedSeq: 6, broken: { seq: 7 }, run: { from: 6, rowsRead: 4 } });
  });

  it('names a missing row', async () => {
    const { path, store, log } = logOf(9);
    tamper(path, 'DELETE FROM events WHERE seq = 5');
    expect(await checked(store, log)).toMatchObject({ state: 'broken', verifiedSeq: 4, broken: { seq: 5, reason: 'missing' } });
  });

  it('catches a chain rewritten consistently below the mark at the mark, and keeps the mark as the evidence', async () => {
    const { path, store, log } = logOf(10);
    await checked(store, log);
    // Forge row 3 and re-hash every row after it, so the chain verifies from the first row on.
    const raw = new Database(path);
    raw.exec('DROP TRIGGER events_append_only_update');
    raw.prepare("UPDATE events SET payload = json_set(payload, '$.title', '伪造') WHERE seq = 3").run();
    let prev = (raw.prepare('SELECT hash FROM events WHERE seq = 2').get() as { hash: string }).hash;
    for (const row of raw.prepare('SELECT * FROM events WHERE seq >= 3 ORDER BY seq').all() as Array<Parameters<typeof chainHash>[1] & { seq: number }>) {
      prev = chainHash(prev, row);
      raw.prepare('UPDATE events SET hash = ? WHERE seq = ?').run(prev, row.seq);
    }
    raw.close();
    expect(createEventLog(store).verifyChain(), 'the bare chain verifies').toBeNull();
    expect(await checked(store, log)).toMatchObject({ state: 'broken', verifiedSeq: 10, broken: { seq: 10, reason: 'anchor' } });
    expect(await checked(store, log, 'start')).toMatchObject({ state: 'broken', verifiedSeq: 10, broken: { seq: 10, reason: 'anchor' } });
  });

  it('stops at the next page when the hall stops, and starts no run after', async () => {
    const { store, log } = logOf(40);
    const a = auditor(store, log, { pageRows: 2 });
    a.check('start', 'start');
    await a.stop();
    const stopped = a.status();
    expect(stopped.run!.atSeq).toBeLessThan(40);
    expect(stopped.state).toBe('unchecked');
    expect(a.check('console', 'start').run).toEqual(stopped.run);
    await a.idle();
    expect(a.status().run).toEqual(stopped.run);
  });

  it('starts from the genesis hash on an empty log', async () => {
    const { store, log } = logOf(0);
    expect(await checked(store, log)).toMatchObject({ state: 'intact', verifiedSeq: 0, run: { rowsRead: 0 } });
    expect(GENESIS).toMatch(/^0{64}$/);
  });
});
