// The one module that talks to the SQLite driver. better-sqlite3 (not the customer's `sqlite3`, which is
// deprecated upstream): synchronous, fast, N-API prebuilds that load in Node and Electron alike, FTS5.
// The hall core is the only writer; writes go through `writeTx`, which takes the write lock up front
// (BEGIN IMMEDIATE) so a transaction never fails half-way on a lock upgrade.
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations.ts';

export type Row = Record<string, unknown>;

export interface Store {
  readonly path: string;
  /** Runs fn in a BEGIN IMMEDIATE transaction; rolls back if fn throws. */
  writeTx<T>(fn: () => T): T;
  run(sql: string, ...params: unknown[]): { changes: number; lastInsertRowid: number | bigint };
  get<T = Row>(sql: string, ...params: unknown[]): T | undefined;
  all<T = Row>(sql: string, ...params: unknown[]): T[];
  /** Lazily iterates rows: for replaying large logs without loading them whole. */
  iterate<T = Row>(sql: string, ...params: unknown[]): IterableIterator<T>;
  schemaVersion(): number;
  close(): void;
}

/** `readonly`: a reader beside the one writer (the KPI worker): it never migrates and cannot write. */
export function openStore(path: string, { readonly = false } = {}): Store {
  const db = new Database(path, { readonly, fileMustExist: readonly });
  db.pragma('busy_timeout = 5000');
  // A larger page cache than SQLite's 2 MB: the indexes of months of cases stay in memory.
  db.pragma('cache_size = -65536');
  if (readonly) {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version !== MIGRATIONS.length) throw new Error(`database schema ${version} is not this hall's (${MIGRATIONS.length}); the reader opens only a migrated database`);
  } else {
    // WAL: readers never block the writer. FULL: an acknowledged write survives power loss, not only a crash.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    migrate(db);
  }

  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare(sql)));
    return statement;
  };
  return {
    path,
    writeTx: (fn) => db.transaction(fn).immediate(),
    run: (sql, ...params) => prepared(sql).run(...params),
    get: (sql, ...params) => prepared(sql).get(...params) as never,
    all: (sql, ...params) => prepared(sql).all(...params) as never,
    iterate: (sql, ...params) => prepared(sql).iterate(...params) as never,
    schemaVersion: () => db.pragma('user_version', { simple: true }) as number,
    close: () => db.close(),
  };
}

function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(`database schema ${current} is newer than this hall (${MIGRATIONS.length}); refusing to open it`);
  }
  MIGRATIONS.slice(current).forEach((sql, i) => {
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${current + i + 1}`);
    }).immediate();
  });
}
