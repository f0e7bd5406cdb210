import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HallEvent, type CaseDraft } from '../../electron/common/protocol.ts';
import { caseCreatedSpec } from '../../electron/hall/commands.ts';
import { createEventLog } from '../../electron/hall/event-log.ts';
import { rebuildProjections } from '../../electron/hall/projections.ts';
import { loadCases } from '../../electron/hall/store/case-table.ts';
import { openStore } from '../../electron/hall/store/database.ts';
import { MIGRATIONS } from '../../electron/hall/store/migrations.ts';
import { tempDataDir } from '../helpers/hall-process.ts';

const draft = (title: string): CaseDraft => ({ title, description: '', source: 'hotline12345', urgency: 'general', category: '市容环境', address: '' });
const spec = (title: string, idemKey?: string) => caseCreatedSpec(draft(title), { origin: 'hall', seat: 'console-1', at: 1_700_000_000_000, ...(idemKey ? { idemKey } : {}) });
const freshStore = () => openStore(join(tempDataDir('store-'), 'hall.db'));

describe('store', () => {
  it('runs every migration once, in WAL mode, and refuses a newer schema', () => {
    const path = join(tempDataDir('store-'), 'hall.db');
    const store = openStore(path);
    expect(store.schemaVersion()).toBe(MIGRATIONS.length);
    expect(store.get<{ journal_mode: string }>('PRAGMA journal_mode')?.journal_mode).toBe('wal');
    store.close();
    const reopened = openStore(path);
    expect(reopened.schemaVersion()).toBe(MIGRATIONS.length);
    reopened.close();
    const raw = new Database(path);
    raw.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    raw.close();
    expect(() => openStore(path)).toThrow(/newer than this hall/);
  });

  it('rolls back a failed write transaction whole', () => {
    const store = freshStore();
    expect(() =>
      store.writeTx(() => {
        store.run("INSERT INTO meta (key, value) VALUES ('a', '1')");
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(store.get("SELECT value FROM meta WHERE key = 'a'")).toBeUndefined();
  });
});

describe('event log', () => {
  it('gives strictly increasing sequences and unique ids, and projects cases in the same transaction', () => {
    const store = freshStore();
    const log = createEventLog(store);
    const appended = ['一', '二', '三'].map((t) => log.append(spec(t)));
    expect(appended.map((a) => a.event.seq)).toEqual([1, 2, 3]);
    expect(new Set(appended.map((a) => a.event.id)).size).toBe(3);
    expect(log.head()).toBe(3);
    expect(loadCases(store).map((c) => [c.no, c.title, c.state])).toEqual([[1, '一', 'reported'], [2, '二', 'reported'], [3, '三', 'reported']]);
    // The wire form leaves a new case's defaults out; the protocol schema restores them.
    expect(HallEvent.parse(JSON.parse(appended[1]!.json))).toEqual(appended[1]!.event);
  });

  it('stores a command once however often it is retried (idempotency key)', () => {
    const store = freshStore();
    const log = createEventLog(store);
    const first = log.append(spec('重复', 'console-1/cmd-1'));
    const again = log.append(spec('重复', 'console-1/cmd-1'));
    expect(again.duplicate).toBe(true);
    expect(again.event).toEqual(first.event);
    expect(log.head()).toBe(1);
    expect(loadCases(store)).toHaveLength(1);
  });

  it('is append-only: updates and deletes are refused by the database itself', () => {
    const store = freshStore();
    createEventLog(store).append(spec('x'));
    expect(() => store.run("UPDATE events SET type = 'x'")).toThrow(/append-only/);
    expect(() => store.run('DELETE FROM events')).toThrow(/append-only/);
  });

  it('resumes the sequence and the hash chain after reopening, and detects tampering', () => {
    const dir = tempDataDir('store-');
    const path = join(dir, 'hall.db');
    let store = openStore(path);
    createEventLog(store).append(spec('a'));
    store.close();
    store = openStore(path);
    const log = createEventLog(store);
    expect(log.append(spec('b')).event.seq).toBe(2);
    expect(log.verifyChain()).toBeNull();
    store.close();
    const raw = new Database(path);
    raw.exec('DROP TRIGGER events_append_only_update');
    raw.prepare("UPDATE events SET payload = json_set(payload, '$.title', 'forged') WHERE seq = 1").run();
    raw.close();
    store = openStore(path);
    expect(createEventLog(store).verifyChain()).toBe(1);
  });

  it('chains the officer of an event with it, and still verifies the rows that have none', () => {
    const dir = tempDataDir('store-');
    const path = join(dir, 'hall.db');
    let store = openStore(path);
    const log = createEventLog(store);
    log.append(spec('no officer'));
    const stamped = log.append({ ...spec('by the desk'), seat: 'desk-police', officer: { name: '沈晨', badge: '031245' } });
    expect(stamped.event.officer).toEqual({ name: '沈晨', badge: '031245' });
    expect(JSON.parse(stamped.json).officer).toEqual({ name: '沈晨', badge: '031245' });
    expect(JSON.parse(log.tailJson(0)[0]!)).not.toHaveProperty('officer');
    expect(log.verifyChain()).toBeNull();
    store.close();
    const raw = new Database(path);
    raw.exec('DROP TRIGGER events_append_only_update');
    raw.prepare(`UPDATE events SET officer = '{"name":"王五","badge":"000001"}' WHERE seq = 2`).run();
    raw.close();
    store = openStore(path);
    expect(createEventLog(store).verifyChain(), 'a forged officer breaks the chain').toBe(2);
  });

  it('rolls a failed batch back whole, head included', () => {
    const store = freshStore();
    const log = createEventLog(store);
    log.append(spec('a'));
    const poisoned = { ...spec('bad'), type: undefined as never };
    expect(() => log.appendMany([spec('b'), poisoned])).toThrow();
    expect(log.head()).toBe(1);
    expect(log.append(spec('c')).event.seq).toBe(2);
    expect(log.verifyChain()).toBeNull();
  });

  it('serves the tail after a sequence, in order', () => {
    const store = freshStore();
    const log = createEventLog(store);
    for (const t of ['a', 'b', 'c', 'd']) log.append(spec(t));
    expect(log.tailJson(2).map((j) => JSON.parse(j).seq)).toEqual([3, 4]);
    expect(log.tailJson(4)).toEqual([]);
  });

  it('rebuilds projections from the log to exactly what was projected live', () => {
    const store = freshStore();
    const log = createEventLog(store);
    // More than one replay page (5000), appended in batches.
    for (let b = 0; b < 12; b++) log.appendMany(Array.from({ length: 1000 }, (_, i) => spec(`事件${b}-${i}`)));
    const live = loadCases(store);
    expect(rebuildProjections(store)).toBe(12_000);
    expect(loadCases(store)).toEqual(live);
  });
});

describe('group commit', () => {
  it('commits a batch together and rolls back a failing member alone', () => {
    const store = freshStore();
    const log = createEventLog(store);
    const results = log.batch(() => [
      log.append(spec('甲')),
      (() => {
        try {
          return log.append({ ...spec('坏'), type: undefined as never });
        } catch {
          return null;
        }
      })(),
      log.append(spec('乙')),
    ]);
    expect(results.map((r) => r?.event.seq ?? null)).toEqual([1, null, 2]);
    expect(loadCases(store).map((c) => c.title)).toEqual(['甲', '乙']);
    expect(log.verifyChain()).toBeNull();
  });
});
